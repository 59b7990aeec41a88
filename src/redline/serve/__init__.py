"""The dashboard: ``redline serve`` shows the store, its evidence and, in review mode, takes corrections.

The app is built by :func:`redline.serve.app.create_app`; this package imports nothing,
so that the command line does not load FastAPI until ``serve`` runs.
"""

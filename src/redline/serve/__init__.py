"""The dashboard: ``redline serve`` shows the store, its evidence and, in review mode, takes corrections."""

from redline.serve.app import create_app

__all__ = ["create_app"]

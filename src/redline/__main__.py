"""``python -m redline`` runs the command line."""

from redline.cli import app

app()

"""Attribution: Document -> Statements (who said what, through which cue, at which span).

Each language has its own implementation under ``attribute/<language>/`` behind the
:class:`Attributor` protocol, as spaCy keeps each language under ``lang/<code>/``; the
pipeline picks one by the document's language. Shared code here holds no English words
and no language-specific dependency labels.
"""

from __future__ import annotations

from typing import Protocol

from redline.models import Document, Statement

__all__ = ["Attributor"]


class Attributor(Protocol):
    """Turns a document of one language into its attributed statements."""

    language: str
    model_name: str

    def statements(self, document: Document) -> list[Statement]:
        """Every attributed statement of the document, in text order."""
        ...

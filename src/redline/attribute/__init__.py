"""Attribution: Document -> Statements (who said what, through which cue, at which span).

Each language has its own implementation under ``attribute/<language>/`` behind the
:class:`Attributor` protocol, as spaCy keeps each language under ``lang/<code>/``; the
pipeline picks one by the document's language. Shared code here holds no English words
and no language-specific dependency labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from redline.models import Document, Statement

__all__ = ["Attributor", "BatchAttributor"]


class Attributor(Protocol):
    """Turns a document of one language into its attributed statements."""

    language: str
    model_name: str

    def statements(self, document: Document) -> list[Statement]:
        """Every attributed statement of the document, in text order."""
        ...


@runtime_checkable
class BatchAttributor(Attributor, Protocol):
    """An attributor that reads many documents in one stream, faster than one by one."""

    def statements_many(self, documents: Sequence[Document]) -> list[list[Statement] | Exception]:
        """Each document's statements, or the exception its analysis raised."""
        ...

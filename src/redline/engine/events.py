"""What an engine reports: events as it goes, and a summary at the end."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from redline.models import Document

EventKind = Literal["read", "skipped", "error", "stored", "analysed"]


@dataclass(frozen=True)
class Event:
    """Something the engine did, for progress displays and logs."""

    kind: EventKind
    subject: str

    @property
    def input_done(self) -> bool:
        """True when one input (article or failed source) has been dealt with."""
        return self.kind in ("read", "skipped", "error")

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}"


Notify = Callable[[Event], None]


def ignore(_event: Event) -> None:
    """The default listener: nobody is watching."""


@dataclass
class IngestSummary:
    """What an ingest did: counts, and one line per input that failed."""

    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    analysed: int = 0
    errors: list[str] = field(default_factory=list)
    # Documents whose analysis failed in this run (stored unanalysed).
    failed: set[str] = field(default_factory=set)
    # Documents stored but not analysed, one line each ("analysis skipped: no pipeline ...").
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no input failed."""
        return not self.errors


def analysis_error(document: Document, exc: Exception) -> str:
    """The one line that reports a document whose analysis failed."""
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())
    return f"{document.doc}: analysis failed, stored unanalysed for `redline analyse` ({reason})"

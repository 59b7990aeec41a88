"""Positions: who stands where on which issue, read with a pack's actors, issues and cues.

Each language has its own implementation under ``position/<language>/`` behind the
:class:`Positioner` protocol; the pack and the merge of readings into positions are shared.

    pack = load_pack("ukraine-security")
    statements, positions = EnglishPositioner(pack).positions(document, statements)
"""

from __future__ import annotations

from typing import Protocol

from redline.models import Document, Position, Statement
from redline.position.pack import Actor, Issue, Pack, StanceCues, load_pack

__all__ = ["Actor", "Issue", "Pack", "Positioner", "StanceCues", "load_pack"]


class Positioner(Protocol):
    """Statements and reporting of one language to positions, with one pack's data."""

    language: str
    pack: Pack

    def actor_of(self, speaker: str, role: str | None) -> str | None:
        """The actor a speaker speaks for (None for experts, outlets and the unknown)."""
        ...

    def positions(self, document: Document, statements: list[Statement]) -> tuple[list[Statement], list[Position]]:
        """Statements with their actors, and the document's positions."""
        ...

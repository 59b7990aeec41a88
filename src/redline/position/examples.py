"""A pack's own examples as its tests: each is run through the stage and compared.

Every issue of a pack may give example sentences with the actor and the stance they
express. ``redline pack check`` reads each one as a one-sentence article, through the
whole pipeline, and lists those read otherwise, each with the reason an explainer gives
(the step that found nothing, or the cue entries that decided the wrong stance), so a
pack's author sees at once which wordings the rules miss and what to change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from redline.models import Document, Position, Stance
from redline.position.cues import CONDITION_KINDS, POLAR_KINDS, SHARED, CueHit, quote
from redline.position.pack import Pack


class Explainer(Protocol):
    """Tells why a language's stage read an example as it did."""

    def deciding(self, text: str, position: Position) -> Sequence[CueHit]:
        """The cue entries that decided a position."""
        ...

    def why(self, text: str, actor: str, issue: str, found: Sequence[Position]) -> str:
        """Why no position of ``actor`` on ``issue`` was read (``found``: what was read)."""
        ...


@dataclass(frozen=True)
class Misread:
    """An example the stage reads otherwise than the pack says, and why."""

    issue: str
    text: str
    actor: str
    expected: Stance
    found: Stance | None
    reason: str = ""
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class PackCheck:
    """What ``redline pack check`` found: examples read wrongly, and warnings on the pack."""

    pack: str
    examples: int
    misread: list[Misread]
    warnings: list[str]


def misread_examples(pack: Pack, read: Callable[[Document], list[Position]],
                     explainer: Explainer | None = None) -> tuple[int, list[Misread]]:
    """(how many examples the pack has, those that ``read`` gets wrong)."""
    total = 0
    wrong: list[Misread] = []
    for issue in pack.issues:
        for number, example in enumerate(issue.examples):
            total += 1
            document = Document(id=f"{issue.id}-{number}", doc=f"{issue.id} example {number + 1}",
                                origin="pack", raw_text=example.text, text=example.text, language="en")
            positions = read(document)
            position = {(p.actor, p.issue): p for p in positions}.get((example.actor, issue.id))
            found = position.stance if position else None
            if found == example.stance:
                continue
            misread = Misread(issue.id, example.text, example.actor, example.stance, found)
            if explainer is not None and position is None:
                misread = _with(misread, explainer.why(example.text, example.actor, issue.id, positions), ())
            elif explainer is not None and position is not None:
                misread = _with(misread, *_decided(explainer.deciding(example.text, position), found))
            wrong.append(misread)
    return total, wrong


def _with(misread: Misread, reason: str, cues: tuple[str, ...]) -> Misread:
    return Misread(misread.issue, misread.text, misread.actor, misread.expected, misread.found, reason, cues)


def _decided(hits: Sequence[CueHit], found: Stance | None) -> tuple[str, tuple[str, ...]]:
    """The reason a stance was read, from the cues that decided it, with how to take out the
    shared entry behind it (a condition's marker for a wrong "conditional")."""
    cues = tuple(hit.describe() for hit in hits)
    if not cues:
        return "", cues
    reason = "decided by " + "; ".join(cues)
    # Taking out a negation ("not") would break every sentence: the hint names a directed cue.
    kinds = CONDITION_KINDS if found == "conditional" else [k for k in POLAR_KINDS if k != "negation"]
    shared = next((hit.entry for hit in hits if hit.entry.origin == SHARED and hit.entry.kind in kinds), None)
    if shared is not None:
        reason += (f"; a shared entry is taken out with `remove: {{cues: {{{shared.kind}: "
                   f"[{quote(shared.pattern)}]}}}}` (`redline pack PACK --cues` lists them all)")
    return reason, cues

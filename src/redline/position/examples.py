"""A pack's own examples as its tests: each is run through the stage and compared.

Every issue of a pack may give example sentences with the actor and the stance they
express. ``redline pack check`` reads each one as a one-sentence article, through the
whole pipeline, and lists those read otherwise, so a pack's author sees at once which
wordings the rules miss.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from redline.models import Document, Position, Stance
from redline.position.pack import Pack


@dataclass(frozen=True)
class Misread:
    """An example the stage reads otherwise than the pack says."""

    issue: str
    text: str
    actor: str
    expected: Stance
    found: Stance | None


def misread_examples(pack: Pack, read: Callable[[Document], list[Position]]) -> tuple[int, list[Misread]]:
    """(how many examples the pack has, those that ``read`` gets wrong)."""
    total = 0
    wrong: list[Misread] = []
    for issue in pack.issues:
        for number, example in enumerate(issue.examples):
            total += 1
            document = Document(id=f"{issue.id}-{number}", doc=f"{issue.id} example {number + 1}",
                                origin="pack", raw_text=example.text, text=example.text, language="en")
            found = {(p.actor, p.issue): p.stance for p in read(document)}.get((example.actor, issue.id))
            if found != example.stance:
                wrong.append(Misread(issue.id, example.text, example.actor, example.stance, found))
    return total, wrong

"""A pack's own examples as its tests: each is run through the stage and compared.

Every issue of a pack may give example sentences with the actor and the stance they
express (and, optionally, whether the reading carries a red line). ``redline pack check``
reads each one as a one-sentence article, through the whole pipeline, and lists those
read otherwise, each with the reason an explainer gives (the step that found nothing, or
the cue entries that decided the wrong stance), so a pack's author sees at once which
wordings the rules miss and what to change. Every example's reading (issue, stance,
holder, speaker, deciding cues) is kept too, for ``pack check --verbose``: an author
learns how the shipped packs' examples are read before writing their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from redline.models import Document, Position, Stance
from redline.position.cues import CONDITION_KINDS, POLAR_KINDS, SHARED, CueHit, quote
from redline.position.pack import Example, Pack


class Explainer(Protocol):
    """Tells why a language's stage read an example as it did."""

    def deciding(self, text: str, position: Position) -> Sequence[CueHit]:
        """The cue entries that decided a position."""
        ...

    def why(self, text: str, actor: str, issue: str, found: Sequence[Position]) -> str:
        """Why no position of ``actor`` on ``issue`` was read (``found``: what was read)."""
        ...

    def red_lines(self, text: str, issue: str) -> Sequence[CueHit]:
        """The red-line entries (shared, the pack's, the issue's) matching in ``text``."""
        ...


@dataclass(frozen=True)
class Misread:
    """An example the stage reads otherwise than the pack says, and why.

    ``red_line`` is what the example asserts of red-line language (None: nothing), and
    ``found_red_line`` what the reading carried.
    """

    issue: str
    text: str
    actor: str
    expected: Stance
    found: Stance | None
    reason: str = ""
    cues: tuple[str, ...] = ()
    red_line: bool | None = None
    found_red_line: bool = False


@dataclass(frozen=True)
class Reading:
    """One position read from an example: its holder, issue, stance, speaker and deciding cues."""

    actor: str
    issue: str
    stance: Stance
    speaker: str | None
    red_line: bool
    cues: tuple[str, ...]


@dataclass(frozen=True)
class ExampleReading:
    """An example as annotated, and every position the stage read from it."""

    issue: str
    text: str
    actor: str
    expected: Stance
    red_line: bool | None
    read: tuple[Reading, ...]
    correct: bool


@dataclass(frozen=True)
class PackCheck:
    """What ``redline pack check`` found: examples read wrongly, every example's reading,
    and warnings on the pack."""

    pack: str
    examples: int
    misread: list[Misread]
    warnings: list[str]
    readings: list[ExampleReading]


def read_examples(pack: Pack, read: Callable[[Document], list[Position]],
                  explainer: Explainer | None = None) -> tuple[list[ExampleReading], list[Misread]]:
    """Every example's reading, and those that ``read`` gets wrong, each with why."""
    readings: list[ExampleReading] = []
    wrong: list[Misread] = []
    for issue in pack.issues:
        for number, example in enumerate(issue.examples):
            document = Document(id=f"{issue.id}-{number}", doc=f"{issue.id} example {number + 1}",
                                origin="pack", raw_text=example.text, text=example.text, language="en")
            positions = read(document)
            position = {(p.actor, p.issue): p for p in positions}.get((example.actor, issue.id))
            misread = _misread(issue.id, example, position, positions, explainer)
            readings.append(ExampleReading(
                issue.id, example.text, example.actor, example.stance, example.red_line,
                tuple(_reading(example.text, p, explainer) for p in positions), misread is None))
            if misread is not None:
                wrong.append(misread)
    return readings, wrong


def misread_examples(pack: Pack, read: Callable[[Document], list[Position]],
                     explainer: Explainer | None = None) -> tuple[int, list[Misread]]:
    """(how many examples the pack has, those that ``read`` gets wrong)."""
    readings, wrong = read_examples(pack, read, explainer)
    return len(readings), wrong


def _misread(issue: str, example: Example, position: Position | None, positions: Sequence[Position],
             explainer: Explainer | None) -> Misread | None:
    """The example as misread, with why; None when it reads as annotated."""
    found = position.stance if position else None
    red_line = position is not None and position.red_line
    stance_right = found == example.stance
    if stance_right and example.red_line in (None, red_line):
        return None
    misread = Misread(issue, example.text, example.actor, example.stance, found,
                      red_line=example.red_line, found_red_line=red_line)
    if explainer is None:
        return misread
    if position is None:
        return replace(misread, reason=explainer.why(example.text, example.actor, issue, positions))
    if stance_right:
        return replace(misread, reason=_red_line_reason(explainer.red_lines(example.text, issue), red_line))
    reason, cues = _decided(explainer.deciding(example.text, position), found)
    return replace(misread, reason=reason, cues=cues)


def _reading(text: str, position: Position, explainer: Explainer | None) -> Reading:
    """A position as ``pack check --verbose`` shows it; cues named by their entries when an
    explainer can tell them, else by their kind and words."""
    if explainer is not None:
        cues = tuple(hit.describe() for hit in explainer.deciding(text, position))
    else:
        cues = tuple(f"{c.kind} {quote(text[c.start:c.end])}" for c in position.cues)
    return Reading(position.actor, position.issue, position.stance, position.speaker, position.red_line, cues)


def _red_line_reason(hits: Sequence[CueHit], found: bool) -> str:
    """Why a reading's red line is not the one the example asserts, and what to change."""
    if found:
        named = "; ".join(hit.describe() for hit in hits) or "a red-line word"
        shared = [quote(hit.entry.pattern) for hit in hits if hit.entry.origin == SHARED]
        remove = f"`remove: {{cues: {{red_line: [{', '.join(shared)}]}}}}`" if shared else "the pack's cues"
        return (f"read as a red line by {named}: if the words are no red line here, take the entry "
                f"out ({remove}); if they are one, the example should say `red_line: true`")
    if hits:
        named = "; ".join(hit.describe() for hit in hits)
        return (f"{named} was found but not given to this position (a neutral stance never carries "
                "a red line; the word may be in another clause)")
    return ("no red-line word was found: add one under the issue's `cues: {red_line: [...]}` (this issue "
            "only) or the pack's `cues: red_line:` (words of firmness, not the issue's own verbs)")


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

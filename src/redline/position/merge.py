"""Per-document merge: the readings of one article become one position per actor x issue.

An article may give an actor's stance on an issue several times, in statements and in
its own reporting. The position takes the stance most readings support; a reading with
red-line, threat or security-claim language counts double. On a tie "conditional" wins (the
actor's plain "yes" and its "yes, if" are one position, the second more precise), then a
definite stance beats "neutral", then the later reading (articles end on the settled view).
Weak readings, whose issue was carried from an earlier sentence by a noun phrase, count
only for an actor x issue that no other reading gives.

Confidence: a stance a speaker's own statement gives is surer than one read from the
article's reporting, and one carried by a noun phrase is the least sure; the share of the
readings that agree with the chosen stance scales it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from redline.models import CueSpan, Outcome, Position, Stance

# How sure a reading is by where it comes from (see the module docstring).
STATEMENT_CONFIDENCE = 0.9
REPORTING_CONFIDENCE = 0.75
WEAK_CONFIDENCE = 0.5


@dataclass(frozen=True)
class Reading:
    """One stance read from one place of the text, before the per-document merge."""

    actor: str
    issue: str
    stance: Stance
    start: int
    end: int
    condition: str | None = None
    condition_issue: str | None = None
    condition_outcome: Outcome | None = None
    statement_index: int | None = None
    speaker: str | None = None
    red_line: bool = False
    threat: bool = False
    security_claim: bool = False
    sentence: int = 0
    weak: bool = False
    # Where the cues that decided the stance lie, for explaining it (pack check).
    cues: tuple[CueSpan, ...] = ()

    @property
    def weight(self) -> int:
        """How much the reading counts: strong framing counts double."""
        return 2 if self.red_line or self.threat or self.security_claim else 1


def _source_confidence(reading: Reading) -> float:
    """How sure one reading is by its source: a statement, the article's reporting, a noun phrase."""
    if reading.weak:
        return WEAK_CONFIDENCE
    return STATEMENT_CONFIDENCE if reading.statement_index is not None else REPORTING_CONFIDENCE


def merge(document_id: str, text: str, readings: list[Reading]) -> list[Position]:
    """One position per (actor, issue) of a document, with its best evidence."""
    groups: dict[tuple[str, str], list[Reading]] = defaultdict(list)
    for reading in readings:
        groups[(reading.actor, reading.issue)].append(reading)
    positions = []
    for (actor, issue), group in groups.items():
        # A weak reading (through a noun phrase such as "the offer") decides only alone.
        group = [r for r in group if not r.weak] or group
        totals: dict[Stance, int] = defaultdict(int)
        for reading in group:
            totals[reading.stance] += reading.weight
        stance = max(totals, key=lambda s: (totals[s], s == "conditional", s != "neutral",
                                            max(r.start for r in group if r.stance == s)))
        chosen = [r for r in group if r.stance == stance]
        best = max(chosen, key=lambda r: (r.weight, r.condition is not None, -r.start))
        positions.append(Position(
            document_id=document_id, actor=actor, issue=issue, stance=stance,
            evidence=text[best.start:best.end], start=best.start, end=best.end,
            condition=best.condition, condition_issue=best.condition_issue,
            condition_outcome=best.condition_outcome, statement_index=best.statement_index,
            speaker=best.speaker, red_line=any(r.red_line for r in chosen),
            threat=any(r.threat for r in chosen),
            security_claim=any(r.security_claim for r in chosen),
            confidence=round(max(_source_confidence(r) for r in chosen) * totals[stance] / sum(totals.values()), 3),
            cues=best.cues,
        ))
    return sorted(positions, key=lambda p: p.start)


def with_groups(readings: list[Reading], groups: dict[str, frozenset[str]]) -> list[Reading]:
    """Readings plus one for a group when two or more of its members share a reading
    ("Britain, France and Germany want guarantees" is Europe's stance too)."""
    out = list(readings)
    for group, members in groups.items():
        shared: dict[tuple[str, str, int, int], list[Reading]] = {}
        for r in readings:
            if r.actor in members:
                shared.setdefault((r.issue, r.stance, r.start, r.end), []).append(r)
        out += [replace(found[0], actor=group) for found in shared.values()
                if len({r.actor for r in found}) >= 2]
    return out

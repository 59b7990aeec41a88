"""Aggregation: per-document positions become one actor x issue matrix across sources and time.

Syndicated copies (documents with ``duplicate_of``) count once, through their canonical
document. A cell's stance is the one most independent documents give, the latest winning
a tie. ``conflict`` marks independent sources that disagree without a date to order them
(same day, or undated); ``shift`` marks a stance that changed between the earliest and the
latest dated evidence. ``conflict_evidence`` holds the two pieces that disagree.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import lru_cache

from redline.models import ActorIssue, Document, Evidence, Position, Stance
from redline.position.en.text import sentences


def _canonical(position: Position, documents: Mapping[str, Document]) -> str:
    """The id of the document a position counts for (its original, for a copy)."""
    document = documents.get(position.document_id)
    if document is None or document.duplicate_of is None:
        return position.document_id
    return document.duplicate_of


@lru_cache(maxsize=256)
def _sentences(text: str) -> list[tuple[int, int, int]]:
    return sentences(text)


def _quote_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentences around an evidence span: a reader needs the whole claim, not a phrase."""
    around = [(s, e) for s, e, _ in _sentences(text) if s < end and e > start]
    if not around:
        return start, end
    return min(start, around[0][0]), max(end, around[-1][1])


def _evidence(position: Position, documents: Mapping[str, Document]) -> Evidence:
    """A position's evidence with the document's name, outlet and date, quoted in full."""
    document = documents.get(position.document_id)
    start, end = position.start, position.end
    quote = position.evidence
    if document is not None:
        start, end = _quote_bounds(document.text, start, end)
        quote = document.text[start:end]
    return Evidence(
        doc=document.doc if document else position.document_id,
        document_id=position.document_id,
        speaker=position.speaker,
        outlet=document.outlet if document else None,
        date=document.date if document else None,
        quote=quote,
        start=start,
        end=end,
        stance=position.stance,
        red_line=position.red_line,
        threat=position.threat,
        security_claim=position.security_claim,
        corrected=position.corrected,
        confidence=position.confidence,
        language=document.language if document else None,
        machine_translated=document.machine_translated if document else False,
        copy_of=document.duplicate_of if document else None,
    )


def _order(evidence: Evidence) -> tuple[str, str]:
    """Sort key: by date (undated first), then document."""
    return (evidence.date or "", evidence.doc)


def _independent(group: Sequence[Position], documents: Mapping[str, Document]) -> list[Position]:
    """One position per canonical document: syndicated copies collapse into their original.

    A machine translation linked to its original gives way to it, whichever came first:
    the original's wording is the evidence.
    """
    chosen: dict[str, Position] = {}
    for position in group:
        key = _canonical(position, documents)
        if key not in chosen or _rank(position, key, documents) < _rank(chosen[key], key, documents):
            chosen[key] = position
    return list(chosen.values())


def _rank(position: Position, key: str, documents: Mapping[str, Document]) -> tuple[bool, bool]:
    """Originals before machine translations, then the canonical document before its copies."""
    document = documents.get(position.document_id)
    return (document is not None and document.machine_translated, position.document_id != key)


def _outlets(group: Sequence[Position], documents: Mapping[str, Document]) -> int:
    """Independent outlets: one per canonical document's outlet (or per document without one)."""
    keys = set()
    for position in group:
        canonical = _canonical(position, documents)
        original = documents.get(canonical) or documents.get(position.document_id)
        keys.add(original.outlet if original is not None and original.outlet else f"doc:{canonical}")
    return len(keys)


def _stance(evidence: Sequence[Evidence]) -> Stance:
    """The stance most pieces of evidence give; the latest wins a tie."""
    counts = Counter(e.stance for e in evidence)
    latest = {e.stance: i for i, e in enumerate(sorted(evidence, key=_order))}
    return max(counts, key=lambda s: (counts[s], latest[s]))


def _disagreement(evidence: Sequence[Evidence]) -> tuple[bool, bool, tuple[Evidence, Evidence] | None]:
    """(conflict, shift, the two pieces that disagree) for a cell's independent evidence."""
    dated = sorted((e for e in evidence if e.date), key=_order)
    if dated and dated[0].date != dated[-1].date and dated[0].stance != dated[-1].stance:
        return _conflict(evidence) is not None, True, (dated[0], dated[-1])
    pair = _conflict(evidence)
    return pair is not None, False, pair


def _conflict(evidence: Sequence[Evidence]) -> tuple[Evidence, Evidence] | None:
    """Two pieces from different documents that disagree with no date to order them."""
    for i, first in enumerate(evidence):
        for second in evidence[i + 1:]:
            unordered = first.date is None or second.date is None or first.date == second.date
            if unordered and first.stance != second.stance and first.document_id != second.document_id:
                return first, second
    return None


def _condition(group: Sequence[Position]) -> Position | None:
    """The conditional position whose condition issue most positions name (latest on a tie)."""
    conditional = [p for p in group if p.stance == "conditional"]
    if not conditional:
        return None
    counts = Counter(p.condition_issue for p in conditional)
    return max(reversed(conditional), key=lambda p: counts[p.condition_issue])


def aggregate(positions: Sequence[Position], documents: Mapping[str, Document],
              min_confidence: float = 0.0) -> list[ActorIssue]:
    """One row per actor x issue across documents: stance, counts, dates, flags, evidence.

    Positions below ``min_confidence`` are left out, so weak cells disappear.
    """
    groups: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for position in (p for p in positions if p.confidence >= min_confidence):
        groups[(position.actor, position.issue)].append(position)
    cells = []
    for (actor, issue), group in groups.items():
        independent = _independent(group, documents)
        evidence = sorted((_evidence(p, documents) for p in independent), key=_order)
        stance = _stance(evidence)
        conflict, shift, pair = _disagreement(evidence)
        condition = _condition(independent) if stance == "conditional" else None
        dates = sorted(e.date for e in evidence if e.date)
        cells.append(ActorIssue(
            actor=actor, issue=issue, stance=stance,
            condition=condition.condition if condition else None,
            condition_issue=condition.condition_issue if condition else None,
            condition_outcome=condition.condition_outcome if condition else None,
            statements=len(independent), outlets=_outlets(independent, documents),
            first_date=dates[0] if dates else None, last_date=dates[-1] if dates else None,
            evidence=evidence, conflict=conflict, shift=shift, conflict_evidence=pair,
            red_line=any(p.red_line for p in group), threat=any(p.threat for p in group),
            security_claim=any(p.security_claim for p in group),
        ))
    return sorted(cells, key=lambda c: (c.actor, c.issue))

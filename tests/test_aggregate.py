"""Aggregation across documents: independent outlets, majority stance, conflicts and shifts."""

from __future__ import annotations

from redline.aggregate import aggregate
from redline.models import Document, Position, Stance


def _doc(doc_id: str, outlet: str | None, date: str | None, duplicate_of: str | None = None) -> Document:
    return Document(id=doc_id, doc=f"{doc_id}.txt", origin=f"{doc_id}.txt", raw_text="", text="",
                    outlet=outlet, date=date, duplicate_of=duplicate_of)


def _pos(doc_id: str, stance: Stance, **extra: object) -> Position:
    return Position(document_id=doc_id, actor="Russia", issue="ukraine-nato-membership", stance=stance,
                    evidence=f"quote {doc_id}", start=0, end=7, **extra)  # type: ignore[arg-type]


def test_aggregate_syndicated_copies_count_once() -> None:
    documents = {
        "a": _doc("a", "Wire", "2025-03-01"),
        "b": _doc("b", "Daily", "2025-03-01", duplicate_of="a"),
        "c": _doc("c", "Herald", "2025-03-02"),
        "d": _doc("d", None, "2025-03-03"),
    }
    [cell] = aggregate([_pos(doc_id, "oppose") for doc_id in "abcd"], documents)
    assert (cell.stance, cell.statements, cell.outlets) == ("oppose", 3, 3)
    assert [e.doc for e in cell.evidence] == ["a.txt", "c.txt", "d.txt"]
    assert (cell.first_date, cell.last_date) == ("2025-03-01", "2025-03-03")
    assert (cell.conflict, cell.shift) == (False, False)


def test_aggregate_same_outlet_counts_one_outlet() -> None:
    documents = {"a": _doc("a", "Wire", "2025-03-01"), "b": _doc("b", "Wire", "2025-03-04")}
    [cell] = aggregate([_pos("a", "oppose"), _pos("b", "oppose")], documents)
    assert (cell.statements, cell.outlets) == (2, 1)


def test_aggregate_shift_keeps_the_earliest_and_latest_evidence() -> None:
    documents = {"a": _doc("a", "Wire", "2025-02-01"), "b": _doc("b", "Herald", "2025-08-01")}
    [cell] = aggregate([_pos("b", "support"), _pos("a", "oppose")], documents)
    assert (cell.shift, cell.conflict) == (True, False)
    assert cell.stance == "support"
    assert cell.conflict_evidence is not None
    assert [(e.doc, e.stance) for e in cell.conflict_evidence] == [("a.txt", "oppose"), ("b.txt", "support")]


def test_aggregate_conflict_between_sources_on_the_same_day() -> None:
    documents = {"a": _doc("a", "Wire", "2025-02-01"), "b": _doc("b", "Herald", "2025-02-01"),
                 "c": _doc("c", "Post", "2025-02-01")}
    [cell] = aggregate([_pos("a", "oppose"), _pos("b", "neutral"), _pos("c", "oppose")], documents)
    assert (cell.stance, cell.conflict, cell.shift) == ("oppose", True, False)
    assert cell.conflict_evidence is not None
    assert [e.stance for e in cell.conflict_evidence] == ["oppose", "neutral"]


def test_aggregate_tie_goes_to_the_latest_stance() -> None:
    documents = {"a": _doc("a", "Wire", "2025-01-01"), "b": _doc("b", "Herald", "2025-06-01")}
    [cell] = aggregate([_pos("a", "support"), _pos("b", "conditional")], documents)
    assert cell.stance == "conditional"


def test_aggregate_condition_and_flags_come_from_the_evidence() -> None:
    documents = {"a": _doc("a", "Wire", None), "b": _doc("b", "Herald", None), "c": _doc("c", "Post", None)}
    positions = [
        _pos("a", "conditional", condition="with guarantees for Russia",
             condition_issue="guarantees-for-russia", condition_outcome="granted"),
        _pos("b", "conditional", condition="only if talks resume"),
        _pos("c", "conditional", condition="but with guarantees of Russia's security",
             condition_issue="guarantees-for-russia", condition_outcome="granted", red_line=True),
    ]
    [cell] = aggregate(positions, documents)
    assert (cell.stance, cell.condition_issue) == ("conditional", "guarantees-for-russia")
    assert cell.condition_outcome == "granted"
    assert cell.condition == "but with guarantees of Russia's security"
    assert (cell.red_line, cell.threat, cell.security_claim) == (True, False, False)
    assert (cell.conflict, cell.first_date) == (False, None)


def test_aggregate_one_row_per_actor_and_issue() -> None:
    documents = {"a": _doc("a", "Wire", None)}
    other = Position(document_id="a", actor="Ukraine", issue="ukraine-nato-membership", stance="support",
                     evidence="x", start=0, end=1, security_claim=True)
    cells = aggregate([_pos("a", "oppose", threat=True), other], documents)
    assert [(c.actor, c.stance, c.threat, c.security_claim) for c in cells] == [
        ("Russia", "oppose", True, False), ("Ukraine", "support", False, True)]

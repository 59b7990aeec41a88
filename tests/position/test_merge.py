"""The per-document merge: one position per actor x issue, with a confidence."""

from __future__ import annotations

from redline.position.merge import Reading, merge


def test_merge_confidence_by_source_and_agreement() -> None:
    text = "x" * 40
    readings = [
        Reading("Alpha", "dam", "support", 0, 5, statement_index=0),
        Reading("Alpha", "dam", "support", 10, 15),
        Reading("Alpha", "dam", "oppose", 20, 25),
        Reading("Beta", "dam", "oppose", 30, 35, weak=True),
    ]
    positions = merge("d1", text, readings)
    assert [(p.actor, p.stance, p.confidence) for p in positions] == [
        ("Alpha", "support", 0.6), ("Beta", "oppose", 0.5)]

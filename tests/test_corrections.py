"""Corrections re-attach to the same claim after re-analysis, and travel as JSONL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from redline import api
from redline.cli import app
from redline.corrections import apply_to_positions, apply_to_statements, export_jsonl, read_jsonl
from redline.errors import InputError
from redline.models import Correction, Document, Position, Segment, Statement
from redline.store import Store

TEXT = "Ann Vale said the truce must hold. Bo Kurt said talks are over."


def _position(start: int, end: int, actor: str = "Northland", stance: str = "support") -> Position:
    return Position("d1", actor, "ceasefire", stance, TEXT[start:end], start, end)  # type: ignore[arg-type]


def test_corrections_reattach_to_an_overlapping_span_of_the_same_claim() -> None:
    fix = Correction("position", "d1", 14, 33, "Northland", "ceasefire", stance="oppose")
    # Another model cut the span differently and found a second position in the document.
    reanalysed = [_position(10, 33), _position(34, 62, actor="Southland")]
    corrected = apply_to_positions(reanalysed, [fix])
    assert [(p.actor, p.stance, p.corrected) for p in corrected] == [
        ("Northland", "oppose", True), ("Southland", "support", False)]


def test_corrections_prefer_the_exact_span_and_need_the_same_actor_and_issue() -> None:
    fix = Correction("position", "d1", 14, 33, "Northland", "ceasefire", wrong=True)
    exact, wider = _position(14, 33), _position(10, 40)
    assert apply_to_positions([wider, exact], [fix]) == [wider]
    other_actor = _position(14, 33, actor="Southland")
    assert apply_to_positions([other_actor], [fix]) == [other_actor]


def test_corrections_leaving_conditional_drop_the_condition() -> None:
    conditional = Position("d1", "Northland", "ceasefire", "conditional", "x", 0, 5, condition="if calm",
                           condition_issue="monitors", condition_outcome="granted")
    fix = Correction("position", "d1", 0, 5, "Northland", "ceasefire", stance="support")
    (changed,) = apply_to_positions([conditional], [fix])
    assert (changed.stance, changed.condition, changed.condition_issue) == ("support", None, None)


def test_corrections_of_statements_change_speaker_or_drop_them() -> None:
    first = Statement("d1", "Ann Vale", "Ann Vale", "the truce must hold", 14, 33, "indirect")
    second = Statement("d1", "Bo Kurt", "Bo Kurt", "talks are over", 48, 62, "indirect")
    fixes = [Correction("statement", "d1", 14, 33, speaker="Ann Vale-Orr"),
             Correction("statement", "d1", 48, 62, wrong=True)]
    assert [(s.speaker, s.corrected) for s in apply_to_statements([first, second], fixes)] == [("Ann Vale-Orr", True)]


def test_corrections_jsonl_round_trip_and_bad_lines(tmp_path: Path) -> None:
    fix = Correction("position", "d1", 14, 33, "Northland", "ceasefire", stance="oppose", note="n",
                     created="2026-03-01T10:00:00+00:00")
    path = tmp_path / "fixes.jsonl"
    assert export_jsonl([fix], path) == 1
    with path.open("a", encoding="utf-8") as out:
        out.write("not json\n")
        out.write(json.dumps({"target": "position", "document_id": "d1", "start": 1, "end": 2, "colour": "red"}) + "\n")
        out.write(json.dumps({"target": "position", "document_id": "d1", "start": 1, "end": 2, "stance": "maybe"}) + "\n")
    items = list(read_jsonl(path))
    assert items[0] == fix
    assert [str(e) for e in items[1:] if isinstance(e, InputError)] == [
        f"{path}: line 2: Expecting value: line 1 column 1 (char 0)",
        f"{path}: line 3: unknown field 'colour'",
        f"{path}: line 4: field 'stance': input should be 'support', 'oppose', 'conditional' or 'neutral'",
    ]


def _store(path: Path) -> Path:
    document = Document("d1", "d1.txt", "/c/d1.txt", TEXT, TEXT, [Segment(0, 0, len(TEXT))], date="2026-03-01")
    Store(path).add_batch([document], [[1]], [([], [_position(14, 33)])], "p", "model-a")
    return path


def test_corrections_survive_reanalysis_and_reach_check(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.duckdb")
    store = Store(db)
    store.add_corrections([Correction("position", "d1", 14, 33, "Northland", "ceasefire", stance="oppose")])
    store.replace_analyses([("d1", [], [_position(10, 33)])], "p", "model-b")
    assert [(p.stance, p.start) for p in store.positions()] == [("oppose", 10)]
    assert [(p.stance, p.start) for p in store.positions(raw=True)] == [("support", 10)]
    proposal = tmp_path / "deal.yaml"
    proposal.write_text("title: T\nprovisions:\n  - id: truce\n    issue: ceasefire\n    outcome: granted\n",
                        encoding="utf-8")
    report = api.check(proposal, db=db)
    known = [(a.actor, a.provisions["truce"].verdict) for a in report.actors
             if a.provisions["truce"].verdict != "unknown"]
    assert known == [("Northland", "rejects")]


def test_corrections_cli_export_then_import_adds_nothing_twice(tmp_path: Path) -> None:
    source, target = _store(tmp_path / "a.duckdb"), _store(tmp_path / "b.duckdb")
    Store(source).add_corrections([Correction("position", "d1", 14, 33, "Northland", "ceasefire", wrong=True,
                                              created="2026-03-01T10:00:00+00:00")])
    runner = CliRunner()
    file = tmp_path / "fixes.jsonl"
    assert runner.invoke(app, ["corrections", "export", str(file), "--db", str(source)]).exit_code == 0
    for _ in range(2):
        result = runner.invoke(app, ["corrections", "import", str(file), "--db", str(target)])
        assert result.exit_code == 0, result.output
    assert Store(target).corrections() == Store(source).corrections()
    assert Store(target, read_only=True).positions() == []


@pytest.mark.slow
def test_corrections_survive_analyse_with_another_model_and_check_uses_them(tmp_path: Path, nlp: Language) -> None:
    db = tmp_path / "demo.duckdb"
    api.ingest([str(Path(__file__).parents[1] / "examples" / "corpus")], db=db)
    before = Store(db, read_only=True).positions()
    # A party whose whole stance on the ceasefire rests on one supporting position.
    target = next(p for p in before if p.stance == "support" and p.issue == "ceasefire"
                  and sum((q.actor, q.issue) == (p.actor, p.issue) for q in before) == 1)
    Store(db).add_corrections([Correction("position", target.document_id, target.start, target.end,
                                          target.actor, target.issue, stance="oppose")])
    # Another model: the same weights saved under another name, so every document is re-analysed.
    other = tmp_path / "other-model"
    nlp.to_disk(other)
    assert api.analyse(db=db, model=str(other)) == len(Store(db, read_only=True).known_ids())
    models = {row["model"] for row in Store(db, read_only=True).overview()["analysed_with"]}
    assert [m.split("+")[0] for m in models] == [str(other)]
    after = [p for p in Store(db, read_only=True).positions()
             if (p.document_id, p.actor, p.issue) == (target.document_id, target.actor, target.issue)]
    assert [(p.stance, p.corrected) for p in after] == [("oppose", True)]
    proposal = tmp_path / "deal.yaml"
    proposal.write_text("title: T\nprovisions:\n  - id: truce\n    issue: ceasefire\n    outcome: granted\n",
                        encoding="utf-8")
    verdicts = {a.actor: a.provisions["truce"].verdict for a in api.check(proposal, db=db).actors}
    assert verdicts[target.actor] == "rejects"

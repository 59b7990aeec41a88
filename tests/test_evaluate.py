"""Scoring against gold: loading, the speaker rule, half overlap, one-to-one matching."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redline.errors import GoldError
from redline.evaluate import (
    load_gold,
    overlap,
    same_speaker,
    score_cells,
    score_positions,
    score_statements,
)


def _gold(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def _statement(speaker: str, content: str, kind: str = "indirect", doc: str = "a.txt") -> dict[str, Any]:
    return {"type": "statement", "doc": doc, "speaker": speaker, "actor": None, "cue": "said",
            "content": content, "kind": kind, "issues": []}


def _position(actor: str, issue: str, stance: str, doc: str = "a.txt") -> dict[str, Any]:
    return {"type": "position", "doc": doc, "actor": actor, "issue": issue, "stance": stance,
            "condition": None, "evidence": "x"}


def _predicted(speaker: str, content: str, doc: str = "a.txt") -> dict[str, Any]:
    return {"doc": doc, "speaker": speaker, "content": content, "kind": "indirect"}


def test_evaluate_load_gold_splits_record_types(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [_statement("Kremlin", "no"), _position("Russia", "ceasefire", "oppose")]))
    assert [s.speaker for s in gold.statements] == ["Kremlin"]
    assert [(p.actor, p.stance, p.line) for p in gold.positions] == [("Russia", "oppose", 2)]


def test_evaluate_load_gold_names_file_and_line(tmp_path: Path) -> None:
    path = _gold(tmp_path, [_statement("Kremlin", "no"), {**_statement("Kremlin", "no"), "kind": "quoted"}])
    with pytest.raises(GoldError, match=r"gold\.jsonl:2: kind: 'quoted' is not one of direct, indirect, mixed"):
        load_gold(path)


def test_evaluate_load_gold_rejects_bad_json_and_missing_fields(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"type": "statement"\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: not JSON"):
        load_gold(path)
    path.write_text(json.dumps({"type": "position", "doc": "a.txt", "actor": "Russia"}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold\.jsonl:1: issue: missing"):
        load_gold(path)


def test_evaluate_same_speaker_surname_and_articles() -> None:
    assert same_speaker("Peskov", "Dmitry Peskov")
    assert same_speaker("Mr Peskov", "Dmitry Peskov")
    assert same_speaker("Sergey Lavrov", "Sergei Lavrov")
    assert same_speaker("the Kremlin", "Kremlin")
    assert same_speaker("Ukraine's foreign ministry", "Ukrainian Foreign Ministry")
    assert same_speaker("Foreign Ministry", "Russian Foreign Ministry")
    assert not same_speaker("Ukrainian Foreign Ministry", "Russian Foreign Ministry")
    assert not same_speaker("Moscow", "Kremlin")
    assert not same_speaker(None, "Kremlin")


def test_evaluate_overlap_counts_gold_tokens() -> None:
    assert overlap("the talks would resume soon", "talks would resume") == 1.0
    assert overlap("talks", "the talks would resume") == 0.25


def test_evaluate_half_overlap_is_enough(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [_statement("Kremlin", "one two three four")]))
    assert score_statements([_predicted("Kremlin", "one two")], gold)["tp"] == 1
    assert score_statements([_predicted("Kremlin", "one")], gold)["tp"] == 0


def test_evaluate_doc_must_match(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [_statement("Kremlin", "talks resume")]))
    assert score_statements([_predicted("Kremlin", "talks resume", doc="b.txt")], gold)["tp"] == 0


def test_evaluate_matching_is_one_to_one(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [_statement("Kremlin", "talks resume in June")]))
    predicted = [_predicted("Kremlin", "talks resume in June"), _predicted("Kremlin", "talks resume")]
    result = score_statements(predicted, gold)
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 0)
    assert (result["precision"], result["recall"], result["f1"]) == (0.5, 1.0, 0.6667)
    assert result["errors"]["false_hits"] == [
        {"doc": "a.txt", "speaker": "Kremlin", "kind": "indirect", "content": "talks resume"}]


def test_evaluate_wrong_speaker_costs_f1_and_speaker_accuracy(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [_statement("Dmitry Peskov", "talks resume", "direct"),
                                      _statement("Kremlin", "no deal this year", "indirect")]))
    predicted = [_predicted("Lavrov", "talks resume"), _predicted("the Kremlin", "no deal this year")]
    result = score_statements(predicted, gold)
    assert (result["tp"], result["speaker_accuracy"]) == (1, 0.5)
    assert result["by_kind"] == {"direct": 0.0, "indirect": 1.0}
    assert result["errors"]["false_hits"][0]["gold_speaker"] == "Dmitry Peskov"
    assert [m["line"] for m in result["errors"]["misses"]] == [1]


def test_evaluate_positions_as_sets_with_stance_accuracy(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [_position("Russia", "ceasefire", "oppose"),
                                      _position("Russia", "nato-expansion", "oppose")]))
    predicted = [
        {"doc": "a.txt", "actor": "Russia", "issue": "ceasefire", "stance": "oppose"},
        {"doc": "a.txt", "actor": "Russia", "issue": "ceasefire", "stance": "oppose"},
        {"doc": "a.txt", "actor": "Russia", "issue": "nato-expansion", "stance": "support"},
    ]
    result = score_positions(predicted, gold)
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 1)
    assert (result["precision"], result["recall"], result["stance_accuracy"]) == (0.5, 0.5, 0.5)


def test_evaluate_position_errors_carry_the_evidence_behind_them(tmp_path: Path) -> None:
    record = _position("Velora", "demarcation", "support")
    gold = load_gold(_gold(tmp_path, [{**record, "evidence": "Velora wants demarcation"}]))
    predicted = [{"doc": "a.txt", "actor": "Velora", "issue": "demarcation", "stance": "conditional",
                  "evidence": "wants demarcation based on the old survey"}]
    errors = score_positions(predicted, gold)["errors"]
    assert errors == {
        "misses": [{"doc": "a.txt", "actor": "Velora", "issue": "demarcation", "stance": "support",
                    "gold_evidence": "Velora wants demarcation"}],
        "false_hits": [{"doc": "a.txt", "actor": "Velora", "issue": "demarcation", "stance": "conditional",
                        "evidence": "wants demarcation based on the old survey"}],
    }


def test_evaluate_perfect_match_scores_one(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [_statement("Kremlin", "talks resume")]))
    result = score_statements([_predicted("Kremlin", "talks resume")], gold)
    scores = {key: result[key] for key in ("precision", "recall", "f1", "tp", "fp", "fn", "speaker_accuracy")}
    assert scores == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0, "speaker_accuracy": 1.0}


def test_evaluate_cells_score_the_majority_of_two_or_more_documents(tmp_path: Path) -> None:
    gold = load_gold(_gold(tmp_path, [
        _position("Russia", "ceasefire", "oppose", "a.txt"),
        _position("Russia", "ceasefire", "oppose", "b.txt"),
        _position("Russia", "ceasefire", "support", "c.txt"),
        _position("Ukraine", "ceasefire", "support", "a.txt"),
        _position("Ukraine", "ceasefire", "conditional", "b.txt"),
        _position("France", "ceasefire", "support", "a.txt"),
        _position("Turkey", "ceasefire", "support", "a.txt"),
        _position("Turkey", "ceasefire", "support", "b.txt"),
    ]))
    shown = [("Russia", "ceasefire", "oppose"), ("Ukraine", "ceasefire", "conditional"),
             ("France", "ceasefire", "oppose")]
    result = score_cells(shown, gold)
    assert (result["cells"], result["right"], result["agreement"]) == (3, 2, 0.6667)
    assert result["errors"]["wrong_cells"] == [
        {"actor": "Turkey", "issue": "ceasefire", "gold": "support", "shown": None}]

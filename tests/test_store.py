"""The store keeps documents, statements and positions, and writes whole batches only."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from redline.errors import StoreError
from redline.models import CueSpan, Document, Position, Removal, Segment, Statement
from redline.store import Store


def _document(doc_id: str, doc: str, text: str = "Hello world.") -> Document:
    return Document(
        id=doc_id, doc=doc, origin=f"/corpus/{doc}", raw_text=text + "\nShare this", text=text,
        segments=[Segment(0, 0, len(text))], removed=[Removal(len(text), len(text) + 11, "share prompt", "\nShare this")],
        outlet="example.org", date="2026-02-10", language="en",
    )


def test_store_round_trips_a_document_with_its_analysis(tmp_path: Path) -> None:
    statement = Statement("d1", "Ann Lee", "she", "Hello world", 0, 11, "direct", cue="said")
    position = Position("d1", "Russia", "ceasefire", "conditional", "Hello", 0, 5, condition="if calm")
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt")], [[1, 2]], [([statement], [position])], "pack", "model")
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.document("a.txt") == _document("d1", "a.txt")
        assert store.document("d1") == _document("d1", "a.txt")
        assert store.statements() == [statement]
        assert store.positions(actor="Russia") == [position]
        assert store.positions(actor="Ukraine") == []
        assert list(store.signatures()) == [("d1", [1, 2])]


def test_store_keeps_the_cue_spans_of_a_position(tmp_path: Path) -> None:
    position = Position("d1", "Russia", "ceasefire", "conditional", "Hello", 0, 5,
                        cues=(CueSpan("support", 0, 3), CueSpan("condition", 4, 5)))
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt")], [[1]], [([], [position])], "pack", "model")
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        assert store.positions()[0].cues == (CueSpan("support", 0, 3), CueSpan("condition", 4, 5))


def test_store_positions_of_a_store_without_cue_spans_have_none(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    position = Position("d1", "Russia", "ceasefire", "support", "Hello", 0, 5, cues=(CueSpan("support", 0, 3),))
    with Store(path) as store:
        store.add_batch([_document("d1", "a.txt")], [[1]], [([], [position])], "pack", "model")
    # What a schema-3 store holds: positions without their cue spans.
    con = duckdb.connect(str(path))
    con.execute("ALTER TABLE positions DROP COLUMN cues")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with Store(path, read_only=True) as store:
        assert store.positions()[0].cues == ()
    with Store(path) as store:
        assert store.positions()[0].cues == ()
        store.replace_analyses([("d1", [], [position])], "pack", "model")
        assert store.positions()[0].cues == (CueSpan("support", 0, 3),)


def test_store_failed_batch_leaves_nothing_behind(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt")], [[1]], [None])
        with pytest.raises(Exception):
            # The second document repeats an id: the whole batch must roll back.
            store.add_batch([_document("d2", "b.txt"), _document("d1", "c.txt")], [[1], [2]], [None, None])
        assert store.known_ids() == {"d1"}


def test_store_unanalysed_ids_follow_pack_and_model(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt"), _document("d2", "b.txt")], [[1], [2]], [([], []), None], "p", "m")
        assert store.unanalysed_ids("p", "m") == ["d2"]
        assert store.unanalysed_ids("other", "m") == ["d1", "d2"]
        store.replace_analyses([("d2", [], [])], "p", "m")
        assert store.unanalysed_ids("p", "m") == []


def test_store_filters_documents(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt"), _document("d2", "b.txt", "Other news")], [[1], [2]], [None, None])
        assert [d.id for d in store.documents(search="other")] == ["d2"]
        assert [d.id for d in store.documents(outlet="example.org")] == ["d1", "d2"]
        assert store.documents(since="2027-01-01") == []


def test_store_read_only_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_store_analysis_packs_and_position_ids(tmp_path: Path) -> None:
    position = Position("d1", "Russia", "ceasefire", "oppose", "Hello", 0, 5)
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt"), _document("d2", "b.txt")], [[1], [2]],
                        [([], [position]), ([], [])], "river", "m")
        assert store.analysis_packs() == {"river": 2}
        assert store.position_ids() == (["Russia"], ["ceasefire"])


def test_store_syndication_rows_and_set_duplicates(tmp_path: Path) -> None:
    long_text = "a" * 10 + "b" * 10 + "c" * 10
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt", long_text), _document("d2", "b.txt")], [[1], [2]], [None, None])
        store.set_duplicates({"d1": "d2"})
        assert list(store.syndication_rows(5)) == [
            ("d1", [1], "2026-02-10", "example.org", "aaaaa\nccccc", "d2"),
            ("d2", [2], "2026-02-10", "example.org", "Hello\norld.", None),
        ]


def test_store_syndication_candidates_are_band_matches_and_their_groups(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add_batch([_document("d1", "a.txt"), _document("d2", "b.txt"), _document("d3", "c.txt")],
                        [[1], [2], [3]], [None, None, None], copies=[(None, [10, 11]), ("d1", [12]), (None, [13])])
        # Key 11 finds d1, whose group holds d2; key 13 finds d3 alone; key 99 finds nothing.
        assert store.syndication_candidates([11, 13, 99], 5) == [
            (1, "d1", [1], "2026-02-10", "example.org", "Hello\norld.", None),
            (2, "d2", [2], "2026-02-10", "example.org", "Hello\norld.", "d1"),
            (3, "d3", [3], "2026-02-10", "example.org", "Hello\norld.", None),
        ]
        assert store.syndication_candidates([12], 5)[0][1] == "d1"
        assert store.syndication_candidates([], 5) == []


def test_store_generation_rises_with_every_write(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    before = store.generation()
    store.add_batch([_document("d1", "a.txt")], [[1]], [None])
    store.replace_analyses([("d1", [], [])], "p", "m")
    assert store.generation() == before + 2


def test_store_holds_no_connection_between_calls(tmp_path: Path) -> None:
    import duckdb

    writer = Store(tmp_path / "s.duckdb")
    writer.add_batch([_document("d1", "a.txt")], [[1]], [None])
    # With the writer's Store still alive, another connection (another process would be
    # the same) can take the file read-only.
    con = duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    con.close()


def test_store_waits_while_another_process_writes(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    db = tmp_path / "s.duckdb"
    Store(db).add_batch([_document("d1", "a.txt")], [[1]], [None])
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('held', flush=True); time.sleep(1.0); c.close()", str(db)],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    assert Store(db, read_only=True).count() == 1
    assert time.monotonic() - started > 0.3
    holder.wait(timeout=10)


def test_store_read_only_refuses_writes(tmp_path: Path) -> None:
    Store(tmp_path / "s.duckdb").add_batch([_document("d1", "a.txt")], [[1]], [None])
    with pytest.raises(StoreError, match="read-only"):
        Store(tmp_path / "s.duckdb", read_only=True).add_corrections([])


def test_store_inputs_stored_whole_keep_their_first_source(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.duckdb")
    store.add_batch([], [], [], inputs=[("k1", "a.txt")])
    store.add_batch([], [], [], inputs=[("k1", "again.txt"), ("k2", "b.txt"), ("k2", "b-copy.txt")])
    assert store.known_inputs() == {"k1", "k2"}
    with duckdb.connect(str(tmp_path / "s.duckdb")) as con:
        assert con.execute("SELECT key, source FROM inputs ORDER BY key").fetchall() == [("k1", "a.txt"), ("k2", "b.txt")]

"""Readers share the store file, let a waiting writer in now and then, and cache the matrix."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from redline.models import Correction, Document, Segment, Statement
from redline.serve.data import Gate, Reader
from redline.store import StatementFilter, Store


def test_data_gate_lets_go_of_the_file_when_a_writer_waits(tmp_path: Path) -> None:
    sign = tmp_path / "s.duckdb.waiting"
    gate = Gate(sign, hold=0.05, gap=0.0)
    times: dict[str, float] = {}

    def late_reader() -> None:
        with gate.reading():
            times["late entered"] = time.monotonic()

    with gate.reading():
        time.sleep(0.1)  # the spell is now longer than the hold
        sign.touch()  # as a writer kept out does
        late = threading.Thread(target=late_reader)
        late.start()
        time.sleep(0.1)
        times["first left"] = time.monotonic()
    late.join(timeout=5)
    assert times["late entered"] >= times["first left"]


def test_data_gate_readers_overlap_while_no_writer_waits(tmp_path: Path) -> None:
    gate = Gate(tmp_path / "s.duckdb.waiting", hold=0.0, gap=0.0)
    inside = threading.Event()

    def second() -> None:
        with gate.reading():
            inside.set()

    with gate.reading():
        thread = threading.Thread(target=second)
        thread.start()
        assert inside.wait(timeout=5)
    thread.join(timeout=5)


def test_data_matrix_is_recomputed_only_after_a_write(db: Path) -> None:
    reader = Reader(db)
    with reader.store() as store:
        first = reader.cells(store)
        assert reader.cells(store) is first
    Store(db).add_corrections([Correction("statement", "d1", 0, 5, note="n")])
    with reader.store() as store:
        assert reader.cells(store) is not first


def test_data_search_shows_statements_as_corrected(db: Path) -> None:
    start = len("Minister Ann Vale said ")
    Store(db).add_corrections([Correction("statement", "d1", start, start + 10, speaker="Ann Vale-Orr")])
    with Reader(db).store() as store:
        _, found, facets = store.search_statements(StatementFilter(q="resume"))
    assert [(s.speaker, s.corrected) for s, _ in found] == [("Ann Vale-Orr", True)]
    assert facets["speaker"] == [("Ann Vale-Orr", 1)]


def test_data_facets_are_counted_again_after_a_write(db: Path) -> None:
    reader = Reader(db)
    where = StatementFilter(q="talks")
    with reader.store() as store:
        assert reader.search(store, where, 50, 0)[0][0] == 2
        assert reader.search(store, where, 50, 0)[0] is reader.search(store, where, 50, 0)[0]
    text = "Ann Vale said the talks go on."
    document = Document("d4", "d4.txt", "/c/d4.txt", text, text, [Segment(0, 0, len(text))], outlet="North Post")
    said = Statement("d4", "Ann Vale", "Ann Vale", "the talks go on", 14, 29, "indirect")
    Store(db).add_batch([document], [[4]], [([said], [])])
    with reader.store() as store:
        (total, facets), _ = reader.search(store, where, 50, 0)
    assert (total, facets["outlet"]) == (3, [("North Post", 2), ("South Daily", 1)])

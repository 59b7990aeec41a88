"""Syndicated copies grouped by MinHash LSH; the earliest dated copy is canonical."""

from __future__ import annotations

import json
from pathlib import Path

from redline import api
from redline.ingest.syndication import Syndicator, signature
from redline.models import Document
from redline.store import Store

WIRE = (
    "MOSCOW - The Kremlin said on Wednesday that security assurances the West is considering "
    "for Ukraine would be a dangerous mistake that would impinge on Russia's own security and "
    "expose Europe to greater risks for many years ahead. The Group of Seven countries are "
    "expected to announce an international framework that would pave the way for long-term "
    "security assurances for Ukraine, officials said. Kremlin spokesman Dmitry Peskov said the "
    "proposed assurances were a mistake which Moscow would be forced to factor into its future "
    "decision making. It is impossible for Russia to tolerate anything that threatens its own "
    "security, Peskov added, saying he hoped Western politicians would realise the risks."
)
# The same wire story as a second outlet prints it: a new headline, one word changed.
COPY = "Kremlin warns the West over assurances\n" + WIRE.replace("on Wednesday", "on Wednesday morning")
OTHER = (
    "KYIV - Ukraine's foreign ministry said on Tuesday that full membership of NATO was the only "
    "real guarantee of the country's security and that it would accept no substitutes. The "
    "ministry recalled the Budapest Memorandum of 1994, under which Ukraine gave up the nuclear "
    "arsenal it inherited from the Soviet Union in exchange for assurances of its borders."
)


def test_syndication_groups_a_wire_story_with_its_edited_copy() -> None:
    syndicator = Syndicator(0.7, 128)
    assert syndicator.add("wire", signature(WIRE, 128)) is None
    assert syndicator.add("copy", signature(COPY, 128)) == "wire"


def test_syndication_keeps_an_unrelated_story_apart() -> None:
    syndicator = Syndicator(0.7, 128)
    syndicator.add("wire", signature(WIRE, 128))
    assert syndicator.add("other", signature(OTHER, 128)) is None


def test_syndication_canonical_is_the_first_added_for_every_later_copy() -> None:
    syndicator = Syndicator(0.7, 128)
    syndicator.add("first", signature(COPY, 128))
    assert syndicator.add("second", signature(WIRE, 128)) == "first"
    assert syndicator.add("third", signature(WIRE + " REUTERS", 128)) == "first"
    assert syndicator.add("second", signature(WIRE, 128)) == "first"


def test_syndication_signature_is_stable_plain_integers() -> None:
    sig = signature(WIRE, 64)
    assert len(sig) == 64
    assert all(type(value) is int and 0 <= value < 2**32 for value in sig)
    assert sig == signature(WIRE.upper(), 64)


def test_syndication_never_groups_texts_without_words() -> None:
    syndicator = Syndicator(0.7, 128)
    assert syndicator.add("a", signature("", 128)) is None
    assert syndicator.add("b", signature(" -- ", 128)) is None


def test_syndication_earliest_dated_copy_is_canonical_whatever_the_order() -> None:
    syndicator = Syndicator(0.7, 128)
    assert syndicator.add("reprint", signature(COPY, 128), "2025-03-02", "Harbour Post") is None
    assert syndicator.add("wire", signature(WIRE, 128), "2025-03-01", "Wire") is None
    assert syndicator.add("reprint", signature(COPY, 128)) == "wire"


def test_syndication_an_undated_copy_never_beats_a_dated_one() -> None:
    syndicator = Syndicator(0.7, 128)
    syndicator.add("undated", signature(COPY, 128))
    syndicator.add("dated", signature(WIRE, 128), "2025-03-05")
    assert syndicator.add("undated", signature(COPY, 128)) == "dated"


def test_syndication_same_date_goes_to_the_outlet_the_copies_credit() -> None:
    syndicator = Syndicator(0.7, 128)
    credit = COPY + " This story first appeared in the Northern Wire."
    syndicator.add("reprint", signature(credit, 128), "2025-03-01", "Harbour Post", credit)
    syndicator.add("wire", signature(WIRE, 128), "2025-03-01", "Northern Wire", WIRE)
    assert syndicator.add("reprint", signature(credit, 128)) == "wire"


def test_syndication_settle_hands_back_stored_documents_that_changed() -> None:
    syndicator = Syndicator(0.7, 128)
    syndicator.add("reprint", signature(COPY, 128), "2025-03-02", recorded=None)
    batch = [Document("wire", "wire.txt", "wire.txt", WIRE, WIRE, date="2025-03-01")]
    batch[0].duplicate_of = syndicator.add("wire", signature(WIRE, 128), "2025-03-01")
    assert syndicator.settle(batch) == {"reprint": "wire"}
    assert batch[0].duplicate_of is None
    assert syndicator.settle([]) == {}


def test_syndication_store_is_updated_when_the_original_arrives_later(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    reprint = {"url": "https://post.example/kremlin", "text": COPY, "date": "2025-03-02",
               "outlet": "Harbour Post"}
    original = {"url": "https://wire.example/kremlin", "text": WIRE, "date": "2025-03-01",
                "outlet": "Wire"}
    for name, record in (("a.jsonl", reprint), ("b.jsonl", original)):
        (tmp_path / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
        api.ingest([str(tmp_path / name)], db=db, analyse=False)
    with Store(db, read_only=True) as store:
        by_doc = {d.doc: d for d in store.documents()}
    wire, post = by_doc["https://wire.example/kremlin"], by_doc["https://post.example/kremlin"]
    assert (wire.duplicate_of, post.duplicate_of) == (None, wire.id)


def _ingest_one_by_one(tmp_path: Path, batch_size: int) -> dict[str, str | None]:
    """Reprint, unrelated story, original and a second reprint, one input each, one run."""
    records = [
        ("a.jsonl", {"url": "https://post.example/a", "text": COPY, "date": "2025-03-02"}),
        ("b.jsonl", {"url": "https://post.example/b", "text": OTHER, "date": "2025-03-01"}),
        ("c.jsonl", {"url": "https://wire.example/c", "text": WIRE, "date": "2025-03-01"}),
        ("d.jsonl", {"url": "https://post.example/d", "text": WIRE + " Reprinted.", "date": "2025-03-03"}),
    ]
    folder = tmp_path / f"corpus-{batch_size}"
    folder.mkdir()
    for name, record in records:
        (folder / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / f"s-{batch_size}.duckdb"
    api.ingest([str(folder)], db=db, analyse=False, batch_size=batch_size)
    with Store(db, read_only=True) as store:
        ids = {d.id: d.doc.rsplit("/", 1)[-1] for d in store.documents()}
        return {ids[d.id]: ids.get(d.duplicate_of or "") for d in store.documents()}


def test_syndication_stored_copies_decide_as_one_batch_does(tmp_path: Path) -> None:
    # With one document per batch every earlier copy is found through the store's band keys.
    expected = {"a": "c", "b": None, "c": None, "d": "c"}
    assert _ingest_one_by_one(tmp_path, 1) == expected
    assert _ingest_one_by_one(tmp_path, 100) == expected


def test_syndication_store_from_before_band_keys_gains_them(tmp_path: Path) -> None:
    import duckdb

    db = tmp_path / "s.duckdb"
    (tmp_path / "a.jsonl").write_text(json.dumps({"url": "https://post.example/a", "text": COPY,
                                                  "date": "2025-03-02"}) + "\n", encoding="utf-8")
    api.ingest([str(tmp_path / "a.jsonl")], db=db, analyse=False)
    con = duckdb.connect(str(db))
    # What a schema-2 store holds: no band keys, no copy_of column.
    con.execute("DELETE FROM bands")
    con.execute("ALTER TABLE documents DROP COLUMN copy_of")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    (tmp_path / "b.jsonl").write_text(json.dumps({"url": "https://wire.example/b", "text": WIRE,
                                                  "date": "2025-03-01"}) + "\n", encoding="utf-8")
    api.ingest([str(tmp_path / "b.jsonl")], db=db, analyse=False)
    with Store(db, read_only=True) as store:
        by_doc = {d.doc: d for d in store.documents()}
        assert store.bands_missing() is False
    assert by_doc["https://post.example/a"].duplicate_of == by_doc["https://wire.example/b"].id

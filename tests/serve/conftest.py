"""A small invented store written straight through the store (no NLP), and clients over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redline.models import Document, Position, Segment, Statement
from redline.serve.app import create_app
from redline.store import Store

PAYLOAD = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
TEXTS = {
    "d1": "Minister Ann Vale said the border talks must resume soon. Officials added nothing.",
    "d2": "Envoy Bo Kurt said his side rejects any border talks. " + PAYLOAD,
    "d3": "Ann Vale said a ceasefire could hold if monitors arrive.",
}


def _document(doc_id: str, outlet: str, date: str) -> Document:
    text = TEXTS[doc_id]
    return Document(id=doc_id, doc=f"{doc_id}.txt", origin=f"/corpus/{doc_id}.txt", raw_text=text,
                    text=text, segments=[Segment(0, 0, len(text))], title=f"Story {doc_id}",
                    outlet=outlet, date=date, language="en")


def _span(doc_id: str, phrase: str) -> tuple[int, int]:
    start = TEXTS[doc_id].index(phrase)
    return start, start + len(phrase)


def analyses() -> dict[str, tuple[list[Statement], list[Position]]]:
    """Statements and positions of the three invented documents."""
    d1, d2, d3 = (_span("d1", "the border talks must resume soon"),
                  _span("d2", "his side rejects any border talks"),
                  _span("d3", "a ceasefire could hold if monitors arrive"))
    return {
        "d1": ([Statement("d1", "Ann Vale", "Minister Ann Vale", TEXTS["d1"][slice(*d1)], *d1, "indirect",
                          cue="said", actor="Northland")],
               [Position("d1", "Northland", "border-talks", "support", TEXTS["d1"][slice(*d1)], *d1,
                         statement_index=0, speaker="Ann Vale", confidence=0.8)]),
        "d2": ([Statement("d2", "Bo Kurt", "Envoy Bo Kurt", TEXTS["d2"][slice(*d2)], *d2, "indirect",
                          cue="said", actor="Southland")],
               [Position("d2", "Southland", "border-talks", "oppose", TEXTS["d2"][slice(*d2)], *d2,
                         statement_index=0, speaker="Bo Kurt", red_line=True)]),
        "d3": ([Statement("d3", "Ann Vale", "Ann Vale", TEXTS["d3"][slice(*d3)], *d3, "indirect",
                          cue="said", actor="Northland")],
               [Position("d3", "Northland", "ceasefire", "conditional", TEXTS["d3"][slice(*d3)], *d3,
                         condition="if monitors arrive", statement_index=0, speaker="Ann Vale")]),
    }


def write_store(path: Path) -> Path:
    """The invented store at ``path``: three documents, two outlets, three positions."""
    meta = {"d1": ("North Post", "2026-03-01"), "d2": ("South Daily", "2026-03-02"),
            "d3": ("North Post", "2026-03-05")}
    docs = [_document(i, *meta[i]) for i in ("d1", "d2", "d3")]
    found = analyses()
    Store(path).add_batch(docs, [[1], [2], [3]], [found[d.id] for d in docs], "test-pack", "test-model")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A fresh copy of the invented store."""
    return write_store(tmp_path / "serve.duckdb")


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    """A read-only dashboard over the invented store."""
    with TestClient(create_app(db), base_url="http://127.0.0.1:8765") as test_client:
        yield test_client


@pytest.fixture
def reviewer(db: Path) -> Iterator[TestClient]:
    """A review-mode dashboard over the invented store."""
    with TestClient(create_app(db, review=True), base_url="http://127.0.0.1:8765") as test_client:
        yield test_client


@pytest.fixture
def store_writer() -> object:
    """The function that writes the invented store, for tests that place it themselves."""
    return write_store

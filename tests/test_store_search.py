"""A statement search finds, counts and pages exactly what a count over every statement does."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

import pytest

from redline import store as store_module
from redline.corrections import attachments, corrected_statement
from redline.models import Correction, Document, Position, Segment, Statement
from redline.store import FACETS, SearchIndex, StatementFilter, Store

# (outlet, language, date) of each invented document, and its statements' (content, speaker, actor).
DOCUMENTS = {
    "d1": (("North Post", "en", "2026-03-01"), [
        ("the border talks resume on Monday", "Ann Vale", "Northland"),
        ("Talks on grain stay 100% open", "Bo Kurt", None),
        ("the a_b plan stays", "Ann Vale", "Southland"),
    ]),
    "d2": ((None, "ru", "2026-03-02"), [
        ("переговоры о мире продолжатся", "Ира Лис", "Eastmark"),
        ("Мир возможен, если talks resume", "Ира Лис", "Eastmark"),
    ]),
    "d3": (("South Daily", None, None), [("the back\\slash talks end", "Bo Kurt", None)]),
    "d4": (("North Post", "en", "2026-03-04"), [
        ("border talks collapse", "Cy Moor", "Southland"),
        ("no comment on talks", "Cy Moor", "Northland"),
    ]),
}
# (document, statement index, actor, issue, stance): two positions of one statement share an
# issue, and one position names no statement.
POSITIONS = [
    ("d1", 0, "Northland", "border-talks", "support"), ("d1", 0, "Southland", "border-talks", "oppose"),
    ("d1", 0, "Northland", "ceasefire", "conditional"), ("d1", 2, "Southland", "grain", "oppose"),
    ("d2", 1, "Eastmark", "peace", "conditional"), ("d2", None, "Eastmark", "peace", "support"),
    ("d4", 0, "Southland", "border-talks", "oppose"),
]


def _write(path: Path) -> Store:
    """The invented store, with corrections of each kind laid over it."""
    store = Store(path)
    spans: dict[tuple[str, int], tuple[int, int]] = {}
    for doc_id, ((outlet, language, date), said) in DOCUMENTS.items():
        text = ". ".join(content for content, _, _ in said) + "."
        document = Document(doc_id, f"{doc_id}.txt", f"/c/{doc_id}.txt", text, text, [Segment(0, 0, len(text))],
                            outlet=outlet, language=language, date=date)
        statements = []
        for k, (content, speaker, actor) in enumerate(said):
            start = text.index(content)
            spans[doc_id, k] = (start, start + len(content))
            statements.append(Statement(doc_id, speaker, speaker, content, start, start + len(content),
                                        "indirect", cue="said", actor=actor))
        positions = [Position(doc_id, actor, issue, stance, "evidence", *spans[doc_id, k or 0],
                              statement_index=k) for d, k, actor, issue, stance in POSITIONS if d == doc_id]
        store.add_batch([document], [[len(spans)]], [(statements, positions)])
    store.add_corrections([
        Correction("statement", "d4", *spans["d4", 0], speaker="Cy Moore"),
        Correction("statement", "d1", *spans["d1", 1], actor="Westreach"),
        Correction("statement", "d3", *spans["d3", 0], wrong=True),
        Correction("position", "d1", *spans["d1", 0], original_actor="Northland", original_issue="ceasefire",
                   issue="grain"),
        Correction("position", "d4", *spans["d4", 0], original_actor="Southland", original_issue="border-talks",
                   wrong=True),
    ])
    return Store(path, read_only=True)


def _by_hand(store: Store) -> list[tuple[Statement, Document, set[str], set[str]]]:
    """Every statement as corrected, in ingestion and text order, with its document and the
    issues and stances of its positions as corrected."""
    found = []
    for document in store.documents():
        raw = store.statements(document.id, raw=True)
        fixes = attachments(raw, (c for c in store.corrections(document.id) if c.target == "statement"))
        positions = store.positions(document_id=document.id)
        for k, statement in enumerate(raw):
            fix = fixes.get(k)
            if fix is not None and fix.wrong:
                continue
            mine = [p for p in positions if p.statement_index == k]
            found.append((corrected_statement(statement, fix) if fix else statement, document,
                          {p.issue for p in mine}, {p.stance for p in mine}))
    return found


def _matches(row: tuple[Statement, Document, set[str], set[str]], where: StatementFilter) -> bool:
    statement, document, issues, stances = row
    return (all(w.lower() in statement.content.lower() for w in (where.q or "").split())
            and where.actor in (None, statement.actor) and where.speaker in (None, statement.speaker)
            and where.issue in (None, *issues) and where.stance in (None, *stances)
            and where.outlet in (None, document.outlet) and where.language in (None, document.language)
            and (where.since is None or (document.date or "") >= where.since)
            and (where.until is None or (document.date is not None and document.date <= where.until)))


def _counts_by_hand(hits: list[tuple[Statement, Document, set[str], set[str]]],
                    limit: int) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values by count, then value; a missing value ranks but is not shown."""
    values = {
        "actor": [s.actor for s, _, _, _ in hits], "speaker": [s.speaker for s, _, _, _ in hits],
        "outlet": [d.outlet for _, d, _, _ in hits], "language": [d.language for _, d, _, _ in hits],
        "issue": [i for _, _, issues, _ in hits for i in issues],
        "stance": [s for _, _, _, stances in hits for s in stances],
    }
    counts = {}
    for name in FACETS:
        ranked = sorted(Counter(values[name]).items(), key=lambda vc: (-vc[1], vc[0] is None, vc[0] or ""))
        shown = [(v, n) for v, n in ranked[:limit] if v is not None]
        if shown:
            counts[name] = shown
    return counts


FILTERS = [
    StatementFilter(q=q, actor=actor, issue=issue, outlet=outlet, since=since)
    for q, actor, issue, outlet, since in itertools.product(
        (None, "talks", "TALKS border", "100%", "a_b", "back\\slash", "мир", "resume мир", "nothing"),
        (None, "Northland", "Westreach"), (None, "border-talks", "grain"), (None, "North Post"),
        (None, "2026-03-02"))
] + [StatementFilter(speaker="Cy Moore"), StatementFilter(speaker="Cy Moor"), StatementFilter(stance="oppose"),
     StatementFilter(language="ru"), StatementFilter(until="2026-03-02"), StatementFilter(q="talks", stance="support")]


@pytest.mark.parametrize("limit", [2, store_module.FACET_LIMIT])
def test_store_search_counts_what_a_count_over_every_statement_does(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setattr(store_module, "FACET_LIMIT", limit)
    store = _write(tmp_path / "s.duckdb")
    every, index = _by_hand(store), store.search_index()
    for where in FILTERS:
        hits = [row for row in every if _matches(row, where)]
        assert index.facets(where) == (len(hits), _counts_by_hand(hits, limit)), where


def test_store_search_pages_what_a_filter_over_every_statement_keeps(tmp_path: Path) -> None:
    store = _write(tmp_path / "s.duckdb")
    every, index = _by_hand(store), store.search_index()
    for where, (limit, offset) in itertools.product(FILTERS, [(50, 0), (2, 0), (2, 1), (3, 4)]):
        hits = [(s, d.id, d.outlet) for s, d, issues, stances in every if _matches((s, d, issues, stances), where)]
        page = [(s, d.id, d.outlet) for s, d in index.page(where, limit, offset)]
        assert page == hits[offset:offset + limit], where


def test_store_search_sees_the_store_as_of_its_index(tmp_path: Path) -> None:
    store = _write(tmp_path / "s.duckdb")
    index: SearchIndex = store.search_index()
    monday = DOCUMENTS["d1"][1][0][0]
    Store(tmp_path / "s.duckdb").add_corrections([Correction("statement", "d1", 0, len(monday), wrong=True)])
    assert index.facets(StatementFilter(q="monday"))[0] == 1
    assert Store(tmp_path / "s.duckdb", read_only=True).search_index().facets(StatementFilter(q="monday"))[0] == 0

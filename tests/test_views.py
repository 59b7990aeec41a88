"""The listing tables read at 80 columns: no value is cut short with an ellipsis."""

from __future__ import annotations

from rich.console import Console, RenderableType

from redline.models import Document, Evidence, Statement
from redline.views import documents_table, eval_errors, evidence_table, per_doc_table, statements_table

DOC = Document(
    "865ff8f5c852a462", "01_northwire_kremlin_nato.txt", "/c/01.txt", "raw", "text",
    title="Kremlin says Ukraine's NATO membership would be a threat", outlet="Northern Wire",
    date="2025-03-18", language="en", machine_translated=True, duplicate_of="0123456789abcdef",
)
STATEMENT = Statement(DOC.id, "Ukraine's foreign ministry", "the ministry",
                      "membership of the alliance was the only real guarantee", 300, 426, "indirect",
                      cue="said in a statement", actor="Ukraine")
POSITION = {"doc": DOC.doc, "actor": "United Kingdom", "issue": "foreign-troops-in-ukraine",
            "stance": "conditional", "condition": "once a ceasefire takes effect",
            "evidence": "Britain will deploy troops once a ceasefire takes effect", "start": 0, "end": 55}
EVIDENCE = Evidence(DOC.doc, DOC.id, "Ukraine's foreign ministry", "Northern Wire", "2025-03-18",
                    "membership of the alliance was the only real guarantee", 300, 426, "conditional")


def _text(renderable: RenderableType) -> str:
    console = Console(width=80, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def test_views_listings_fit_80_columns_without_ellipses() -> None:
    for table in (documents_table([DOC]), statements_table([STATEMENT], {DOC.id: DOC}),
                  per_doc_table([POSITION]), evidence_table("Ukraine", "ceasefire", [EVIDENCE])):
        text = _text(table)
        assert max(len(line) for line in text.splitlines()) <= 80
        assert "…" not in text


def test_views_documents_table_names_the_copy_by_its_id_when_not_listed() -> None:
    text = _text(documents_table([DOC]))
    assert "en MT" in text and "2025-03-18" in text and "865ff8f5c852a462" in text
    assert "0123456789" in text  # the copy of a document not listed is named by its id


def test_views_eval_errors_are_one_sanitised_line_each_with_evidence() -> None:
    hit = {"doc": "a.txt", "actor": "Velora", "issue": "demarcation", "stance": "conditional",
           "evidence": "Velora wants demarcation based on the old survey of the river \x1b[2J and its banks"}
    result = {"statements": {"errors": {}}, "cells": {"errors": {}},
              "positions": {"errors": {"misses": [], "false_hits": [hit]}}}
    console = Console(width=80, record=True, color_system=None)
    for text in eval_errors(result):
        console.print(text, soft_wrap=True)
    lines = console.export_text().splitlines()
    assert lines[-1] == (
        '  {"doc": "a.txt", "actor": "Velora", "issue": "demarcation", "stance": "conditional", '
        '"evidence": "Velora wants demarcation based on the old survey of the river \\u001b[2J and its banks"}'
    )
    assert "positions: false_hits (1)" in lines

"""The dashboard's pages and API over an invented store, through FastAPI's test client."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient

from redline.models import Correction, Document, Position, Segment, Statement
from redline.serve.app import create_app
from redline.store import Store

PAGES = ["/", "/docs", "/matrix", "/matrix?actor=Northland&issue=border-talks", "/timeline",
         "/timeline?issue=ceasefire", "/network", "/statements", "/statements?q=border&actor=Northland",
         "/documents", "/documents/d1", "/documents/d2?start=0&end=5", "/check", "/corrections"]


@pytest.mark.parametrize("path", PAGES)
def test_api_every_page_renders_with_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.text.replace('<script src="/static/app.js" defer></script>', "")


def test_api_article_markup_is_escaped_everywhere(client: TestClient) -> None:
    for path in ("/documents/d2", "/statements?q=rejects", "/matrix?actor=Southland&issue=border-talks",
                 "/documents"):
        body = client.get(path).text
        assert "<script>window.pwned" not in body
        assert "<img src=x" not in body
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in client.get("/documents/d2").text


def test_api_matrix_json_and_csv_agree(client: TestClient) -> None:
    cells = client.get("/api/matrix").json()["rows"]
    assert [(c["actor"], c["issue"], c["stance"], c["statements"], c["outlets"]) for c in cells] == [
        ("Northland", "border-talks", "support", 1, 1),
        ("Northland", "ceasefire", "conditional", 1, 1),
        ("Southland", "border-talks", "oppose", 1, 1),
    ]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/matrix.csv").text)))
    assert [(r["actor"], r["issue"], r["stance"], r["red_line"]) for r in rows] == [
        ("Northland", "border-talks", "support", "False"),
        ("Northland", "ceasefire", "conditional", "False"),
        ("Southland", "border-talks", "oppose", "True"),
    ]


def test_api_evidence_of_a_cell_points_at_its_document(client: TestClient) -> None:
    evidence = client.get("/api/evidence", params={"actor": "Southland", "issue": "border-talks"}).json()["rows"]
    assert [(e["document_id"], e["speaker"], e["outlet"], e["date"]) for e in evidence] == [
        ("d2", "Bo Kurt", "South Daily", "2026-03-02")]
    page = client.get("/matrix", params={"actor": "Southland", "issue": "border-talks"}).text
    assert '<mark class="m-oppose">his side rejects any border talks</mark>' in page
    assert 'href="/documents/d2?start=' in page


def test_api_statement_search_counts_facets(client: TestClient) -> None:
    result = client.get("/api/statements", params={"q": "border"}).json()
    assert result["total"] == 2
    assert [r["speaker"] for r in result["rows"]] == ["Ann Vale", "Bo Kurt"]
    assert result["facets"]["outlet"] == [{"value": "North Post", "count": 1}, {"value": "South Daily", "count": 1}]
    assert result["facets"]["stance"] == [{"value": "oppose", "count": 1}, {"value": "support", "count": 1}]
    narrowed = client.get("/api/statements", params={"speaker": "Ann Vale", "issue": "ceasefire"}).json()
    assert [r["document_id"] for r in narrowed["rows"]] == ["d3"]
    dated = client.get("/api/statements", params={"since": "2026-03-02", "until": "2026-03-04"}).json()
    assert [r["document_id"] for r in dated["rows"]] == ["d2"]


def test_api_search_takes_wildcards_literally(client: TestClient) -> None:
    assert client.get("/api/statements", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/statements", params={"q": "bord_r"}).json()["total"] == 0


def test_api_statements_paginate(client: TestClient) -> None:
    first = client.get("/api/statements", params={"limit": 2}).json()
    second = client.get("/api/statements", params={"limit": 2, "offset": 2}).json()
    assert (first["total"], len(first["rows"]), len(second["rows"])) == (3, 2, 1)
    assert second["rows"][0]["document_id"] == "d3"


@pytest.mark.parametrize("query", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"q": "x" * 201},
                                   {"since": "March"}, {"stance": "maybe"}])
def test_api_parameters_are_bounded(client: TestClient, query: dict[str, object]) -> None:
    assert client.get("/api/statements", params=query).status_code == 422


def test_api_positions_filter_and_csv(client: TestClient) -> None:
    result = client.get("/api/positions", params={"actor": "Northland"}).json()
    assert [(r["issue"], r["stance"]) for r in result["rows"]] == [("border-talks", "support"), ("ceasefire", "conditional")]
    rows = list(csv.DictReader(io.StringIO(client.get("/api/positions.csv", params={"stance": "oppose"}).text)))
    assert [(r["actor"], r["document_id"]) for r in rows] == [("Southland", "d2")]


def test_api_network_as_graphml_and_edge_list(client: TestClient) -> None:
    root = ET.fromstring(client.get("/api/network.graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert sorted(n.get("id") or "" for n in root.iterfind(".//g:node", ns)) == [
        "actor:Northland", "actor:Southland", "issue:border-talks", "issue:ceasefire"]
    assert len(root.findall(".//g:edge", ns)) == 3
    rows = list(csv.DictReader(io.StringIO(client.get("/api/network.csv").text)))
    assert [(r["source"], r["target"], r["stance"], r["weight"]) for r in rows] == [
        ("Northland", "border-talks", "support", "1"), ("Northland", "ceasefire", "conditional", "1"),
        ("Southland", "border-talks", "oppose", "1")]


def test_api_document_record_and_missing_document(client: TestClient) -> None:
    record = client.get("/api/documents/d3").json()
    assert (record["outlet"], len(record["statements"]), record["positions"][0]["stance"]) == ("North Post", 1, "conditional")
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/documents/nope").status_code == 404


def test_api_overview_counts(client: TestClient) -> None:
    data = client.get("/api/overview").json()
    assert (data["documents"], data["outlets"], data["statements"], data["positions"]) == (3, 2, 3, 3)
    assert (data["first_date"], data["last_date"], data["languages"]) == ("2026-03-01", "2026-03-05", {"en": 3})
    assert data["analysed_with"] == [{"pack": "test-pack", "model": "test-model", "documents": 3}]


def test_api_docs_page_lists_the_endpoints(client: TestClient) -> None:
    page = client.get("/docs").text
    for path in ("/api/positions", "/api/statements", "/api/network.graphml", "/api/corrections"):
        assert f"<code>{path}</code>" in page
    assert "/api/statements" in client.get("/openapi.json").json()["paths"]


PROPOSAL = "title: Test deal\nprovisions:\n  - id: truce\n    issue: ceasefire\n    outcome: granted\n"


def test_api_check_of_a_pasted_proposal(client: TestClient) -> None:
    report = client.post("/api/check", data={"text": PROPOSAL}).json()
    assert report["proposal"] == "Test deal"
    assert report["actors"]["Northland"]["provisions"]["truce"]["verdict"] == "conditional"
    page = client.post("/check", files={"file": ("deal.yaml", PROPOSAL.encode())})
    assert page.status_code == 200 and "Test deal" in page.text


def test_api_check_malformed_yaml_is_422_with_reason(client: TestClient) -> None:
    response = client.post("/api/check", data={"text": "title: x\nprovisions: [\n"})
    assert response.status_code == 422
    assert response.json()["detail"].startswith("proposal.yaml: line 3: not valid YAML")
    page = client.post("/check", data={"text": "title: x\nprovisions:\n  - id: a\n    issue: nowhere\n    outcome: granted\n"})
    assert page.status_code == 422 and "unknown issue &#39;nowhere&#39;" in page.text


def test_api_upload_over_a_megabyte_is_413(client: TestClient) -> None:
    response = client.post("/api/check", files={"file": ("big.yaml", b"#" * 1_000_001)})
    assert response.status_code == 413


def test_api_refuses_other_host_names(db: object, client: TestClient) -> None:
    # A page from another site that rebinds its name to 127.0.0.1 must not read the store.
    assert client.get("/api/overview", headers={"host": "attacker.example"}).status_code == 400


def test_api_csv_downloads_defuse_formulas_from_article_text(tmp_path: Path) -> None:
    text = 'Aide Cy Lem said =HYPERLINK("http://x.invalid","open") was the plan.'
    start = text.index("=HYPERLINK")
    end = text.index(" was the plan")
    quote = text[start:end]
    document = Document("f1", "f1.txt", "/corpus/f1.txt", text, text, [Segment(0, 0, len(text))],
                        title="@Breaking: -talks", outlet="+Wire", date="2026-04-01", language="en")
    said = Statement("f1", "Cy Lem", "Aide Cy Lem", quote, start, end, "indirect", cue="said", actor="Northland")
    position = Position("f1", "Northland", "border-talks", "support", quote, start, end, statement_index=0,
                        speaker="Cy Lem")
    db = tmp_path / "formula.duckdb"
    Store(db).add_batch([document], [[1]], [([said], [position])], "test-pack", "test-model")
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        statements = _csv_rows(client, "/api/statements.csv", q="HYPERLINK")
        positions = _csv_rows(client, "/api/positions.csv")
        evidence = _csv_rows(client, "/api/evidence.csv", actor="Northland", issue="border-talks")
        documents = _csv_rows(client, "/api/documents.csv")
    assert [r["content"] for r in statements] == ["'" + quote]
    assert [(r["evidence"], r["outlet"]) for r in positions] == [("'" + quote, "'+Wire")]
    # The evidence quotes the whole sentence, which starts with the speaker: left as it is.
    assert [(r["quote"], r["outlet"]) for r in evidence] == [(text, "'+Wire")]
    assert [(r["title"], r["outlet"]) for r in documents] == [("'@Breaking: -talks", "'+Wire")]


def _csv_rows(client: TestClient, path: str, **params: str) -> list[dict[str, str]]:
    response = client.get(path, params=params)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.text, newline="")))


def test_api_statement_facets_and_filters_count_corrected_values(db: Path) -> None:
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        d1, d2, d3 = (SimpleNamespace(**r) for r in client.get("/api/statements").json()["rows"])
    Store(db).add_corrections([
        Correction("statement", "d1", d1.start, d1.end, actor="Southland"),
        Correction("position", "d2", d2.start, d2.end, original_actor="Southland",
                   original_issue="border-talks", issue="ceasefire", stance="support"),
        Correction("statement", "d3", d3.start, d3.end, wrong=True),
    ])
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        result = client.get("/api/statements").json()
        by_actor = client.get("/api/statements", params={"actor": "Southland"}).json()
        by_issue = client.get("/api/statements", params={"issue": "ceasefire", "stance": "support"}).json()
        by_old_issue = client.get("/api/statements", params={"issue": "border-talks"}).json()
    facets = {name: [(f["value"], f["count"]) for f in values] for name, values in result["facets"].items()}
    assert result["total"] == 2
    assert facets["actor"] == [("Southland", 2)]
    assert facets["issue"] == [("border-talks", 1), ("ceasefire", 1)]
    assert facets["stance"] == [("support", 2)]
    assert facets["speaker"] == [("Ann Vale", 1), ("Bo Kurt", 1)]
    # A facet's count is what choosing it finds.
    assert (by_actor["total"], [r["document_id"] for r in by_actor["rows"]]) == (2, ["d1", "d2"])
    assert [r["actor"] for r in by_actor["rows"]] == ["Southland", "Southland"]
    assert (by_issue["total"], [r["document_id"] for r in by_issue["rows"]]) == (1, ["d2"])
    assert (by_old_issue["total"], [r["document_id"] for r in by_old_issue["rows"]]) == (1, ["d1"])

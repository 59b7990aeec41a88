"""The JSON and CSV twins of every page, with the pages' filters, bounded and paginated.

Every record comes from :mod:`redline.records`, the serialiser the CLI uses too, so the
web API, ``--json`` and ``--csv`` never disagree about a field.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from redline.check import report_to_json
from redline.records import (
    cell_record,
    correction_record,
    csv_text,
    document_record,
    evidence_record,
    position_record,
    statement_record,
)
from redline.serve import checking, shapes
from redline.serve.data import Reader
from redline.serve.params import Day, Name, Paging, StanceName, paging, statement_filter
from redline.store import StatementFilter

router = APIRouter(prefix="/api", tags=["api"])
DocumentId = Annotated[str, Path(max_length=200)]


def reader(request: Request) -> Reader:
    """The app's store reader."""
    return request.app.state.reader  # type: ignore[no-any-return]


ReaderDep = Annotated[Reader, Depends(reader)]
PagingDep = Annotated[Paging, Depends(paging)]


def csv_response(records: Sequence[dict[str, Any]], name: str) -> Response:
    """Records as a CSV download."""
    return Response(csv_text(records), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})


def page_of(records: list[dict[str, Any]], page: Paging, total: int | None = None) -> dict[str, Any]:
    """A slice of records with what a client needs to ask for the next one."""
    rows = records if total is not None else records[page.offset:page.offset + page.limit]
    count = total if total is not None else len(records)
    return {"total": count, "offset": page.offset, "limit": page.limit, "rows": rows}


@router.get("/overview")
def overview(r: ReaderDep) -> dict[str, Any]:
    """What the store holds: counts, date range, languages, translations, copies, analyses."""
    with r.store() as store:
        data = store.overview()
    for key in ("translated", "syndicated"):
        data[key] = [document_record(d) for d in data[key]]
    return data


def document_records(r: Reader, outlet: str | None, language: str | None, since: str | None,
                     until: str | None, q: str | None) -> list[dict[str, Any]]:
    """Metadata records of the documents the filters keep, in ingestion order."""
    with r.store() as store:
        found = store.documents(outlet or None, language or None, since or None, until or None,
                                search=q or None)
    return [document_record(d) for d in found]


@router.get("/documents")
def documents(r: ReaderDep, page: PagingDep, outlet: Name = None, language: Name = None,
              since: Day = None, until: Day = None, q: Name = None) -> dict[str, Any]:
    """Stored documents (metadata), filtered and paginated."""
    return page_of(document_records(r, outlet, language, since, until, q), page)


@router.get("/documents.csv")
def documents_csv(r: ReaderDep, outlet: Name = None, language: Name = None, since: Day = None,
                  until: Day = None, q: Name = None) -> Response:
    """Stored documents as CSV."""
    return csv_response(document_records(r, outlet, language, since, until, q), "documents")


@router.get("/documents/{document_id}")
def document(r: ReaderDep, document_id: DocumentId) -> dict[str, Any]:
    """One document: texts, removed boilerplate, statements, positions and corrections."""
    with r.store() as store:
        found = store.document(document_id)
        if found is None:
            raise HTTPException(404, f"{document_id}: no such document")
        record = document_record(found, full=True)
        record["statements"] = [statement_record(s, found) for s in store.statements(found.id)]
        record["positions"] = [position_record(p, found) for p in store.positions(document_id=found.id)]
        record["corrections"] = [correction_record(c) for c in store.corrections(found.id)]
    return record


def _cells(r: Reader, actor: str | None, issue: str | None) -> list[dict[str, Any]]:
    with r.store() as store:
        cells = r.cells(store)
    return [cell_record(c) for c in cells if actor in (None, c.actor) and issue in (None, c.issue)]


@router.get("/matrix")
def matrix(r: ReaderDep, page: PagingDep, actor: Name = None, issue: Name = None) -> dict[str, Any]:
    """The actor x issue matrix as corrected: stance, counts, flags and evidence per cell."""
    return page_of(_cells(r, actor or None, issue or None), page)


@router.get("/matrix.csv")
def matrix_csv(r: ReaderDep, actor: Name = None, issue: Name = None) -> Response:
    """The matrix as CSV, one row per cell (evidence as JSON in its column)."""
    return csv_response(_cells(r, actor or None, issue or None), "matrix")


def _evidence(r: Reader, actor: str, issue: str) -> list[dict[str, Any]]:
    with r.store() as store:
        cell = r.cell(store, actor, issue)
    return [evidence_record(e) for e in cell.evidence] if cell else []


@router.get("/evidence")
def evidence(r: ReaderDep, page: PagingDep, actor: Annotated[str, Name],
             issue: Annotated[str, Name]) -> dict[str, Any]:
    """The evidence of one cell, paginated, oldest first."""
    return page_of(_evidence(r, actor, issue), page)


@router.get("/evidence.csv")
def evidence_csv(r: ReaderDep, actor: Annotated[str, Name], issue: Annotated[str, Name]) -> Response:
    """A cell's evidence as CSV."""
    return csv_response(_evidence(r, actor, issue), "evidence")


def _positions(r: Reader, actor: str | None, issue: str | None, stance: str | None) -> list[dict[str, Any]]:
    with r.store() as store:
        found = store.positions(actor=actor or None, issue=issue or None)
        documents = {d.id: d for d in store.documents()}
    return [position_record(p, documents[p.document_id]) for p in found
            if stance in (None, "", p.stance) and p.document_id in documents]


@router.get("/positions")
def positions(r: ReaderDep, page: PagingDep, actor: Name = None, issue: Name = None,
              stance: StanceName = None) -> dict[str, Any]:
    """Per-document positions as corrected, filtered and paginated."""
    return page_of(_positions(r, actor, issue, stance), page)


@router.get("/positions.csv")
def positions_csv(r: ReaderDep, actor: Name = None, issue: Name = None, stance: StanceName = None) -> Response:
    """Per-document positions as CSV."""
    return csv_response(_positions(r, actor, issue, stance), "positions")


def search(r: Reader, where: StatementFilter, page: Paging) -> dict[str, Any]:
    """One page of matching statements with totals and facet counts."""
    with r.store() as store:
        (total, facets), found = r.search(store, where, page.limit, page.offset)
    result = page_of([statement_record(s, d) for s, d in found], page, total)
    result["facets"] = {name: [{"value": v, "count": n} for v, n in values] for name, values in facets.items()}
    return result


@router.get("/statements")
def statements(r: ReaderDep, page: PagingDep,
               where: Annotated[StatementFilter, Depends(statement_filter)]) -> dict[str, Any]:
    """Full-text statement search with facets (actor, speaker, issue, stance, outlet, language)."""
    return search(r, where, page)


@router.get("/statements.csv")
def statements_csv(r: ReaderDep, page: PagingDep,
                   where: Annotated[StatementFilter, Depends(statement_filter)]) -> Response:
    """One page of the statement search as CSV."""
    return csv_response(search(r, where, page)["rows"], "statements")


def _edges(r: Reader) -> list[shapes.Edge]:
    with r.store() as store:
        return shapes.edges(r.cells(store))


@router.get("/network")
def network(r: ReaderDep) -> list[dict[str, Any]]:
    """The actor-issue network: one weighted edge per actor, issue and stance."""
    return [asdict(e) for e in _edges(r)]


@router.get("/network.csv")
def network_csv(r: ReaderDep) -> Response:
    """The network as a CSV edge list (source, target, stance, weight)."""
    rows = [{"source": e.actor, "target": e.issue, "stance": e.stance, "weight": e.weight} for e in _edges(r)]
    return csv_response(rows, "network")


@router.get("/network.graphml")
def network_graphml(r: ReaderDep) -> Response:
    """The network as GraphML for Gephi or visone: actor and issue nodes, stance edges."""
    return Response(graphml(_edges(r)), media_type="application/graphml+xml",
                    headers={"content-disposition": 'attachment; filename="network.graphml"'})


def graphml(edges: Sequence[shapes.Edge]) -> bytes:
    """GraphML of the bipartite network; ElementTree escapes every name."""
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for key, owner, name, kind in (("kind", "node", "kind", "string"), ("stance", "edge", "stance", "string"),
                                   ("weight", "edge", "weight", "int")):
        ET.SubElement(root, "key", {"id": key, "for": owner, "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", id="positions", edgedefault="undirected")
    nodes = {(f"actor:{e.actor}", "actor") for e in edges} | {(f"issue:{e.issue}", "issue") for e in edges}
    for node, kind in sorted(nodes):
        ET.SubElement(ET.SubElement(graph, "node", id=node), "data", key="kind").text = kind
    for e in edges:
        edge = ET.SubElement(graph, "edge", source=f"actor:{e.actor}", target=f"issue:{e.issue}")
        ET.SubElement(edge, "data", key="stance").text = e.stance
        ET.SubElement(edge, "data", key="weight").text = str(e.weight)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True))


@router.post("/check")
async def check_proposal(request: Request, r: ReaderDep) -> Response:
    """Check a proposal (multipart ``file`` or form ``text``) against the corrected matrix."""
    text, alternatives = await checking.proposal_text(request)
    report = await run_in_threadpool(checking.run_check, r, text, alternatives, request.app.state.pack)
    return JSONResponse(report_to_json(report))


def _corrections(r: Reader) -> list[dict[str, Any]]:
    with r.store() as store:
        return [correction_record(c) for c in store.corrections()]


@router.get("/corrections")
def corrections(r: ReaderDep, page: PagingDep) -> dict[str, Any]:
    """Analysts' corrections, oldest first."""
    return page_of(_corrections(r), page)


@router.get("/corrections.csv")
def corrections_csv(r: ReaderDep) -> Response:
    """Analysts' corrections as CSV."""
    return csv_response(_corrections(r), "corrections")

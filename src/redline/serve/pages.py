"""The HTML pages: overview, matrix with evidence, timeline, network, statements, documents,
check and corrections, plus ``/docs``, the OpenAPI schema as a page.

Each page is one template over the same data its ``/api`` twin returns; links and forms
carry the state, so every page works without JavaScript.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from redline.check import report_to_json
from redline.corrections import attachments
from redline.errors import RedlineError
from redline.records import cell_record
from redline.serve import api, checking, shapes
from redline.serve.app import render
from redline.serve.params import Name, Paging, paging, statement_filter
from redline.store import StatementFilter

router = APIRouter(include_in_schema=False)
ReaderDep = api.ReaderDep
EXAMPLE_PROPOSAL = """title: Draft framework
provisions:
  - id: ceasefire
    issue: ceasefire
    outcome: granted
    text: Fighting stops along the present line.
"""


@router.get("/")
def overview(request: Request, r: ReaderDep) -> Response:
    """The store at a glance."""
    return render(request, "overview.html", data=api.overview(r), page="overview")


@router.get("/docs")
def docs(request: Request) -> Response:
    """The OpenAPI schema as a readable page (no script from elsewhere needed)."""
    schema = request.app.openapi()
    return render(request, "docs.html", schema=schema, page="docs")


@router.get("/matrix")
def matrix(request: Request, r: ReaderDep, actor: Name = None, issue: Name = None) -> Response:
    """The actor x issue matrix; with ``actor`` and ``issue``, that cell's evidence too."""
    with r.store() as store:
        layout = r.grid(store)
        chosen = r.cell(store, actor, issue) if actor and issue else None
        if chosen is None:
            # Without a cell chosen the page is the same for every client until the store
            # changes, and rendering its grid costs more than the rest of the request.
            body = r.kept(store, "matrix page", lambda: render(request, "matrix.html", grid=layout, chosen=None,
                                                              quotes=[], page="matrix", record=None).body)
            return Response(body, media_type="text/html")
        quotes = shapes.quotes(chosen.evidence, store.positions(actor=actor, issue=issue))
    return render(request, "matrix.html", grid=layout, chosen=chosen, quotes=quotes,
                  page="matrix", record=cell_record(chosen))



@router.get("/timeline")
def timeline(request: Request, r: ReaderDep, issue: Name = None) -> Response:
    """Per issue, each actor's positions over time, coloured by stance."""
    with r.store() as store:
        positions = store.positions()
        documents = {d.id: d for d in store.documents()}
    issues = sorted({p.issue for p in positions})
    shown = [issue] if issue else issues
    charts = [shapes.timeline(i, positions, documents) for i in shown if i in issues]
    return render(request, "timeline.html", charts=charts, issues=issues, issue=issue, page="timeline")


@router.get("/network")
def network(request: Request, r: ReaderDep) -> Response:
    """The actor-issue network of support and opposition."""
    with r.store() as store:
        edges = shapes.edges(r.cells(store))
    return render(request, "network.html", net=shapes.network(edges), edges=edges, page="network")


@router.get("/statements")
def statements(request: Request, r: ReaderDep, page: Annotated[Paging, Depends(paging)],
               where: Annotated[StatementFilter, Depends(statement_filter)]) -> Response:
    """Statement search with facet counts, paginated."""
    result = api.search(r, where, page)
    chosen = {k: v for k, v in vars(where).items() if v}

    def link(**change: Any) -> str:
        merged = {**chosen, **change}
        return "/statements?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    return render(request, "statements.html", result=result, where=where, chosen=chosen, link=link,
                  paging=page, query=urlencode(chosen), page="statements")


@router.get("/documents")
def documents(request: Request, r: ReaderDep, page: Annotated[Paging, Depends(paging)],
              q: Name = None) -> Response:
    """Stored documents, newest ingested last, paginated."""
    listing = api.page_of(api.document_records(r, None, None, None, None, q), page)
    return render(request, "documents.html", listing=listing, q=q or "", page="documents")


@router.get("/documents/{document_id}")
def document(request: Request, r: ReaderDep, document_id: api.DocumentId,
             start: Annotated[int | None, Query(ge=0)] = None,
             end: Annotated[int | None, Query(ge=0)] = None) -> Response:
    """A document's cleaned text with statements marked, positions beside, removals below."""
    with r.store() as store:
        found = store.document(document_id)
        if found is None:
            raise HTTPException(404, f"{document_id}: no such document")
        raw_statements = store.statements(found.id, raw=True)
        raw_positions = store.positions(document_id=found.id, raw=True)
        fixes = store.corrections(found.id)
    statement_fixes = attachments(raw_statements, (c for c in fixes if c.target == "statement"))
    position_fixes = attachments(raw_positions, (c for c in fixes if c.target == "position"))
    focus = (start, end) if start is not None and end is not None and start < end else None
    return render(
        request, "document.html", document=found, pieces=shapes.marked_text(found.text, raw_statements, focus),
        statements=raw_statements, positions=raw_positions, statement_fixes=statement_fixes,
        position_fixes=position_fixes, corrections=fixes, stances=shapes.STANCES,
        here=str(request.url.path) + (f"?{request.url.query}" if request.url.query else ""),
        page="documents",
    )


@router.get("/check")
def check_form(request: Request) -> Response:
    """The form: paste or upload a proposal."""
    return render(request, "check.html", text=EXAMPLE_PROPOSAL, report=None, error=None, page="check")


@router.post("/check")
async def check_page(request: Request, r: ReaderDep) -> Response:
    """The check report of the posted proposal, rendered; a bad proposal is a 422 with why."""
    text = ""
    try:
        text, alternatives = await checking.proposal_text(request)
        report = await run_in_threadpool(checking.run_check, r, text, alternatives, request.app.state.pack)
    except RedlineError as exc:
        return render(request, "check.html", text=text, report=None, error=str(exc), page="check",
                      status_code=422)
    return render(request, "check.html", text=text, report=report, r=report_to_json(report), error=None,
                  page="check")


@router.get("/corrections")
def corrections(request: Request, r: ReaderDep) -> Response:
    """Every correction analysts made, with export links."""
    with r.store() as store:
        found = store.corrections()
    return render(request, "corrections.html", corrections=found, page="corrections")

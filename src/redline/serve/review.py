"""Review mode's one write: ``POST /api/corrections``, guarded by origin, token and mode.

A write is refused unless the server runs with ``--review``, the request comes from the
dashboard's own origin (``Origin``, else ``Referer``) and carries the per-process CSRF
token the pages embed (form field ``csrf_token`` or header ``X-CSRF-Token``). Forms are
answered with a redirect back to the page; JSON clients get the stored record.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from redline.corrections import CorrectionInput, describe
from redline.models import Correction
from redline.records import correction_record
from redline.serve.data import Reader

router = APIRouter(prefix="/api", tags=["review"])
_FORM_ONLY = {"csrf_token", "next"}


def same_origin(request: Request) -> bool:
    """True when the request's Origin (or Referer) is this server's own scheme and host."""
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if not claimed:
        return False
    parts = urlsplit(claimed)
    host = request.headers.get("host", "")
    return (parts.scheme, parts.netloc) == (request.url.scheme, host)


def safe_next(value: Any) -> str | None:
    """A redirect target only if it is a path on this server (never another host)."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return None
    return value


async def _body(request: Request) -> tuple[dict[str, Any], bool]:
    """The request's fields and whether it came from an HTML form."""
    if request.headers.get("content-type", "").startswith("application/json"):
        data = await request.json()
        if not isinstance(data, dict):
            raise HTTPException(422, "body: not a JSON object")
        return data, False
    form = await request.form()
    fields: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str)}
    fields["wrong"] = fields.get("wrong") in ("on", "true", "1")
    return fields, True


def _store_correction(reader: Reader, correction: Correction) -> None:
    with reader.store() as store:
        if store.document(correction.document_id) is None:
            raise HTTPException(404, f"{correction.document_id}: no such document")
        store.add_corrections([correction])


@router.post("/corrections", status_code=201)
async def add_correction(request: Request) -> Response:
    """Record an analyst's correction of a statement or position (review mode only)."""
    state = request.app.state
    if not state.review:
        raise HTTPException(403, "read-only dashboard: start `redline serve --review` to correct")
    if not same_origin(request):
        raise HTTPException(403, "cross-origin write refused")
    fields, from_form = await _body(request)
    token = fields.get("csrf_token") if from_form else request.headers.get("x-csrf-token")
    if not isinstance(token, str) or not secrets.compare_digest(token, state.csrf):
        raise HTTPException(403, "missing or wrong CSRF token")
    target = safe_next(fields.get("next"))
    try:
        correction = CorrectionInput.model_validate(
            {k: v for k, v in fields.items() if k not in _FORM_ONLY}
        ).correction()
    except ValidationError as exc:
        raise HTTPException(422, f"correction: {describe(exc)}") from None
    await run_in_threadpool(_store_correction, state.reader, correction)
    if from_form and target:
        return RedirectResponse(target, status_code=303)
    return JSONResponse(correction_record(correction), status_code=201)

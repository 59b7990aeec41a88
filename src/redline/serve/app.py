"""The FastAPI application: security headers, body limit, templates, and the routers.

Pages are rendered on the server with Jinja2 (autoescape on, so article text is always
text) and work without JavaScript; the one small script and the stylesheet are served
from the package, and the Content-Security-Policy allows nothing else: no inline script,
no inline style, no other origin. Only ``--review`` makes the store writable.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redline.errors import RedlineError, StoreError
from redline.serve.data import Reader

HERE = Path(__file__).parent
MAX_BODY_BYTES = 1_000_000
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class BodyTooLarge(Exception):
    """A request body went past the upload limit."""


class Limits:
    """ASGI middleware: the security headers on every response, and the body size cap."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length", b"0")
        if length.isdigit() and int(length) > self.max_bytes:
            await too_large()(scope, receive, self._with_headers(send))
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_bytes:
                raise BodyTooLarge
            return message

        await self.app(scope, counted, self._with_headers(send))

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in _HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in _HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        return sending


def too_large() -> Response:
    """The 413 answer to an upload past the limit."""
    return PlainTextResponse(f"request body over the {MAX_BODY_BYTES:,} byte limit", status_code=413)


def templates() -> Jinja2Templates:
    """The page templates; autoescaping is on for every one of them."""
    env = Jinja2Templates(directory=str(HERE / "templates"))
    env.env.autoescape = True
    return env


def create_app(db: str | Path, review: bool = False, host: str = "127.0.0.1",
               pack: str | None = None) -> FastAPI:
    """The dashboard over one store; writable (corrections only) when ``review`` is set."""
    from redline.serve import api, pages, review as review_routes

    app = FastAPI(
        title="redline", version="1", docs_url=None, redoc_url=None,
        description="Who demands, offers and rejects what: the store of one negotiation.",
    )
    app.state.reader = Reader(db, review=review)
    app.state.review = review
    app.state.pack = pack
    app.state.csrf = secrets.token_urlsafe(32)
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(review_routes.router)
    app.include_router(pages.router)
    # Only the names of this machine's loopback (a page on another site cannot rebind its
    # name to it and read the store); a server told to listen on every address takes any.
    allowed = ["*"] if host in ("0.0.0.0", "::") else sorted({host, "127.0.0.1", "localhost", "::1", "[::1]"})
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed)
    app.add_middleware(Limits)

    @app.exception_handler(BodyTooLarge)
    async def _too_large(_request: Request, _exc: BodyTooLarge) -> Response:
        return too_large()

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.exception_handler(RedlineError)
    async def _redline_error(_request: Request, exc: RedlineError) -> Response:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    return app


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    """A page rendered with the context every template expects."""
    state = request.app.state
    return state.templates.TemplateResponse(  # type: ignore[no-any-return]
        request, name, {"review": state.review, "csrf": state.csrf if state.review else "", **context},
        status_code=status_code,
    )

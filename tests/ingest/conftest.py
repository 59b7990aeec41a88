"""Fixtures for the ingest tests: settings for fast fetches and a real local HTTP server."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from redline.settings import SETTINGS


@dataclass(frozen=True)
class Reply:
    """One canned response of the local server."""

    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    send_length: bool = True
    drip: float = 0.0


class LocalServer:
    """An HTTP server on 127.0.0.1 with an ephemeral port, serving canned replies by path.

    A path given several replies serves them in turn and then repeats the last, which is
    how a 500-then-200 retry is staged. Unknown paths get a 404. Test modules cannot import
    this class (pytest imports them by path), so they reach it through the fixture.
    """

    def __init__(self) -> None:
        self.routes: dict[str, list[Reply]] = {}
        self.hits: dict[str, int] = {}
        self.user_agents: list[str] = []
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        # A short poll keeps shutdown, and so each test's teardown, quick.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def route(
        self,
        path: str,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
        delay: float = 0.0,
        send_length: bool = True,
        drip: float = 0.0,
    ) -> str:
        """Queue a reply at ``path`` (after any queued before) and return the path's URL.

        ``drip`` sends the body one byte at a time with that pause between bytes.
        """
        reply = Reply(body, content_type, status, headers or {}, delay, send_length, drip)
        self.routes.setdefault(path, []).append(reply)
        return self.url(path)

    def url(self, path: str) -> str:
        """The full URL of a path on this server."""
        return f"http://127.0.0.1:{self._httpd.server_port}{path}"

    def next_reply(self, path: str, user_agent: str) -> Reply | None:
        """Count a request and pick its reply."""
        with self._lock:
            self.user_agents.append(user_agent)
            count = self.hits.get(path, 0)
            self.hits[path] = count + 1
            replies = self.routes.get(path)
            return replies[min(count, len(replies) - 1)] if replies else None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()


def _handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            reply = server.next_reply(self.path, self.headers.get("User-Agent", ""))
            reply = reply or Reply(b"not here", "text/plain", status=404)
            time.sleep(reply.delay)
            try:
                self.send_response(reply.status)
                if reply.content_type:
                    self.send_header("Content-Type", reply.content_type)
                if reply.send_length:
                    self.send_header("Content-Length", str(len(reply.body)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if not reply.drip:
                    self.wfile.write(reply.body)
                for byte in reply.body if reply.drip else b"":
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(reply.drip)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up on purpose (size cap, timeout)

        def log_message(self, fmt: str, *args: Any) -> None:
            pass

    return Handler


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A local HTTP server for one test."""
    local = LocalServer()
    local.start()
    yield local
    local.stop()


@pytest.fixture
def settings() -> dict[str, Any]:
    """Default settings with fetches tuned for tests: short timeout, no retries."""
    values = {setting.name: setting.default for setting in SETTINGS}
    values.update(fetch_timeout=2.0, fetch_retries=0, user_agent="redline-test/1.0")
    return values


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    """An httpx client for readers that take one; closed after the test."""
    with httpx.Client(timeout=2.0, follow_redirects=True) as http:
        yield http

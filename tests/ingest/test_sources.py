"""The one entry point: any mix of paths and URLs, errors in the stream, never raised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

from redline.errors import InputError
from redline.ingest import iter_articles
from redline.ingest.sources import is_url
from redline.models import RawArticle

PAGE = b"""<html><head><title>Harbour talks</title></head><body><article>
<p>Officials from the port authority and the shipping union met again on Thursday to discuss
night shifts, both sides said.</p></article></body></html>"""


def test_sources_mix_of_paths_and_urls_keeps_going_past_bad_input(
    tmp_path: Path, settings: dict[str, Any], server: Any
) -> None:
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    page = server.route("/harbour", PAGE)
    missing = server.url("/missing")
    results = list(iter_articles([str(tmp_path), page, missing, str(tmp_path / "nope.txt")], settings))
    assert [item.doc if isinstance(item, RawArticle) else str(item) for item in results] == [
        "a.txt",
        f"{tmp_path / 'b.txt'}: empty file",
        page,
        f"{missing}: HTTP 404",
        f"{tmp_path / 'nope.txt'}: no such file or directory",
    ]


def test_sources_builds_a_client_with_the_user_agent(settings: dict[str, Any], server: Any) -> None:
    settings["user_agent"] = "redline-test/2.0 (+https://example.org)"
    page = server.route("/harbour", PAGE)
    assert [item.doc for item in iter_articles([page], settings) if isinstance(item, RawArticle)] == [page]
    assert server.user_agents == ["redline-test/2.0 (+https://example.org)"]


def test_sources_uses_a_given_client_and_leaves_it_open(settings: dict[str, Any], server: Any) -> None:
    page = server.route("/harbour", PAGE)
    with httpx.Client(headers={"User-Agent": "caller/1"}) as client:
        assert len(list(iter_articles([page, page], settings, client))) == 2
        assert not client.is_closed
    assert server.user_agents == ["caller/1", "caller/1"]


def test_sources_error_messages_are_one_line(settings: dict[str, Any]) -> None:
    results = list(iter_articles(["drafts/no\nsuch.txt"], settings))
    assert len(results) == 1 and isinstance(results[0], InputError)
    assert str(results[0]) == "drafts/no such.txt: no such file or directory"


def test_sources_url_detection() -> None:
    assert [is_url(s) for s in ("https://a.example/x", "HTTP://A.EXAMPLE", "ftp://a/b", "http.txt", "./https")] == [
        True,
        True,
        False,
        False,
        False,
    ]

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


def test_sources_other_url_schemes_say_what_is_unsupported(settings: dict[str, Any]) -> None:
    results = list(iter_articles(["file:///srv/news/a.txt", "ftp://files.example/a.txt", "FTP://files.example/b"], settings))
    assert [str(item) for item in results] == [
        "file:///srv/news/a.txt: file:// URLs are not read; give the path itself (/srv/news/a.txt)",
        "ftp://files.example/a.txt: ftp:// URLs are not supported (only http(s) URLs, files and folders)",
        "FTP://files.example/b: ftp:// URLs are not supported (only http(s) URLs, files and folders)",
    ]


def test_sources_credentials_in_urls_never_reach_messages_or_names(settings: dict[str, Any], server: Any) -> None:
    page = server.route("/harbour", PAGE)
    with_login = page.replace("http://", "http://editor:hunter2@")
    missing = server.url("/missing").replace("http://", "http://editor:hunter2@")
    feed = f"""<rss version="2.0"><channel><title>Harbour feed</title>
<item><title>Talks</title><link>{with_login}</link></item></channel></rss>""".encode()
    feed_url = server.route("/feed.xml", feed, "application/rss+xml").replace("http://", "http://editor:hunter2@")
    results = list(iter_articles([with_login, missing, feed_url], settings))
    host = page.split("/")[2]
    assert [(item.doc, item.origin, item.url, item.outlet) if isinstance(item, RawArticle) else str(item) for item in results] == [
        (page, page, page, host),
        f"{server.url('/missing')}: HTTP 404",
        (page, server.url("/feed.xml"), page, host),
    ]


def test_sources_repaired_bytes_warn_once_before_the_article(tmp_path: Path, settings: dict[str, Any]) -> None:
    (tmp_path / "note.txt").write_bytes("Talks “resume” on Monday".encode() + b"\xff.")
    results = list(iter_articles([str(tmp_path / "note.txt")], settings))
    assert [type(item).__name__ for item in results] == ["InputWarning", "RawArticle"]
    assert str(results[0]) == "note.txt: not valid UTF-8 in 1 place; replaced with U+FFFD"
    assert isinstance(results[1], RawArticle) and (results[1].text, results[1].warning) == (
        "Talks “resume” on Monday\ufffd.",
        None,
    )

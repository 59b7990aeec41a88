"""Web sources against a real HTTP server on 127.0.0.1: pages, feeds, and every failure."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import httpx
import pytest

from redline.errors import FetchError, InputError
from redline.ingest import web
from redline.ingest.web import fetch, iter_url
from redline.models import RawArticle

PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Border crossing reopens</title>
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2024-07-09T06:00:00Z"></head>
<body><nav><a href="/">Front page</a> <a href="/region">Region</a></nav>
<article><h1>Border crossing reopens</h1>
<p>The northern border crossing reopened to lorries on Tuesday after a week of repairs, the
transport ministry said in a short statement.</p></article>
<footer>Valley Courier, all rights reserved</footer></body></html>"""
PAGE_TEXT = (
    "Border crossing reopens\nThe northern border crossing reopened to lorries on Tuesday after a week of "
    "repairs, the transport ministry said in a short statement."
)


def outcomes(url: str, settings: dict[str, Any], client: httpx.Client) -> list[RawArticle | str]:
    return [str(item) if isinstance(item, InputError) else item for item in iter_url(url, client, settings)]


def page_article(url: str, doc: str | None = None, origin: str | None = None) -> RawArticle:
    return RawArticle(
        doc=doc or url,
        origin=origin or url,
        text=PAGE_TEXT,
        title="Border crossing reopens",
        url=url,
        date="2024-07-09",
        outlet="Valley Courier",
    )


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_web_article_page(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    url = server.route("/news/border", PAGE)
    assert outcomes(url, settings, client) == [page_article(url)]


def test_web_redirect_keeps_the_given_url_as_doc(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    final = server.route("/news/border", PAGE)
    old = server.route("/old", status=301, headers={"Location": "/news/border"})
    assert outcomes(old, settings, client) == [page_article(final, doc=old, origin=old)]


def test_web_charset_from_the_header(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    body = "<html><body><article><p>Делегации встретились во вторник в столице.</p></article></body></html>"
    url = server.route("/ru", body.encode("cp1251"), "text/html; charset=windows-1251")
    assert [item.text for item in iter_url(url, client, settings) if isinstance(item, RawArticle)] == [
        "Делегации встретились во вторник в столице."
    ]


def test_web_plain_text_response(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    url = server.route("/note.txt", b"A plain note.\r\nSecond line.", "text/plain")
    assert outcomes(url, settings, client) == [RawArticle(doc=url, origin=url, text="A plain note.\nSecond line.", url=url)]


def test_web_feed_fetches_linked_entries_and_reports_broken_ones(
    server: Any, settings: dict[str, Any], client: httpx.Client
) -> None:
    page_url = server.route("/news/border", PAGE)
    missing = server.url("/news/missing")
    inline = "<p>" + "Relief convoys waited at the crossing through the night. " * 8 + "</p>"
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Courier feed</title>
<item><title>Crossing open again</title><link>{page_url}</link><description>Teaser only.</description>
<pubDate>Wed, 10 Jul 2024 07:00:00 GMT</pubDate></item>
<item><title>Relative link</title><link>news/border</link></item>
<item><title>No way to read this</title><description></description></item>
<item><title>Gone</title><link>{missing}</link></item>
<item><title>Night at the crossing</title><link>https://courier.example/night</link>
<content:encoded><![CDATA[{inline}]]></content:encoded></item>
</channel></rss>""".encode()
    feed_url = server.route("/feed.xml", feed, "application/rss+xml")
    relative = server.url("/news/border")
    assert outcomes(feed_url, settings, client) == [
        RawArticle(
            doc=page_url,
            origin=feed_url,
            text=PAGE_TEXT,
            title="Crossing open again",
            url=page_url,
            date="2024-07-10",
            outlet="Valley Courier",
        ),
        RawArticle(
            doc=relative,
            origin=feed_url,
            text=PAGE_TEXT,
            title="Relative link",
            url=relative,
            date="2024-07-09",
            outlet="Valley Courier",
        ),
        f"{feed_url}: entry 3: no link or content",
        f"{missing}: HTTP 404",
        RawArticle(
            doc="https://courier.example/night",
            origin=feed_url,
            text=" ".join(["Relief convoys waited at the crossing through the night."] * 8),
            title="Night at the crossing",
            url="https://courier.example/night",
            outlet="Courier feed",
        ),
    ]


def test_web_atom_feed_served_as_xml(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    page_url = server.route("/news/border", PAGE)
    atom = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Courier</title>
<entry><title>Crossing</title><link href="{page_url}"/><updated>2024-07-11T08:00:00Z</updated></entry></feed>"""
    feed_url = server.route("/atom", atom.encode(), "application/xml")
    assert [item.date for item in iter_url(feed_url, client, settings) if isinstance(item, RawArticle)] == ["2024-07-11"]


def test_web_xml_that_is_no_feed(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    url = server.route("/page.xml", b"<html><body><p>Not a feed.</p></body></html>", "text/xml")
    assert outcomes(url, settings, client) == [f"{url}: not an RSS or Atom feed"]


def test_web_404(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    url = server.url("/nowhere")
    assert outcomes(url, settings, client) == [f"{url}: HTTP 404"]


def test_web_500_then_200_is_retried(
    server: Any, settings: dict[str, Any], client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "BACKOFF_SECONDS", 0.01)
    settings["fetch_retries"] = 1
    server.route("/flaky", b"busy", "text/plain", status=500)
    url = server.route("/flaky", PAGE)
    assert outcomes(url, settings, client) == [page_article(url)]
    assert server.hits["/flaky"] == 2


def test_web_retries_back_off_and_give_up(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    settings["fetch_retries"] = 2
    url = server.route("/down", b"down", "text/plain", status=503)
    pauses: list[float] = []
    with pytest.raises(FetchError) as caught:
        fetch(url, client, settings, sleep=pauses.append)
    assert str(caught.value) == f"{url}: HTTP 503 (after 3 attempts)"
    assert pauses == [0.5, 1.0]
    assert server.hits["/down"] == 3


def test_web_retry_after_is_honoured_but_capped(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    settings["fetch_retries"] = 2
    server.route("/slow-down", b"wait", "text/plain", status=429, headers={"Retry-After": "2"})
    server.route("/slow-down", b"wait", "text/plain", status=429, headers={"Retry-After": "3600"})
    url = server.route("/slow-down", PAGE)
    pauses: list[float] = []
    assert fetch(url, client, settings, sleep=pauses.append).body == PAGE
    assert pauses == [2.0, web.RETRY_AFTER_CAP]


def test_web_unsupported_content_type(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    url = server.route("/logo", b"\x89PNG\r\n\x1a\n", "image/png")
    assert outcomes(url, settings, client) == [f"{url}: unsupported content type image/png"]


@pytest.mark.parametrize(
    ("send_length", "reason"),
    [(True, "response too large (5.0 kB > 1.0 kB limit)"), (False, "response too large (over 1.0 kB limit)")],
)
def test_web_oversize_body_is_cut_off(
    server: Any, settings: dict[str, Any], client: httpx.Client, send_length: bool, reason: str
) -> None:
    settings["max_bytes"] = 1000
    url = server.route("/huge", b"<p>" + b"x" * 4993 + b"</p>", send_length=send_length)
    assert outcomes(url, settings, client) == [f"{url}: {reason}"]


def test_web_unreachable_port(settings: dict[str, Any], client: httpx.Client) -> None:
    url = f"http://127.0.0.1:{free_port()}/article"
    [message] = outcomes(url, settings, client)
    # The errno in the message differs between systems (111 on Linux, 61 on macOS).
    assert isinstance(message, str) and message.startswith(f"{url}: cannot connect ([Errno ")
    assert message.endswith("] Connection refused)")


def test_web_timeout(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    settings["fetch_timeout"] = 0.2
    url = server.route("/stuck", PAGE, delay=1.0)
    assert outcomes(url, settings, client) == [f"{url}: timed out after 0.2 s"]


def test_web_missing_content_type_is_sniffed(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    url = server.route("/bare", PAGE, None)
    assert outcomes(url, settings, client) == [page_article(url)]
    other = server.route("/blob", b"just bytes", None)
    assert outcomes(other, settings, client) == [f"{other}: unsupported content type (none given)"]


def test_web_local_feed_links_resolve_next_to_the_feed(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    (tmp_path / "story.txt").write_text("Story told in plain text.", encoding="utf-8")
    feed = b"""<rss version="2.0"><channel><title>Desk</title>
<item><title>Story</title><link>story.txt</link></item>
<item><title>Elsewhere</title><link>ftp://files.example/story.txt</link></item></channel></rss>"""
    source = web.FeedSource(str(tmp_path / "desk.rss"), "desk.rss", str(tmp_path / "desk.rss"), tmp_path)
    results = [str(item) if isinstance(item, InputError) else item for item in web.iter_feed(feed, source, client, settings)]
    assert results == [
        RawArticle(doc="story.txt", origin=str(tmp_path / "desk.rss"), text="Story told in plain text.", title="Story", outlet="Desk"),
        f"{tmp_path / 'desk.rss'}: entry 2: unsupported link ftp://files.example/story.txt",
    ]

"""Web sources against a real HTTP server on 127.0.0.1: pages, feeds, and every failure."""

from __future__ import annotations

import gzip
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
        f"{tmp_path / 'desk.rss'}: entry 2: link ftp://files.example/story.txt refused: only http(s) links are followed",
    ]


# A public address written as a literal, so that the tests need no name lookups.
PUBLIC = "http://93.184.216.34"


def mock_client(routes: dict[str, httpx.Response], asked: list[str]) -> httpx.Client:
    """A client answering from canned responses by URL, noting every URL asked for."""

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(str(request.url))
        return routes.get(str(request.url), httpx.Response(404))

    return httpx.Client(transport=httpx.MockTransport(answer))


def test_web_remote_feed_links_are_http_to_public_addresses_only(settings: dict[str, Any]) -> None:
    links = [
        "file://anyhost/etc/passwd",
        "ftp://files.example/story.txt",
        "http://127.0.0.1:9/admin",
        "http://10.1.2.3/intranet",
        "http://0x7f.1/hex-loopback",
        "http://[::ffff:127.0.0.1]/mapped",
        "http://169.254.169.254/latest/meta-data",
        f"{PUBLIC}/news/border",
    ]
    items = "".join(f"<item><title>Entry {n}</title><link>{link}</link></item>" for n, link in enumerate(links, 1))
    feed = f'<rss version="2.0"><channel><title>Remote</title>{items}</channel></rss>'.encode()
    asked: list[str] = []
    routes = {
        f"{PUBLIC}/feed.xml": httpx.Response(200, content=feed, headers={"content-type": "application/rss+xml"}),
        f"{PUBLIC}/news/border": httpx.Response(200, content=PAGE, headers={"content-type": "text/html"}),
    }
    with mock_client(routes, asked) as client:
        results = outcomes(f"{PUBLIC}/feed.xml", settings, client)
    feed_url = f"{PUBLIC}/feed.xml"
    assert results[:-1] == [
        f"{feed_url}: entry 1: link file://anyhost/etc/passwd refused: only http(s) links are followed",
        f"{feed_url}: entry 2: link ftp://files.example/story.txt refused: only http(s) links are followed",
        f"{feed_url}: entry 3: link http://127.0.0.1:9/admin refused: private address 127.0.0.1",
        f"{feed_url}: entry 4: link http://10.1.2.3/intranet refused: private address 10.1.2.3",
        f"{feed_url}: entry 5: link http://0x7f.1/hex-loopback refused: private address 127.0.0.1",
        f"{feed_url}: entry 6: link http://[::ffff:127.0.0.1]/mapped refused: private address 127.0.0.1",
        f"{feed_url}: entry 7: link http://169.254.169.254/latest/meta-data refused: private address 169.254.169.254",
    ]
    assert isinstance(results[-1], RawArticle) and results[-1].text == PAGE_TEXT
    assert asked == [feed_url, f"{PUBLIC}/news/border"]


def test_web_redirects_are_checked_hop_by_hop(settings: dict[str, Any]) -> None:
    def moved(location: str) -> httpx.Response:
        return httpx.Response(302, headers={"location": location})

    asked: list[str] = []
    routes = {
        f"{PUBLIC}/to-file": moved("file:///etc/passwd"),
        f"{PUBLIC}/to-loopback": moved("http://127.0.0.1/admin"),
        f"{PUBLIC}/twice": moved("/to-page"),
        f"{PUBLIC}/to-page": moved(f"{PUBLIC}/news/border"),
        f"{PUBLIC}/news/border": httpx.Response(200, content=PAGE, headers={"content-type": "text/html"}),
    }
    with mock_client(routes, asked) as client:
        assert outcomes(f"{PUBLIC}/to-file", settings, client) == [
            f"{PUBLIC}/to-file: redirect to file:///etc/passwd refused: only http(s) links are followed"
        ]
        assert outcomes(f"{PUBLIC}/to-loopback", settings, client) == [
            f"{PUBLIC}/to-loopback: redirect to http://127.0.0.1/admin refused: private address 127.0.0.1"
        ]
        [article] = outcomes(f"{PUBLIC}/twice", settings, client)
    assert isinstance(article, RawArticle) and (article.doc, article.url) == (f"{PUBLIC}/twice", f"{PUBLIC}/news/border")
    assert asked == [f"{PUBLIC}/to-file", f"{PUBLIC}/to-loopback", f"{PUBLIC}/twice", f"{PUBLIC}/to-page", f"{PUBLIC}/news/border"]


def test_web_local_feed_links_stay_inside_its_folder(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    (tmp_path / "secret.txt").write_text("Not for feeds.", encoding="utf-8")
    (tmp_path / "desk").mkdir()
    feed = f"""<rss version="2.0"><channel><title>Desk</title>
<item><title>Up</title><link>../secret.txt</link></item>
<item><title>Absolute</title><link>file://anyhost{tmp_path / 'secret.txt'}</link></item></channel></rss>""".encode()
    name = str(tmp_path / "desk" / "desk.rss")
    source = web.FeedSource(name, "desk.rss", name, tmp_path / "desk")
    results = [str(item) for item in web.iter_feed(feed, source, client, settings)]
    assert results == [
        f"{name}: entry 1: link ../secret.txt refused: outside the feed's folder",
        f"{name}: entry 2: link file://anyhost{tmp_path / 'secret.txt'} refused: only http(s) links are followed",
    ]


def test_web_dripping_server_is_stopped_at_the_deadline(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    settings.update(fetch_deadline=0.5, fetch_timeout=2.0)
    url = server.route("/drip", b"<html><body><p>One byte at a time.</p></body></html>", drip=0.1)
    # Without the deadline every read comes within the timeout and all 50 bytes arrive.
    assert outcomes(url, settings, client) == [f"{url}: no complete response within the 0.5 s deadline"]


def test_web_gzip_body_is_capped_as_it_inflates(server: Any, settings: dict[str, Any], client: httpx.Client) -> None:
    settings["max_bytes"] = 10_000
    body = gzip.compress(b"<p>" + b"a" * 5_000_000 + b"</p>")
    url = server.route("/bomb", body, headers={"Content-Encoding": "gzip"})
    assert len(body) < 10_000  # the Content-Length passes; the inflated body does not
    assert outcomes(url, settings, client) == [f"{url}: response too large (over 10.0 kB limit)"]

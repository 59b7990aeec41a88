"""Web sources: fetch URLs politely and read RSS/Atom feeds into articles.

A fetch has a timeout per read, an overall deadline (a server dripping a byte every few
seconds never trips the first), a size cap enforced while streaming, and retries with a
growing pause on timeouts, broken connections, 429 and 5xx (a server's Retry-After is
honoured up to a few seconds, so one slow host cannot stall a whole batch). Redirects
are followed here, one hop at a time, so that each target is checked like any link found
in remote content (see ``links``). Feeds come from a URL or a local file: an entry whose
content is substantial is taken as it is, any other entry's link is fetched as an article.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname
from xml.sax import SAXParseException

import feedparser
import httpx

from redline.errors import FetchError, InputError
from redline.ingest.decode import declared_charset, human_size, normalise_newlines, read_capped, too_large
from redline.ingest.extract import HTML_TYPES, article_from_bytes, extract_html, strip_tags
from redline.ingest.links import private_address, refused, without_credentials
from redline.ingest.outlet import feed_outlet
from redline.models import RawArticle

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
TEXT_TYPES = frozenset({"text/plain"})
# Pause before the first retry, doubled for each further one.
BACKOFF_SECONDS = 0.5
# A server may ask for minutes in Retry-After; a batch waits at most this long per retry.
RETRY_AFTER_CAP = 5.0
# An entry whose own content has this much text is the article; a shorter one is a teaser.
INLINE_MIN_CHARS = 400
LOCAL_ARTICLE_SUFFIXES = {".html": True, ".htm": True, ".txt": False}


@dataclass(frozen=True)
class Fetched:
    """A successful response: final URL after redirects, Content-Type header, body."""

    url: str
    content_type: str
    body: bytes

    @property
    def kind(self) -> str | None:
        """What the body is: ``html``, ``feed`` or ``text``; None for anything else."""
        media = self.content_type.split(";")[0].strip().lower()
        if media in HTML_TYPES:
            return "html"
        if media in FEED_TYPES:
            return "feed"
        if media in TEXT_TYPES:
            return "text"
        if media:
            return None
        # No Content-Type at all: look at how the body starts.
        head = self.body[:256].lstrip().lower()
        if head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf")):
            return "feed"
        return "html" if head.startswith((b"<!doctype html", b"<html")) else None


@dataclass(frozen=True)
class FeedSource:
    """Where a feed came from: the input named in errors, the prefix of its entries'
    doc names, its full origin, the folder its relative entry links point into, and
    whether it was fetched from a private address (so its links may point to one)."""

    source: str
    name: str
    origin: str
    folder: Path | None = None
    private: bool = False


@dataclass(frozen=True)
class _Limits:
    """What one fetch may take: bytes, seconds per read, and the monotonic deadline."""

    max_bytes: int
    timeout: float
    deadline: float
    seconds: float

    def left(self, url: str) -> float:
        """Seconds left before the deadline, or FetchError once it has passed."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise FetchError(url, f"no complete response within the {self.seconds:g} s deadline")
        return left


class _Retry(Exception):
    """A failure worth another attempt; ``wait`` is the pause a server asked for."""

    def __init__(self, reason: str, wait: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait = wait


def fetch(
    url: str,
    client: httpx.Client,
    settings: Mapping[str, Any],
    sleep: Callable[[float], None] = time.sleep,
    private_ok: bool | None = None,
) -> Fetched:
    """Fetch a URL with timeouts, a deadline, size cap, checked redirects and polite retries.

    Redirects may lead to a private address only when ``private_ok`` (by default: when
    ``url`` itself resolves to one). Raises FetchError.
    """
    retries, seconds = int(settings["fetch_retries"]), float(settings["fetch_deadline"])
    limits = _Limits(int(settings["max_bytes"]), float(settings["fetch_timeout"]), time.monotonic() + seconds, seconds)
    private = private_address(url) is not None if private_ok is None else private_ok
    attempt = 0
    while True:
        try:
            return _follow(url, client, limits, private)
        except _Retry as exc:
            attempt += 1
            wait = exc.wait if exc.wait is not None else BACKOFF_SECONDS * 2 ** (attempt - 1)
            if attempt > retries or time.monotonic() + wait >= limits.deadline:
                tries = f" (after {attempt} attempts)" if attempt > 1 else ""
                raise FetchError(url, exc.reason + tries) from None
            sleep(wait)


def _follow(url: str, client: httpx.Client, limits: _Limits, private: bool) -> Fetched:
    """Fetch ``url``, following redirects whose targets are fit to follow."""
    current = url
    for _ in range(client.max_redirects + 1):
        got = _get(url, current, client, limits)
        if isinstance(got, Fetched):
            return got
        reason = refused(got, private)
        if reason is not None:
            raise FetchError(url, f"redirect to {got} refused: {reason}")
        current = got
    raise FetchError(url, f"more than {client.max_redirects} redirects")


def iter_url(
    url: str, client: httpx.Client, settings: Mapping[str, Any]
) -> Iterator[RawArticle | InputError]:
    """Yield the article at a URL, or every article of the feed at it."""
    try:
        fetched = fetch(url, client, settings)
    except FetchError as exc:
        yield exc
        return
    if fetched.kind == "feed":
        feed = FeedSource(source=url, name=url, origin=url, private=private_address(fetched.url) is not None)
        yield from iter_feed(fetched.body, feed, client, settings, fetched.url, fetched.content_type)
    else:
        yield _fetched_article(url, url, fetched)


def iter_feed(
    data: bytes,
    feed: FeedSource,
    client: httpx.Client,
    settings: Mapping[str, Any],
    base_url: str | None = None,
    content_type: str | None = None,
) -> Iterator[RawArticle | InputError]:
    """Yield one article, or one error, for every entry of an RSS or Atom feed."""
    # A stream, because feedparser would take bytes that look like a path for a file name.
    parsed = feedparser.parse(io.BytesIO(data), response_headers=_feed_headers(base_url, content_type))
    if not parsed.entries and (parsed.bozo or not parsed.version):
        problem = parsed.get("bozo_exception")
        # The XML parser's own position ("<unknown>:2:0") counts lines feedparser added.
        detail = problem.getMessage() if isinstance(problem, SAXParseException) else problem
        reason = f"not a readable feed ({detail})" if problem else "not an RSS or Atom feed"
        yield InputError(feed.source, reason)
        return
    feed_title, feed_link = parsed.feed.get("title"), parsed.feed.get("link")
    for number, entry in enumerate(parsed.entries, start=1):
        article = _entry_article(entry, number, feed, client, settings)
        if isinstance(article, InputError):
            yield article
            continue
        yield replace(
            article,
            title=entry.get("title") or article.title,
            date=_entry_date(entry) or article.date,
            author=_entry_author(entry) or article.author,
            # The page's own site name first; a feed title may add a section to the name.
            outlet=article.outlet or feed_outlet(feed_title, article.url, feed_link),
        )


def _feed_headers(base_url: str | None, content_type: str | None) -> dict[str, str] | None:
    """The response headers feedparser is told about for a fetched feed.

    The base URL resolves relative entry links. The media type is always given as
    application/xml: feedparser reads a missing one as a fault, and a bare text/xml as
    US-ASCII (RFC 3023) where the feed's own XML declaration is the better guide.
    """
    if base_url is None:
        return None
    charset = declared_charset(b"", content_type)
    media = f"application/xml; charset={charset}" if charset else "application/xml"
    return {"content-location": base_url, "content-type": media}


def _get(url: str, current: str, client: httpx.Client, limits: _Limits) -> Fetched | str:
    """One request: the response, or the URL a redirect points to. Errors name ``url``."""
    max_bytes = limits.max_bytes
    # No read may wait past the deadline; the body is checked against it chunk by chunk.
    timeout = min(limits.timeout, limits.left(url))
    try:
        with client.stream("GET", current, timeout=timeout, follow_redirects=False) as response:
            if response.has_redirect_location:
                return urljoin(str(response.url), response.headers["location"])
            _check_status(url, response)
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(url, too_large(int(length), max_bytes, "response"))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(url, f"response too large (over {human_size(max_bytes)} limit)")
                limits.left(url)
            # The final URL names the article and its outlet: without the credentials.
            final = without_credentials(str(response.url))
            return Fetched(final, response.headers.get("content-type", ""), bytes(body))
    except httpx.TimeoutException as exc:
        limits.left(url)
        raise _Retry(f"timed out after {timeout:g} s") from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise FetchError(url, f"invalid URL ({exc})") from exc
    except httpx.ConnectError as exc:
        raise _Retry(f"cannot connect ({_describe(exc)})") from exc
    except httpx.TransportError as exc:
        raise _Retry(f"connection broken ({_describe(exc)})") from exc
    except httpx.RequestError as exc:
        raise FetchError(url, _describe(exc)) from exc


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status == 429 or status >= 500:
        raise _Retry(f"HTTP {status}", _retry_after(response.headers.get("retry-after")))
    if not response.is_success:
        raise FetchError(url, f"HTTP {status}")


def _retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (a number or an HTTP date), capped."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds()
        except (TypeError, ValueError):
            return None
    return min(max(seconds, 0.0), RETRY_AFTER_CAP)


def _describe(exc: Exception) -> str:
    return str(exc) or type(exc).__name__


def _fetched_article(doc: str, origin: str, fetched: Fetched) -> RawArticle | InputError:
    """Turn a response into an article, refusing content types that are not articles."""
    if fetched.kind not in ("html", "text"):
        media = fetched.content_type.split(";")[0].strip() or "(none given)"
        return FetchError(doc, f"unsupported content type {media}")
    try:
        return article_from_bytes(
            fetched.body,
            html=fetched.kind == "html",
            source=doc,
            doc=doc,
            origin=origin,
            content_type=fetched.content_type,
            url=fetched.url,
            what="response",
        )
    except InputError as exc:
        return exc


def _entry_article(
    entry: Any, number: int, feed: FeedSource, client: httpx.Client, settings: Mapping[str, Any]
) -> RawArticle | InputError:
    """The article of one feed entry: its own content if substantial, else its link's page."""
    given = entry.get("link") or None
    # Credentials in a link may serve its fetch; names, URLs and outlets never carry them.
    link = without_credentials(given) if given else None
    content, is_html = _entry_content(entry)
    visible = strip_tags(content) if is_html else content.strip()
    if visible and (link is None or len(visible) >= INLINE_MIN_CHARS):
        doc = link or f"{feed.name}#{number}"
        if not is_html:
            return RawArticle(doc=doc, origin=feed.origin, text=normalise_newlines(content.strip()), url=link)
        # A page around the fragment, as trafilatura expects; no URL, so that the site
        # name falls back to the feed's title rather than to the link's host name.
        article = extract_html(f"<html><body><article>{content}</article></body></html>", doc, feed.origin)
        if article is None:
            return RawArticle(doc=doc, origin=feed.origin, text=visible, url=link)
        return replace(article, url=link)
    if link is None:
        return InputError(feed.source, f"entry {number}: no link or content")
    if feed.folder is not None and not urlsplit(link).scheme:
        return _local_entry(link, number, feed, int(settings["max_bytes"]))
    reason = refused(link, feed.private)
    if reason is not None:
        return InputError(feed.source, f"entry {number}: link {link} refused: {reason}")
    try:
        return _fetched_article(link, feed.origin, fetch(given or link, client, settings, private_ok=feed.private))
    except FetchError as exc:
        return exc


def _entry_content(entry: Any) -> tuple[str, bool]:
    """An entry's richest content (content:encoded or Atom content, else its summary)."""
    for detail in [*entry.get("content", []), entry.get("summary_detail")]:
        if detail and detail.get("value", "").strip():
            return detail["value"], detail.get("type", "text/html") != "text/plain"
    return "", False


def _local_entry(link: str, number: int, feed: FeedSource, max_bytes: int) -> RawArticle | InputError:
    """The article a local feed's entry links to, as a path inside the feed's folder."""
    assert feed.folder is not None
    path = feed.folder / url2pathname(urlsplit(link).path)
    # A feed file may have come from anywhere: its links stay inside its own folder.
    if not path.resolve().is_relative_to(feed.folder.resolve()):
        return InputError(feed.source, f"entry {number}: link {link} refused: outside the feed's folder")
    is_html = LOCAL_ARTICLE_SUFFIXES.get(path.suffix.lower())
    if is_html is None:
        return InputError(feed.source, f"entry {number}: unsupported link {link}")
    try:
        data = read_capped(path, str(path), max_bytes)
        return article_from_bytes(data, html=is_html, source=str(path), doc=link, origin=feed.origin)
    except InputError as exc:
        return exc


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def _entry_author(entry: Any) -> str | None:
    detail = entry.get("author_detail") or {}
    return detail.get("name") or entry.get("author") or None

"""HTML to article: main text and metadata with trafilatura, and a plain fallback.

trafilatura finds the main text of a page and its title, date, author and site name. When
it finds nothing (a page whose only paragraphs sit in an aside or a footer, say), the
paragraphs of the page are taken as they are, so that an article is not lost to a
heuristic; cleaning later removes what is boilerplate.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import date
from email.utils import parsedate_to_datetime

from typing import TYPE_CHECKING

from redline.errors import InputError
from redline.ingest.decode import declared_charset, decode, normalise_newlines
from redline.models import RawArticle

if TYPE_CHECKING:
    import lxml.html

# The media types of a web page, wherever one arrives from (a fetch, a WARC record).
HTML_TYPES = ("text/html", "application/xhtml+xml")
_ISO_DATE = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")

# trafilatura logs a page it cannot extract at ERROR level; redline reports that page as
# an InputError already, so unless the application configured trafilatura's logger, its
# messages would print the same failure twice.
_TRAFILATURA_LOG = logging.getLogger("trafilatura")
if _TRAFILATURA_LOG.level == logging.NOTSET:
    _TRAFILATURA_LOG.setLevel(logging.CRITICAL)


def extract_html(html: str, doc: str, origin: str, url: str | None = None) -> RawArticle | None:
    """Extract the main text and metadata of an HTML page; None when it holds no text."""
    # Imported here: trafilatura takes a good part of a second to import, and a run that
    # extracts nothing (a re-ingest, a folder of text files with a meta.jsonl) needs none.
    import trafilatura
    from trafilatura.settings import Document as Extraction

    from redline.ingest.outlet import outlet_from_site_name

    # Reader comments are not the article, so trafilatura is told to leave them out.
    found = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if isinstance(found, Extraction) and found.text and found.text.strip():
        return RawArticle(
            doc=doc,
            origin=origin,
            text=normalise_newlines(found.text).strip(),
            title=found.title or None,
            url=found.url or url,
            date=normalise_date(found.date),
            author=found.author or None,
            # Without a site name on the page trafilatura gives the URL's host name.
            outlet=outlet_from_site_name(found.sitename),
        )
    tree = parse_html(html)
    text = paragraph_text(tree) if tree is not None else ""
    if tree is None or not text:
        return None
    return RawArticle(doc=doc, origin=origin, text=text, title=_one_line(tree.findtext(".//title")), url=url)


def article_from_bytes(
    data: bytes,
    *,
    html: bool,
    source: str,
    doc: str,
    origin: str,
    content_type: str | None = None,
    url: str | None = None,
    what: str = "file",
) -> RawArticle:
    """Decode one article's bytes (HTML or plain text) into a RawArticle, or raise InputError."""
    decoded = decode(data, source, declared_charset(data, content_type), what)
    if not html:
        return RawArticle(doc=doc, origin=origin, text=decoded.text, url=url, warning=decoded.warning)
    article = extract_html(decoded.text, doc, origin, url)
    if article is None:
        raise InputError(source, "no article text found")
    return replace(article, warning=decoded.warning)


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """Parse HTML leniently; None when lxml finds no document at all."""
    import lxml.html
    from lxml import etree

    try:
        # Bytes, because lxml refuses a str that carries an XML encoding declaration.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except (etree.LxmlError, ValueError):
        return None


def paragraph_text(tree: lxml.html.HtmlElement) -> str:
    """The text of every ``<p>`` of a page, one paragraph a line."""
    paragraphs = (" ".join(p.text_content().split()) for p in tree.iter("p"))
    return "\n".join(text for text in paragraphs if text)


def strip_tags(html: str) -> str:
    """The visible text of an HTML fragment with whitespace collapsed."""
    tree = parse_html(html)
    return " ".join(tree.text_content().split()) if tree is not None else ""


def normalise_date(value: str | None) -> str | None:
    """A date as ``YYYY-MM-DD`` from ISO 8601 or RFC 2822 text; None if it cannot be read."""
    if not value:
        return None
    iso = _ISO_DATE.match(value)
    try:
        if iso:
            return date.fromisoformat(iso.group(1)).isoformat()
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _one_line(text: str | None) -> str | None:
    joined = " ".join((text or "").split())
    return joined or None

"""HTML to article: trafilatura's text and metadata, the paragraph fallback, dates."""

from __future__ import annotations

import pytest

from redline.errors import InputError
from redline.ingest.extract import (
    article_from_bytes,
    extract_html,
    normalise_date,
    paragraph_text,
    parse_html,
    strip_tags,
)
from redline.models import RawArticle

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Envoys agree to meet again | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Mira Holm">
<meta property="article:published_time" content="2024-05-14T08:30:00Z">
<link rel="canonical" href="https://gazette.example/world/envoys-meet">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Envoys agree to meet again</h1>
<p>Envoys from the two capitals spent six hours on Monday discussing how a ceasefire could be
monitored, according to people briefed on the meeting.</p>
<p>No joint statement was issued, but both delegations said they would return to the table
before the end of the month.</p>
</article>
<footer>Harbour Gazette. All rights reserved.</footer>
</body></html>"""

PAGE_TEXT = (
    "Envoys agree to meet again\n"
    "Envoys from the two capitals spent six hours on Monday discussing how a ceasefire could be "
    "monitored, according to people briefed on the meeting.\n"
    "No joint statement was issued, but both delegations said they would return to the table "
    "before the end of the month."
)


def test_extract_html_gives_main_text_and_metadata() -> None:
    assert extract_html(PAGE, "envoys.html", "/data/envoys.html") == RawArticle(
        doc="envoys.html",
        origin="/data/envoys.html",
        text=PAGE_TEXT,
        title="Envoys agree to meet again",
        url="https://gazette.example/world/envoys-meet",
        date="2024-05-14",
        author="Mira Holm",
        outlet="Harbour Gazette",
    )


def test_extract_html_without_a_site_name_takes_the_outlet_of_the_url() -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Harbour Gazette">\n', "")
    page = page.replace('<link rel="canonical" href="https://gazette.example/world/envoys-meet">\n', "")
    page = page.replace(" | Harbour Gazette", "")
    article = extract_html(page, "envoys.html", "/data/envoys.html", "https://edition.cnn.com/world/envoys")
    assert article is not None
    assert article.outlet == "CNN"


def test_extract_falls_back_to_paragraphs_when_trafilatura_finds_nothing() -> None:
    html = (
        "<html><head><title>Notice</title></head><body><footer>"
        "<p>The office is closed   on Friday.</p><p>It opens again on Monday.</p>"
        "</footer></body></html>"
    )
    assert extract_html(html, "n.html", "/n.html") == RawArticle(
        doc="n.html", origin="/n.html", text="The office is closed on Friday.\nIt opens again on Monday.", title="Notice"
    )


def test_extract_malformed_html_still_yields_text() -> None:
    html = "<html><body><div><p>Broken <b>markup <div><p>about the talks in the capital, said officials</table></span>"
    article = extract_html(html, "m.html", "/m.html")
    assert article is not None
    assert article.text == "Broken markup  about the talks in the capital, said officials"


@pytest.mark.parametrize("html", ["<<<>>> </div></div>", "<html><body><script>var a = 1;</script></body></html>", ""])
def test_extract_nothing_usable_gives_none(html: str) -> None:
    assert extract_html(html, "x.html", "/x.html") is None


def test_extract_article_from_bytes_reports_no_text() -> None:
    with pytest.raises(InputError) as caught:
        article_from_bytes(b"<html><body></body></html>", html=True, source="dir/x.html", doc="x.html", origin="/dir/x.html")
    assert str(caught.value) == "dir/x.html: no article text found"


def test_extract_article_from_bytes_keeps_plain_text_as_is() -> None:
    data = "  Headline\r\n\r\nBody line one.\r\nBody line two.  \n".encode("cp1251")
    article = article_from_bytes(data, html=False, source="t.txt", doc="t.txt", origin="/t.txt")
    assert article == RawArticle(doc="t.txt", origin="/t.txt", text="  Headline\n\nBody line one.\nBody line two.  \n")


def test_extract_parse_html_accepts_an_xml_declaration() -> None:
    tree = parse_html('<?xml version="1.0" encoding="utf-8"?><html><body><p>Closing   note.</p></body></html>')
    assert tree is not None and paragraph_text(tree) == "Closing note."


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-14T08:30:00Z", "2024-05-14"),
        ("2024-05-14", "2024-05-14"),
        ("Tue, 14 May 2024 08:30:00 GMT", "2024-05-14"),
        ("2024-13-40", None),
        ("last Tuesday", None),
        (None, None),
    ],
)
def test_extract_normalise_date(value: str | None, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_extract_strip_tags_collapses_whitespace() -> None:
    assert strip_tags("<p>One   <b>two</b></p>\n<p>three</p>") == "One two three"

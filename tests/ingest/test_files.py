"""Local sources: each file kind, folders, JSON records, and every kind of bad file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from redline.errors import InputError
from redline.ingest.files import iter_path
from redline.models import RawArticle

ARTICLE_HTML = """<html><head><title>Ministers meet at the lake | Lakeside Post</title>
<meta property="og:site_name" content="Lakeside Post">
<meta property="article:published_time" content="2024-06-02">
</head><body><nav><a href="/">Home</a></nav><article><h1>Ministers meet at the lake</h1>
<p>Foreign ministers gathered at a lakeside hotel on Sunday to compare drafts of a framework
for future talks, two officials said.</p></article></body></html>"""
ARTICLE_TEXT = (
    "Ministers meet at the lake\nForeign ministers gathered at a lakeside hotel on Sunday to compare "
    "drafts of a framework for future talks, two officials said."
)
CYRILLIC = "Министр заявил журналистам, что стороны пока не договорились о порядке вывода войск.\n"


def read(path: Path, settings: dict[str, Any], client: httpx.Client) -> list[RawArticle | str]:
    """Articles as they are, errors as their one-line message."""
    return [str(item) if isinstance(item, InputError) else item for item in iter_path(path, settings, client)]


def test_files_plain_text_is_kept_as_is(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    path = tmp_path / "000_3282a716c221ac27.txt"
    path.write_bytes(b"Talks stall\r\n\r\n  An indented line stays.\r\nLast line.")
    assert read(path, settings, client) == [
        RawArticle(doc=path.name, origin=str(path), text="Talks stall\n\n  An indented line stays.\nLast line.")
    ]


def test_files_html_page_is_extracted(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    path = tmp_path / "lake.htm"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    assert read(path, settings, client) == [
        RawArticle(
            doc="lake.htm",
            origin=str(path),
            text=ARTICLE_TEXT,
            title="Ministers meet at the lake",
            date="2024-06-02",
            outlet="Lakeside Post",
        )
    ]


def test_files_folder_is_walked_in_order_skipping_hidden_and_unknown(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    for name in ["b/deeper/z.txt", "b/a.txt", "c.txt", "a.txt", ".hidden.txt", ".cache/x.txt", "notes.md", "b/img.png"]:
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    assert [item.doc for item in read(tmp_path, settings, client) if isinstance(item, RawArticle)] == [
        "a.txt",
        "a.txt",
        "z.txt",
        "c.txt",
    ]
    assert [item.origin for item in read(tmp_path, settings, client) if isinstance(item, RawArticle)] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "a.txt"),
        str(tmp_path / "b" / "deeper" / "z.txt"),
        str(tmp_path / "c.txt"),
    ]


def test_files_unknown_kind_named_directly_is_an_error(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert read(path, settings, client) == [
        f"{path}: unsupported file type .pdf (expected .txt, .html, .htm, .json, .jsonl, .warc, .warc.gz, .xml, .rss, .atom)"
    ]


def test_files_missing_path_is_an_error(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    assert read(tmp_path / "gone", settings, client) == [f"{tmp_path / 'gone'}: no such file or directory"]


def test_files_json_list_records_are_named_by_number_or_url(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    path = tmp_path / "items.json"
    records = [
        {"text": "First record text.", "title": "First", "date": "2024-06-01T09:00:00Z", "outlet": "Wire A"},
        {"html": ARTICLE_HTML, "url": "https://post.example/lake", "author": "Ola Berg"},
        {"title": "No body at all"},
        "not an object",
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    assert read(path, settings, client) == [
        RawArticle(
            doc="items.json#1", origin=str(path), text="First record text.", title="First", date="2024-06-01", outlet="Wire A"
        ),
        RawArticle(
            doc="https://post.example/lake",
            origin=str(path),
            text=ARTICLE_TEXT,
            title="Ministers meet at the lake",
            url="https://post.example/lake",
            date="2024-06-02",
            author="Ola Berg",
            outlet="Lakeside Post",
        ),
        f"{path}: record 3: no text or html",
        f"{path}: record 4: not a JSON object",
    ]


def test_files_json_single_object_is_named_like_a_file(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Only record.", "title": 7}), encoding="utf-8")
    assert read(path, settings, client) == [f"{path}: field 'title' is not a string"]
    path.write_text(json.dumps({"text": "Only record."}), encoding="utf-8")
    assert read(path, settings, client) == [RawArticle(doc="one.json", origin=str(path), text="Only record.")]


def test_files_invalid_json_is_one_error(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unfinished', encoding="utf-8")
    assert read(path, settings, client) == [
        f"{path}: invalid JSON (Unterminated string starting at: line 1 column 10 (char 9))"
    ]


def test_files_jsonl_bad_line_does_not_stop_the_rest(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    path = tmp_path / "items.jsonl"
    lines = ['{"text": "Record one."}', "{broken", "", '{"text": "Record four.", "url": "https://wire.example/4"}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read(path, settings, client) == [
        RawArticle(doc="items.jsonl#1", origin=str(path), text="Record one."),
        f"{path}: record 2: invalid JSON (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
        RawArticle(doc="https://wire.example/4", origin=str(path), text="Record four.", url="https://wire.example/4"),
    ]


def test_files_jsonl_oversize_line_is_skipped(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    settings["max_bytes"] = 100
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "Small."}) + "\n", encoding="utf-8")
    assert read(path, settings, client) == [
        f"{path}: record 1: too large (over 100 B limit)",
        RawArticle(doc="big.jsonl#2", origin=str(path), text="Small."),
    ]


def test_files_russian_charsets_are_detected(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    (tmp_path / "cp1251.txt").write_bytes(CYRILLIC.encode("cp1251"))
    (tmp_path / "koi8r.txt").write_bytes(CYRILLIC.encode("koi8_r"))
    assert [item.text for item in read(tmp_path, settings, client) if isinstance(item, RawArticle)] == [CYRILLIC] * 2


def test_files_bad_files_each_give_one_error_and_the_rest_goes_on(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    settings["max_bytes"] = 1000
    (tmp_path / "1_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "2_empty.txt").write_bytes(b"")
    (tmp_path / "3_blank.html").write_bytes(b"  \n\n ")
    with (tmp_path / "4_huge.txt").open("wb") as handle:
        handle.truncate(52_400_000)  # sparse: costs nothing to write
    (tmp_path / "5_garbled.html").write_text("<<<>>> </div></div><td>", encoding="utf-8")
    (tmp_path / "6_undecodable.txt").write_bytes(bytes(range(128, 256)) * 3)
    (tmp_path / "7_good.txt").write_text("A good file.", encoding="utf-8")
    assert read(tmp_path, settings, client) == [
        f"{tmp_path / '1_binary.txt'}: binary file, not text",
        f"{tmp_path / '2_empty.txt'}: empty file",
        f"{tmp_path / '3_blank.html'}: empty file",
        f"{tmp_path / '4_huge.txt'}: file too large (52.4 MB > 1.0 kB limit)",
        f"{tmp_path / '5_garbled.html'}: no article text found",
        f"{tmp_path / '6_undecodable.txt'}: cannot decode bytes (tried utf-8, charset detection)",
        RawArticle(doc="7_good.txt", origin=str(tmp_path / "7_good.txt"), text="A good file."),
    ]


def test_files_local_feed_uses_inline_content_local_links_and_reports_broken_entries(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    long_body = "<p>" + "The delegations compared their drafts line by line. " * 10 + "</p>"
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "lake.html").write_text(ARTICLE_HTML, encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Local Wire</title>
<item><title>Inline story</title><link>https://wire.example/inline</link>
<pubDate>Mon, 03 Jun 2024 10:00:00 GMT</pubDate><content:encoded><![CDATA[{long_body}]]></content:encoded></item>
<item><title>Linked story</title><link>pages/lake.html</link><description>Short teaser.</description></item>
<item><title>Nothing here</title></item>
<item><title>Brief note</title><description>Only a line of text.</description></item>
<item><title>Missing page</title><link>pages/missing.html</link></item>
</channel></rss>""",
        encoding="utf-8",
    )
    assert read(feed, settings, client) == [
        RawArticle(
            doc="https://wire.example/inline",
            origin=str(feed),
            text=" ".join(["The delegations compared their drafts line by line."] * 10),
            title="Inline story",
            url="https://wire.example/inline",
            date="2024-06-03",
            outlet="Local Wire",
        ),
        RawArticle(
            doc="pages/lake.html",
            origin=str(feed),
            text=ARTICLE_TEXT,
            title="Linked story",
            date="2024-06-02",
            outlet="Lakeside Post",
        ),
        f"{feed}: entry 3: no link or content",
        RawArticle(doc="feed.xml#4", origin=str(feed), text="Only a line of text.", title="Brief note", outlet="Local Wire"),
        f"{tmp_path / 'pages' / 'missing.html'}: No such file or directory",
    ]


def test_files_feed_outlet_is_the_site_name_before_the_feed_section(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    wire = " ".join(["The envoys met again at the border crossing."] * 10)
    feed = tmp_path / "talks.rss"
    feed.write_text(
        f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Harbour Ledger - Border talks</title><link>https://ledger.example/</link>
<item><title>Note</title><description>A line of text.</description></item>
<item><title>Wire copy</title><link>https://www.reuters.com/world/1</link><description>{wire}</description></item>
</channel></rss>""",
        encoding="utf-8",
    )
    assert [item.outlet for item in iter_path(feed, settings, client) if isinstance(item, RawArticle)] == [
        "Harbour Ledger",
        "Reuters",
    ]


def test_files_unreadable_feed_is_one_error(tmp_path: Path, settings: dict[str, Any], client: httpx.Client) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is not xml at all", encoding="utf-8")
    assert read(path, settings, client) == [f"{path}: not a readable feed (syntax error)"]


def test_files_looping_and_broken_symlinks_are_skipped_with_a_warning(
    tmp_path: Path, settings: dict[str, Any], client: httpx.Client
) -> None:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text("First story.", encoding="utf-8")
    (tmp_path / "news" / "up").symlink_to(tmp_path / "news")
    (tmp_path / "news" / "loop.txt").symlink_to(tmp_path / "news" / "loop.txt")
    (tmp_path / "news" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "news" / "same.txt").symlink_to(tmp_path / "news" / "a.txt")
    news = tmp_path / "news"
    results = [(type(item).__name__, str(item)) if isinstance(item, InputError) else item.doc
               for item in iter_path(news, settings, client)]
    assert results == [
        "a.txt",
        ("InputWarning", f"{news / 'gone.txt'}: broken symbolic link, skipped"),
        ("InputWarning", f"{news / 'loop.txt'}: symbolic link loop, skipped"),
        "same.txt",
        ("InputWarning", f"{news / 'up'}: symbolic link back to {news}, already read, skipped"),
    ]

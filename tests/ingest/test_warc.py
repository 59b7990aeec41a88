"""WARC archives: HTML responses streamed as articles, damage reported after the good records."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import httpx

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]

from redline.errors import InputError
from redline.ingest.decode import human_size
from redline.ingest.files import iter_path
from redline.ingest.warc import iter_warc
from redline.models import RawArticle


def page(number: int) -> bytes:
    """A short news page of our own about meeting number ``number``."""
    return (
        f"<html><head><title>Round {number} of talks</title></head><body><nav>Home | World</nav>"
        f"<article><p>Round {number} of the talks ended on Friday with both sides promising to "
        "exchange written proposals before the next meeting, diplomats said.</p></article></body></html>"
    ).encode()


def page_text(number: int) -> str:
    return (
        f"Round {number} of the talks ended on Friday with both sides promising to exchange written "
        "proposals before the next meeting, diplomats said."
    )


def build_archive(gzip: bool) -> bytes:
    """warcinfo, request, three HTML 200 responses, a 404, an image and an empty page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "redline tests"}))
    request = StatusAndHeaders("GET /1 HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://news.example/1", "request", http_headers=request))

    def response(uri: str, status: str, content_type: str, body: bytes) -> None:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)

    response("https://news.example/1", "200 OK", "text/html; charset=utf-8", page(1))
    response("https://news.example/gone", "404 Not Found", "text/html", page(9))
    response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
    response("https://news.example/empty", "200 OK", "text/html", b"<html><body></body></html>")
    response("https://news.example/2", "200 OK", "text/html", page(2))
    response("https://news.example/3", "200 OK", "application/xhtml+xml", page(3))
    return buffer.getvalue()


def outcomes(path: Path, max_bytes: int = 10_000_000) -> list[RawArticle | str]:
    return [str(item) if isinstance(item, InputError) else item for item in iter_warc(path, max_bytes)]


def article(path: Path, number: int) -> RawArticle:
    uri = f"https://news.example/{number}"
    return RawArticle(
        doc=uri, origin=str(path), text=page_text(number), title=f"Round {number} of talks", url=uri, outlet="news.example"
    )


def test_warc_yields_html_200_responses_only(tmp_path: Path) -> None:
    for name, gzip in (("archive.warc", False), ("archive.warc.gz", True)):
        path = tmp_path / name
        path.write_bytes(build_archive(gzip))
        # The limit is per record: an archive far larger than it is still read.
        assert outcomes(path, max_bytes=2_000) == [
            article(path, 1),
            f"{path}: record 6 (https://news.example/empty): no article text found",
            article(path, 2),
            article(path, 3),
        ]


def test_warc_oversize_record_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "archive.warc.gz"
    path.write_bytes(build_archive(True))
    assert outcomes(path, max_bytes=100)[0] == f"{path}: record 3 (https://news.example/1): response too large (over 100 B limit)"


def test_warc_truncated_gzip_yields_records_before_the_cut(tmp_path: Path) -> None:
    data = build_archive(True)
    path = tmp_path / "archive.warc.gz"
    path.write_bytes(data[:-40])  # into the last record's gzip member
    assert outcomes(path) == [
        article(path, 1),
        f"{path}: record 6 (https://news.example/empty): no article text found",
        article(path, 2),
        f"{path}: truncated archive after record 7",
    ]


def test_warc_cut_inside_any_record_reports_the_records_before(tmp_path: Path) -> None:
    data = build_archive(True)
    archive = ArchiveIterator(io.BytesIO(data))
    spans = [(archive.get_record_offset(), archive.get_record_length()) for _ in archive]
    path = tmp_path / "archive.warc.gz"
    for number, (offset, length) in enumerate(spans, start=1):
        for cut in (offset + 5, offset + length // 2, offset + length - 20):
            path.write_bytes(data[:cut])
            results = outcomes(path)
            assert results[-1] in (
                f"{path}: truncated archive after record {number - 1}",
                f"{path}: damaged archive after record {number - 1}",
            )
            assert len(results) == 1 + sum(1 for k in (3, 6, 7, 8) if k < number)


def test_warc_truncated_uncompressed_archive(tmp_path: Path) -> None:
    data = build_archive(False)
    path = tmp_path / "archive.warc"
    path.write_bytes(data[: data.index(b"https://news.example/2") + 200])  # inside record 7
    assert outcomes(path) == [
        article(path, 1),
        f"{path}: record 6 (https://news.example/empty): no article text found",
        f"{path}: truncated archive after record 6",
    ]


def test_warc_not_an_archive_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("just some notes\nnot an archive\n", encoding="utf-8")
    assert outcomes(path) == [
        f"{path}: damaged archive after record 0 (Unknown archive format, first line: ['just', 'some', 'notes'])"
    ]


def bomb_member(body: bytes) -> bytes:
    """One gzip member, as a record of a .warc.gz is stored."""
    return gzip.compress(body, compresslevel=9)


def first_record(gzip_: bool = True) -> bytes:
    """An archive of one HTML response, https://news.example/1."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record("https://news.example/1", "response", payload=io.BytesIO(page(1)), http_headers=headers)
    )
    return buffer.getvalue()


def test_warc_header_line_that_inflates_past_the_limit_stops_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    # 5 MB of one header line that never ends, in a few kilobytes.
    path.write_bytes(first_record() + bomb_member(b"WARC/1.0\r\nWARC-Type: " + b"a" * 5_000_000))
    assert path.stat().st_size < 10_000
    # A ratio that lets the whole archive inflate, so that only the header limit is tested.
    results = [str(item) if isinstance(item, InputError) else item for item in iter_warc(path, 100_000, 10_000)]
    assert results == [
        article(path, 1),
        f"{path}: stopped after record 1: archive record headers over the 100.0 kB limit",
    ]


def test_warc_archive_inflating_past_its_ratio_stops_and_the_batch_goes_on(tmp_path: Path) -> None:
    zeros = b"\0" * 3_000_000
    block = b"".join([
        b"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://news.example/blob\r\n",
        b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\nContent-Type: application/octet-stream\r\n",
        f"Content-Length: {len(zeros)}\r\n\r\n".encode(), zeros, b"\r\n\r\n",
    ])
    path = tmp_path / "a.warc.gz"
    path.write_bytes(first_record() + bomb_member(block) + first_record())
    (tmp_path / "b.txt").write_text("The next file is read.", encoding="utf-8")
    limit = human_size(100 * path.stat().st_size)
    settings = {"max_bytes": 10_000, "max_inflate_ratio": 100}
    results = [str(item) if isinstance(item, InputError) else item for item in iter_path(tmp_path, settings, httpx.Client())]
    assert results == [
        article(path, 1),
        f"{path}: stopped after record 2: archive inflates to over {limit}",
        RawArticle(doc="b.txt", origin=str(tmp_path / "b.txt"), text="The next file is read."),
    ]

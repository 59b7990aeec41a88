"""WARC archives: stream the HTML responses of a ``.warc`` or ``.warc.gz`` as articles.

The archive is read record by record and never held in memory. warcio stops quietly at a
cut gzip member and hands out a record cut short as if it were whole, so damage is found
here: a record whose block ends before its Content-Length, or bytes left over after the
last whole record, mean the archive was truncated.

A small ``.warc.gz`` can inflate to gigabytes, and warcio reads a record's header lines
and the blank lines between records without any limit. So every read warcio makes from
the file is checked against how far the archive has inflated: in all, at most
``max_inflate_ratio`` times its size on disk (and at least ``max_bytes``), and while it
parses the headers of one record or the gap after it, at most ``max_bytes``. An archive
past either is stopped with one line; the records before it are kept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.statusandheaders import StatusAndHeadersParserException

from redline.errors import InputError
from redline.ingest.decode import human_size
from redline.ingest.extract import HTML_TYPES, article_from_bytes
from redline.ingest.links import without_credentials
from redline.models import RawArticle
from redline.settings import default

_CHUNK = 65536
# warcio inflates one block read from the file at a time, so a block this small (deflate
# inflates at most about 1,000 times) keeps the overshoot past a cap to a few megabytes.
_BLOCK = 4096


class _Inflated(Exception):
    """The archive inflates past one of its caps."""


class _Guarded:
    """The archive file as warcio reads it, checking at each read how far it has inflated."""

    def __init__(self, stream: BinaryIO, total: int, window: int) -> None:
        self.stream = stream
        self.total = total
        self.window = window
        self.reader: Any = None
        self.mark: int | None = None

    def read(self, size: int = -1) -> bytes:
        """Read from the file, unless what was inflated so far is already past a cap."""
        inflated = self.reader.num_read if self.reader is not None else 0
        if inflated > self.total:
            raise _Inflated(f"inflates to over {human_size(self.total)}")
        if self.mark is not None and inflated - self.mark > self.window:
            raise _Inflated(f"record headers over the {human_size(self.window)} limit")
        return self.stream.read(size)

    def tell(self) -> int:
        return self.stream.tell()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.stream.seek(offset, whence)

    def watch(self, on: bool) -> None:
        """Start (or stop) limiting what may inflate from here: while headers are parsed."""
        self.mark = (self.reader.num_read if self.reader is not None else 0) if on else None


class _Damaged(Exception):
    """The archive ends, or breaks, in the middle of a record."""

    def __init__(self, kind: str, cause: Exception | None = None) -> None:
        # warcio's own errors say what is wrong; anything else it raises on a cut or
        # garbled record (an AttributeError, say) would only confuse a user.
        known = isinstance(cause, (ArchiveLoadFailed, StatusAndHeadersParserException))
        detail = " ".join(str(cause).split()) if known else ""
        super().__init__(kind, detail)
        self.kind = kind
        self.detail = f" ({detail})" if detail else ""


def iter_warc(path: Path, max_bytes: int, max_inflate_ratio: int | None = None) -> Iterator[RawArticle | InputError]:
    """Yield an article for every HTML 200 response of a WARC, then any damage found."""
    source, origin = str(path), str(path.resolve())
    ratio = int(default("max_inflate_ratio")) if max_inflate_ratio is None else max_inflate_ratio
    complete = 0
    try:
        with path.open("rb") as stream:
            total = max(max_bytes, ratio * path.stat().st_size)
            records = _Records(_Guarded(stream, total, max_bytes))
            for number, record in enumerate(records, start=1):
                item = _response_article(record, number, source, origin, max_bytes)
                records.finish(record)
                complete = number
                if item is not None:
                    yield item
            records.check_end()
    except _Damaged as exc:
        yield InputError(source, f"{exc.kind} archive after record {complete}{exc.detail}")
    except _Inflated as exc:
        yield InputError(source, f"stopped after record {complete}: archive {exc}")
    except OSError as exc:
        yield InputError(source, exc.strerror or str(exc))


class _Records:
    """warcio's records of one archive, with the checks warcio leaves out.

    warcio reports a damaged archive with many exception types (even an AttributeError
    when a cut record header lacks its URI), so every failure while parsing the next
    record is taken as damage to the archive, not as a bug here.
    """

    def __init__(self, stream: _Guarded) -> None:
        self.stream = stream
        self.archive = ArchiveIterator(stream, block_size=_BLOCK)
        stream.reader = self.archive.reader
        self.inner = iter(self.archive)
        self.end = 0

    def __iter__(self) -> _Records:
        return self

    def __next__(self) -> Any:
        self.stream.watch(True)
        try:
            return next(self.inner)
        except (StopIteration, _Inflated):
            raise
        except Exception as exc:
            raise _Damaged("damaged", exc) from exc
        finally:
            self.stream.watch(False)

    def finish(self, record: Any) -> None:
        """Read the rest of a record's block, check it was all there, note where it ends."""
        raw = record.raw_stream
        try:
            while raw.read(_CHUNK):
                pass
            # warcio reads the blank lines after a record, however long, to find its end.
            self.stream.watch(True)
            self.end = self.archive.get_record_offset() + self.archive.get_record_length()
        except _Inflated:
            raise
        except Exception as exc:
            raise _Damaged("damaged", exc) from exc
        finally:
            self.stream.watch(False)
        # Without a LimitReader the record had no readable Content-Length: its header was cut.
        if not isinstance(raw, LimitReader) or raw.limit > 0:
            raise _Damaged("truncated")

    def check_end(self) -> None:
        """Raise _Damaged when anything but blank lines follows the last whole record."""
        self.stream.seek(self.end)
        if self.stream.read(_CHUNK).strip():
            raise _Damaged("truncated")


def _response_article(
    record: Any, number: int, source: str, origin: str, max_bytes: int
) -> RawArticle | InputError | None:
    """The article in one record, an error for a bad HTML response, None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if record.http_headers.get_statuscode() != "200" or not content_type.lower().startswith(HTML_TYPES):
        return None
    target = record.rec_headers.get_header("WARC-Target-URI")
    uri = without_credentials(target) if target else f"{Path(source).name}#{number}"
    try:
        payload = record.content_stream().read(max_bytes + 1)
    except _Inflated:
        raise
    except Exception as exc:
        raise _Damaged("damaged", exc) from exc
    if len(payload) > max_bytes:
        limit = human_size(max_bytes)
        return InputError(source, f"record {number} ({uri}): response too large (over {limit} limit)")
    try:
        return article_from_bytes(
            payload, html=True, source=f"{source}: record {number} ({uri})", doc=uri, origin=origin,
            content_type=content_type, url=uri, what="response",
        )
    except InputError as exc:
        return exc

"""Local sources: files and folders of text, HTML, JSON, JSONL, WARC and feed files.

A folder is walked depth first in name order, skipping hidden entries and files of other
kinds; a file named directly must be of a known kind. Whole files are size-checked before
they are read; JSONL files and WARC archives are streamed, so the limit applies to each
record instead.
"""

from __future__ import annotations

import errno
import json
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from redline.errors import InputError, InputWarning
from redline.ingest.decode import decode, human_size, normalise_newlines, read_capped
from redline.ingest.meta import is_meta, meta_errors, with_meta
from redline.models import RawArticle

if TYPE_CHECKING:
    import httpx

KINDS: dict[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
METADATA_FIELDS = ("title", "url", "date", "outlet", "author")
_CHUNK = 65536


def file_kind(path: Path) -> str | None:
    """The kind of source a file name says it is (``text``, ``html``, ``warc``...), if any."""
    name = path.name.lower()
    return next((kind for suffix, kind in KINDS.items() if name.endswith(suffix)), None)


def iter_path(
    path: Path, settings: Mapping[str, Any], client: httpx.Client
) -> Iterator[RawArticle | InputError]:
    """Yield the articles of a file or of every known file under a folder."""
    if path.is_dir():
        for found in walk(path, int(settings["max_bytes"])):
            if isinstance(found, InputError):
                yield found
            else:
                yield from iter_file(found, settings, client)
    elif path.is_file():
        if file_kind(path) is None:
            suffix, expected = path.suffix or "(none)", ", ".join(KINDS)
            yield InputError(str(path), f"unsupported file type {suffix} (expected {expected})")
        else:
            yield from iter_file(path, settings, client)
    elif path.exists():
        yield InputError(str(path), "not a regular file or folder")
    else:
        yield InputError(str(path), "no such file or directory")


def walk(folder: Path, max_bytes: int, seen: set[Path] | None = None) -> Iterator[Path | InputError]:
    """Every file of a known kind under a folder, depth first in name order, hidden ones skipped.

    A symbolic link that loops, dangles or leads back into a folder already read is
    skipped with a warning rather than silently.
    """
    top = seen is None
    seen = set() if seen is None else seen
    # Remember resolved folders so that a symlink pointing upwards cannot loop forever.
    seen.add(folder.resolve())
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(str(folder), exc.strerror or str(exc))
        return
    yield from meta_errors(folder, max_bytes, top)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        problem = _link_problem(entry, seen) if entry.is_symlink() else None
        if problem is not None:
            yield InputWarning(str(entry), f"{problem}, skipped")
        elif entry.is_dir():
            yield from walk(entry, max_bytes, seen)
        elif entry.is_file() and file_kind(entry) is not None and not is_meta(entry):
            yield entry


def _link_problem(link: Path, seen: set[Path]) -> str | None:
    """Why a symbolic link inside a folder is not followed; None when it may be."""
    try:
        target = link.resolve(strict=True)
    except RuntimeError:
        return "symbolic link loop"
    except OSError as exc:
        return "symbolic link loop" if exc.errno == errno.ELOOP else "broken symbolic link"
    if target.is_dir() and any(target == done or target in done.parents for done in seen):
        return f"symbolic link back to {target}, already read"
    return None


def iter_file(
    path: Path, settings: Mapping[str, Any], client: httpx.Client
) -> Iterator[RawArticle | InputError]:
    """Yield the articles of one file of a known kind."""
    # Imported here, as in _record: walking a folder whose files are all stored already
    # (a re-ingest) needs neither trafilatura, feedparser nor warcio.
    from redline.ingest.extract import article_from_bytes
    from redline.ingest.warc import iter_warc
    from redline.ingest.web import FeedSource, iter_feed

    kind, source, max_bytes = file_kind(path), str(path), int(settings["max_bytes"])
    if kind == "warc":
        yield from iter_warc(path, max_bytes, int(settings["max_inflate_ratio"]))
        return
    if kind == "jsonl":
        yield from iter_jsonl(path, max_bytes)
        return
    try:
        data = read_capped(path, source, max_bytes)
    except InputError as exc:
        yield exc
        return
    origin = str(path.resolve())
    if kind == "feed":
        yield from iter_feed(data, FeedSource(source, path.name, origin, path.parent), client, settings)
    elif kind == "json":
        yield from _json_records(data, path)
    else:
        try:
            article = article_from_bytes(data, html=kind == "html", source=source, doc=path.name, origin=origin)
            yield with_meta(article, path, max_bytes)
        except InputError as exc:
            yield exc


def iter_jsonl(path: Path, max_bytes: int) -> Iterator[RawArticle | InputError]:
    """Yield one article or error per line of a JSONL file, reading a line at a time.

    A record's number is its line number, so ``items.jsonl#3`` is found on line 3.
    """
    source = str(path)
    try:
        with path.open("rb") as stream:
            for number, line in enumerate(_lines(stream, max_bytes), start=1):
                if line is None:
                    limit = human_size(max_bytes)
                    yield InputError(source, f"record {number}: too large (over {limit} limit)")
                elif line.strip():
                    yield _jsonl_record(line, number, path)
    except OSError as exc:
        yield InputError(source, exc.strerror or str(exc))


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a stream, with None for a line over the limit (which is skipped unread)."""
    while line := stream.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_CHUNK)
            yield None
        else:
            yield line


def _jsonl_record(line: bytes, number: int, path: Path) -> RawArticle | InputError:
    source = str(path)
    try:
        decoded = decode(line, source, what="record")
        value = json.loads(decoded.text)
    except InputError as exc:
        return InputError(source, f"record {number}: {exc.reason}")
    except json.JSONDecodeError as exc:
        return InputError(source, f"record {number}: invalid JSON ({exc})")
    article = _record(value, number, path)
    return replace(article, warning=decoded.warning) if isinstance(article, RawArticle) else article


def _json_records(data: bytes, path: Path) -> Iterator[RawArticle | InputError]:
    """The records of a ``.json`` file: one object, or a list of them."""
    source = str(path)
    try:
        decoded = decode(data, source)
        value = json.loads(decoded.text)
    except InputError as exc:
        yield exc
        return
    except json.JSONDecodeError as exc:
        yield InputError(source, f"invalid JSON ({exc})")
        return
    if decoded.warning is not None:
        yield InputWarning(source, decoded.warning)
    if isinstance(value, dict):
        yield _record(value, None, path)
    elif isinstance(value, list):
        for number, item in enumerate(value, start=1):
            yield _record(item, number, path)
    else:
        yield InputError(source, "expected a JSON object or a list of objects")


def _record(value: Any, number: int | None, path: Path) -> RawArticle | InputError:
    """The article of one JSON record with ``text`` (preferred) or ``html``, and metadata.

    A record is named by its ``url``, else ``file#number``; a file holding a single
    object is named like a plain file.
    """
    from redline.ingest.extract import extract_html, normalise_date

    source, label = str(path), f"record {number}: " if number else ""
    if not isinstance(value, dict):
        return InputError(source, f"{label}not a JSON object")
    for name in ("text", "html", *METADATA_FIELDS):
        if value.get(name) is not None and not isinstance(value[name], str):
            return InputError(source, f"{label}field '{name}' is not a string")
    url = value.get("url") or None
    doc, origin = url or (f"{path.name}#{number}" if number else path.name), str(path.resolve())
    text, html = value.get("text") or "", value.get("html") or ""
    article: RawArticle | None
    if text.strip():
        article = RawArticle(doc=doc, origin=origin, text=normalise_newlines(text), url=url)
    elif html.strip():
        article = extract_html(html, doc, origin, url)
    else:
        return InputError(source, f"{label}no text or html")
    if article is None:
        return InputError(source, f"{label}no article text found")
    return replace(
        article,
        title=value.get("title") or article.title,
        date=normalise_date(value.get("date")) or article.date,
        author=value.get("author") or article.author,
        outlet=value.get("outlet") or article.outlet,
        url=url or article.url,
    )

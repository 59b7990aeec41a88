"""Metadata for plain files from a ``meta.jsonl`` or ``meta.csv`` beside them.

A text file says nothing about where and when it was published, so timelines and shifts
cannot use it. Real corpora ship that metadata in a side file: one record per article
file, keyed by its file name in ``doc`` (or ``file``, the name a corpus often uses), with
any of ``url``, ``outlet``, ``date`` and ``title``. The side file sits in the files' folder or in the folder above it (a corpus
folder holding ``meta.jsonl`` and ``docs/``); ``doc`` is the file name or its path from
the side file's folder. Other fields are ignored (a corpus may carry word counts, say). The side file's
values take precedence over what redline would guess from the text. Each bad record is one
warning naming the side file and its line, saying that the record was skipped: the article
files themselves are still stored (without that record's metadata), so a bad record does
not fail the ingest or count as a failed input; the rest still apply.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from redline.errors import InputError, InputWarning
from redline.ingest.decode import decode
from redline.models import RawArticle

# Looked for in this order; the first one present in a folder is read.
META_NAMES = ("meta.jsonl", "meta.csv")
FIELDS = ("url", "outlet", "date", "title")


@dataclass(frozen=True)
class FileMeta:
    """What a side file says about one article file."""

    url: str | None = None
    outlet: str | None = None
    date: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class FolderMeta:
    """The side file of one folder: metadata by file name, and one error per bad record."""

    files: dict[str, FileMeta]
    errors: tuple[InputWarning, ...] = ()


def is_meta(path: Path) -> bool:
    """Whether a file is a metadata side file rather than articles."""
    return path.name.lower() in META_NAMES


def folder_meta(folder: Path, max_bytes: int) -> FolderMeta:
    """The metadata side file of a folder, read once per version of the file."""
    for name in META_NAMES:
        path = folder / name
        try:
            stat = path.stat()
        except OSError:
            continue
        return _read(path, stat.st_mtime_ns, stat.st_size, max_bytes)
    return FolderMeta({})


def meta_errors(folder: Path, max_bytes: int, top: bool) -> tuple[InputWarning, ...]:
    """The bad records of a walked folder's side file; at the top, of the folder above's too."""
    folders = (folder, folder.parent) if top and folder.parent != folder else (folder,)
    return tuple(e for f in folders for e in folder_meta(f, max_bytes).errors)


def with_meta(article: RawArticle, path: Path, max_bytes: int) -> RawArticle:
    """The article of a file with whatever the side file of its folder (or the one above) says."""
    meta = None
    for folder in (path.parent, path.parent.parent):
        files = folder_meta(folder, max_bytes).files
        meta = files.get(path.name) or files.get(path.relative_to(folder).as_posix())
        if meta is not None:
            break
    if meta is None:
        return article
    return replace(
        article,
        url=meta.url or article.url,
        outlet=meta.outlet or article.outlet,
        date=meta.date or article.date,
        title=meta.title or article.title,
    )


@lru_cache(maxsize=64)
def _read(path: Path, _mtime_ns: int, size: int, max_bytes: int) -> FolderMeta:
    # The modification time and size are part of the cache key, so an edited side file is read again.
    source = str(path)
    if size > max_bytes:
        return FolderMeta({}, (_unread(source, f"too large ({size} bytes, limit {max_bytes})"),))
    try:
        text = decode(path.read_bytes(), source).text
    except OSError as exc:
        return FolderMeta({}, (_unread(source, exc.strerror or str(exc)),))
    except InputError as exc:
        return FolderMeta({}, (_unread(source, exc.reason),))
    records = _csv_records(text) if path.suffix.lower() == ".csv" else _jsonl_records(text)
    files: dict[str, FileMeta] = {}
    errors: list[InputWarning] = []
    for line, record in records:
        found = _entry(record)
        if isinstance(found, str):
            errors.append(InputWarning(source, f"line {line}: {found}; {_skipped(record)}"))
        else:
            files[found[0]] = found[1]
    return FolderMeta(files, tuple(errors))


def _unread(source: str, reason: str) -> InputWarning:
    """A side file that cannot be read: its folder's files are stored, with no metadata from it."""
    return InputWarning(source, f"{reason}; side file not read, its folder's files are stored without its metadata")


def _skipped(record: Any) -> str:
    """What became of a bad record: skipped, and the file it names stored without it."""
    name = _name(record) if isinstance(record, dict) else None
    described = f"{name} is stored without its metadata" if name else "no file gets its metadata"
    return f"record skipped ({described})"


def _name(record: dict[str, Any]) -> str | None:
    """The file a record describes: ``doc``, or ``file`` (the name corpora often use)."""
    for key in ("doc", "file"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _jsonl_records(text: str) -> list[tuple[int, Any]]:
    records: list[tuple[int, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            records.append((number, f"invalid JSON ({exc.msg})"))
    return records


def _csv_records(text: str) -> list[tuple[int, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    # Line 1 is the header, so the first record is on line 2.
    return [(number, {k: v or None for k, v in row.items()}) for number, row in enumerate(reader, start=2)]


def _entry(record: Any) -> tuple[str, FileMeta] | str:
    """A record as (file name, metadata), or the reason it cannot be used."""
    if isinstance(record, str):
        return record
    if not isinstance(record, dict):
        return "not an object with a 'doc' field"
    doc = _name(record)
    if doc is None:
        return "no 'doc' (or 'file') naming the file it describes"
    for name in FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return f"field '{name}' is not a string"
    # Imported here: trafilatura comes with it, and listing a folder's files needs none.
    from redline.ingest.extract import normalise_date

    date = record.get("date")
    if date and normalise_date(date) is None:
        return f"date '{date}' is not a date (use YYYY-MM-DD)"
    values = {name: (record.get(name) or "").strip() or None for name in FIELDS}
    values["date"] = normalise_date(date) if date else None
    return doc, FileMeta(**values)

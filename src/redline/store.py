"""The DuckDB store: schema, migrations and every query redline runs.

This is the one module that speaks SQL. Every query binds its parameters. A document is
keyed by the hash of its raw text, and the rows extracted from it keep
``(document_id, start, end)`` so that any statement or position can be shown in context.
Writes happen in explicit transactions of a batch of documents with their statements and
positions, so an ingest killed at any point leaves only whole batches behind.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from redline.errors import StoreError
from redline.models import Document, Position, Removal, Segment, Statement

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE SEQUENCE IF NOT EXISTS document_seq;
CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    seq BIGINT NOT NULL,
    doc VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,
    url VARCHAR, title VARCHAR, date VARCHAR, author VARCHAR, outlet VARCHAR,
    language VARCHAR,
    machine_translated BOOLEAN NOT NULL,
    translation_service VARCHAR,
    duplicate_of VARCHAR,
    raw_text VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    segments VARCHAR NOT NULL,
    removed VARCHAR NOT NULL,
    signature BIGINT[],
    ingested_at TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS statements (
    document_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    speaker VARCHAR NOT NULL, speaker_mention VARCHAR NOT NULL, role VARCHAR,
    cue VARCHAR, cue_start INTEGER, cue_end INTEGER,
    speaker_start INTEGER, speaker_end INTEGER,
    content VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    kind VARCHAR NOT NULL, confidence DOUBLE NOT NULL, actor VARCHAR,
    PRIMARY KEY (document_id, idx)
);
CREATE TABLE IF NOT EXISTS positions (
    document_id VARCHAR NOT NULL, idx INTEGER NOT NULL,
    actor VARCHAR NOT NULL, issue VARCHAR NOT NULL, stance VARCHAR NOT NULL,
    evidence VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    condition VARCHAR, condition_issue VARCHAR, condition_outcome VARCHAR,
    statement_index INTEGER, speaker VARCHAR,
    red_line BOOLEAN NOT NULL, threat BOOLEAN NOT NULL, security_claim BOOLEAN NOT NULL,
    confidence DOUBLE NOT NULL,
    PRIMARY KEY (document_id, idx)
);
CREATE TABLE IF NOT EXISTS analysed (
    document_id VARCHAR PRIMARY KEY, pack VARCHAR NOT NULL, model VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS inputs (key VARCHAR PRIMARY KEY, source VARCHAR NOT NULL);
"""

_DOC_COLUMNS = (
    "id, doc, origin, url, title, date, author, outlet, language, machine_translated, "
    "translation_service, duplicate_of, raw_text, text, segments, removed"
)
_STATEMENT_FIELDS = (
    "speaker", "speaker_mention", "role", "cue", "cue_start", "cue_end", "speaker_start",
    "speaker_end", "content", "start", "end", "kind", "confidence", "actor",
)
_POSITION_FIELDS = (
    "actor", "issue", "stance", "evidence", "start", "end", "condition", "condition_issue",
    "condition_outcome", "statement_index", "speaker", "red_line", "threat",
    "security_claim", "confidence",
)


def _quoted(fields: Sequence[str], table: str = "") -> str:
    prefix = f"{table}." if table else ""
    return ", ".join(f'{prefix}"{f}"' for f in fields)


class Store:
    """An open redline store; use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | Path = "redline.duckdb", read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `redline ingest` first)")
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open store ({exc})") from exc
        if not read_only:
            self._migrate()
        self._check_version()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection; committed batches are already durable."""
        self._con.close()

    def _migrate(self) -> None:
        self._con.execute(_SCHEMA)
        self._con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
            [str(SCHEMA_VERSION)],
        )

    def _check_version(self) -> None:
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {version} is newer than this redline")

    # -- writing -----------------------------------------------------------------------

    def add_batch(
        self,
        documents: Sequence[Document],
        signatures: Sequence[Sequence[int]],
        analyses: Sequence[tuple[list[Statement], list[Position]] | None],
        pack: str = "",
        model: str = "",
        inputs: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Store documents with their signatures and analyses in one transaction, and the
        (key, source) of inputs whose every document is now stored."""
        self._con.begin()
        try:
            for document, signature, analysis in zip(documents, signatures, analyses, strict=True):
                self._insert_document(document, signature)
                if analysis is not None:
                    self._write_analysis(document.id, *analysis, pack=pack, model=model)
            for key, source in inputs:
                self._con.execute("INSERT INTO inputs VALUES (?, ?) ON CONFLICT DO NOTHING", [key, source])
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise

    def replace_analyses(
        self,
        analyses: Sequence[tuple[str, list[Statement], list[Position]]],
        pack: str,
        model: str,
    ) -> None:
        """Swap the statements and positions of some documents in one transaction."""
        self._con.begin()
        try:
            for document_id, statements, positions in analyses:
                for table in ("statements", "positions", "analysed"):
                    self._con.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
                self._write_analysis(document_id, statements, positions, pack=pack, model=model)
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise

    def _insert_document(self, d: Document, signature: Sequence[int]) -> None:
        self._con.execute(
            f"INSERT INTO documents ({_DOC_COLUMNS}, seq, signature) "
            f"VALUES ({', '.join('?' * 16)}, nextval('document_seq'), ?)",
            [
                d.id, d.doc, d.origin, d.url, d.title, d.date, d.author, d.outlet, d.language,
                d.machine_translated, d.translation_service, d.duplicate_of, d.raw_text, d.text,
                json.dumps([asdict(s) for s in d.segments]),
                json.dumps([asdict(r) for r in d.removed], ensure_ascii=False),
                list(signature),
            ],
        )

    def _write_analysis(
        self,
        document_id: str,
        statements: Sequence[Statement],
        positions: Sequence[Position],
        pack: str,
        model: str,
    ) -> None:
        # executemany: one statement per table, twenty times faster than a row at a time.
        for table, fields, rows in (("statements", _STATEMENT_FIELDS, statements),
                                    ("positions", _POSITION_FIELDS, positions)):
            if rows:
                self._con.executemany(
                    f"INSERT INTO {table} (document_id, idx, {_quoted(fields)}) "
                    f"VALUES (?, ?, {', '.join('?' * len(fields))})",
                    [[document_id, idx, *(getattr(row, f) for f in fields)] for idx, row in enumerate(rows)],
                )
        self._con.execute("INSERT INTO analysed VALUES (?, ?, ?)", [document_id, pack, model])

    # -- reading -----------------------------------------------------------------------

    def known_ids(self) -> set[str]:
        """Ids of every stored document."""
        return {row[0] for row in self._con.execute("SELECT id FROM documents").fetchall()}

    def known_inputs(self) -> set[str]:
        """Keys of every input (file bytes, URL version) already stored whole."""
        return {row[0] for row in self._con.execute("SELECT key FROM inputs").fetchall()}

    def signatures(self) -> Iterator[tuple[str, list[int]]]:
        """(id, MinHash signature) of every document, in ingestion order."""
        rows = self._con.execute("SELECT id, signature FROM documents ORDER BY seq")
        for document_id, signature in rows.fetchall():
            yield document_id, list(signature or [])

    def count(self, table: str = "documents") -> int:
        """Number of rows in one of the store's tables."""
        if table not in {"documents", "statements", "positions"}:
            raise StoreError(f"no table {table!r}")
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def documents(
        self,
        outlet: str | None = None,
        language: str | None = None,
        since: str | None = None,
        until: str | None = None,
        machine_translated: bool | None = None,
        search: str | None = None,
    ) -> list[Document]:
        """Stored documents in ingestion order, filtered by the given fields."""
        where, params = _where([
            ("outlet = ?", outlet), ("language = ?", language), ("date >= ?", since),
            ("date <= ?", until), ("machine_translated = ?", machine_translated),
            ("(title ILIKE ? OR text ILIKE ?)", None if search is None else (f"%{search}%",) * 2),
        ])
        rows = self._con.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents {where} ORDER BY seq", params
        ).fetchall()
        return [_document(row) for row in rows]

    def document(self, key: str) -> Document | None:
        """One document by its id or its doc name (file name or URL)."""
        row = self._con.execute(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ? OR doc = ? ORDER BY seq LIMIT 1",
            [key, key],
        ).fetchone()
        return _document(row) if row else None

    def statements(
        self, document_id: str | None = None, speaker: str | None = None
    ) -> list[Statement]:
        """Stored statements in document and text order, optionally filtered."""
        where, params = _where([
            ("s.document_id = ?", document_id),
            ("s.speaker ILIKE ?", None if speaker is None else f"%{speaker}%"),
        ])
        rows = self._con.execute(
            f"SELECT s.document_id, {_quoted(_STATEMENT_FIELDS, 's')} "
            f"FROM statements s JOIN documents d ON d.id = s.document_id {where} "
            "ORDER BY d.seq, s.idx",
            params,
        ).fetchall()
        return [Statement(row[0], **dict(zip(_STATEMENT_FIELDS, row[1:], strict=True))) for row in rows]

    def positions(self, actor: str | None = None, issue: str | None = None) -> list[Position]:
        """Stored per-document positions, optionally for one actor and/or issue."""
        where, params = _where([("p.actor = ?", actor), ("p.issue = ?", issue)])
        rows = self._con.execute(
            f"SELECT p.document_id, {_quoted(_POSITION_FIELDS, 'p')} "
            f"FROM positions p JOIN documents d ON d.id = p.document_id {where} "
            "ORDER BY d.seq, p.idx",
            params,
        ).fetchall()
        return [Position(row[0], **dict(zip(_POSITION_FIELDS, row[1:], strict=True))) for row in rows]

    def unanalysed_ids(self, pack: str, model: str) -> list[str]:
        """Documents with no analysis made with this pack and model, in ingestion order."""
        rows = self._con.execute(
            "SELECT d.id FROM documents d LEFT JOIN analysed a ON a.document_id = d.id "
            "WHERE a.document_id IS NULL OR a.pack <> ? OR a.model <> ? ORDER BY d.seq",
            [pack, model],
        ).fetchall()
        return [row[0] for row in rows]


def _where(filters: Sequence[tuple[str, Any]]) -> tuple[str, list[Any]]:
    """A WHERE clause of the filters whose value is set, with its bound parameters.

    A value that is a tuple fills several placeholders of its clause.
    """
    clauses: list[str] = []
    params: list[Any] = []
    for clause, value in filters:
        if value is None:
            continue
        clauses.append(clause)
        params.extend(value if isinstance(value, tuple) else (value,))
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _document(row: tuple[Any, ...]) -> Document:
    (doc_id, doc, origin, url, title, date, author, outlet, language, mt, service, dup,
     raw_text, text, segments, removed) = row
    return Document(
        id=doc_id, doc=doc, origin=origin, raw_text=raw_text, text=text,
        segments=[Segment(**s) for s in json.loads(segments)],
        removed=[Removal(**r) for r in json.loads(removed)],
        title=title, url=url, date=date, author=author, outlet=outlet, language=language,
        machine_translated=bool(mt), translation_service=service, duplicate_of=dup,
    )

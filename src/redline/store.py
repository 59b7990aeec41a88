"""The DuckDB store: schema, migrations and every query redline runs.

This is the one module that speaks SQL. Every query binds its parameters. A document is
keyed by the hash of its raw text, and the rows extracted from it keep
``(document_id, start, end)`` so that any statement or position can be shown in context.
Writes happen in explicit transactions of a batch of documents with their statements and
positions, so an ingest killed at any point leaves only whole batches behind.

DuckDB lets one process write a file, or many read it, never both at once. So a
:class:`Store` holds no connection between calls: each call (or a :meth:`Store.session`
block) opens the file, does its work and closes it, and waits briefly when another process
holds it. An ingest therefore holds the file only for each batch write, and the dashboard
reads between batches. Analysts' corrections live in their own table, keyed to document
and span, and are laid over the analysis on every read (:mod:`redline.corrections`).
Statement searches run on a :class:`SearchIndex`: one state of the store copied into an
in-memory database and laid out for filtering and counting.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import ModuleType, TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from redline.errors import StoreError
from redline.models import Correction, CueSpan, Document, Position, Removal, Segment, Statement

if TYPE_CHECKING:
    from redline.ingest.syndication import StoredCopy

SCHEMA_VERSION = 4
# How long a call waits for another process's write (or read) to let go of the file: an
# ingest batch takes well under a second, so this only runs out when something is stuck.
LOCK_WAIT_SECONDS = 30.0
_LOCK_POLL_SECONDS = 0.01
# A writer's rows per row group (DuckDB's smallest) and memory (it spills beyond): what one
# commit may rewrite and hold, whatever the size of the store.
WRITER_ROW_GROUP = 2048
WRITER_MEMORY = "32MB"
# The band-key scan reads every block of tables committed a batch at a time, and DuckDB
# keeps each block read until its memory limit is reached: under the writer's limit that
# cache grew with the store (6 MB at 1k documents, 30 MB at 30k). The scan itself needs a
# few blocks at a time, so it runs under this limit.
SCAN_MEMORY = "16MB"

# (id, signature, date, outlet, text edges, duplicate_of): what syndication decides on.
SyndicationRow = tuple[str, list[int], str | None, str | None, str, str | None]

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
    ingested_at TIMESTAMP DEFAULT current_timestamp,
    -- The canonical copy syndication chose (duplicate_of may instead name a translation's original).
    copy_of VARCHAR
);
-- The LSH band keys of each document's signature (ingest/syndication.py): a new document's
-- candidate copies are the stored documents sharing a key, found here instead of in memory.
CREATE TABLE IF NOT EXISTS bands (key BIGINT NOT NULL, seq BIGINT NOT NULL);
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
    -- Where the cue words that decided the stance lie: a JSON list of [kind, start, end].
    cues VARCHAR,
    PRIMARY KEY (document_id, idx)
);
CREATE TABLE IF NOT EXISTS analysed (
    document_id VARCHAR PRIMARY KEY, pack VARCHAR NOT NULL, model VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS inputs (key VARCHAR PRIMARY KEY, source VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS corrections (
    id VARCHAR PRIMARY KEY, target VARCHAR NOT NULL,
    document_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
    original_actor VARCHAR, original_issue VARCHAR, wrong BOOLEAN NOT NULL,
    speaker VARCHAR, actor VARCHAR, issue VARCHAR, stance VARCHAR, condition VARCHAR,
    note VARCHAR, created VARCHAR NOT NULL
);
"""

_BRIEF_COLUMNS = (
    "id, doc, origin, url, title, date, author, outlet, language, machine_translated, "
    "translation_service, duplicate_of"
)
_BRIEF_COLUMNS_D = ", ".join(f"d.{c.strip()}" for c in _BRIEF_COLUMNS.split(","))
_DOC_COLUMNS = f"{_BRIEF_COLUMNS}, raw_text, text, segments, removed"
_STATEMENT_FIELDS = (
    "speaker", "speaker_mention", "role", "cue", "cue_start", "cue_end", "speaker_start",
    "speaker_end", "content", "start", "end", "kind", "confidence", "actor",
)
_POSITION_FIELDS = (
    "actor", "issue", "stance", "evidence", "start", "end", "condition", "condition_issue",
    "condition_outcome", "statement_index", "speaker", "red_line", "threat",
    "security_claim", "confidence",
)


_CORRECTION_FIELDS = (
    "target", "document_id", "start", "end", "original_actor", "original_issue", "wrong",
    "speaker", "actor", "issue", "stance", "condition", "note", "created",
)


def _document_row(d: Document, signature: Sequence[int]) -> list[Any]:
    return [
        d.id, d.doc, d.origin, d.url, d.title, d.date, d.author, d.outlet, d.language,
        d.machine_translated, d.translation_service, d.duplicate_of, d.raw_text, d.text,
        json.dumps([asdict(s) for s in d.segments]),
        json.dumps([asdict(r) for r in d.removed], ensure_ascii=False),
        list(signature),
    ]


@dataclass
class _Rows:
    """The rows of one write, gathered before the transaction opens."""

    documents: list[list[Any]] = field(default_factory=list)
    statements: list[list[Any]] = field(default_factory=list)
    positions: list[list[Any]] = field(default_factory=list)
    analysed: list[list[Any]] = field(default_factory=list)

    def add_analysis(self, document_id: str, statements: Sequence[Statement],
                     positions: Sequence[Position], pack: str, model: str) -> None:
        self.statements += [[document_id, i, *(getattr(s, f) for f in _STATEMENT_FIELDS)]
                            for i, s in enumerate(statements)]
        self.positions += [[document_id, i, *(getattr(p, f) for f in _POSITION_FIELDS), _cues_json(p.cues)]
                           for i, p in enumerate(positions)]
        self.analysed.append([document_id, pack, model])

    def insert(self, con: duckdb.DuckDBPyConnection) -> None:
        _insert(con, "documents", f"{_DOC_COLUMNS}, signature, copy_of", self.documents,
                extra=("seq", "nextval('document_seq')"))
        _insert(con, "statements", f"document_id, idx, {_quoted(_STATEMENT_FIELDS)}", self.statements)
        _insert(con, "positions", f"document_id, idx, {_quoted(_POSITION_FIELDS)}, cues", self.positions)
        _insert(con, "analysed", "document_id, pack, model", self.analysed)


def _cues_json(cues: Sequence[CueSpan]) -> str:
    """A position's cue spans as the JSON its ``cues`` column holds."""
    return json.dumps([[c.kind, c.start, c.end] for c in cues])


def _cues_of(value: str | None) -> tuple[CueSpan, ...]:
    """The cue spans of a ``cues`` column (none for a position stored before schema 4)."""
    return tuple(CueSpan(str(kind), int(start), int(end)) for kind, start, end in json.loads(value or "[]"))


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: str, rows: Sequence[Sequence[Any]],
            extra: tuple[str, str] | None = None) -> None:
    """Insert rows in one statement that binds a list per column (``unnest`` zips them back
    into rows, in order); ``extra`` adds a computed column. Binding a value per cell, as
    multi-row VALUES does, costs DuckDB about four times as long."""
    if not rows:
        return
    names = [name.strip() for name in columns.split(",")]
    types = _column_types(con, table)
    selected = [f"unnest(?::{types[name.strip(chr(34))]}[])" for name in names]
    if extra:
        names.append(extra[0])
        selected.append(extra[1])
    con.execute(f"INSERT INTO {table} ({', '.join(names)}) SELECT {', '.join(selected)}",
                [list(column) for column in zip(*rows, strict=True)])


# Each table's column types, read from the first store written (one schema for all).
_TYPES: dict[str, dict[str, str]] = {}


def _column_types(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str]:
    """The SQL type of each column of a table, by column name."""
    if table not in _TYPES:
        _TYPES[table] = dict(con.execute(
            "SELECT column_name, data_type FROM duckdb_columns() "
            "WHERE table_name = ? AND database_name = current_database()", [table]).fetchall())
    return _TYPES[table]


def _insert_bands(con: duckdb.DuckDBPyConnection, keys: Sequence[tuple[str, Sequence[int]]]) -> None:
    """Index stored documents' band keys under their sequence numbers, in one statement."""
    ids = [document_id for document_id, found in keys for _ in found]
    if ids:
        con.execute(
            "INSERT INTO bands SELECT b.key, d.seq FROM documents d JOIN "
            "(SELECT unnest(?::VARCHAR[]) AS id, unnest(?::BIGINT[]) AS key) b ON d.id = b.id",
            [ids, [key for _, found in keys for key in found]],
        )


def _insert_inputs(con: duckdb.DuckDBPyConnection, inputs: Sequence[tuple[str, str]]) -> None:
    """Record inputs stored whole in one statement (``executemany`` ran one per input, at
    about a millisecond each); a key already stored, or repeated, keeps its first source,
    as one insert after another did."""
    first: dict[str, str] = {}
    for key, source in inputs:
        first.setdefault(key, source)
    if first:
        con.execute("INSERT INTO inputs SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]) ON CONFLICT DO NOTHING",
                    [list(first), list(first.values())])


def _quoted(fields: Sequence[str], table: str = "") -> str:
    prefix = f"{table}." if table else ""
    return ", ".join(f'{prefix}"{f}"' for f in fields)


# A SearchIndex keeps each statement's stored fields and its document's metadata, under
# names that do not clash with the (corrected) fields it filters on.
_SEARCH_PAGE_NAMES = [f"s_{f}" for f in _STATEMENT_FIELDS] + [f"d_{c.strip()}" for c in _BRIEF_COLUMNS.split(",")]
_SEARCH_PAGE_COLUMNS = ", ".join(
    f"{column} AS {name}" for column, name in
    zip([*_quoted(_STATEMENT_FIELDS, "s").split(", "), *_BRIEF_COLUMNS_D.split(", ")], _SEARCH_PAGE_NAMES, strict=True))
_SEARCH_PAGE_COLUMNS_AS = ", ".join(_SEARCH_PAGE_NAMES)


class Store:
    """A redline store file; each call opens it briefly, so other processes can take turns."""

    def __init__(self, path: str | Path = "redline.duckdb", read_only: bool = False,
                 threads: int | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        # A server answering many requests at once parallelises across them, not within one.
        self._config: dict[str, str | bool | int | float | list[str]] = (
            {"threads": threads} if threads else {})
        self._held: duckdb.DuckDBPyConnection | None = None
        self._block = ExitStack()
        # Whether the schema has been made or checked: done on the first connection, which
        # is then the caller's too (opening the file costs more than most calls do).
        self._ready = False
        self._has_corrections = True
        self._has_cues = True
        if not self.path.exists():
            if read_only:
                raise StoreError(f"{self.path}: no such store (run `redline ingest` first)")
            # A new store is made at once, so that readers can open it straight away.
            with self._connection():
                pass

    def __enter__(self) -> Store:
        # A read-only block (a CLI listing, a report) reads one state of the store; a
        # writer's block (a whole ingest) must not hold the file, so it opens per call.
        if self.read_only:
            self._block.enter_context(self.session())
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Let go of a read-only block's connection; nothing else stays open between calls."""
        self._block.close()

    @contextmanager
    def session(self) -> Iterator[None]:
        """Hold one connection for a block: its reads see one state of the store."""
        if self._held is not None:
            yield
            return
        with self._connection() as con:
            self._held = con
            try:
                yield
            finally:
                self._held = None

    def connect(self) -> duckdb.DuckDBPyConnection:
        """A connection to the file for a caller that shares it across many short blocks
        (the dashboard, while requests overlap); each block runs on its own cursor, so it
        is a plain connection (a cursor would not see an attached store's ``USE``)."""
        return self._open(shared=True)

    def cursor(self, connection: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
        """A cursor of a connection from :meth:`connect`: that connection opens the file
        itself (never attached under a name), so every cursor reads this store."""
        return connection.cursor()

    @contextmanager
    def using(self, connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
        """Run this store's calls in the block on ``connection`` (a cursor of a shared one)."""
        held, self._held = self._held, connection
        try:
            yield
        finally:
            self._held = held

    @contextmanager
    def _connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._held is not None:
            yield self._held
            return
        con = self._open()
        try:
            yield con
        finally:
            _close(con)

    def _open(self, shared: bool = False) -> duckdb.DuckDBPyConnection:
        """Connect, waiting while another process holds the file (its batch ends soon)."""
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                return self._prepared(self._connect(shared))
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                    raise StoreError(f"{self.path}: cannot open store ({exc})") from exc
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot open store ({exc})") from exc
            if not self.read_only:
                _touch(writer_waiting(self.path))
            time.sleep(_LOCK_POLL_SECONDS)

    def _prepared(self, con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
        """The connection, once the schema is made (or migrated) and its version checked."""
        if self._ready:
            return con
        try:
            if not self.read_only and self._version(con, missing_ok=True) != SCHEMA_VERSION:
                con.execute(_SCHEMA)
                self._migrate(con)
                con.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) "
                    "DO UPDATE SET value = excluded.value",
                    [str(SCHEMA_VERSION)],
                )
                con.execute("INSERT INTO meta VALUES ('generation', '0') ON CONFLICT DO NOTHING")
            self._check_version(con)
        except BaseException:
            _close(con)
            raise
        self._ready = True
        return con

    def _migrate(self, con: duckdb.DuckDBPyConnection) -> None:
        """Bring an older store's tables up to this schema (before its version is raised)."""
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is not None and int(row[0]) < 3:
            # Schema 3 keeps syndication's choice and band keys in the store: the engine
            # computes them from the stored signatures before it next syndicates.
            con.execute("ALTER TABLE documents ADD COLUMN IF NOT EXISTS copy_of VARCHAR")
            con.execute("INSERT INTO meta VALUES ('bands_missing', '1') ON CONFLICT DO NOTHING")
        if row is not None and int(row[0]) < 4:
            # Schema 4 keeps each position's cue spans; positions stored before have none.
            con.execute("ALTER TABLE positions ADD COLUMN IF NOT EXISTS cues VARCHAR")

    def _connect(self, shared: bool = False) -> duckdb.DuckDBPyConnection:
        """A connection to the file; a writer's is attached with small row groups and a
        memory limit, so that committing a batch into a large store costs what the batch
        does: each commit rewrites the table's last row group, and with DuckDB's default
        (122,880 rows) that is every document of a store of up to that size."""
        if self.read_only or shared:
            return duckdb.connect(str(self.path), read_only=self.read_only, config=self._config)
        return _host({**self._config, "memory_limit": WRITER_MEMORY}).attach(self.path)

    @staticmethod
    def _version(con: duckdb.DuckDBPyConnection, missing_ok: bool = False) -> int:
        """The store's schema version (0 for a file with no meta table, when that is fine)."""
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            if not missing_ok:
                raise
            return 0
        return int(row[0]) if row else 0

    def _check_version(self, con: duckdb.DuckDBPyConnection) -> None:
        version = self._version(con)
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {version} is newer than this redline")
        # A store written by an older redline and opened read-only has no corrections yet.
        self._has_corrections = version >= 2
        # Nor cue spans on its positions.
        self._has_cues = version >= 4

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One write transaction that also bumps the generation readers cache against."""
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")
        with self._connection() as con:
            con.begin()
            try:
                yield con
                con.execute(
                    "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) "
                    "WHERE key = 'generation'"
                )
                con.commit()
            except BaseException:
                con.rollback()
                raise

    # -- writing -----------------------------------------------------------------------

    def add_batch(
        self,
        documents: Sequence[Document],
        signatures: Sequence[Sequence[int]],
        analyses: Sequence[tuple[list[Statement], list[Position]] | None],
        pack: str = "",
        model: str = "",
        inputs: Sequence[tuple[str, str]] = (),
        copies: Sequence[tuple[str | None, list[int]]] | None = None,
    ) -> None:
        """Store documents with their signatures and analyses in one transaction, and the
        (key, source) of inputs whose every document is now stored.

        ``copies`` holds each document's syndication record: the canonical copy chosen and
        its LSH band keys (none given: not indexed for syndication).
        """
        rows = _Rows()
        records = copies if copies is not None else [(None, [])] * len(documents)
        for document, signature, analysis, (copy_of, _) in zip(documents, signatures, analyses, records, strict=True):
            rows.documents.append([*_document_row(document, signature), copy_of])
            if analysis is not None:
                rows.add_analysis(document.id, *analysis, pack=pack, model=model)
        with self._transaction() as con:
            rows.insert(con)
            _insert_bands(con, [(d.id, keys) for d, (_, keys) in zip(documents, records, strict=True)])
            _insert_inputs(con, inputs)

    def replace_analyses(
        self,
        analyses: Sequence[tuple[str, list[Statement], list[Position]]],
        pack: str,
        model: str,
    ) -> None:
        """Swap the statements and positions of some documents in one transaction.

        Corrections are not touched: they are keyed to spans and re-attach to the new rows.
        """
        rows = _Rows()
        for document_id, statements, positions in analyses:
            rows.add_analysis(document_id, statements, positions, pack=pack, model=model)
        with self._transaction() as con:
            for document_id, _, _ in analyses:
                for table in ("statements", "positions", "analysed"):
                    con.execute(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
            rows.insert(con)

    def add_corrections(self, corrections: Sequence[Correction]) -> None:
        """Store corrections; a later one on the same statement or position replaces it."""
        with self._transaction() as con:
            for c in corrections:
                con.execute(
                    f"INSERT OR REPLACE INTO corrections (id, {_quoted(_CORRECTION_FIELDS)}) "
                    f"VALUES (?, {', '.join('?' * len(_CORRECTION_FIELDS))})",
                    [c.id, *(getattr(c, f) for f in _CORRECTION_FIELDS)],
                )

    # -- reading -----------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._connection() as con:
            return con.execute(sql, list(params)).fetchall()

    def known_ids(self) -> set[str]:
        """Ids of every stored document."""
        return {row[0] for row in self._rows("SELECT id FROM documents")}

    def analysed_with(self) -> str | None:
        """The settings of the last ingest that left every document analysed, as it recorded them."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'analysed_with'")
        return str(rows[0][0]) if rows else None

    def set_analysed_with(self, settings: str | None) -> None:
        """Record (None: forget) the settings every document is now analysed with."""
        with self._transaction() as con:
            con.execute("DELETE FROM meta WHERE key = 'analysed_with'")
            if settings is not None:
                con.execute("INSERT INTO meta VALUES ('analysed_with', ?)", [settings])

    def all_analysed(self) -> bool:
        """True when every stored document has an analysis (with some pack and model)."""
        rows = self._rows(
            "SELECT count(*) FROM documents d LEFT JOIN analysed a ON a.document_id = d.id "
            "WHERE a.document_id IS NULL"
        )
        return int(rows[0][0]) == 0

    def known_inputs(self) -> set[str]:
        """Keys of every input (file bytes, URL version) already stored whole."""
        return {row[0] for row in self._rows("SELECT key FROM inputs")}

    def signatures(self) -> Iterator[tuple[str, list[int]]]:
        """(id, MinHash signature) of every document, in ingestion order."""
        for document_id, signature in self._rows("SELECT id, signature FROM documents ORDER BY seq"):
            yield document_id, list(signature or [])

    def count(self, table: str = "documents") -> int:
        """Number of rows in one of the store's tables."""
        if table not in {"documents", "statements", "positions"}:
            raise StoreError(f"no table {table!r}")
        return int(self._rows(f"SELECT count(*) FROM {table}")[0][0])

    def generation(self) -> int:
        """A number every committed write raises: what a reader's cache is valid for."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'generation'")
        return int(rows[0][0]) if rows else 0

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
        rows = self._rows(f"SELECT {_DOC_COLUMNS} FROM documents {where} ORDER BY seq", params)
        return [_document(row) for row in rows]

    def document(self, key: str) -> Document | None:
        """One document by its id or its doc name (file name or URL)."""
        # The id first: its index finds it without reading every document's name.
        rows = self._rows(f"SELECT {_DOC_COLUMNS} FROM documents WHERE id = ?", [key]) or self._rows(
            f"SELECT {_DOC_COLUMNS} FROM documents WHERE doc = ? ORDER BY seq LIMIT 1", [key])
        return _document(rows[0]) if rows else None

    def document_names(self) -> list[str]:
        """The doc name (file name or URL) of every stored document, in ingestion order."""
        return [row[0] for row in self._rows("SELECT doc FROM documents ORDER BY seq")]

    def statements(
        self, document_id: str | None = None, speaker: str | None = None, raw: bool = False
    ) -> list[Statement]:
        """Stored statements in document and text order, as corrected unless ``raw``."""
        with self.session():
            fixes = [] if raw else self.corrections(document_id=document_id, target="statement")
            # A correction may change a speaker, so that filter runs after the corrections.
            where, params = _where([
                ("s.document_id = ?", document_id),
                ("s.speaker ILIKE ?", None if speaker is None or fixes else f"%{speaker}%"),
            ])
            join, order = _in_document_order("s", document_id)
            rows = self._rows(
                f"SELECT s.document_id, {_quoted(_STATEMENT_FIELDS, 's')} "
                f"FROM statements s {join} {where} {order}",
                params,
            )
        found = [Statement(row[0], **dict(zip(_STATEMENT_FIELDS, row[1:], strict=True))) for row in rows]
        if not fixes:
            return found
        corrected = _corrections().apply_to_statements(found, fixes)
        needle = (speaker or "").lower()
        return [s for s in corrected if needle in s.speaker.lower()]

    def positions(
        self, actor: str | None = None, issue: str | None = None, raw: bool = False,
        document_id: str | None = None,
    ) -> list[Position]:
        """Stored per-document positions, as corrected unless ``raw``, optionally filtered."""
        with self.session():
            fixes = [] if raw else self.corrections(document_id=document_id, target="position")
            # A correction may move a position to another actor or issue: filter after it.
            where, params = _where([
                ("p.actor = ?", None if fixes else actor), ("p.issue = ?", None if fixes else issue),
                ("p.document_id = ?", document_id),
            ])
            join, order = _in_document_order("p", document_id)
            rows = self._rows(
                f"SELECT p.document_id, {_quoted(_POSITION_FIELDS, 'p')}, "
                f"{'p.cues' if self._has_cues else 'NULL'} "
                f"FROM positions p {join} {where} {order}",
                params,
            )
        found = [Position(row[0], **dict(zip(_POSITION_FIELDS, row[1:-1], strict=True)), cues=_cues_of(row[-1]))
                 for row in rows]
        if not fixes:
            return found
        return [
            p for p in _corrections().apply_to_positions(found, fixes)
            if actor in (None, p.actor) and issue in (None, p.issue)
        ]

    def corrections(
        self, document_id: str | None = None, target: str | None = None
    ) -> list[Correction]:
        """Analysts' corrections, oldest first, optionally of one document or target kind."""
        with self.session():
            # Known once the store is open: an older store read-only has no such table.
            if not self._has_corrections:
                return []
            where, params = _where([("document_id = ?", document_id), ("target = ?", target)])
            rows = self._rows(
                f"SELECT {_quoted(_CORRECTION_FIELDS)} FROM corrections {where} ORDER BY created, id",
                params,
            )
        return [Correction(**dict(zip(_CORRECTION_FIELDS, row, strict=True))) for row in rows]

    def overview(self) -> dict[str, Any]:
        """What the store holds: counts, date range, languages, copies, packs and models."""
        with self.session():
            (documents, outlets, first, last), = self._rows(
                "SELECT count(*), count(DISTINCT outlet), min(date), max(date) FROM documents")
            return {
                "documents": documents, "outlets": outlets, "first_date": first, "last_date": last,
                "statements": self.count("statements"), "positions": self.count("positions"),
                "corrections": len(self.corrections()),
                "languages": dict(self._rows(
                    "SELECT coalesce(language, '?'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC")),
                "analysed_with": [
                    {"pack": pack, "model": model, "documents": n} for pack, model, n in self._rows(
                        "SELECT pack, model, count(*) FROM analysed GROUP BY 1, 2 ORDER BY 3 DESC")
                ],
                "translated": self._brief("machine_translated"),
                "syndicated": self._brief("duplicate_of IS NOT NULL"),
            }

    def _brief(self, condition: str) -> list[Document]:
        """Metadata (no texts) of documents meeting a fixed condition, at most 200."""
        rows = self._rows(f"SELECT {_BRIEF_COLUMNS} FROM documents WHERE {condition} ORDER BY seq LIMIT 200")
        return [_brief_document(row) for row in rows]

    def search_statements(
        self, filters: StatementFilter, limit: int = 50, offset: int = 0
    ) -> tuple[int, list[tuple[Statement, Document]], dict[str, list[tuple[str, int]]]]:
        """One page of statements matching the filters, the total, and facet counts."""
        index = self.search_index()
        total, facets = index.facets(filters)
        return total, index.page(filters, limit, offset), facets

    def search_index(self) -> SearchIndex:
        """Every statement as corrected, with what a search filters and counts, copied into
        a :class:`SearchIndex` (one pass over the store, read as of this call)."""
        with self.session():
            fixes = self._search_fixes()
            # The corrected relation says which rows match; the stored row is shown, corrected.
            fixed, join = ("f", f"JOIN {fixes.statements} f ON f.document_id = s.document_id AND f.idx = s.idx"
                           ) if fixes.ctes else ("s", "")
            with self._connection() as con:
                rows = con.sql(
                    f"WITH {fixes.ctes}pos AS (SELECT document_id, statement_index, list(DISTINCT issue) AS issues, "
                    f"list(DISTINCT stance) AS stances FROM {fixes.positions} GROUP BY ALL) "
                    "SELECT row_number() OVER (ORDER BY d.seq, s.idx) AS n, s.content, "
                    f"{fixed}.actor, {fixed}.speaker, d.outlet, d.language, d.date, pos.issues, pos.stances, "
                    f"s.document_id, s.idx, {_SEARCH_PAGE_COLUMNS} FROM statements s {join} "
                    "JOIN documents d ON d.id = s.document_id LEFT JOIN pos "
                    "ON pos.document_id = s.document_id AND pos.statement_index = s.idx",
                    params=fixes.params or None,
                )
                return SearchIndex(rows.__arrow_c_stream__(), fixes, self._config)

    def _search_fixes(self) -> SearchFixes:
        """The corrections as rows a search can join: which stored statement or position each
        one attached to (by document and index), and what it says instead."""
        fixes = self.corrections()
        if not fixes:
            return SearchFixes()
        documents = sorted({c.document_id for c in fixes})
        marks = ", ".join("?" * len(documents))
        keyed: list[dict[tuple[str, int], Correction]] = []
        for table, fields, build, target in (
            ("statements", _STATEMENT_FIELDS, Statement, "statement"),
            ("positions", _POSITION_FIELDS, Position, "position"),
        ):
            rows = self._rows(
                f"SELECT document_id, idx, {_quoted(fields)} FROM {table} "
                f"WHERE document_id IN ({marks}) ORDER BY document_id, idx", documents)
            items = [build(row[0], **dict(zip(fields, row[2:], strict=True))) for row in rows]
            attached = _corrections().attachments(items, (c for c in fixes if c.target == target))
            keyed.append({(rows[i][0], rows[i][1]): fix for i, fix in attached.items()})
        return SearchFixes(*keyed)

    def analysis_packs(self) -> dict[str, int]:
        """How many documents were analysed with each pack, by pack name."""
        rows = self._rows("SELECT pack, count(*) FROM analysed GROUP BY pack ORDER BY pack")
        return {pack: int(count) for pack, count in rows}

    def position_ids(self) -> tuple[list[str], list[str]]:
        """The distinct actor ids and issue ids that stored positions use, sorted."""
        actors = self._rows("SELECT DISTINCT actor FROM positions ORDER BY actor")
        issues = self._rows("SELECT DISTINCT issue FROM positions ORDER BY issue")
        return [row[0] for row in actors], [row[0] for row in issues]

    def syndication_rows(self, edge_chars: int) -> Iterator[SyndicationRow]:
        """(id, signature, date, outlet, text edges, duplicate_of) of every document, in ingestion order.

        The text edges are the first and last ``edge_chars`` characters of the cleaned text,
        where a copy credits the outlet it comes from.
        """
        rows = self._rows(
            "SELECT id, signature, date, outlet, left(text, ?) || chr(10) || right(text, ?), "
            "duplicate_of FROM documents ORDER BY seq",
            [edge_chars, edge_chars],
        )
        for document_id, signature, date, outlet, edges, duplicate_of in rows:
            yield document_id, list(signature or []), date, outlet, edges, duplicate_of

    def set_duplicates(self, canonical: Mapping[str, str | None]) -> None:
        """Point stored documents at a new canonical copy (None: it is the canonical one)."""
        if not canonical:
            return
        with self._transaction() as con:
            for document_id, duplicate_of in canonical.items():
                con.execute("UPDATE documents SET duplicate_of = ?, copy_of = ? WHERE id = ?",
                            [duplicate_of, duplicate_of, document_id])

    def syndication_candidates(self, keys: Sequence[int], edge_chars: int) -> list[StoredCopy]:
        """The stored documents sharing any of the LSH band keys, with every other member
        of their syndication groups, in ingestion order (edges as in :meth:`syndication_rows`)."""
        if not keys:
            return []
        with self.session(), self._connection() as con:
            row = con.execute("SELECT current_setting('memory_limit')").fetchone()
            limit = row[0] if row else WRITER_MEMORY
            con.execute(f"SET memory_limit = '{SCAN_MEMORY}'")
            try:
                seqs = [row[0] for row in con.execute(
                    "WITH hit AS (SELECT DISTINCT seq FROM bands WHERE key IN (SELECT unnest(?::BIGINT[]))), "
                    "root AS (SELECT DISTINCT coalesce(d.copy_of, d.id) AS id FROM documents d JOIN hit ON d.seq = hit.seq) "
                    "SELECT seq FROM documents WHERE id IN (SELECT id FROM root) OR copy_of IN (SELECT id FROM root)",
                    [list(keys)],
                ).fetchall()]
            finally:
                con.execute(f"SET memory_limit = '{limit}'")
            if not seqs:
                return []
            # Texts are read for these documents only, named as constants: the scan then
            # skips every row group without one, instead of reading (and holding in
            # DuckDB's buffers) the text of the whole store for each batch.
            rows = con.execute(
                "SELECT seq, id, signature, date, outlet, left(text, ?) || chr(10) || right(text, ?), copy_of "
                f"FROM documents WHERE seq IN ({', '.join('?' * len(seqs))}) ORDER BY seq",
                [edge_chars, edge_chars, *seqs],
            ).fetchall()
        return [(int(seq), i, list(sig or []), date, outlet, edges, copy_of)
                for seq, i, sig, date, outlet, edges, copy_of in rows]

    def bands_missing(self) -> bool:
        """True for a store from before schema 3 whose syndication records are not built yet."""
        return bool(self._rows("SELECT 1 FROM meta WHERE key = 'bands_missing'"))

    def set_copies(self, records: Sequence[tuple[str, str | None, list[int]]]) -> None:
        """Record stored documents' (id, canonical copy, band keys) in one transaction,
        replacing their band keys (how an older store gains them)."""
        with self._transaction() as con:
            con.execute("DELETE FROM bands")
            for document_id, copy_of, _ in records:
                con.execute("UPDATE documents SET copy_of = ? WHERE id = ?", [copy_of, document_id])
            _insert_bands(con, [(document_id, keys) for document_id, _, keys in records])
            con.execute("DELETE FROM meta WHERE key = 'bands_missing'")

    def unanalysed_ids(self, pack: str, model: str) -> list[str]:
        """Documents with no analysis made with this pack and model, in ingestion order."""
        rows = self._rows(
            "SELECT d.id FROM documents d LEFT JOIN analysed a ON a.document_id = d.id "
            "WHERE a.document_id IS NULL OR a.pack <> ? OR a.model <> ? ORDER BY d.seq",
            [pack, model],
        )
        return [row[0] for row in rows]


FACET_LIMIT = 20


@dataclass(frozen=True)
class StatementFilter:
    """The filters of a statement search; ``q`` words must all occur in the content."""

    q: str | None = None
    actor: str | None = None
    speaker: str | None = None
    issue: str | None = None
    stance: str | None = None
    outlet: str | None = None
    language: str | None = None
    since: str | None = None
    until: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause over a :class:`SearchIndex`'s rows."""
        words = (self.q or "").split()[:MAX_SEARCH_WORDS]
        return _where([
            *(_contains(w) for w in words),
            ("actor = ?", self.actor), ("speaker = ?", self.speaker),
            ("list_contains(issues, ?)", self.issue), ("list_contains(stances, ?)", self.stance),
            ("outlet = ?", self.outlet), ("language = ?", self.language),
            ("date >= ?", self.since), ("date <= ?", self.until),
        ])


def _contains(word: str) -> tuple[str, str]:
    """The clause that finds a search word anywhere in a statement's content, any case.

    A word with none of LIKE's special characters needs no ESCAPE clause, whose matcher
    DuckDB runs at about half the speed; the two match the same rows.
    """
    escaped = _like_escaped(word)
    if escaped == word:
        return "content ILIKE ?", f"%{word}%"
    return r"content ILIKE ? ESCAPE '\'", f"%{escaped}%"


MAX_SEARCH_WORDS = 10
# The names a search reads statements and positions under when corrections are laid over them.
_FIXED_STATEMENTS, _FIXED_POSITIONS = "fixed_statements", "fixed_positions"


@dataclass(frozen=True)
class SearchFixes:
    """Corrections keyed to stored rows, and the SQL that lays them over the two tables.

    Without corrections the search reads the tables themselves. With them, the relations
    ``fixed_statements`` and ``fixed_positions`` hold every row as corrected (wrong ones
    left out), from two small VALUES lists of (document id, index, corrected fields).
    """

    statement_fixes: dict[tuple[str, int], Correction] = field(default_factory=dict)
    position_fixes: dict[tuple[str, int], Correction] = field(default_factory=dict)

    @property
    def statements(self) -> str:
        return _FIXED_STATEMENTS if self.ctes else "statements"

    @property
    def positions(self) -> str:
        return _FIXED_POSITIONS if self.ctes else "positions"

    @property
    def ctes(self) -> str:
        """The WITH entries (each ending in a comma), empty when nothing is corrected."""
        if not self.statement_fixes and not self.position_fixes:
            return ""
        # A VALUES list cannot be empty: a row that matches nothing stands in.
        s_values = ", ".join(["(?, ?, ?, ?, ?)"] * max(1, len(self.statement_fixes)))
        p_values = ", ".join(["(?, ?, ?, ?, ?, ?)"] * max(1, len(self.position_fixes)))
        return (
            f"s_fix (document_id, idx, speaker, actor, wrong) AS (VALUES {s_values}), "
            f"p_fix (document_id, idx, actor, issue, stance, wrong) AS (VALUES {p_values}), "
            f"{_FIXED_STATEMENTS} AS NOT MATERIALIZED (SELECT t.* REPLACE (coalesce(f.speaker, t.speaker) "
            "AS speaker, coalesce(f.actor, t.actor) AS actor) FROM statements t LEFT JOIN s_fix f "
            "ON f.document_id = t.document_id AND f.idx = t.idx WHERE f.wrong IS NOT TRUE), "
            f"{_FIXED_POSITIONS} AS NOT MATERIALIZED (SELECT t.* REPLACE (coalesce(f.actor, t.actor) AS actor, "
            "coalesce(f.issue, t.issue) AS issue, coalesce(f.stance, t.stance) AS stance) "
            "FROM positions t LEFT JOIN p_fix f ON f.document_id = t.document_id AND f.idx = t.idx "
            "WHERE f.wrong IS NOT TRUE), "
        )

    @property
    def params(self) -> list[Any]:
        """The VALUES lists' parameters, in the order :attr:`ctes` places them."""
        if not self.ctes:
            return []
        s_rows = [[d, i, c.speaker, c.actor, c.wrong] for (d, i), c in self.statement_fixes.items()]
        p_rows = [[d, i, c.actor, c.issue, c.stance, c.wrong] for (d, i), c in self.position_fixes.items()]
        return [v for row in (s_rows or [[None] * 5]) for v in row] + \
            [v for row in (p_rows or [[None] * 6]) for v in row]


# The facets a search counts, in the order it shows them.
FACETS = ("actor", "speaker", "outlet", "language", "issue", "stance")
# A SearchIndex numbers every facet value: facet f's values (1-based, in FACETS' order)
# are f * _FACET_STRIDE + their rank by value, and 0 stands for "every hit", so that its
# count is the total. A number alone then says its facet and its place among the values.
_FACET_STRIDE = 1 << 32
_FACET_PAIRS = " UNION ALL ".join(
    [f"SELECT n, {f} AS facet, {name} AS value FROM base" for f, name in enumerate(FACETS[:4], 1)]
    + [f"SELECT n, {f}, unnest({name}s) FROM base" for f, name in enumerate(FACETS[4:], 5)]
)
# What a SearchIndex adds to its copied rows (table ``base``): the facet values numbered,
# and each statement with the list of its values' numbers.
_INDEX_SQL = (
    f"CREATE TABLE facet_values AS SELECT facet * {_FACET_STRIDE} + row_number() OVER "
    f"(PARTITION BY facet ORDER BY value) - 1 AS code, value FROM (SELECT DISTINCT facet, value FROM ({_FACET_PAIRS})); "
    f"CREATE TABLE search AS WITH pairs AS ({_FACET_PAIRS}), coded AS (SELECT p.n, [0] || list(v.code) AS codes "
    f"FROM pairs p JOIN facet_values v ON v.code // {_FACET_STRIDE} = p.facet AND v.value IS NOT DISTINCT FROM p.value "
    "GROUP BY p.n) SELECT base.*, coded.codes FROM base JOIN coded USING (n) ORDER BY n; DROP TABLE base"
)


class SearchIndex:
    """One state of the store's statements, as corrected, laid out for search in memory.

    A search filters statements by words and fields of theirs, of their document and of
    their positions, and counts the hits per value of six facets. Over the store's tables
    that is, for every search, a scan joined to documents and to positions and then six
    groupings of strings. Here the joins are made once, when the index is built, and every
    facet value has a number that each statement lists, so counting all facets is one
    grouping of integers over the hits, and each facet's most frequent values are kept
    without sorting them all. The dashboard builds one per store generation
    (:mod:`redline.serve.data`); every search still runs its filter here.
    """

    def __init__(self, rows: object, fixes: SearchFixes, config: Mapping[str, Any] | None = None) -> None:
        """Load ``rows`` (an Arrow stream of the columns :meth:`Store.search_index` selects)."""
        self.fixes = fixes
        self._lock = threading.Lock()
        self._con = duckdb.connect(":memory:", config={**(config or {}), "preserve_insertion_order": True})
        self._con.from_arrow(rows).create("base")
        self._con.execute(_INDEX_SQL)
        self._values: dict[int, str | None] = {0: None, **dict(self._query("SELECT code, value FROM facet_values", []))}

    def facets(self, filters: StatementFilter) -> tuple[int, dict[str, list[tuple[str, int]]]]:
        """How many statements match, and how many per facet value, most frequent first
        (then by value), at most ``FACET_LIMIT`` values per facet."""
        where, params = filters.where()
        rows = self._query(
            f"WITH hit AS (SELECT unnest(codes) AS code FROM search {where}), "
            "counted AS (SELECT code, count(*) AS hits FROM hit GROUP BY code) "
            f"SELECT arg_max([code, hits], [hits, -code], ?) FROM counted GROUP BY code // {_FACET_STRIDE}",
            [*params, FACET_LIMIT])
        total = 0
        found: dict[int, list[tuple[str, int]]] = {}
        for (top,) in rows:
            for code, hits in top:
                facet, value = code // _FACET_STRIDE, self._values[code]
                if facet == 0:
                    total = int(hits)
                # A missing value (no actor, say) takes its place in the ranking but is not shown.
                elif value is not None:
                    found.setdefault(facet, []).append((value, int(hits)))
        return total, {name: found[f] for f, name in enumerate(FACETS, 1) if f in found}

    def page(self, filters: StatementFilter, limit: int, offset: int) -> list[tuple[Statement, Document]]:
        """One page of the matching statements in ingestion and text order, as corrected, each
        with its document's metadata (texts left empty)."""
        where, params = filters.where()
        # The table is stored in ``n`` order and DuckDB keeps a table's order through a scan,
        # a filter and a limit (preserve_insertion_order, set on the index), so no ORDER BY:
        # with one, DuckDB sorts the hits and reads the page's columns in a second pass.
        rows = self._query(f"SELECT document_id, idx, {_SEARCH_PAGE_COLUMNS_AS} FROM search {where} "
                           "LIMIT ? OFFSET ?", [*params, limit, offset])
        width = 2 + len(_STATEMENT_FIELDS)
        found = []
        for row in rows:
            statement = Statement(row[0], **dict(zip(_STATEMENT_FIELDS, row[2:width], strict=True)))
            fix = self.fixes.statement_fixes.get((row[0], row[1]))
            found.append((_corrections().corrected_statement(statement, fix) if fix else statement,
                          _brief_document(row[width:])))
        return found

    def _query(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        # Requests search at once: each query runs on a cursor of its own, taken in turn.
        with self._lock:
            cursor = self._con.cursor()
        try:
            return cursor.execute(sql, list(params)).fetchall()
        finally:
            cursor.close()


def _like_escaped(word: str) -> str:
    """A search word with LIKE's wildcards taken literally."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _in_document_order(alias: str, document_id: str | None) -> tuple[str, str]:
    """The join and ORDER BY that put rows in ingestion, then text order; the rows of one
    document need no join."""
    if document_id is not None:
        return "", f"ORDER BY {alias}.idx"
    return f"JOIN documents d ON d.id = {alias}.document_id", f"ORDER BY d.seq, {alias}.idx"


def _brief_document(row: Sequence[Any]) -> Document:
    """A document's metadata from a row of the brief columns; its texts stay empty."""
    (doc_id, doc, origin, url, title, date, author, outlet, language, mt, service, dup) = row
    return Document(
        id=doc_id, doc=doc, origin=origin, raw_text="", text="", title=title, url=url,
        date=date, author=author, outlet=outlet, language=language,
        machine_translated=bool(mt), translation_service=service, duplicate_of=dup,
    )


def _corrections() -> ModuleType:
    """redline.corrections, imported when corrections are laid over a read: it needs
    pydantic, which a run that only writes (an ingest) should not load."""
    from redline import corrections

    return corrections


def writer_waiting(path: Path) -> Path:
    """The file a writer touches while readers keep it out: a reader seeing it lets go."""
    return path.with_name(path.name + ".waiting")


def _touch(path: Path) -> None:
    try:
        path.touch()
    except OSError:
        pass  # a read-only folder: readers still let go after their longest hold


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
    raw_text, text, segments, removed = row[-4:]
    return replace(
        _brief_document(row[:-4]), raw_text=raw_text, text=text,
        segments=[Segment(**s) for s in json.loads(segments)],
        removed=[Removal(**r) for r in json.loads(removed)],
    )


class _Host:
    """An in-memory DuckDB instance that writers attach store files to, a session at a time.

    Making a DuckDB instance costs about 35 ms of CPU, attaching a file to a live one about
    4 ms, and an ingest opens the store for every batch: so the instance is made once per
    process and configuration, and each session attaches the file under a name of its own
    and detaches it when done, which lets go of the file (and its lock) as closing did.
    """

    def __init__(self, config: dict[str, str | bool | int | float | list[str]]) -> None:
        self._instance = duckdb.connect(":memory:", config=config)
        self._lock = threading.Lock()
        self._count = 0

    def attach(self, path: Path) -> duckdb.DuckDBPyConnection:
        """A connection whose default catalog is the store file, attached for it alone."""
        with self._lock:
            self._count += 1
            name = f"store_{self._count}"
            con = self._instance.cursor()
        try:
            con.execute(f"ATTACH ? AS {name} (ROW_GROUP_SIZE {WRITER_ROW_GROUP})", [str(path)])
            con.execute(f"USE {name}")
        except BaseException:
            con.close()
            self.detach(name)
            raise
        with _ATTACHED_LOCK:
            _ATTACHED[id(con)] = (self, name)
        return con

    def detach(self, name: str) -> None:
        """Let go of a file attached under ``name``."""
        with self._lock:
            self._instance.execute(f"DETACH DATABASE IF EXISTS {name}")


_HOSTS: dict[tuple[tuple[str, str], ...], _Host] = {}
# The writer connections handed out, by id: what closing one must detach.
_ATTACHED: dict[int, tuple[_Host, str]] = {}
_ATTACHED_LOCK = threading.Lock()


def _host(config: dict[str, str | bool | int | float | list[str]]) -> _Host:
    """This process's host instance for a configuration."""
    key = tuple(sorted((k, repr(v)) for k, v in config.items()))
    with _ATTACHED_LOCK:
        if key not in _HOSTS:
            _HOSTS[key] = _Host(config)
        return _HOSTS[key]


def _close(con: duckdb.DuckDBPyConnection) -> None:
    """Close a connection; a writer's file is detached from its host too."""
    with _ATTACHED_LOCK:
        attached = _ATTACHED.pop(id(con), None)
    con.close()
    if attached is not None:
        attached[0].detach(attached[1])

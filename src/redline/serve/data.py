"""What the dashboard reads: the store opened per request, and the matrix cached per generation.

Every request opens the store (read-only unless in review mode) and closes it when done,
so an ingest running in another process can write its next batch between requests. Within
one process DuckDB shares an open file between connections, so under load the opening is
nearly free; but overlapping requests would then hold the file for ever. A writer that
finds the file held touches ``<store>.waiting`` (see :func:`redline.store.writer_waiting`);
the :class:`Gate` sees it and lets every reader finish and the file go for a moment, so
a waiting ingest is never starved. The aggregated matrix costs a pass over every
position, and the search index (:class:`redline.store.SearchIndex`) one over every
statement, so each is made once per store generation (each committed write raises it).
"""

from __future__ import annotations

import copy
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from redline.aggregate import aggregate
from redline.models import ActorIssue, Document, Statement
from redline.serve.shapes import Grid, grid
from redline.store import SearchIndex, StatementFilter, Store, writer_waiting

if TYPE_CHECKING:
    import duckdb

# Readers share the file at least this long before letting a waiting writer in; they let go
# after MAX_HOLD_SECONDS in any case (a writer that cannot leave its sign still gets in
# within its lock wait). Letting go stalls every request for a moment, so not often.
HOLD_SECONDS = 0.2
MAX_HOLD_SECONDS = 20.0
GAP_SECONDS = 0.05
# Concurrent requests are the parallelism; a query of its own gets one thread.
QUERY_THREADS = 1
# Search results (facet counts, pages) kept; they change only when the store does.
SEARCH_CACHE = 512
Facets = tuple[int, dict[str, list[tuple[str, int]]]]
Page = list[tuple[Statement, Document]]
_T = TypeVar("_T")


class Gate:
    """Readers in one process share the file; after a while they let go all at once."""

    def __init__(self, waiting: Path | None = None, hold: float = HOLD_SECONDS,
                 gap: float = GAP_SECONDS, max_hold: float = MAX_HOLD_SECONDS,
                 on_idle: Callable[[], None] | None = None) -> None:
        self.waiting, self.hold, self.gap, self.max_hold = waiting, hold, gap, max_hold
        # Called when the last reader of a spell leaves (the file may then be let go).
        self.on_idle = on_idle
        self._cond = threading.Condition()
        self._active = 0
        self._since = 0.0
        self._draining = False
        self._reopen_at = 0.0

    def _should_let_go(self, now: float) -> bool:
        """True when a writer has asked since this spell began (or the spell is very long)."""
        spell = now - self._since
        if spell > self.max_hold:
            return True
        if spell < self.hold or self.waiting is None:
            return False
        try:
            asked = self.waiting.stat().st_mtime
        except OSError:
            return False
        return asked > time.time() - spell

    @contextmanager
    def reading(self) -> Iterator[None]:
        """Enter as a reader; on leaving, the last reader of a long shared spell closes it."""
        with self._cond:
            while True:
                now = time.monotonic()
                if self._active == 0 and now < self._reopen_at:
                    self._cond.wait(self._reopen_at - now)
                elif self._active == 0:
                    self._since = now
                    break
                elif self._draining or self._should_let_go(now):
                    self._draining = True
                    self._cond.wait()
                else:
                    break
            self._active += 1
        try:
            yield
        finally:
            with self._cond:
                self._active -= 1
                if self._active == 0 and self.on_idle is not None:
                    self.on_idle()
                if self._active == 0 and self._draining:
                    self._draining = False
                    self._reopen_at = time.monotonic() + self.gap
                self._cond.notify_all()


@dataclass
class _Matrix:
    cells: list[ActorIssue]
    grid: Grid


class _Latest(Generic[_T]):
    """A value kept for the latest store generation: costly, so when the store has changed
    one request computes it anew and the others arriving meanwhile wait and take its result."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._computing = threading.Lock()
        self._kept: tuple[int, _T] | None = None

    def get(self, generation: int, compute: Callable[[], _T]) -> _T:
        """The value for ``generation`` (or a later one), computed if none is kept."""
        with self._lock:
            kept = self._kept
        if kept is not None and kept[0] >= generation:
            return kept[1]
        with self._computing:
            kept = self._kept
            if kept is not None and kept[0] >= generation:
                return kept[1]
            value = compute()
            with self._lock:
                self._kept = (generation, value)
            return value


class Reader:
    """The dashboard's access to one store: per-request opening and the cached matrix."""

    def __init__(self, db: str | Path, review: bool = False) -> None:
        self.db = Path(db)
        self.review = review
        self.gate = Gate(writer_waiting(self.db), on_idle=self._let_go)
        self._lock = threading.Lock()
        # One connection shared by the requests of a spell (opening the file costs more
        # than most queries); closed when the spell's last reader leaves.
        self._shared: duckdb.DuckDBPyConnection | None = None
        # The generation the spell reads (see :meth:`generation`).
        self._generation: int | None = None
        self._searches: OrderedDict[tuple[object, ...], object] = OrderedDict()
        self._matrix_kept = _Latest[_Matrix]()
        self._index_kept = _Latest[SearchIndex]()
        # Opening once up front turns a missing or newer store into a clear error at start;
        # each request then takes a copy of it (a Store's held session is per object).
        self._template = Store(self.db, read_only=not review, threads=QUERY_THREADS)

    def open(self) -> Store:
        """The store for one request: writable only in review mode."""
        return copy.copy(self._template)

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store held open for one request, so its reads agree with each other."""
        with self.gate.reading():
            store = self.open()
            with self._lock:
                if self._shared is None:
                    self._shared = store.connect()
                cursor = store.cursor(self._shared)
            try:
                with store.using(cursor):
                    yield store
            finally:
                cursor.close()

    def _let_go(self) -> None:
        """Close the spell's shared connection, so that a writer can take the file."""
        with self._lock:
            shared, self._shared, self._generation = self._shared, None, None
        if shared is not None:
            shared.close()

    def generation(self, store: Store) -> int:
        """The store's generation, what the caches are valid for. Read-only, it is read once a
        spell: while the spell holds the file no process can write it, and this one does not."""
        if self.review:
            return store.generation()
        with self._lock:
            known = self._generation
        if known is None:
            known = store.generation()
            # The asking request is a reader of the spell, so the spell has not ended.
            with self._lock:
                self._generation = known
        return known

    def cells(self, store: Store) -> list[ActorIssue]:
        """The actor x issue matrix as corrected, recomputed only after the store changed."""
        return self._matrix(store).cells

    def grid(self, store: Store) -> Grid:
        """The matrix laid out for the page, cached with the cells."""
        return self._matrix(store).grid

    def _matrix(self, store: Store) -> _Matrix:
        def compute() -> _Matrix:
            documents = {d.id: d for d in store.documents()}
            cells = aggregate(store.positions(), documents)
            return _Matrix(cells, grid(cells))

        return self._matrix_kept.get(self.generation(store), compute)

    def search(self, store: Store, filters: StatementFilter, limit: int, offset: int) -> tuple[Facets, Page]:
        """A search's total and facet counts, and one page of it, from the store generation's
        search index; both are kept until the store changes (paging through results, or
        going back to them, asks again and again), the counts once for every page."""
        generation = self.generation(store)
        index = self._index_kept.get(generation, store.search_index)
        facets = self._remembered(("facets", generation, filters), lambda: index.facets(filters))
        page = self._remembered(("page", generation, filters, limit, offset),
                                lambda: index.page(filters, limit, offset))
        return facets, page

    def kept(self, store: Store, name: str, compute: Callable[[], _T]) -> _T:
        """Something made from the store alone (a page every client sees alike), made once
        and kept until the store changes."""
        return self._remembered((name, self.generation(store)), compute)

    def _remembered(self, key: tuple[object, ...], compute: Callable[[], _T]) -> _T:
        """A search result from the cache, or computed and kept (the oldest unused goes first).

        Every key holds the store's generation, so a committed write (a batch, a correction)
        makes every older entry unreachable; they age out."""
        with self._lock:
            found = self._searches.get(key)
            if found is not None:
                self._searches.move_to_end(key)
                return cast(_T, found)
        result = compute()
        with self._lock:
            self._searches[key] = result
            while len(self._searches) > SEARCH_CACHE:
                self._searches.popitem(last=False)
        return result

    def cell(self, store: Store, actor: str, issue: str) -> ActorIssue | None:
        """One cell of the matrix, or None when the actor has no stance on the issue."""
        return next((c for c in self.cells(store) if (c.actor, c.issue) == (actor, issue)), None)

"""The worker side of every engine: prepare and analyse a chunk of items in one process.

A chunk is a list of work items in input order: articles to prepare and analyse, stored
documents to re-analyse, errors met while reading, and the mark that closes each input.
:class:`Work` turns it into outcomes in the same order. It holds the models, loaded on
the first chunk that needs them, so a worker loads them once and a run that finds
nothing new loads none.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, TypeGuard

from redline.engine.events import analysis_error
from redline.engine.ids import Ids
from redline.errors import InputError, InputWarning
from redline.ingest.prepare import Http, Input, prepare, read
from redline.models import Document, RawArticle

if TYPE_CHECKING:
    import httpx

    from redline.pipeline import Analysis, Models

# The models, or what loads them (in each process that needs them).
Loader = Callable[[], "Models"]


@dataclass(frozen=True)
class Done:
    """The end of one input; ``key`` marks it stored whole once nothing in it failed."""

    source: str
    key: str | None


@dataclass
class Ready:
    """A document with its analysis; ``minhash`` is None for a stored one re-analysed."""

    document: Document
    minhash: list[int] | None
    analysis: Analysis | None = None
    failure: str | None = None
    # Why it gets no analysis (its language has no pipeline).
    note: str | None = None
    models: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class Failed:
    """One line for an article or record that could not be read or prepared; a warning
    (bytes replaced, a symlink skipped) lost nothing and fails nothing."""

    line: str
    warning: bool = False


WorkItem = RawArticle | Document | InputError | Done
Outcome = Ready | Failed | Done


class Work:
    """Prepares and analyses chunks in one process, with models loaded on first need."""

    def __init__(self, settings: Mapping[str, Any], models: Models | Loader | None) -> None:
        self.settings = settings
        self.source = models
        self.loader: Loader | None = models if callable(models) else None
        self._models: Models | None = models if _loaded(models) else None
        # The (pack, model) a worker process reported analysing with.
        self._reported: tuple[str, str] | None = None

    def models(self) -> Models:
        """The loaded models (loading them the first time)."""
        if self._models is None:
            assert self.loader is not None, "no models to analyse with"
            self._models = self.loader()
        return self._models

    def signature(self) -> tuple[str, str]:
        """(pack, model) of the analyses: from the models here, or as a worker process
        reported them, so that this process does not load the models only to name them."""
        if self._models is None and self._reported is not None:
            return self._reported
        return self.models().signature

    def heard(self, outcomes: list[Outcome]) -> list[Outcome]:
        """Outcomes from a worker process, noting the models it analysed with."""
        for outcome in outcomes:
            if isinstance(outcome, Ready) and outcome.models != ("", ""):
                self._reported = outcome.models
                break
        return outcomes

    def __call__(self, items: Sequence[WorkItem]) -> list[Outcome]:
        """The outcome of every item, in order."""
        outcomes = [self._prepared(item) for item in items]
        ready = [o for o in outcomes if isinstance(o, Ready)]
        if ready and self.source is not None:
            # Imported here: spaCy, natasha and the packs come with it, which a run that
            # analyses nothing should not load.
            from redline.pipeline import process_many, skipped

            models = self.models()
            found = process_many([r.document for r in ready], models)
            for outcome, analysis in zip(ready, found, strict=True):
                outcome.models = models.signature
                outcome.note = skipped(outcome.document, models)
                if isinstance(analysis, Exception):
                    outcome.failure = analysis_error(outcome.document, analysis)
                else:
                    outcome.analysis = analysis
        return outcomes

    def _prepared(self, item: WorkItem) -> Outcome:
        if isinstance(item, Done):
            return item
        if isinstance(item, InputError):
            return Failed(str(item), isinstance(item, InputWarning))
        if isinstance(item, Document):
            return Ready(item, None)
        try:
            prepared = prepare(item, self.settings)
        except InputError as exc:
            return Failed(str(exc))
        except Exception as exc:  # noqa: BLE001 - one article's failure is reported, not raised
            return Failed(f"{item.doc}: cannot be prepared ({' '.join(f'{type(exc).__name__}: {exc}'.split())})")
        return Ready(prepared.document, prepared.signature)


def articles(
    inputs: Iterable[Input | InputError], settings: Mapping[str, Any], client: httpx.Client | Http,
    known: Container[str], skip: Callable[[str], None],
) -> Iterator[WorkItem]:
    """The articles of the inputs whose id is not known yet, with the mark closing each
    input (errors met listing the inputs pass through, in order); ``skip`` hears of each
    known one, which is never cleaned or analysed."""
    seen = Ids()
    for item in inputs:
        if isinstance(item, InputError):
            yield item
            continue
        for article in read(item, settings, client):
            if isinstance(article, RawArticle):
                # Imported at the first article: with it come cleaning and language
                # detection, which a run whose every input is stored never needs.
                from redline.ingest.document import document_id

                identity = document_id(article.text)
                if identity in known or identity in seen:
                    skip(article.doc)
                    continue
                seen.add(identity)
            yield article
        yield Done(item.source, item.key)


def chunks(items: Iterable[WorkItem], size: int) -> Iterator[list[WorkItem]]:
    """Items in lists of ``size`` documents (marks and errors ride along, in order)."""
    chunk: list[WorkItem] = []
    count = 0
    for item in items:
        chunk.append(item)
        count += isinstance(item, RawArticle | Document)
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk


def _loaded(models: Models | Loader | None) -> TypeGuard[Models]:
    """Whether models were handed in loaded (a loader is called; models are not)."""
    return models is not None and not callable(models)


_WORKER: Work | None = None


def _start(settings: Mapping[str, Any], loader: Loader | None) -> None:
    global _WORKER
    _WORKER = Work(settings, loader)
    threading.Thread(target=_exit_with, args=(os.getppid(),), daemon=True).start()


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone: an ingest killed outright leaves no
    orphans holding a model each."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _pooled(items: Sequence[WorkItem]) -> list[Outcome]:
    assert _WORKER is not None
    return _WORKER(items)


def run(batches: Iterable[list[WorkItem]], work: Work, workers: int) -> Iterator[list[Outcome]]:
    """The outcomes of each chunk, in order.

    With ``workers`` > 1 and more than one chunk, the chunks go to a pool of processes
    that each load their own models once (models given already loaded stay in this
    process); at most two chunks per worker are in flight, so memory stays bounded
    however many documents stream through.
    """
    stream = iter(batches)
    ahead = list(islice(stream, 2))
    if len(ahead) < 2 or workers <= 1 or _loaded(work.source):
        # One chunk is done sooner here than a pool of processes could start.
        yield from map(work, chain(ahead, stream))
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    # spawn, not fork: the parent holds DuckDB's threads, which a fork would copy mid-flight.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start,
                             initargs=(dict(work.settings), work.loader)) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in chain(ahead, stream):
            pending.append(pool.submit(_pooled, batch))
            if len(pending) >= 2 * workers:
                yield work.heard(pending.popleft().result())
        while pending:
            yield work.heard(pending.popleft().result())

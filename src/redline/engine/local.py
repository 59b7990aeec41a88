"""The local engine: this process reads and stores, ``workers`` processes analyse.

Inputs stream through in order: an input stored whole before is skipped unread, an
article whose id is stored is skipped before it is cleaned, and the rest go in chunks
to :class:`~redline.engine.work.Work` (here, or in a pool of worker processes) and on to
the :class:`~redline.engine.writer.Writer`.
"""

from __future__ import annotations

import json
import os
from itertools import chain
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from redline.engine.events import IngestSummary, Notify, ignore
from redline.engine.work import Loader, Work, WorkItem, articles, chunks, run
from redline.engine.writer import Writer
from redline.errors import InputError
from redline.ingest.prepare import Http, Input, inputs
from redline.models import Document
from redline.store import Store

if TYPE_CHECKING:
    import httpx

    from redline.pipeline import Models


# Settings that change where or how fast a run goes, never what it finds.
_RUN_ONLY = frozenset({"db", "workers", "batch_size"})


def workers(settings: Mapping[str, Any]) -> int:
    """The number of worker processes: the setting, or every core when it is 0."""
    return int(settings.get("workers") or 0) or os.cpu_count() or 1


def ingest(
    sources: Sequence[str],
    store: Store,
    settings: Mapping[str, Any],
    models: Models | Loader | None = None,
    client: httpx.Client | None = None,
    on_event: Notify | None = None,
) -> IngestSummary:
    """Ingest every source into the store; with models, analyse each new document too,
    and every stored one not yet analysed with them."""
    summary = IngestSummary()
    fingerprint = analysis_settings(settings)
    # One connection for the start-up reads: opening the store file costs more than they do.
    with store.session():
        writer = Writer(store, settings, summary, on_event or ignore)
        uniform = store.analysed_with() == fingerprint and store.all_analysed()
        if models is not None and store.analysed_with() not in (None, fingerprint):
            # Analyses by these settings are about to mix in: nothing is uniformly analysed.
            store.set_analysed_with(None)
    work = Work(settings, models)
    http = Http(settings, client)
    try:
        items = _new_items(sources, settings, http, writer)
        if models is not None and not uniform:
            items = chain(items, _pending(store, work, summary))
        for outcomes in run(chunks(items, int(settings["batch_size"])), work, workers(settings)):
            for outcome in outcomes:
                writer.take(outcome)
        writer.flush()
    finally:
        http.close()
    if models is not None and not summary.failed and not uniform:
        store.set_analysed_with(fingerprint)
    return summary


def analysis_settings(settings: Mapping[str, Any]) -> str:
    """The settings an analysis depends on, as one string: all but where and how fast it runs."""
    return json.dumps({k: str(v) for k, v in settings.items() if k not in _RUN_ONLY}, sort_keys=True)


def analyse(
    store: Store,
    settings: Mapping[str, Any],
    models: Models | Loader,
    on_event: Notify | None = None,
    summary: IngestSummary | None = None,
) -> int:
    """(Re-)analyse every stored document not yet analysed with these models and pack.

    A document whose analysis fails is reported (in ``summary.errors`` and as an event)
    and left unanalysed; the others go on. Returns the number analysed.
    """
    summary = summary or IngestSummary()
    writer = Writer(store, settings, summary, on_event or ignore)
    work = Work(settings, models)
    before = summary.analysed
    for outcomes in run(chunks(_pending(store, work, summary), int(settings["batch_size"])), work,
                        workers(settings)):
        for outcome in outcomes:
            writer.take(outcome)
    writer.flush()
    return summary.analysed - before


def _new_items(
    sources: Sequence[str], settings: Mapping[str, Any], http: Http, writer: Writer
) -> Iterator[WorkItem]:
    """The articles not stored yet, with the mark closing each input."""
    return articles(new_inputs(sources, settings, http, writer), settings, http, writer.known, writer.skip)


def new_inputs(
    sources: Sequence[str], settings: Mapping[str, Any], http: httpx.Client | Http, writer: Writer
) -> Iterator[Input | InputError]:
    """The inputs of the sources not stored whole yet, with the errors met listing them
    (the writer hears of the inputs skipped)."""
    stored = writer.stored_inputs
    for item in inputs(sources, settings, http):
        if isinstance(item, Input) and item.key is not None and item.key in stored:
            writer.skip(item.source)
        else:
            yield item


def _pending(store: Store, work: Work, summary: IngestSummary) -> Iterator[Document]:
    """Stored documents with no analysis by these models (read one at a time)."""
    pack, model = work.signature()
    for identity in store.unanalysed_ids(pack, model):
        document = store.document(identity)
        if document is not None and identity not in summary.failed:
            yield document


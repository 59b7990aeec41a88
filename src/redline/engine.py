"""The local engine: streams sources through the pipeline into the store in batches.

Resumability comes from two facts: a document's id is the hash of its text, and each
batch (documents, their statements and positions) is committed in one transaction. An
ingest killed at any moment leaves whole batches only; the re-run skips every stored id
and redoes the rest, so the store ends as an uninterrupted run would leave it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from redline.errors import InputWarning, RedlineError
from redline.ingest import iter_articles
from redline.ingest.document import make_document
from redline.ingest.stories import StoryLinker
from redline.ingest.syndication import EDGE_CHARS, Syndicator, signature
from redline.models import Document, Position, Statement
from redline.pipeline import Analysis, Models, process_many, skipped
from redline.store import Store

EventKind = Literal["read", "skipped", "error", "stored", "analysed"]


@dataclass(frozen=True)
class Event:
    """Something the engine did, for progress displays and logs."""

    kind: EventKind
    subject: str

    @property
    def input_done(self) -> bool:
        """True when one input (article or failed source) has been dealt with."""
        return self.kind in ("read", "skipped", "error")

    def __str__(self) -> str:
        return f"{self.kind}: {self.subject}"


Notify = Callable[[Event], None]


def _ignore(_event: Event) -> None:
    """The default listener: nobody is watching."""


@dataclass
class IngestSummary:
    """What an ingest did: counts, and one line per input that failed."""

    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    analysed: int = 0
    errors: list[str] = field(default_factory=list)
    # Documents whose analysis failed in this run, so the run does not retry them at once.
    failed: set[str] = field(default_factory=set)
    # Documents stored but not analysed, one line each ("analysis skipped: no pipeline ...").
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no input failed."""
        return not self.errors


@dataclass
class _Batch:
    documents: list[Document] = field(default_factory=list)
    signatures: list[list[int]] = field(default_factory=list)
    # Translation -> original links (ingest/stories.py), kept apart from syndication.
    stories: dict[str, str] = field(default_factory=dict)


def ingest(
    sources: Sequence[str],
    store: Store,
    settings: Mapping[str, Any],
    models: Models | None = None,
    client: httpx.Client | None = None,
    on_event: Notify | None = None,
) -> IngestSummary:
    """Ingest every source into the store; with models, analyse each new document too."""
    summary = IngestSummary()
    notify = on_event or _ignore
    known = store.known_ids()
    syndicator = Syndicator(settings["minhash_threshold"], settings["minhash_perm"])
    for document_id, sig, date, outlet, edges, duplicate_of in store.syndication_rows(EDGE_CHARS):
        syndicator.add(document_id, sig, date, outlet, edges, recorded=duplicate_of)
    stories = _stories(store, settings)
    batch = _Batch()
    for item in iter_articles(sources, settings, client):
        # A warning (bytes replaced, a symlink skipped) loses nothing, so it is a note.
        if isinstance(item, InputWarning):
            summary.notes.append(str(item))
            continue
        if isinstance(item, RedlineError):
            summary.errors.append(str(item))
            notify(Event("error", str(item)))
            continue
        try:
            document = make_document(item, settings)
        except RedlineError as exc:
            summary.errors.append(str(exc))
            notify(Event("error", str(exc)))
            continue
        if document.id in known:
            summary.skipped += 1
            notify(Event("skipped", document.doc))
            continue
        sig = signature(document.text, settings["minhash_perm"])
        document.duplicate_of = syndicator.add(document.id, sig, document.date, document.outlet, document.text)
        # A machine translation and its original are one story, as a syndicated copy is.
        if (original := stories.add(document)) is not None:
            batch.stories[document.id] = original
            document.duplicate_of = document.duplicate_of or original
        summary.duplicates += document.duplicate_of is not None
        batch.documents.append(document)
        batch.signatures.append(sig)
        if models is not None and (note := skipped(document, models)) is not None:
            summary.notes.append(note)
        known.add(document.id)
        notify(Event("read", document.doc))
        if len(batch.documents) >= settings["batch_size"]:
            _flush(store, batch, models, summary, notify, syndicator)
            batch = _Batch()
    _flush(store, batch, models, summary, notify, syndicator)
    if models is not None:
        summary.analysed += analyse(store, settings, models, notify, summary)
    return summary


def _stories(store: Store, settings: Mapping[str, Any]) -> StoryLinker:
    """A story linker over the stored translations and the stored originals it may pair."""
    linker = StoryLinker(settings["story_threshold"])
    for document in [*store.documents(machine_translated=True), *store.documents(language="ru")]:
        linker.index(document)
    return linker


def _flush(
    store: Store, batch: _Batch, models: Models | None, summary: IngestSummary, notify: Notify,
    syndicator: Syndicator,
) -> None:
    # An earlier copy arriving makes itself canonical, in the batch and in the store.
    regrouped = syndicator.settle(batch.documents)
    store.set_duplicates(regrouped)
    for document in batch.documents:
        document.duplicate_of = document.duplicate_of or batch.stories.get(document.id)
    if not batch.documents:
        return
    pack, model = models.signature if models else ("", "")
    analyses = _analyses(batch.documents, models, summary, notify) if models else [None] * len(batch.documents)
    store.add_batch(batch.documents, batch.signatures, analyses, pack=pack, model=model)
    notify(Event("stored", f"{len(batch.documents)} documents"))
    summary.added += len(batch.documents)
    summary.analysed += sum(analysis is not None for analysis in analyses)


def _analyses(
    documents: Sequence[Document], models: Models, summary: IngestSummary, notify: Notify
) -> list[Analysis | None]:
    """Each document's analysis, or None (stored unanalysed, with one line) when it failed."""
    analyses: list[Analysis | None] = []
    for document, found in zip(documents, process_many(documents, models), strict=True):
        if isinstance(found, Exception):
            line = analysis_error(document, found)
            summary.errors.append(line)
            summary.failed.add(document.id)
            notify(Event("error", line))
            analyses.append(None)
        else:
            analyses.append(found)
    return analyses


def analysis_error(document: Document, exc: Exception) -> str:
    """The one line that reports a document whose analysis failed."""
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())
    return f"{document.doc}: analysis failed, stored unanalysed for `redline analyse` ({reason})"


def analyse(
    store: Store,
    settings: Mapping[str, Any],
    models: Models,
    on_event: Notify | None = None,
    summary: IngestSummary | None = None,
) -> int:
    """(Re-)analyse every stored document not yet analysed with these models and pack.

    A document whose analysis fails is reported (in ``summary.errors`` and as an event)
    and left unanalysed; the others go on. Documents that already failed in this run
    (``summary.failed``) are not tried again. Returns the number analysed.
    """
    notify = on_event or _ignore
    pack, model = models.signature
    summary = summary or IngestSummary()
    pending = [i for i in store.unanalysed_ids(pack, model) if i not in summary.failed]
    count = 0
    for start in range(0, len(pending), int(settings["batch_size"])):
        documents = [d for i in pending[start:start + int(settings["batch_size"])]
                     if (d := store.document(i)) is not None]
        analyses = _analyses(documents, models, summary, notify)
        done = [(d.id, *a) for d, a in zip(documents, analyses, strict=True) if a is not None]
        for document_id, *_ in done:
            notify(Event("analysed", document_id))
        store.replace_analyses(done, pack, model)
        count += len(done)
    return count

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

from redline.errors import RedlineError
from redline.ingest import iter_articles
from redline.ingest.document import make_document
from redline.ingest.stories import StoryLinker
from redline.ingest.syndication import Syndicator, signature
from redline.models import Document, Position, Statement
from redline.pipeline import Models, process, skipped
from redline.store import Store

Analysis = tuple[list[Statement], list[Position]]
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
    analyses: list[Analysis | None] = field(default_factory=list)


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
    for document_id, sig in store.signatures():
        syndicator.add(document_id, sig)
    stories = _stories(store, settings)
    batch = _Batch()
    pack, model = models.signature if models else ("", "")
    for item in iter_articles(sources, settings, client):
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
        # A copy is a syndicated print of the same text, or a machine translation of it.
        document.duplicate_of = syndicator.add(document.id, sig) or stories.add(document)
        summary.duplicates += document.duplicate_of is not None
        batch.documents.append(document)
        batch.signatures.append(sig)
        batch.analyses.append(process(document, models) if models else None)
        if models is not None and (note := skipped(document, models)) is not None:
            summary.notes.append(note)
        known.add(document.id)
        notify(Event("read", document.doc))
        if len(batch.documents) >= settings["batch_size"]:
            summary.added += _flush(store, batch, pack, model, notify)
            batch = _Batch()
    summary.added += _flush(store, batch, pack, model, notify)
    summary.analysed = summary.added if models else 0
    if models is not None:
        summary.analysed += analyse(store, settings, models, notify)
    return summary


def _stories(store: Store, settings: Mapping[str, Any]) -> StoryLinker:
    """A story linker over the stored translations and the stored originals it may pair."""
    linker = StoryLinker(settings["story_threshold"])
    for document in [*store.documents(machine_translated=True), *store.documents(language="ru")]:
        linker.index(document)
    return linker


def _flush(store: Store, batch: _Batch, pack: str, model: str, notify: Notify) -> int:
    if not batch.documents:
        return 0
    store.add_batch(batch.documents, batch.signatures, batch.analyses, pack=pack, model=model)
    notify(Event("stored", f"{len(batch.documents)} documents"))
    return len(batch.documents)


def analyse(
    store: Store,
    settings: Mapping[str, Any],
    models: Models,
    on_event: Notify | None = None,
) -> int:
    """(Re-)analyse every stored document not yet analysed with these models and pack."""
    notify = on_event or _ignore
    pack, model = models.signature
    pending = store.unanalysed_ids(pack, model)
    done: list[tuple[str, list[Statement], list[Position]]] = []
    for document_id in pending:
        document = store.document(document_id)
        if document is None:
            continue
        done.append((document_id, *process(document, models)))
        notify(Event("analysed", document.doc))
        if len(done) >= settings["batch_size"]:
            store.replace_analyses(done, pack, model)
            done = []
    if done:
        store.replace_analyses(done, pack, model)
    return len(pending)

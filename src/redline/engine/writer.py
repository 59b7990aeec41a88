"""The driver side of every engine: syndication and store writes, in input order.

Outcomes arrive in the order of the inputs whatever the workers did, so the canonical
copy of a syndicated story and every document's place in the store are the same on every
run and under every engine.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from redline.engine.events import Event, IngestSummary, Notify
from redline.engine.ids import Ids
from redline.engine.work import Done, Failed, Outcome, Ready
from redline.models import Document, Position, Statement
from redline.store import Store

if TYPE_CHECKING:
    from redline.ingest.stories import StoryLinker
    from redline.ingest.syndication import Syndicator
    from redline.pipeline import Analysis


@dataclass
class _Batch:
    documents: list[Document] = field(default_factory=list)
    signatures: list[list[int]] = field(default_factory=list)
    analyses: list[Analysis | None] = field(default_factory=list)
    models: tuple[str, str] = ("", "")
    inputs: list[tuple[str, str]] = field(default_factory=list)
    replaced: list[tuple[str, list[Statement], list[Position]]] = field(default_factory=list)
    # Translation -> original links (ingest/stories.py), kept apart from syndication.
    stories: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.documents) + len(self.replaced)


class Writer:
    """Takes outcomes in input order; syndicates new documents and stores them in batches."""

    def __init__(self, store: Store, settings: Mapping[str, Any], summary: IngestSummary, notify: Notify) -> None:
        self.store = store
        self.summary = summary
        self.notify = notify
        self.known = Ids(store.known_ids())
        self.stored_inputs = store.known_inputs()
        self._settings = settings
        self._size = int(settings["batch_size"])
        self._syndicator: Syndicator | None = None
        self._stories: StoryLinker | None = None
        self._batch = _Batch()
        self._clean = True

    def take(self, outcome: Outcome) -> None:
        """Deal with one outcome; commit a batch once it is full."""
        if isinstance(outcome, Failed) and outcome.warning:
            self.summary.notes.append(outcome.line)
        elif isinstance(outcome, Failed):
            self.error(outcome.line)
            self._clean = False
        elif isinstance(outcome, Done):
            if self._clean and outcome.key is not None:
                self._batch.inputs.append((outcome.key, outcome.source))
            self._clean = True
        elif outcome.minhash is None:
            self._reanalysed(outcome)
        else:
            self._added(outcome, outcome.minhash)
        if len(self._batch) >= self._size:
            self.flush()

    def skip(self, subject: str) -> None:
        """An input or article already stored."""
        self.summary.skipped += 1
        self.notify(Event("skipped", subject))

    def error(self, line: str) -> None:
        """One line for an input, article or analysis that failed."""
        self.summary.errors.append(line)
        self.notify(Event("error", line))

    def _added(self, outcome: Ready, minhash: list[int]) -> None:
        document = outcome.document
        if document.id in self.known:
            self.skip(document.doc)
            return
        self.known.add(document.id)
        # A machine translation and its original are one story, as a syndicated copy is.
        if (original := self._story_linker().add(document)) is not None:
            self._batch.stories[document.id] = original
        batch = self._batch
        batch.documents.append(document)
        batch.signatures.append(minhash)
        batch.analyses.append(outcome.analysis)
        if outcome.analysis is not None:
            batch.models = outcome.models
        if outcome.note is not None:
            self.summary.notes.append(outcome.note)
        self._failure(outcome)
        self.notify(Event("read", document.doc))

    def _syndication(self) -> Syndicator:
        """The syndicator over the store's band keys, made when the first new document comes:
        a run that adds nothing neither reads the store for it nor imports datasketch."""
        if self._syndicator is None:
            from redline.ingest.syndication import EDGE_CHARS, Syndicator

            threshold, perm = self._settings["minhash_threshold"], self._settings["minhash_perm"]
            if self.store.bands_missing():
                # A store from before schema 3: its groups are decided once more, in memory.
                replay = Syndicator(threshold, perm)
                rows = list(self.store.syndication_rows(EDGE_CHARS))
                for document_id, sig, date, outlet, edges, duplicate_of in rows:
                    replay.add(document_id, sig, date, outlet, edges, recorded=duplicate_of)
                shells = [Document(row[0], "", "", "", "") for row in rows]
                self.store.set_copies([(d.id, *record) for d, record in zip(shells, replay.release(shells))])
            self._syndicator = Syndicator(threshold, perm, stored=self.store)
        return self._syndicator

    def _story_linker(self) -> StoryLinker:
        """Translation -> original links over the stored translations and the originals
        they may pair, built with the first new document."""
        if self._stories is None:
            from redline.ingest.stories import StoryLinker

            self._stories = StoryLinker(self._settings["story_threshold"])
            with self.store.session():
                stored = [*self.store.documents(machine_translated=True), *self.store.documents(language="ru")]
            for document in stored:
                self._stories.index(document)
        return self._stories

    def _reanalysed(self, outcome: Ready) -> None:
        if outcome.analysis is not None:
            self._batch.replaced.append((outcome.document.id, *outcome.analysis))
            self._batch.models = outcome.models
            self.notify(Event("analysed", outcome.document.doc))
        self._failure(outcome)

    def _failure(self, outcome: Ready) -> None:
        if outcome.failure is not None:
            self.error(outcome.failure)
            self.summary.failed.add(outcome.document.id)

    def flush(self) -> None:
        """Commit what the batch holds: new documents with their inputs, then re-analyses."""
        batch, self._batch = self._batch, _Batch()
        if not (batch.documents or batch.inputs or batch.replaced):
            return
        # One connection for the batch's reads and writes: opening the file costs more
        # than most of them do. It is let go of when the batch is stored.
        with self.store.session():
            self._store(batch)

    def _store(self, batch: _Batch) -> None:
        pack, model = batch.models
        copies: list[tuple[str | None, list[int]]] = []
        if batch.documents:
            syndicator = self._syndication()
            found = syndicator.add_batch(batch.documents, batch.signatures)
            self.summary.duplicates += sum(
                (canonical or batch.stories.get(d.id)) is not None for d, canonical in zip(batch.documents, found))
            # An earlier copy arriving makes itself canonical, in the batch and in the store.
            self.store.set_duplicates(syndicator.settle(batch.documents))
            copies = syndicator.release(batch.documents)
        for document in batch.documents:
            document.duplicate_of = document.duplicate_of or batch.stories.get(document.id)
        if batch.documents or batch.inputs:
            self.store.add_batch(batch.documents, batch.signatures, batch.analyses,
                                 pack=pack, model=model, inputs=batch.inputs, copies=copies or None)
        if batch.documents:
            self.notify(Event("stored", f"{len(batch.documents)} documents"))
        if batch.replaced:
            self.store.replace_analyses(batch.replaced, pack, model)
        self.summary.added += len(batch.documents)
        self.summary.analysed += sum(a is not None for a in batch.analyses) + len(batch.replaced)

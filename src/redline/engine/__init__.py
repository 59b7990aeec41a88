"""The engines: read sources, prepare and analyse documents, store them in batches.

The engine only maps and stores: *prepare* (``ingest/prepare.py``: source -> Document and
signature) and *analyse* (``pipeline.process_many``) do the work, in this process, in a
pool of worker processes (``--workers``), or on a Dask cluster (``engine/dask.py``, the
one module that imports Dask). Syndication and every store write happen in one place, in
input order, so the store is the same however the work was spread.

Resumability comes from two facts: a document's id is the hash of its text, and each
batch (documents, their statements and positions, the inputs now stored whole) is
committed in one transaction. An ingest killed at any moment leaves whole batches only;
the re-run skips every stored input and id and redoes the rest, so the store ends as an
uninterrupted run would leave it.
"""

from redline.engine.events import Event, EventKind, IngestSummary, Notify
from redline.engine.local import analyse, ingest

__all__ = ["Event", "EventKind", "IngestSummary", "Notify", "analyse", "ingest"]

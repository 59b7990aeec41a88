"""The Dask engine: the same prepare and analyse, spread over a ``dask.distributed`` cluster.

The driver lists the inputs (skipping those stored whole) and cuts them into partitions in
input order. Each task reads, prepares and analyses one partition on a worker, which loads
its models once, and writes the outcomes as Parquet files (documents, statements,
positions) under the output folder, atomically, so that a task retried after its worker
died simply writes them again. The driver then replays the partitions in order through the
same :class:`~redline.engine.writer.Writer` as the local engine: syndication and every
store write happen there, so the store is the same whatever the partitioning and
whichever worker ran what. This is the one module that imports Dask.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, LocalCluster

from redline.engine.events import IngestSummary, Notify, ignore
from redline.engine.ids import Ids
from redline.engine.local import analyse, new_inputs, workers
from redline.engine.work import Done, Failed, Loader, Outcome, Ready, Work, articles, chunks
from redline.engine.writer import Writer
from redline.errors import InputWarning, RedlineError
from redline.ingest.prepare import Input
from redline.ingest.sources import make_client
from redline.models import CueSpan, Document, Position, Removal, Segment, Statement
from redline.store import Store

TABLES = ("documents", "statements", "positions")
# Inputs per partition when a run has few: enough tasks to keep every worker busy.
_TASKS_PER_WORKER = 4


@dataclass
class Manifest:
    """What a partition task hands back: where its tables are and its outcomes in order.

    ``events`` are ("document", row), ("failed", line), ("skipped", doc) and
    ("done", source, key); the rows themselves are in the Parquet files.
    """

    index: int
    files: dict[str, str]
    events: list[tuple[Any, ...]] = field(default_factory=list)


def ingest(
    sources: Sequence[str],
    store: Store,
    settings: Mapping[str, Any],
    models: Loader | None = None,
    scheduler: str | None = None,
    out_parquet: Path | None = None,
    client: httpx.Client | None = None,
    on_event: Notify | None = None,
) -> IngestSummary:
    """Ingest sources on a Dask cluster (a LocalCluster of ``workers`` when no scheduler)."""
    if scheduler is not None and out_parquet is None:
        raise RedlineError("--scheduler needs --out-parquet DIR on storage the workers and this machine share")
    summary = IngestSummary()
    writer = Writer(store, settings, summary, on_event or ignore)
    http = client or make_client(settings)
    todo: list[Input] = []
    try:
        for item in new_inputs(sources, settings, http, writer):
            if isinstance(item, Input):
                todo.append(item)
            else:
                writer.take(Failed(str(item), isinstance(item, InputWarning)))
    finally:
        if client is None:
            http.close()
    with _folder(out_parquet) as folder, _cluster(scheduler, workers(settings)) as dask:
        # In a list: scatter would spread the members of a bare set one by one.
        [known] = dask.scatter([writer.known], broadcast=True)
        run = uuid.uuid4().hex[:8]
        futures = [
            dask.submit(_partition, index, part, dict(settings), models, str(folder), known,
                        key=f"redline-partition-{run}-{index}", pure=False)
            for index, part in enumerate(partitions(todo, workers(settings)))
        ]
        # Merged in partition order, whatever order the tasks finish in.
        for future in futures:
            manifest: Manifest = future.result()
            for outcome in _replay(manifest, writer):
                writer.take(outcome)
            future.release()
        writer.flush()
    if models is not None:
        # Stored documents analysed with other models: few, and already prepared.
        analyse(store, settings, models, on_event, summary)
    return summary


def partitions(inputs: Sequence[Input], workers: int) -> list[list[Input]]:
    """Inputs cut into consecutive runs, a few per worker (a WARC file is one input)."""
    size = max(1, -(-len(inputs) // max(1, workers * _TASKS_PER_WORKER)))
    return [list(inputs[i:i + size]) for i in range(0, len(inputs), size)]


@contextmanager
def _cluster(scheduler: str | None, count: int) -> Iterator[Client]:
    """A client of the given scheduler, or of a LocalCluster of ``count`` one-thread workers."""
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    # One thread per worker: spaCy and the rules hold the GIL, so processes are the unit.
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client


@contextmanager
def _folder(out_parquet: Path | None) -> Iterator[Path]:
    """The folder partitions are written to: the one asked for (kept), or a temporary one."""
    if out_parquet is not None:
        out_parquet.mkdir(parents=True, exist_ok=True)
        yield out_parquet
        return
    with tempfile.TemporaryDirectory(prefix="redline-dask-") as tmp:
        yield Path(tmp)


_WORKERS: dict[str, Work] = {}


def _partition(
    index: int, inputs: list[Input], settings: dict[str, Any], models: Loader | None, folder: str,
    known: Ids,
) -> Manifest:
    """Read, prepare and analyse one partition on a worker; write its tables as Parquet."""
    # One Work per worker process and settings: the models load once, at the first task.
    work = _WORKERS.setdefault(json.dumps(settings, sort_keys=True, default=str), Work(settings, models))
    manifest = Manifest(index, {})
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    with make_client(settings) as http:
        items = articles(inputs, settings, http, known, lambda doc: manifest.events.append(("skipped", doc)))
        for chunk in chunks(items, int(settings["batch_size"])):
            for outcome in work(chunk):
                manifest.events.append(_event(outcome, rows))
    for table, found in rows.items():
        path = Path(folder) / f"part-{index:05d}.{table}.parquet"
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        pq.write_table(pa.Table.from_pylist(found), partial)
        os.replace(partial, path)
        manifest.files[table] = str(path)
    return manifest


def _event(outcome: Outcome, rows: dict[str, list[dict[str, Any]]]) -> tuple[Any, ...]:
    """The manifest event of one outcome, its rows added to the tables."""
    if isinstance(outcome, Failed):
        return ("failed", outcome.line)
    if isinstance(outcome, Done):
        return ("done", outcome.source, outcome.key)
    document = asdict(outcome.document)
    document.update(
        segments=json.dumps(document["segments"]), removed=json.dumps(document["removed"], ensure_ascii=False),
        signature=outcome.minhash, analysed=outcome.analysis is not None, failure=outcome.failure,
        note=outcome.note, pack=outcome.models[0], model=outcome.models[1],
    )
    rows["documents"].append(document)
    statements, positions = outcome.analysis or ([], [])
    rows["statements"] += [{"idx": i, **asdict(s)} for i, s in enumerate(statements)]
    rows["positions"] += [{"idx": i, **asdict(p)} for i, p in enumerate(positions)]
    return ("document", len(rows["documents"]) - 1)


def _replay(manifest: Manifest, writer: Writer) -> Iterator[Outcome]:
    """A partition's outcomes back from its Parquet files, in their order."""
    tables = {table: pq.read_table(path).to_pylist() for table, path in manifest.files.items()}
    statements = _by_document(tables["statements"])
    positions = _by_document(tables["positions"])
    for event in manifest.events:
        if event[0] == "failed":
            yield Failed(event[1])
        elif event[0] == "done":
            yield Done(event[1], event[2])
        elif event[0] == "skipped":
            writer.skip(event[1])
        else:
            yield _ready(tables["documents"][event[1]], statements, positions)


def _by_document(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in sorted(rows, key=lambda r: (r["document_id"], r["idx"])):
        grouped.setdefault(row["document_id"], []).append(row)
    return grouped


def _ready(row: dict[str, Any], statements: dict[str, list[dict[str, Any]]],
           positions: dict[str, list[dict[str, Any]]]) -> Ready:
    """A document row (with its statements and positions) as the outcome it was written from."""
    fields = {k: v for k, v in row.items()
              if k not in ("signature", "analysed", "failure", "note", "pack", "model")}
    fields["segments"] = [Segment(**s) for s in json.loads(fields["segments"])]
    fields["removed"] = [Removal(**r) for r in json.loads(fields["removed"])]
    document = Document(**fields)
    analysis = None
    if row["analysed"]:
        analysis = (
            [Statement(**{k: v for k, v in s.items() if k != "idx"}) for s in statements.get(document.id, [])],
            [_position(p) for p in positions.get(document.id, [])],
        )
    return Ready(document, list(row["signature"]), analysis, row["failure"], row["note"],
                 (row["pack"], row["model"]))


def _position(row: dict[str, Any]) -> Position:
    """A position row as the position it was written from, its cue spans rebuilt (a frame
    holds them as mappings)."""
    fields = {k: v for k, v in row.items() if k not in ("idx", "cues")}
    raw = row.get("cues")
    cues = tuple(CueSpan(str(c["kind"]), int(c["start"]), int(c["end"])) for c in ([] if raw is None else raw))
    return Position(**fields, cues=cues)

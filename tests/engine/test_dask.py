"""The Dask engine stores what the local engine stores, even when a worker dies mid-run."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from redline import api
from redline.engine import Event
from redline.models import Document, Position, Statement
from redline.store import Store

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _contents(db: Path) -> tuple[list[Document], list[Statement], list[Position]]:
    with Store(db, read_only=True) as store:
        return store.documents(), store.statements(), store.positions()


@pytest.fixture(scope="module")
def local_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Document], list[Statement], list[Position]]:
    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    summary = api.ingest([str(CORPUS)], db=db, workers=1)
    assert summary.errors == []
    return _contents(db)


def test_dask_local_cluster_store_equals_local_store(
    tmp_path: Path, local_store: tuple[list[Document], list[Statement], list[Position]]
) -> None:
    summary = api.ingest([str(CORPUS)], db=tmp_path / "dask.duckdb", engine="dask", workers=2)
    assert (summary.added, summary.errors) == (len(local_store[0]), [])
    assert _contents(tmp_path / "dask.duckdb") == local_store
    again = api.ingest([str(CORPUS)], db=tmp_path / "dask.duckdb", engine="dask", workers=2)
    assert (again.added, again.skipped) == (0, len(list(CORPUS.iterdir())))


def test_dask_worker_killed_mid_run_is_retried(
    tmp_path: Path, local_store: tuple[list[Document], list[Statement], list[Position]]
) -> None:
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        victim = next(iter(client.run(os.getpid).values()))
        killed: list[int] = []

        def kill_once(event: Event) -> None:
            # Once the first partition is merged, the others are running or held in memory.
            if event.kind == "read" and not killed:
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)

        summary = api.ingest([str(CORPUS)], db=tmp_path / "dask.duckdb", engine="dask", workers=2,
                             scheduler=cluster.scheduler_address, out_parquet=tmp_path / "parts",
                             on_event=kill_once)
    assert killed == [victim]
    assert summary.errors == []
    assert _contents(tmp_path / "dask.duckdb") == local_store
    assert sorted(p.name for p in (tmp_path / "parts").iterdir())[:3] == [
        "part-00000.documents.parquet", "part-00000.positions.parquet", "part-00000.statements.parquet"]

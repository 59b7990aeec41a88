"""The dashboard keeps answering while another process ingests into the same store."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from redline.serve.app import create_app
from redline.store import Store

ARTICLES = 120


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"{i:03d}.txt").write_text(
            f"Round {i} of the river talks\n\nDelegates met for round {i} and agreed to meet "
            f"again in week {i + 2}, the organisers said on day {i * 3}.\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_live_dashboard_answers_during_a_running_ingest(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    Store(db)
    corpus = _corpus(tmp_path / "corpus")
    ingest = subprocess.Popen(
        [sys.executable, "-m", "redline", "ingest", str(corpus), "--db", str(db), "--no-analyse",
         "--batch-size", "1"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    seen: list[int] = []
    # Counts answered while the ingest was part-way: it was running before the request and
    # still after it, and the dashboard showed some of its commits but not all.
    during: set[int] = set()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        deadline = time.monotonic() + 300
        # The signal is the dashboard's own answer: once it has shown two different part-way
        # counts, batches were committed while it kept answering, and the reading stops
        # (the ingest then finishes alone, however slow the machine).
        while ingest.poll() is None and len(during) < 2 and time.monotonic() < deadline:
            response = client.get("/api/overview")
            assert response.status_code == 200, response.text
            count = response.json()["documents"]
            seen.append(count)
            for path in ("/matrix", "/api/statements?q=round"):
                page = client.get(path)
                assert page.status_code == 200, page.text
            if 0 < count < ARTICLES and ingest.poll() is None:
                during.add(count)
            # An analyst's browser leaves gaps between requests; a loop without any would
            # measure a reader that never lets go, which no dashboard user is.
            time.sleep(0.02)
        _, errors = ingest.communicate(timeout=300)
        final = client.get("/api/overview").json()["documents"]
    assert ingest.returncode == 0, errors
    assert final == ARTICLES
    assert seen == sorted(seen), seen
    assert len(during) == 2, seen

"""The Dask engine against the local one on the examples and the seeds: same store, and time.

Usage: python bench/engines.py [SOURCE ...] [--workers N]

Without sources it reads examples/corpus and, when present, ../shared/seeds (the unit
test covers examples/corpus only, since tests run without ../shared). Prints whether the
two stores hold the same documents, statements and positions in the same order, and the
seconds each engine took (the Dask run includes starting a LocalCluster of N workers,
each loading its models).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from redline import api
from redline.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "examples" / "corpus", ROOT.parent / "shared" / "seeds")


def contents(db: Path) -> tuple[object, ...]:
    """Everything an ingest stores, in store order."""
    with Store(db, read_only=True) as store:
        return store.documents(), store.statements(), store.positions()


def main() -> int:
    """Ingest with both engines and compare."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sources = args.sources or [str(c) for c in CORPORA if c.is_dir()]
    seconds = {}
    with tempfile.TemporaryDirectory(prefix="redline-engines-") as tmp:
        for engine in ("local", "dask"):
            began = time.perf_counter()
            summary = api.ingest(sources, db=Path(tmp) / f"{engine}.duckdb", engine=engine, workers=args.workers)
            seconds[engine] = time.perf_counter() - began
            print(f"{engine}: {summary.added} documents, {summary.analysed} analysed, "
                  f"{len(summary.errors)} errors, {seconds[engine]:.1f} s")
        same = contents(Path(tmp) / "local.duckdb") == contents(Path(tmp) / "dask.duckdb")
    print(f"sources: {', '.join(sources)}")
    print(f"identical stores: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())

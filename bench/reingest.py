"""A second ingest of the same corpus against the first, each a fresh ``redline ingest``.

Usage: python bench/reingest.py [SOURCE ...] [--workers N]

Without sources it reads every corpus it finds: examples/corpus, examples/dev/corpus and,
beside the repository, ../shared/dev-news/docs and ../shared/seeds. Both runs are whole
processes (start-up, imports, store) into the same fresh store, timed on the wall clock;
the second finds every input stored whole and should read, extract and load nothing.
Prints both times and ``ratio X.XX`` (second over first). The machine is shared: the
figures are noisy, the ratio less so.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT / "examples" / "corpus", ROOT / "examples" / "dev" / "corpus",
           ROOT.parent / "shared" / "dev-news" / "docs", ROOT.parent / "shared" / "seeds")


def timed_ingest(sources: list[str], db: Path, workers: int) -> float:
    """Seconds one ``redline ingest`` process takes."""
    command = [sys.executable, "-m", "redline", "ingest", *sources, "--db", str(db), "--workers", str(workers)]
    began = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began


def main() -> int:
    """Ingest twice and print the two times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    sources = args.sources or [str(c) for c in CORPORA if c.is_dir()]
    with tempfile.TemporaryDirectory(prefix="redline-reingest-") as tmp:
        db = Path(tmp) / "store.duckdb"
        first = timed_ingest(sources, db, args.workers)
        second = timed_ingest(sources, db, args.workers)
    print(f"sources: {', '.join(sources)}")
    print(f"first ingest: {first:.1f} s; second ingest: {second:.2f} s")
    print(f"ratio {second / first:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A second ingest of the same corpus against the first, each a fresh ``redline ingest``.

Usage: python bench/reingest.py [SOURCE ...] [--workers N]

Without sources it reads every corpus it finds: examples/corpus, examples/dev/corpus and,
beside the repository, ../shared/dev-news/docs and ../shared/seeds. It measures twice:
through the library (``redline.ingest`` twice in one process, the first loading the
models), then as whole ``redline ingest`` processes (start-up and imports included) into
another fresh store, on the wall clock. The second ingest finds every input stored whole
and reads, extracts and loads nothing. Prints the times and ``ratio X.XX`` (second over
first) for each. The machine is shared: the figures are noisy, the ratios less so.
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


def timed_api(sources: list[str], db: Path, workers: int) -> float:
    """Seconds one ``redline.ingest`` call takes in this process."""
    from redline import api

    began = time.perf_counter()
    api.ingest(sources, db=db, workers=workers)
    return time.perf_counter() - began


def main() -> int:
    """Ingest twice each way and print the times and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    sources = args.sources or [str(c) for c in CORPORA if c.is_dir()]
    print(f"sources: {', '.join(sources)}")
    with tempfile.TemporaryDirectory(prefix="redline-reingest-") as tmp:
        for way, timed in (("library", timed_api), ("process", timed_ingest)):
            db = Path(tmp) / f"{way}.duckdb"
            first, second = timed(sources, db, args.workers), timed(sources, db, args.workers)
            print(f"{way}: first ingest {first:.1f} s; second ingest {second:.2f} s")
            print(f"ratio {second / first:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

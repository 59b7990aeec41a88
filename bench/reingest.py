"""A second ingest of the same corpus against the first, each a fresh ``redline ingest``.

Usage: python bench/reingest.py [SOURCE ...] [--workers N]

Without sources it reads the corpus ``bench/throughput.py`` measures (examples/corpus,
examples/dev/corpus and, beside the repository, ../shared/dev-news/docs and
../shared/seeds: real and realistic articles, analysed in full). It measures twice:
through the library (``redline.ingest`` twice in one process, the first loading the
models), then as whole ``redline ingest`` processes (start-up and imports included) into
another fresh store. The second ingest finds every input stored whole and reads,
extracts and loads nothing. Prints the corpus (documents, words), the times and
``ratio X.XX`` (second over first, wall clock) for each, and for the processes also the
CPU seconds and their ratio: the machine is shared, so wall-clock figures are noisy and
the CPU ratio says what the work itself costs.

A second ingest is mostly start-up, so redline's modules are compiled to bytecode first,
as ``pip install`` leaves them for a user: a checkout run with PYTHONDONTWRITEBYTECODE
(as here) would otherwise compile every module from source in every process.
"""

from __future__ import annotations

import argparse
import compileall
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from throughput import CORPORA

import redline


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_ingest(sources: list[str], db: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds one ``redline ingest`` process takes."""
    command = [sys.executable, "-m", "redline", "ingest", *sources, "--db", str(db), "--workers", str(workers)]
    began, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - began, _children_cpu() - cpu


def timed_api(sources: list[str], db: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds one ``redline.ingest`` call takes in this process (its workers' CPU not counted)."""
    from redline import api

    began, cpu = time.perf_counter(), time.process_time()
    api.ingest(sources, db=db, workers=workers)
    return time.perf_counter() - began, time.process_time() - cpu


def corpus(db: Path) -> str:
    """What the first ingest stored: documents and words of their cleaned text."""
    from redline.store import Store

    with Store(db, read_only=True) as store:
        documents = store.documents()
    return f"{len(documents)} documents, {sum(len(d.text.split()) for d in documents):,} words"


def main() -> int:
    """Ingest twice each way and print the times and their ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    sources = args.sources or [str(c) for c in CORPORA if c.is_dir()]
    compileall.compile_dir(Path(redline.__file__).parent, quiet=1)
    print(f"sources: {', '.join(sources)}")
    with tempfile.TemporaryDirectory(prefix="redline-reingest-") as tmp:
        for way, timed in (("library", timed_api), ("process", timed_ingest)):
            db = Path(tmp) / f"{way}.duckdb"
            (first, first_cpu), (second, second_cpu) = timed(sources, db, args.workers), timed(sources, db, args.workers)
            if way == "library":
                print(f"corpus: {corpus(db)}")
            print(f"{way}: first ingest {first:.1f} s ({first_cpu:.1f} s CPU); "
                  f"second ingest {second:.2f} s ({second_cpu:.2f} s CPU)")
            print(f"ratio {second / first:.2f}")
            if way == "process":
                print(f"cpu ratio {second_cpu / first_cpu:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Time and peak memory of an ingest at 1k, 10k and 50k documents, side by side.

Usage: python bench/scale.py [--sizes 1000 10000 50000] [--analyse] [--workers N]

The documents are synthetic, made from the sentences of examples/corpus (and
examples/dev/corpus): each draws its own sentences at random, in its own order, under its
own headline, so that no two are near-duplicates for the MinHash detector and syndication
finds nothing to merge. Each size is written as one JSONL file, then ingested by a fresh
process into a fresh store; that process reports its time and its peak RSS (with its
worker processes'). Without ``--analyse`` the run reads, cleans, detects the language,
signs, syndicates and stores (analysis is linear per document and holds no state across
documents); with it, 50k documents take hours on a 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "examples" / "corpus", ROOT / "examples" / "dev" / "corpus")
_SENTENCE = re.compile(r"[^.!?\n]{30,400}[.!?]")
SENTENCES_PER_DOCUMENT = 12


def sentences() -> list[str]:
    """Every sentence of the example articles, cleaned by redline's own ingest."""
    from redline import settings
    from redline.errors import InputError
    from redline.ingest.prepare import inputs, prepare, read
    from redline.ingest.sources import make_client

    cfg = settings.load(environ={})
    found: set[str] = set()
    with make_client(cfg) as client:
        for item in inputs([str(s) for s in SOURCES if s.is_dir()], cfg, client):
            if isinstance(item, InputError):
                continue
            for article in read(item, cfg, client):
                if not isinstance(article, InputError):
                    found.update(m.group().strip() for m in _SENTENCE.finditer(prepare(article, cfg).document.text))
    return sorted(found)


def write_corpus(path: Path, count: int, pool: list[str]) -> None:
    """``count`` synthetic articles as JSONL, the same for every run (fixed seed)."""
    rng = random.Random(count)
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            body = rng.sample(pool, min(SENTENCES_PER_DOCUMENT, len(pool)))
            title = f"Talks update {number}: {rng.choice(pool)[:60]}"
            paragraphs = [" ".join(body[i:i + 3]) for i in range(0, len(body), 3)]
            record = {"title": title, "url": f"https://synthetic.example/{number}",
                      "date": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
                      "text": title + "\n\n" + "\n\n".join(paragraphs)}
            out.write(json.dumps(record) + "\n")


def measure(corpus: Path, db: Path, analyse: bool, workers: int) -> None:
    """Ingest one corpus in this process; print seconds, documents and peak RSS in MB."""
    from redline import api

    began = time.perf_counter()
    summary = api.ingest([str(corpus)], db=db, analyse=analyse, workers=workers, batch_size=100)
    seconds = time.perf_counter() - began
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "added": summary.added, "duplicates": summary.duplicates,
                      "errors": len(summary.errors), "peak_mb": max(own, workers_peak),
                      "main_mb": own, "worker_mb": workers_peak}))


def main() -> int:
    """Build each corpus, ingest it in a fresh process, print a table and the RSS ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--analyse", action="store_true")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--measure", nargs=2, metavar=("CORPUS", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(Path(args.measure[0]), Path(args.measure[1]), args.analyse, args.workers)
        return 0
    pool = sentences()
    print(f"{len(pool)} example sentences; {SENTENCES_PER_DOCUMENT} per synthetic document")
    results = {}
    with tempfile.TemporaryDirectory(prefix="redline-scale-") as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"synthetic-{size}.jsonl"
            write_corpus(corpus, size, pool)
            command = [sys.executable, __file__, "--measure", str(corpus), str(Path(tmp) / f"{size}.duckdb"),
                       "--workers", str(args.workers), *(["--analyse"] if args.analyse else [])]
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                raise SystemExit(f"{size} documents: the ingest failed\n{done.stderr}")
            output = done.stdout
            results[size] = json.loads(output.strip().splitlines()[-1])
            r = results[size]
            print(f"{size:>6} documents: {r['seconds']:8.1f} s  {size / r['seconds']:7.1f} docs/s  "
                  f"peak RSS {r['peak_mb']:6.0f} MB (main {r['main_mb']:.0f}, largest worker {r['worker_mb']:.0f})  "
                  f"(added {r['added']}, copies {r['duplicates']}, "
                  f"errors {r['errors']})", flush=True)
    first, last = min(results), max(results)
    print(f"peak RSS {last} over {first}: {results[last]['peak_mb'] / results[first]['peak_mb']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

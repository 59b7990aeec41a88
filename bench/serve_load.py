"""How fast does the dashboard answer 20 concurrent clients on a store of 10,000 documents?

Writes a synthetic store straight through ``Store.add_batch`` (invented documents,
statements and positions; no NLP), starts ``redline serve`` on a free loopback port, and
has 20 client threads request the matrix page, a statement search (one of a few words, as
an analyst pages and comes back), a search never made before, and a document page in turn,
a fixed number of times each. Prints p50/p95/max per endpoint, beside the first (cold)
request of each, and the server's CPU time per request (the machine may be shared). Target: p95 under 200 ms for the matrix and ``/api/statements?q=``.
Loopback only; bounded in requests and in time.

    .venv/bin/python bench/serve_load.py [--documents 10000] [--clients 20] [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from redline.models import Document, Position, Segment, Stance, Statement
from redline.store import Store

ACTORS = ("Northland", "Southland", "Eastmark", "Westreach", "Lakeshire", "Highvale", "Coastia", "Union")
ISSUES = tuple(f"issue-{i:02d}" for i in range(14))
STANCES: tuple[Stance, ...] = ("support", "oppose", "conditional", "neutral")
TOPICS = ("river corridor", "border monitors", "grain exports", "prisoner exchange", "water quotas",
          "ferry crossings", "energy transit", "fishing rights", "customs posts", "rail link")
WORDS = ("corridor", "monitors", "exports", "exchange", "quotas", "ferry", "transit", "customs")
BATCH = 500
MAX_SECONDS = 600


def _document(rng: random.Random, n: int) -> tuple[Document, list[Statement], list[Position]]:
    """One invented article with three statements and two positions on exact spans."""
    sentences = []
    for k in range(6):
        topic = rng.choice(TOPICS)
        sentences.append(f"Delegate {n}-{k} said the {topic} plan must be agreed before week {rng.randint(1, 52)}.")
    text = " ".join(sentences)
    doc_id = f"{n:016x}"
    document = Document(
        id=doc_id, doc=f"synthetic-{n:05d}.txt", origin=f"/synthetic/{n}", raw_text=text, text=text,
        segments=[Segment(0, 0, len(text))], title=f"Synthetic report {n}", outlet=f"Outlet {n % 30}",
        date=f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}", language="en" if n % 10 else "ru",
    )
    statements, positions, cursor = [], [], 0
    for k, sentence in enumerate(sentences[:3]):
        start = text.index(sentence, cursor) + sentence.index("the ")
        end = start + len(sentence) - sentence.index("the ") - 1
        cursor = end
        actor = rng.choice(ACTORS)
        statements.append(Statement(doc_id, f"Delegate {n}-{k}", f"Delegate {n}-{k}", text[start:end], start, end,
                                    "indirect", cue="said", actor=actor))
        if k < 2:
            positions.append(Position(doc_id, actor, rng.choice(ISSUES), rng.choice(STANCES), text[start:end],
                                      start, end, statement_index=k, speaker=f"Delegate {n}-{k}"))
    return document, statements, positions


def build_store(path: Path, documents: int, seed: int = 7) -> float:
    """Write the synthetic store; returns the seconds it took."""
    rng = random.Random(seed)
    started = time.perf_counter()
    store = Store(path)
    for first in range(0, documents, BATCH):
        made = [_document(rng, n) for n in range(first, min(first + BATCH, documents))]
        store.add_batch([d for d, _, _ in made], [[n] for n in range(len(made))],
                        [(s, p) for _, s, p in made], "synthetic", "none")
    return time.perf_counter() - started


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    """``redline serve`` on a free loopback port, once it answers."""
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/api/overview", timeout=2)
            return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.terminate()
    raise SystemExit("redline serve did not start")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _targets(rng: random.Random, documents: int) -> dict[str, str]:
    return {
        "matrix page /matrix": "/matrix",
        "search /api/statements?q=": f"/api/statements?q={rng.choice(WORDS)}",
        # A search nobody made before: its facet counts are not cached yet.
        "new search /api/statements?q=": f"/api/statements?q=delegate+{rng.randrange(documents)}-",
        "document page /documents/{id}": f"/documents/{rng.randrange(documents):016x}",
    }


def load(base: str, clients: int, rounds: int, documents: int) -> dict[str, list[float]]:
    """Each client requests every endpoint ``rounds`` times; latencies in ms per endpoint."""
    timings: dict[str, list[float]] = {name: [] for name in _targets(random.Random(0), documents)}
    lock = threading.Lock()
    deadline = time.monotonic() + MAX_SECONDS

    def client(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as http:
            for _ in range(rounds):
                for name, path in _targets(rng, documents).items():
                    if time.monotonic() > deadline:
                        return
                    started = time.perf_counter()
                    http.get(path).raise_for_status()
                    with lock:
                        timings[name].append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return timings


def main() -> None:
    """Build, serve, warm up, load, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="redline-serve-load-") as tmp:
        db = Path(tmp) / "load.duckdb"
        built = build_store(db, args.documents)
        counts = Store(db, read_only=True)
        print(f"store: {counts.count()} documents, {counts.count('statements')} statements, "
              f"{counts.count('positions')} positions, written in {built:.1f} s")
        process, base = start_server(db)
        try:
            cold = {}
            for name, path in _targets(random.Random(1), args.documents).items():
                started = time.perf_counter()
                httpx.get(base + path, timeout=120).raise_for_status()
                cold[name] = (time.perf_counter() - started) * 1000
            started, cpu_before = time.perf_counter(), _cpu_seconds(process.pid)
            timings = load(base, args.clients, args.rounds, args.documents)
            wall, cpu = time.perf_counter() - started, _cpu_seconds(process.pid) - cpu_before
        finally:
            process.terminate()
            process.wait(timeout=10)
    total = sum(len(t) for t in timings.values())
    # The machine may be shared: the load says how much of it the server had.
    load_1m = os.getloadavg()[0]
    print(f"{args.clients} clients, {total} requests in {wall:.1f} s ({total / wall:.0f} req/s); "
          f"load average {load_1m:.1f} on {os.cpu_count()} cores")
    print(f"server CPU: {cpu:.1f} s, {cpu / total * 1000:.1f} ms per request")
    print(f"{'endpoint':32} {'first':>8} {'p50':>8} {'p95':>8} {'max':>8}   (ms)")
    for name, values in timings.items():
        p95 = statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]
        print(f"{name:32} {cold[name]:8.0f} {statistics.median(values):8.0f} {p95:8.0f} {max(values):8.0f}")


if __name__ == "__main__":
    main()

"""How fast does the dashboard answer 20 concurrent clients on a store of 10,000 documents?

Writes a synthetic store straight through ``Store.add_batch`` (invented documents,
statements and positions; no NLP), starts ``redline serve`` on a free loopback port, and
has 20 client threads request the matrix page, two statement searches and a document page
in turn, a fixed number of times each. The searches are an analyst's mix: one or two words
of the texts, sometimes a week number, a facet (actor, stance, issue, outlet) or a later
page, and now and then a search the same client made before (going back to it). The
dashboard keeps search results until the store changes, so searches are reported apart:
the first request of a URL (nothing cached for it) and the ones seen before. Prints
p50/p95/max per endpoint, beside the first request of each after start-up, and the
server's CPU time per request (the machine may be shared). Target: p95 under 200 ms for
the matrix and ``/api/statements?q=``.

``--compare SRC`` serves the same store a second time from another checkout's ``src``
folder (say, main's) and loads the two in turn, ``--repeat`` times, so that a change is
measured side by side under the same machine load. Loopback only; bounded in requests and
in time.

    .venv/bin/python bench/serve_load.py [--documents 10000] [--clients 20] [--rounds 20]
        [--compare ../main/src] [--repeat 2]
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
from urllib.parse import urlencode

import httpx

from redline.models import Document, Position, Segment, Stance, Statement
from redline.store import Store

ACTORS = ("Northland", "Southland", "Eastmark", "Westreach", "Lakeshire", "Highvale", "Coastia", "Union")
ISSUES = tuple(f"issue-{i:02d}" for i in range(14))
STANCES: tuple[Stance, ...] = ("support", "oppose", "conditional", "neutral")
TOPICS = ("river corridor", "border monitors", "grain exports", "prisoner exchange", "water quotas",
          "ferry crossings", "energy transit", "fishing rights", "customs posts", "rail link")
# Words of the invented texts, as an analyst would search for them.
WORDS = tuple(sorted({w for topic in TOPICS for w in topic.split()} | {"plan", "agreed"}))
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


def start_server(db: Path, src: str | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """``redline serve`` (from the ``src`` folder given, else this one) on a free loopback
    port, once it answers."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())} if src else None
    process = subprocess.Popen([sys.executable, "-m", "redline", "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, env=env)
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


def _search(rng: random.Random, history: list[str]) -> str:
    """One search of the analyst's mix (see the module docstring)."""
    if history and rng.random() < 0.25:
        return rng.choice(history)
    words = rng.sample(WORDS, rng.choice((1, 1, 2)))
    if rng.random() < 0.3:
        words += ["week", str(rng.randint(1, 52))]
    params = {"q": " ".join(words)}
    facet = rng.random()
    if facet < 0.15:
        params["actor"] = rng.choice(ACTORS)
    elif facet < 0.3:
        params["stance"] = rng.choice(STANCES)
    elif facet < 0.4:
        params["issue"] = rng.choice(ISSUES)
    elif facet < 0.5:
        params["outlet"] = f"Outlet {rng.randrange(30)}"
    if rng.random() < 0.2:
        params["offset"] = str(50 * rng.randint(1, 3))
    path = "/api/statements?" + urlencode(params)
    history.append(path)
    return path


MATRIX, SEARCH, DOCUMENT = "matrix page /matrix", "search /api/statements?q=", "document page /documents/{id}"
COLD, WARM = "search, first seen", "search, seen before"
NAMES = (MATRIX, COLD, WARM, DOCUMENT)


def _round(rng: random.Random, documents: int, history: list[str]) -> list[tuple[str, str]]:
    """One client's round: the matrix, two searches, one document."""
    return [(MATRIX, "/matrix"), (SEARCH, _search(rng, history)), (SEARCH, _search(rng, history)),
            (DOCUMENT, f"/documents/{rng.randrange(documents):016x}")]


def load(base: str, clients: int, rounds: int, documents: int, seed: int = 0,
         asked: set[str] | None = None) -> dict[str, list[float]]:
    """Each client makes ``rounds`` rounds; latencies in ms per endpoint (searches split into
    first seen and seen before, by URL, across all clients and the ``asked`` before)."""
    timings: dict[str, list[float]] = {name: [] for name in NAMES}
    asked = set(asked or ())
    lock = threading.Lock()
    deadline = time.monotonic() + MAX_SECONDS

    def client(index: int) -> None:
        rng, history = random.Random(seed * 1000 + index), list[str]()
        with httpx.Client(base_url=base, timeout=30) as http:
            for _ in range(rounds):
                for name, path in _round(rng, documents, history):
                    if time.monotonic() > deadline:
                        return
                    with lock:
                        if name == SEARCH:
                            name = WARM if path in asked else COLD
                            asked.add(path)
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


def measure(label: str, db: Path, args: argparse.Namespace, seed: int, src: str | None = None) -> None:
    """Start a server (from ``src`` if given), time its first requests and the load, print."""
    process, base = start_server(db, src)
    try:
        first: dict[str, float] = {}
        warm_up = _round(random.Random(-1 - seed), args.documents, [])
        for name, path in warm_up:
            started = time.perf_counter()
            httpx.get(base + path, timeout=120).raise_for_status()
            first.setdefault(name, (time.perf_counter() - started) * 1000)
        started, cpu_before = time.perf_counter(), _cpu_seconds(process.pid)
        timings = load(base, args.clients, args.rounds, args.documents, seed, {p for _, p in warm_up})
        wall, cpu = time.perf_counter() - started, _cpu_seconds(process.pid) - cpu_before
    finally:
        process.terminate()
        process.wait(timeout=10)
    total = sum(len(t) for t in timings.values())
    # The machine may be shared: the load says how much of it the server had.
    print(f"\n{label}: {args.clients} clients, {total} requests in {wall:.1f} s ({total / wall:.0f} req/s); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"server CPU: {cpu:.1f} s, {cpu / total * 1000:.1f} ms per request")
    print(f"{'endpoint':32} {'first':>8} {'n':>6} {'p50':>8} {'p95':>8} {'max':>8}   (ms)")
    searches = timings[COLD] + timings[WARM]
    for name, values in [*timings.items(), ("search, all", searches)]:
        if not values:
            continue
        p95 = statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 else values[0]
        start = first.get(SEARCH if name.startswith("search") else name)
        shown = f"{start:8.0f}" if start is not None and name != WARM else f"{'':8}"
        print(f"{name:32} {shown} {len(values):6} {statistics.median(values):8.0f} {p95:8.0f} {max(values):8.0f}")


def main() -> None:
    """Build, serve, load, print (and the same for the checkout compared, in turn)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--compare", help="another checkout's src folder, served from the same store")
    parser.add_argument("--repeat", type=int, default=1, help="load each server this many times")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="redline-serve-load-") as tmp:
        db = Path(tmp) / "load.duckdb"
        built = build_store(db, args.documents)
        counts = Store(db, read_only=True)
        print(f"store: {counts.count()} documents, {counts.count('statements')} statements, "
              f"{counts.count('positions')} positions, written in {built:.1f} s")
        for run in range(args.repeat):
            # Both servers get the same requests in a run, a new mix in the next.
            measure(f"this checkout, run {run + 1}", db, args, seed=run)
            if args.compare:
                measure(f"{args.compare}, run {run + 1}", db, args, seed=run, src=args.compare)


if __name__ == "__main__":
    main()

"""How fast is `check(..., alternatives=3)` on a 30-issue proposal, and how much does CP-SAT save?

Builds synthetic proposals (random outcomes) and actor x issue cells (random stances, red
lines and conditions), times the whole check with three closest packages, and on a small
case times brute force over every package beside CP-SAT. Target: under 2 s for 30 issues.

    .venv/bin/python bench/check_speed.py [--issues 30] [--actors 8] [--runs 5]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import time
from typing import Any

from redline.check import Proposal, Provision, check
from redline.check.packages import closest_packages, evaluate
from redline.models import ActorIssue, Outcome, Stance

STANCES: tuple[Stance, ...] = ("support", "oppose", "conditional", "neutral")
OUTCOMES: tuple[Outcome, ...] = ("granted", "excluded")


def synthetic(rng: random.Random, issues: int, actors: int) -> tuple[Proposal, list[ActorIssue]]:
    """A random proposal and cells: each actor takes a side on about 70% of the issues."""
    ids = [f"issue-{i:02d}" for i in range(issues)]
    provisions = tuple(
        Provision(f"p{i}", issue, rng.choice(OUTCOMES)) for i, issue in enumerate(ids)
    )
    cells = []
    for actor in (f"actor-{a}" for a in range(actors)):
        for issue in ids:
            if rng.random() < 0.3:
                continue
            stance = rng.choice(STANCES)
            condition: dict[str, Any] = {
                "condition": None,
                "condition_issue": None,
                "condition_outcome": None,
            }
            if stance == "conditional":
                # A condition on another issue of the proposal, or one in words only.
                condition = {
                    "condition": "a condition",
                    "condition_issue": rng.choice([*ids, None]),
                    "condition_outcome": rng.choice(OUTCOMES),
                }
            cells.append(
                ActorIssue(
                    actor,
                    issue,
                    stance,
                    statements=1,
                    outlets=1,
                    first_date=None,
                    last_date=None,
                    red_line=rng.random() < 0.2,
                    **condition,
                )
            )
    return Proposal("Synthetic", provisions), cells


def brute_force(proposal: Proposal, cells: list[ActorIssue], n: int) -> list[tuple[int, int, int]]:
    """The ranks of the n best packages, by scoring every one of the 3^issues packages."""
    issues = [p.issue for p in proposal.provisions]
    ranks = []
    for choice in itertools.product(("granted", "excluded", None), repeat=len(issues)):
        decided: dict[str, Outcome] = {i: c for i, c in zip(issues, choice) if c is not None}
        ranks.append(evaluate(proposal, cells, decided).rank())
    return sorted(ranks)[:n]


def _timed(call: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=30)
    parser.add_argument("--actors", type=int, default=8)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--small", type=int, default=8, help="issues in the brute-force case")
    args = parser.parse_args()
    rng = random.Random(2025)

    # The first solve pays for importing OR-Tools; time it apart from the steady state.
    proposal, cells = synthetic(rng, args.issues, args.actors)
    first, _ = _timed(lambda: check(proposal, cells, alternatives=3))
    times = []
    for _ in range(args.runs):
        proposal, cells = synthetic(rng, args.issues, args.actors)
        seconds, report = _timed(lambda: check(proposal, cells, alternatives=3))
        times.append(seconds)
    print(f"check, {args.issues} issues x {args.actors} actors, alternatives=3, {len(cells)} cells")
    print(f"  first call (with OR-Tools import): {first:.3f} s")
    median = statistics.median(times)
    print(f"  median {median:.3f} s, max {max(times):.3f} s over {args.runs} runs")
    best = report.alternatives[0]
    print(
        f"  best package: {best.red_lines_crossed} red lines, {len(best.actors_rejecting)} "
        f"actors rejecting, kept {best.kept} of {args.issues}"
    )

    proposal, cells = synthetic(rng, args.small, args.actors)
    solver_s, packages = _timed(lambda: closest_packages(proposal, cells, 3))
    brute_s, ranks = _timed(lambda: brute_force(proposal, cells, 3))
    assert [p.rank() for p in packages] == ranks, "CP-SAT and brute force disagree"
    print(
        f"small case, {args.small} issues x {args.actors} actors "
        f"(3^{args.small} = {3**args.small} packages), 3 best:"
    )
    print(
        f"  CP-SAT {solver_s:.3f} s, brute force {brute_s:.3f} s, "
        f"ratio brute/CP-SAT {brute_s / solver_s:.1f}x; same ranks: {ranks}"
    )
    years = brute_s / 3**args.small * 3**args.issues / 3.15e7
    print(f"  brute force at {args.issues} issues would take about {years:.1e} years")


if __name__ == "__main__":
    main()

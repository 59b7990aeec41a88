"""Closest packages: CP-SAT's best packages match brute force over every package."""

from __future__ import annotations

import itertools
import random
from typing import Any

from redline.check import Proposal, Provision
from redline.check.packages import allowed, closest_packages, evaluate
from redline.check.verdicts import actor_verdicts
from redline.models import ActorIssue, Outcome, Stance

NATO = "ukraine-nato-membership"
STANCES: tuple[Stance, ...] = ("support", "oppose", "conditional", "neutral")
OUTCOMES: tuple[Outcome, ...] = ("granted", "excluded")


def _cell(actor: str, issue: str, stance: Stance, **extra: Any) -> ActorIssue:
    fields: dict[str, Any] = {"condition": None, "condition_issue": None, "condition_outcome": None}
    fields.update(extra)
    return ActorIssue(
        actor, issue, stance, statements=1, outlets=1, first_date=None, last_date=None, **fields
    )


def _random_case(
    rng: random.Random, issues: int, actors: int, weighted: bool = False
) -> tuple[Proposal, list[ActorIssue]]:
    """A proposal over ``issues`` issues and random stances, red lines and conditions.

    ``weighted`` also gives provisions random weights and makes some of them must_keep.
    """
    ids = [f"issue-{i}" for i in range(issues)]
    provisions = tuple(
        Provision(
            f"p{i}", x, rng.choice(OUTCOMES),
            must_keep=weighted and rng.random() < 0.2, weight=rng.randint(1, 4) if weighted else 1,
        )
        for i, x in enumerate(ids)
    )
    proposal = Proposal("Random", provisions)
    cells = []
    for actor in (f"actor-{a}" for a in range(actors)):
        for issue in ids:
            if rng.random() < 0.3:
                continue
            stance = rng.choice(STANCES)
            condition: dict[str, Any] = {}
            if stance == "conditional":
                # Conditions on a proposal issue, on an issue outside it, or in words only.
                target = rng.choice([*ids, "outside", None])
                condition = {"condition_issue": target, "condition_outcome": rng.choice(OUTCOMES)}
            cells.append(_cell(actor, issue, stance, red_line=rng.random() < 0.3, **condition))
    return proposal, cells


def _brute_force_ranks(
    proposal: Proposal, cells: list[ActorIssue], n: int
) -> list[tuple[int, int, int, int]]:
    """The ranks of the n best packages, by scoring every allowed one of the 3^issues."""
    issues = [p.issue for p in proposal.provisions]
    ranks = []
    for choice in itertools.product(("granted", "excluded", None), repeat=len(issues)):
        decided: dict[str, Outcome] = {i: c for i, c in zip(issues, choice) if c is not None}
        if allowed(proposal, decided):
            ranks.append(evaluate(proposal, cells, decided).rank())
    return sorted(ranks)[:n]


def test_packages_are_optimal_by_brute_force() -> None:
    rng = random.Random(20250301)
    for _ in range(25):
        proposal, cells = _random_case(rng, issues=6, actors=4)
        packages = closest_packages(proposal, cells, 5)
        assert [p.rank() for p in packages] == _brute_force_ranks(proposal, cells, 5)
        assert len({tuple(p.decisions.items()) for p in packages}) == 5


def test_packages_with_weights_and_must_keep_are_optimal_by_brute_force() -> None:
    rng = random.Random(20261201)
    for _ in range(25):
        proposal, cells = _random_case(rng, issues=5, actors=4, weighted=True)
        packages = closest_packages(proposal, cells, 4)
        assert [p.rank() for p in packages] == _brute_force_ranks(proposal, cells, 4)
        assert all(allowed(proposal, {i: d for i, d in p.decisions.items() if d != "omitted"})
                   for p in packages)


def test_packages_keep_a_provision_more_parties_accept_than_object_to() -> None:
    # Dropping the truce would spare Russia its only objection, but it would also leave
    # unsettled what Ukraine and the United States accept.
    proposal = Proposal("Draft", (Provision("truce", "ceasefire", "granted"),))
    cells = [
        _cell("Russia", "ceasefire", "oppose"),
        _cell("Ukraine", "ceasefire", "support"),
        _cell("United States", "ceasefire", "support"),
    ]
    [best] = closest_packages(proposal, cells, 1)
    assert best.decisions == {"ceasefire": "granted"}
    assert (best.settled, best.acceptances, best.objections, best.actors_rejecting) == (
        1, 2, 1, ("Russia",),
    )
    assert best.original is True


def test_packages_must_keep_survives_a_red_line() -> None:
    proposal = Proposal(
        "Draft",
        (
            Provision("nato", "ukraine-nato-membership", "granted", must_keep=True),
            Provision("truce", "ceasefire", "granted"),
        ),
    )
    cells = [
        _cell("Russia", "ukraine-nato-membership", "oppose", red_line=True),
        _cell("Russia", "ceasefire", "support"),
    ]
    packages = closest_packages(proposal, cells, 3)
    assert {p.decisions["ukraine-nato-membership"] for p in packages} == {"granted"}
    assert [p.decisions["ceasefire"] for p in packages] == ["granted", "omitted", "excluded"]


def test_packages_weight_decides_between_two_provisions() -> None:
    # Russia accepts guarantees for Ukraine only if Ukraine stays out of NATO, which
    # Ukraine wants: which of the two is settled depends on how much each one weighs.
    def best(nato_weight: int, guarantees_weight: int) -> dict[str, str]:
        proposal = Proposal(
            "Draft",
            (
                Provision("nato", NATO, "granted", weight=nato_weight),
                Provision("guarantees", "guarantees-for-ukraine", "granted", weight=guarantees_weight),
            ),
        )
        cells = [
            _cell("Ukraine", NATO, "support"),
            _cell("Russia", "guarantees-for-ukraine", "conditional",
                  condition_issue=NATO, condition_outcome="excluded"),
            _cell("Turkey", "guarantees-for-ukraine", "support"),
            _cell("France", "guarantees-for-ukraine", "support"),
        ]
        [package] = closest_packages(proposal, cells, 1)
        return package.decisions

    assert best(3, 1) == {NATO: "granted", "guarantees-for-ukraine": "granted"}
    assert best(1, 3) == {NATO: "excluded", "guarantees-for-ukraine": "granted"}


def test_packages_changes_name_the_actors_they_move() -> None:
    proposal = Proposal("Draft", (Provision("nato", "ukraine-nato-membership", "granted"),))
    cells = [
        _cell("Russia", "ukraine-nato-membership", "oppose", red_line=True),
        _cell("Ukraine", "ukraine-nato-membership", "support"),
    ]
    [omitted, excluded] = closest_packages(proposal, cells, 2)
    [change] = omitted.changes
    assert (change.stop_objecting, change.stop_accepting) == (("Russia",), ("Ukraine",))
    assert (change.start_objecting, change.start_accepting) == ((), ())
    [change] = excluded.changes
    assert (change.stop_objecting, change.stop_accepting) == (("Russia",), ("Ukraine",))
    assert (change.start_objecting, change.start_accepting) == (("Ukraine",), ("Russia",))


def test_packages_original_proposal_is_marked() -> None:
    proposal = Proposal(
        "Draft",
        (
            Provision("no-nato", "ukraine-nato-membership", "excluded"),
            Provision("truce", "ceasefire", "granted"),
        ),
    )
    cells = [
        _cell("Russia", "ukraine-nato-membership", "oppose", red_line=True),
        _cell("Ukraine", "ceasefire", "support"),
    ]
    best = closest_packages(proposal, cells, 2)
    assert best[0].original is True
    assert (best[0].kept, best[0].changes, best[0].actors_rejecting) == (2, (), ())
    assert best[1].original is False
    assert best[1].kept == 1


def test_packages_red_lines_outweigh_rejections_outweigh_kept() -> None:
    proposal = Proposal("Draft", (Provision("nato", "ukraine-nato-membership", "granted"),))
    cells = [
        _cell("Russia", "ukraine-nato-membership", "oppose", red_line=True),
        _cell("Ukraine", "ukraine-nato-membership", "support"),
    ]
    packages = closest_packages(proposal, cells, 3)
    assert [p.decisions["ukraine-nato-membership"] for p in packages] == [
        "omitted",
        "excluded",
        "granted",
    ]
    assert [(p.red_lines_crossed, p.settled, p.actors_rejecting, p.kept) for p in packages] == [
        (0, 0, (), 0),
        (0, 0, ("Ukraine",), 0),
        (1, 0, ("Russia",), 1),
    ]
    [change] = packages[0].changes
    assert (change.provision, change.before, change.after) == ("nato", "granted", "omitted")
    assert packages[2].original is True


def test_packages_condition_met_by_a_package_decision() -> None:
    proposal = Proposal(
        "Draft",
        (
            Provision("g-ua", "guarantees-for-ukraine", "granted"),
            Provision("g-ru", "guarantees-for-russia", "excluded"),
        ),
    )
    cells = [
        _cell(
            "Russia",
            "guarantees-for-ukraine",
            "conditional",
            condition_issue="guarantees-for-russia",
            condition_outcome="granted",
            red_line=True,
        ),
        _cell("United States", "guarantees-for-russia", "support"),
    ]
    [best] = closest_packages(proposal, cells, 1)
    assert best.decisions == {
        "guarantees-for-ukraine": "granted",
        "guarantees-for-russia": "granted",
    }
    assert (best.red_lines_crossed, best.actors_rejecting, best.kept) == (0, (), 1)


def test_packages_stop_when_every_package_is_listed() -> None:
    proposal = Proposal("Draft", (Provision("truce", "ceasefire", "granted"),))
    packages = closest_packages(proposal, [_cell("Ukraine", "ceasefire", "support")], 10)
    assert [p.decisions["ceasefire"] for p in packages] == ["granted", "omitted", "excluded"]


def test_packages_score_of_the_original_agrees_with_the_verdicts() -> None:
    rng = random.Random(7)
    for _ in range(10):
        proposal, cells = _random_case(rng, issues=6, actors=4)
        verdicts = actor_verdicts(proposal, cells)
        package = evaluate(proposal, cells, proposal.outcomes())
        red_lines = sum(v.red_line for a in verdicts for v in a.provisions.values())
        assert package.red_lines_crossed == red_lines
        assert package.original is True

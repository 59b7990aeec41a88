"""Closest packages: the variants of a proposal that the parties come nearest to accepting.

A package decides each of the proposal's issues: ``granted``, ``excluded`` or ``omitted``
(left out, so nobody accepts or rejects it). Packages are ranked lexicographically by
(1) fewest red lines crossed, (2) fewest actors rejecting (an actor rejects a package when
it objects to any decision in it, an unmet condition included), (3) most decisions kept
from the original proposal. The ranking is one CP-SAT objective whose weights make each
criterion dominate the next; the N best distinct packages come from solving, forbidding
the package found, and solving again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from redline.check.proposal import Proposal
from redline.check.verdicts import judge
from redline.models import ActorIssue, Outcome

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

Decision = Literal["granted", "excluded", "omitted"]


@dataclass(frozen=True)
class Change:
    """A decision of a package that differs from the original proposal's."""

    provision: str
    issue: str
    before: Outcome
    after: Decision


@dataclass(frozen=True)
class Package:
    """A variant of the proposal, scored as the ranking scores it."""

    decisions: dict[str, Decision]
    red_lines_crossed: int
    actors_rejecting: tuple[str, ...]
    kept: int
    changes: tuple[Change, ...]
    original: bool

    def rank(self) -> tuple[int, int, int]:
        """The package's place in the ranking: lower is closer to acceptable for all."""
        return (self.red_lines_crossed, len(self.actors_rejecting), -self.kept)


def evaluate(
    proposal: Proposal, cells: Sequence[ActorIssue], decided: Mapping[str, Outcome]
) -> Package:
    """Score a package against the actors' stances; issues not in ``decided`` are omitted."""
    red_lines = 0
    rejecting: set[str] = set()
    for cell in cells:
        outcome = decided.get(cell.issue)
        if outcome is None:
            continue
        judgement = judge(cell, outcome, decided)
        red_lines += judgement.red_line
        if judgement.objects:
            rejecting.add(cell.actor)
    decisions: dict[str, Decision] = {
        p.issue: decided.get(p.issue, "omitted") for p in proposal.provisions
    }
    changes = tuple(
        Change(p.id, p.issue, p.outcome, decisions[p.issue])
        for p in proposal.provisions
        if decisions[p.issue] != p.outcome
    )
    return Package(
        decisions=decisions,
        red_lines_crossed=red_lines,
        actors_rejecting=tuple(sorted(rejecting)),
        kept=len(proposal.provisions) - len(changes),
        changes=changes,
        original=not changes,
    )


class _Model:
    """The CP-SAT model of the ranking: one granted and one excluded literal per issue."""

    def __init__(self, proposal: Proposal, cells: Sequence[ActorIssue]) -> None:
        # OR-Tools takes a third of a second to import and only packages need it.
        from ortools.sat.python import cp_model

        self.model = cp_model.CpModel()
        self.issues = [p.issue for p in proposal.provisions]
        self.granted = {i: self.model.new_bool_var(f"granted[{i}]") for i in self.issues}
        self.excluded = {i: self.model.new_bool_var(f"excluded[{i}]") for i in self.issues}
        for issue in self.issues:
            self.model.add_at_most_one(self.granted[issue], self.excluded[issue])
        red_lines: list[cp_model.IntVar] = []
        objections: dict[str, list[cp_model.IntVar]] = {}
        for cell in cells:
            objection = self._objection(cell)
            if objection is not None:
                objections.setdefault(cell.actor, []).append(objection)
                if cell.red_line:
                    red_lines.append(objection)
        rejecting = [self._any(f"rejects[{a}]", lits) for a, lits in sorted(objections.items())]
        kept = [self._chosen(p.issue, p.outcome) for p in proposal.provisions]
        # Weights make the order strict: one more rejecting actor outweighs every kept
        # decision, one more red line outweighs every actor.
        per_actor = len(self.issues) + 1
        per_red_line = (len(rejecting) + 1) * per_actor
        self.model.minimize(
            per_red_line * sum(red_lines) + per_actor * sum(rejecting) - sum(kept)
        )

    def _chosen(self, issue: str, outcome: Outcome) -> cp_model.IntVar:
        return self.granted[issue] if outcome == "granted" else self.excluded[issue]

    def _any(self, name: str, literals: list[cp_model.IntVar]) -> cp_model.IntVar:
        """A literal equal to the disjunction of ``literals``."""
        result = self.model.new_bool_var(name)
        self.model.add_max_equality(result, literals)
        return result

    def _objection(self, cell: ActorIssue) -> cp_model.IntVar | None:
        """A literal true when the actor objects to the package's decision on the cell's issue.

        Mirrors :func:`redline.check.verdicts.judge`, which the tests check by brute force.
        """
        if cell.issue not in self.granted or cell.stance == "neutral":
            return None
        if cell.stance == "support":
            return self.excluded[cell.issue]
        if cell.stance == "oppose":
            return self.granted[cell.issue]
        if cell.condition_issue is None:
            return None  # a condition in words only cannot be checked
        if cell.condition_issue not in self.granted:
            return self.granted[cell.issue]  # no package can meet it
        met = self._chosen(cell.condition_issue, cell.condition_outcome or "granted")
        unmet = self.model.new_bool_var(f"unmet[{cell.actor},{cell.issue}]")
        self.model.add_bool_and([self.granted[cell.issue], met.Not()]).only_enforce_if(unmet)
        self.model.add_bool_or([self.granted[cell.issue].Not(), met]).only_enforce_if(unmet.Not())
        return unmet

    def forbid(self, decided: Mapping[str, Outcome]) -> None:
        """Exclude one package from later solutions."""
        differs = []
        for issue in self.issues:
            granted, excluded = self.granted[issue], self.excluded[issue]
            differs.append(granted.Not() if decided.get(issue) == "granted" else granted)
            differs.append(excluded.Not() if decided.get(issue) == "excluded" else excluded)
        self.model.add_bool_or(differs)

    def solve(self) -> dict[str, Outcome] | None:
        """The best package not yet forbidden (its decided issues), or None when none is left."""
        from ortools.sat.python import cp_model

        solver = cp_model.CpSolver()
        # One worker makes ties come back in the same order on every run.
        solver.parameters.num_workers = 1
        if solver.solve(self.model) != cp_model.OPTIMAL:
            return None
        decided: dict[str, Outcome] = {}
        for issue in self.issues:
            if solver.boolean_value(self.granted[issue]):
                decided[issue] = "granted"
            elif solver.boolean_value(self.excluded[issue]):
                decided[issue] = "excluded"
        return decided


def closest_packages(proposal: Proposal, cells: Sequence[ActorIssue], n: int) -> list[Package]:
    """The ``n`` best distinct packages over the proposal's issues, best first."""
    if n <= 0:
        return []
    issues = {p.issue for p in proposal.provisions}
    relevant = [c for c in cells if c.issue in issues]
    model = _Model(proposal, relevant)
    packages: list[Package] = []
    while len(packages) < n:
        decided = model.solve()
        if decided is None:
            break
        packages.append(evaluate(proposal, relevant, decided))
        model.forbid(decided)
    return packages

"""Closest packages: the variants of a proposal that the parties come nearest to accepting.

A package decides each of the proposal's issues: ``granted``, ``excluded`` or ``omitted``.
An omitted issue is left unsettled: nobody rejects it, and nobody accepts it either.
Packages are ranked lexicographically by

1. fewest red lines crossed;
2. most settled: the sum over decided provisions of the provision's ``weight`` times
   (actors accepting it - actors objecting to it), an unmet condition being an objection;
3. fewest actors rejecting (an actor rejects a package when it objects to any decision);
4. most decisions kept from the original proposal.

So leaving a provision out pays only when more parties object to it than accept it, or
when it crosses a red line. A ``must_keep`` provision is kept as drafted in every package.
The ranking is one CP-SAT objective whose weights make each criterion dominate the next;
the N best distinct packages come from solving, forbidding the package found, and solving
again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from redline.check.proposal import Proposal
from redline.check.verdicts import Judgement, judge
from redline.models import ActorIssue, Outcome

if TYPE_CHECKING:
    from ortools.sat.python import cp_model

Decision = Literal["granted", "excluded", "omitted"]


@dataclass(frozen=True)
class Change:
    """A decision of a package that differs from the original proposal's, and its effect.

    Each tuple names the actors whose verdict on this issue, or on a condition set on it,
    moves that way compared with the proposal as drafted.
    """

    provision: str
    issue: str
    before: Outcome
    after: Decision
    stop_objecting: tuple[str, ...] = ()
    stop_accepting: tuple[str, ...] = ()
    start_objecting: tuple[str, ...] = ()
    start_accepting: tuple[str, ...] = ()


@dataclass(frozen=True)
class Package:
    """A variant of the proposal, scored as the ranking scores it."""

    decisions: dict[str, Decision]
    red_lines_crossed: int
    settled: int
    acceptances: int
    objections: int
    actors_rejecting: tuple[str, ...]
    kept: int
    changes: tuple[Change, ...]
    original: bool

    def rank(self) -> tuple[int, int, int, int]:
        """The package's place in the ranking: lower is closer to acceptable for all."""
        return (self.red_lines_crossed, -self.settled, len(self.actors_rejecting), -self.kept)


def _accepts(judgement: Judgement) -> bool:
    return judgement.verdict == "accepts" or judgement.condition_met is True


def _judgements(
    cells: Sequence[ActorIssue], decided: Mapping[str, Outcome]
) -> dict[tuple[str, str], Judgement]:
    """Each actor's judgement of each decided issue, by (actor, issue)."""
    return {
        (c.actor, c.issue): judge(c, decided[c.issue], decided) for c in cells if c.issue in decided
    }


def allowed(proposal: Proposal, decided: Mapping[str, Outcome]) -> bool:
    """Whether a package keeps every ``must_keep`` provision as drafted."""
    return all(decided.get(p.issue) == p.outcome for p in proposal.provisions if p.must_keep)


def evaluate(
    proposal: Proposal, cells: Sequence[ActorIssue], decided: Mapping[str, Outcome]
) -> Package:
    """Score a package against the actors' stances; issues not in ``decided`` are omitted."""
    weights = {p.issue: p.weight for p in proposal.provisions}
    judged = _judgements(cells, decided)
    settled = sum(weights.get(i, 1) * (_accepts(j) - j.objects) for (_, i), j in judged.items())
    decisions: dict[str, Decision] = {
        p.issue: decided.get(p.issue, "omitted") for p in proposal.provisions
    }
    before = _judgements(cells, proposal.outcomes())
    changes = tuple(
        _change(p.id, p.issue, p.outcome, decisions[p.issue], cells, before, judged)
        for p in proposal.provisions
        if decisions[p.issue] != p.outcome
    )
    return Package(
        decisions=decisions,
        red_lines_crossed=sum(j.red_line for j in judged.values()),
        settled=settled,
        acceptances=sum(_accepts(j) for j in judged.values()),
        objections=sum(j.objects for j in judged.values()),
        actors_rejecting=tuple(sorted({a for (a, _), j in judged.items() if j.objects})),
        kept=len(proposal.provisions) - len(changes),
        changes=changes,
        original=not changes,
    )


def _change(
    provision: str,
    issue: str,
    before: Outcome,
    after: Decision,
    cells: Sequence[ActorIssue],
    was: Mapping[tuple[str, str], Judgement],
    now: Mapping[tuple[str, str], Judgement],
) -> Change:
    """A changed decision with the actors whose verdicts it moves."""
    moved: dict[str, list[str]] = {"so": [], "sa": [], "go": [], "ga": []}
    for cell in cells:
        if issue not in (cell.issue, cell.condition_issue):
            continue
        key = (cell.actor, cell.issue)
        old, new = was.get(key), now.get(key)
        old_objects, new_objects = bool(old and old.objects), bool(new and new.objects)
        old_accepts, new_accepts = bool(old and _accepts(old)), bool(new and _accepts(new))
        for flag, yes in (("so", old_objects and not new_objects), ("go", new_objects and not old_objects),
                          ("sa", old_accepts and not new_accepts), ("ga", new_accepts and not old_accepts)):
            if yes and cell.actor not in moved[flag]:
                moved[flag].append(cell.actor)
    return Change(
        provision, issue, before, after,
        stop_objecting=tuple(sorted(moved["so"])), stop_accepting=tuple(sorted(moved["sa"])),
        start_objecting=tuple(sorted(moved["go"])), start_accepting=tuple(sorted(moved["ga"])),
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
        for p in proposal.provisions:
            if p.must_keep:
                self.model.add(self._chosen(p.issue, p.outcome) == 1)
        weights = {p.issue: p.weight for p in proposal.provisions}
        red_lines: list[cp_model.IntVar] = []
        objections: dict[str, list[cp_model.IntVar]] = {}
        settled: list[cp_model.LinearExprT] = []
        for cell in cells:
            objection = self._objection(cell)
            acceptance = self._acceptance(cell)
            if objection is not None:
                objections.setdefault(cell.actor, []).append(objection)
                settled.append(-weights[cell.issue] * objection)
                if cell.red_line:
                    red_lines.append(objection)
            if acceptance is not None:
                settled.append(weights[cell.issue] * acceptance)
        rejecting = [self._any(f"rejects[{a}]", lits) for a, lits in sorted(objections.items())]
        kept = [self._chosen(p.issue, p.outcome) for p in proposal.provisions]
        # Weights make the order strict: one more actor rejecting outweighs every kept
        # decision, one more point settled outweighs every actor, one more red line
        # outweighs the whole range of the settled sum.
        per_actor = len(self.issues) + 1
        per_settled = (len(rejecting) + 1) * per_actor
        settled_range = 2 * sum(weights[c.issue] for c in cells)
        per_red_line = (settled_range + 1) * per_settled
        total = cp_model.LinearExpr.sum
        self.model.minimize(
            per_red_line * total(red_lines) - per_settled * total(settled)
            + per_actor * total(rejecting) - total(kept)
        )

    def _chosen(self, issue: str, outcome: Outcome) -> cp_model.IntVar:
        return self.granted[issue] if outcome == "granted" else self.excluded[issue]

    def _any(self, name: str, literals: list[cp_model.IntVar]) -> cp_model.IntVar:
        """A literal equal to the disjunction of ``literals``."""
        result = self.model.new_bool_var(name)
        self.model.add_max_equality(result, literals)
        return result

    def _both(self, name: str, first: cp_model.IntVar, second: cp_model.IntVar) -> cp_model.IntVar:
        """A literal equal to the conjunction of two literals."""
        result = self.model.new_bool_var(name)
        self.model.add_min_equality(result, [first, second])
        return result

    def _met(self, cell: ActorIssue) -> cp_model.IntVar:
        """A literal true when the package meets the cell's condition (an issue it decides)."""
        assert cell.condition_issue is not None
        return self._chosen(cell.condition_issue, cell.condition_outcome or "granted")

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
        unmet = self.model.new_bool_var(f"unmet[{cell.actor},{cell.issue}]")
        met = self._met(cell)
        self.model.add_bool_and([self.granted[cell.issue], met.Not()]).only_enforce_if(unmet)
        self.model.add_bool_or([self.granted[cell.issue].Not(), met]).only_enforce_if(unmet.Not())
        return unmet

    def _acceptance(self, cell: ActorIssue) -> cp_model.LinearExprT | None:
        """1 when the actor accepts the package's decision on the cell's issue, else 0."""
        if cell.issue not in self.granted:
            return None
        granted, excluded = self.granted[cell.issue], self.excluded[cell.issue]
        if cell.stance == "neutral":
            return granted + excluded  # open to either decision, not to leaving it out
        if cell.stance == "support":
            return granted
        if cell.stance == "oppose":
            return excluded
        if cell.condition_issue is None or cell.condition_issue not in self.granted:
            return None
        return self._both(f"met[{cell.actor},{cell.issue}]", granted, self._met(cell))

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

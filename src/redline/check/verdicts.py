"""Per actor and provision: does the actor accept, reject, or accept only on a condition?

The verdict follows from the actor's aggregated stance on the provision's issue and the
outcome the provision gives it:

    stance       granted       excluded
    support      accepts       rejects
    oppose       rejects       accepts
    neutral      accepts       accepts      (open to it, and has not asked for it)
    conditional  conditional   unknown      (support hangs on a condition; nothing is known
                                             about the issue being ruled out)

A conditional's condition is met when the proposal gives the condition's issue the
condition's outcome. A red line is crossed when the actor rejects a provision, or when a
condition it set is unmet, and its stance carries red-line language ("no treaty is possible
without ..." is a red line on a condition). The same :func:`judge` scores the closest
packages, so that the report and the packages never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from redline.check.proposal import Proposal, Provision
from redline.models import ActorIssue, Evidence, Outcome, Stance

Verdict = Literal["accepts", "rejects", "conditional", "unknown"]
Overall = Literal["rejects", "accepts", "mixed", "unknown"]

_VERDICTS: dict[tuple[Stance, Outcome], Verdict] = {
    ("support", "granted"): "accepts",
    ("support", "excluded"): "rejects",
    ("oppose", "granted"): "rejects",
    ("oppose", "excluded"): "accepts",
    ("neutral", "granted"): "accepts",
    ("neutral", "excluded"): "accepts",
    ("conditional", "granted"): "conditional",
    ("conditional", "excluded"): "unknown",
}


@dataclass(frozen=True)
class Judgement:
    """How one actor's stance meets one decision: verdict, condition, objection, red line.

    ``objects`` is whether the actor would reject a package over this decision: an outright
    rejection, or a condition the package leaves unmet.
    """

    verdict: Verdict
    condition_met: bool | None
    objects: bool
    red_line: bool


@dataclass(frozen=True)
class ProvisionVerdict:
    """One actor's verdict on one provision, with the evidence it rests on."""

    provision: str
    verdict: Verdict
    red_line: bool
    condition: str | None
    condition_met: bool | None
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ActorVerdict:
    """One actor's verdict on a whole proposal, and on each of its provisions."""

    actor: str
    verdict: Overall
    accepted: int
    conditional: int
    rejected: int
    provisions: dict[str, ProvisionVerdict]


def judge(cell: ActorIssue, outcome: Outcome, decisions: Mapping[str, str]) -> Judgement:
    """Judge one actor's stance on an issue against the outcome a proposal or package gives it.

    ``decisions`` holds the outcome of every issue the proposal or package decides; a
    condition whose issue is missing from it is unmet.
    """
    verdict = _VERDICTS[(cell.stance, outcome)]
    met: bool | None = None
    if verdict == "conditional" and cell.condition_issue is not None:
        # The pack states a condition as its issue plus the outcome that meets it; a
        # condition recorded without an outcome asks for the issue to be granted.
        met = decisions.get(cell.condition_issue) == (cell.condition_outcome or "granted")
    objects = verdict == "rejects" or met is False
    return Judgement(verdict, met, objects, objects and cell.red_line)


def _evidence(cell: ActorIssue, red_line: bool) -> tuple[Evidence, ...]:
    """The cell's evidence for the stance the verdict rests on, red-line quotes first."""
    backing = [e for e in cell.evidence if e.stance == cell.stance] or list(cell.evidence)
    if red_line:
        backing.sort(key=lambda e: not e.red_line)
    return tuple(backing)


def provision_verdict(
    provision: Provision, cell: ActorIssue | None, decisions: Mapping[str, str]
) -> ProvisionVerdict:
    """One actor's verdict on one provision; ``unknown`` when the actor took no position."""
    if cell is None:
        return ProvisionVerdict(provision.id, "unknown", False, None, None, ())
    judgement = judge(cell, provision.outcome, decisions)
    condition = cell.condition if cell.stance == "conditional" else None
    return ProvisionVerdict(
        provision=provision.id,
        verdict=judgement.verdict,
        red_line=judgement.red_line,
        condition=condition,
        condition_met=judgement.condition_met,
        evidence=_evidence(cell, judgement.red_line),
    )


def overall(verdicts: Sequence[ProvisionVerdict]) -> Overall:
    """An actor's verdict on a whole proposal from its verdicts on the provisions.

    ``rejects`` is kept for a crossed red line; an objection without red-line language is
    open to negotiation and makes the verdict ``mixed``.
    """
    if any(v.red_line for v in verdicts):
        return "rejects"
    known = [v for v in verdicts if v.verdict != "unknown"]
    if not known:
        return "unknown"
    if all(v.verdict == "accepts" or v.condition_met is True for v in known):
        return "accepts"
    return "mixed"


def actor_verdicts(
    proposal: Proposal, cells: Sequence[ActorIssue], actors: Sequence[str] = ()
) -> list[ActorVerdict]:
    """Every actor judged on each provision: those with a position, then the rest of ``actors``.

    An actor of the pack without evidence on the proposal's issues is listed as
    ``unknown``, so that "no evidence" is not mistaken for "not recognised".
    """
    issues = {p.issue for p in proposal.provisions}
    by_key = {(c.actor, c.issue): c for c in cells if c.issue in issues}
    decisions = proposal.outcomes()
    verdicts = []
    known = sorted({actor for actor, _ in by_key})
    for actor in known + sorted(set(actors) - set(known)):
        provisions = {
            p.id: provision_verdict(p, by_key.get((actor, p.issue)), decisions)
            for p in proposal.provisions
        }
        values = list(provisions.values())
        verdicts.append(
            ActorVerdict(
                actor=actor,
                verdict=overall(values),
                accepted=sum(v.verdict == "accepts" for v in values),
                conditional=sum(v.verdict == "conditional" for v in values),
                rejected=sum(v.verdict == "rejects" for v in values),
                provisions=provisions,
            )
        )
    return verdicts

"""The check stage: a proposal and the aggregated positions in, one report out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.check.indivisibility import Indivisibility, indivisibility
from redline.check.packages import Package, closest_packages
from redline.check.proposal import Proposal
from redline.check.verdicts import ActorVerdict, actor_verdicts
from redline.models import ActorIssue


@dataclass(frozen=True)
class Report:
    """Who accepts or rejects what in a proposal, the security dilemmas, and closer packages."""

    proposal: Proposal
    actors: tuple[ActorVerdict, ...]
    indivisibility: tuple[Indivisibility, ...]
    alternatives: tuple[Package, ...]
    warnings: tuple[str, ...] = ()


def check(
    proposal: Proposal,
    cells: Sequence[ActorIssue],
    alternatives: int = 0,
    actors: Sequence[str] = (),
    warnings: Sequence[str] = (),
) -> Report:
    """Check a proposal against the actor x issue cells; with ``alternatives``, find packages.

    ``actors`` are the pack's actor ids (those without evidence are reported as unknown);
    ``warnings`` are lines about the store the report should carry, such as a pack mismatch.
    """
    return Report(
        proposal=proposal,
        actors=tuple(actor_verdicts(proposal, cells, actors)),
        indivisibility=tuple(indivisibility(proposal, cells)),
        alternatives=tuple(closest_packages(proposal, cells, alternatives)),
        warnings=tuple(warnings),
    )

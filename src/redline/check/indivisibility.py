"""Indivisibility of security: what one party seeks for its security and another calls a threat.

For every provision, pair each actor that supports the issue as a guarantee of its own
security with each other actor that opposes it as a threat to its own, and put both pieces
of evidence side by side. The outcome does not matter: whichever way the provision goes,
one of the two parties will say its security was traded away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redline.check.proposal import Proposal
from redline.models import ActorIssue, Evidence


@dataclass(frozen=True)
class Indivisibility:
    """A provision that one actor seeks for its security while another calls it a threat."""

    provision: str
    issue: str
    seeking: str
    threatened: str
    seeking_evidence: tuple[Evidence, ...]
    threatened_evidence: tuple[Evidence, ...]


def _flagged(cell: ActorIssue, flag: str) -> tuple[Evidence, ...]:
    """The cell's evidence carrying ``flag``, else the evidence for its stance, else all."""
    for chosen in (
        [e for e in cell.evidence if getattr(e, flag)],
        [e for e in cell.evidence if e.stance == cell.stance],
    ):
        if chosen:
            return tuple(chosen)
    return tuple(cell.evidence)


def indivisibility(proposal: Proposal, cells: Sequence[ActorIssue]) -> list[Indivisibility]:
    """Each provision one actor seeks for its security while another calls it a threat."""
    found = []
    for provision in proposal.provisions:
        on_issue = sorted((c for c in cells if c.issue == provision.issue), key=lambda c: c.actor)
        seekers = [c for c in on_issue if c.security_claim and c.stance == "support"]
        threatened = [c for c in on_issue if c.threat and c.stance == "oppose"]
        # One cell per actor and issue, so a seeker (support) is never also threatened (oppose).
        for seek in seekers:
            for threat in threatened:
                found.append(
                    Indivisibility(
                        provision=provision.id,
                        issue=provision.issue,
                        seeking=seek.actor,
                        threatened=threat.actor,
                        seeking_evidence=_flagged(seek, "security_claim"),
                        threatened_evidence=_flagged(threat, "threat"),
                    )
                )
    return found

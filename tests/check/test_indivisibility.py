"""Indivisibility of security: one party's guarantee set beside another's threat."""

from __future__ import annotations

from typing import Any

from redline.check import Proposal, Provision
from redline.check.indivisibility import Indivisibility, indivisibility
from redline.models import ActorIssue, Evidence, Stance


def _evidence(quote: str, stance: Stance, **flags: bool) -> Evidence:
    return Evidence(
        "001.txt", "d1", "Speaker", "Wire", "2025-03-01", quote, 0, len(quote), stance, **flags
    )


def _cell(actor: str, issue: str, stance: Stance, **extra: Any) -> ActorIssue:
    fields: dict[str, Any] = {"condition": None, "condition_issue": None, "condition_outcome": None}
    fields.update(extra)
    return ActorIssue(
        actor, issue, stance, statements=1, outlets=1, first_date=None, last_date=None, **fields
    )


NATO = "ukraine-nato-membership"
PROPOSAL = Proposal("Draft", (Provision("no-nato", NATO, "excluded"),))
CLAIM = _evidence("membership is the only real guarantee", "support", security_claim=True)
THREAT = _evidence("NATO at our borders is a threat to us", "oppose", threat=True)


def test_indivisibility_pairs_security_claim_with_threat() -> None:
    cells = [
        _cell("Russia", NATO, "oppose", threat=True, evidence=[_evidence("no", "oppose"), THREAT]),
        _cell("Ukraine", NATO, "support", security_claim=True, evidence=[CLAIM]),
        _cell("Germany", NATO, "oppose"),
    ]
    assert indivisibility(PROPOSAL, cells) == [
        Indivisibility(
            provision="no-nato",
            issue=NATO,
            seeking="Ukraine",
            threatened="Russia",
            seeking_evidence=(CLAIM,),
            threatened_evidence=(THREAT,),
        )
    ]


def test_indivisibility_needs_both_sides() -> None:
    cells = [
        _cell("Ukraine", NATO, "support", security_claim=True, evidence=[CLAIM]),
        _cell("Russia", NATO, "conditional", threat=True, evidence=[THREAT]),
    ]
    assert indivisibility(PROPOSAL, cells) == []


def test_indivisibility_falls_back_to_stance_evidence_without_flags() -> None:
    plain = _evidence("we want to join", "support")
    cells = [
        _cell("Ukraine", NATO, "support", security_claim=True, evidence=[plain]),
        _cell("Russia", NATO, "oppose", threat=True, evidence=[THREAT]),
    ]
    [item] = indivisibility(PROPOSAL, cells)
    assert item.seeking_evidence == (plain,)

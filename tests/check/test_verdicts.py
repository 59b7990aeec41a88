"""Verdicts per actor and provision, red lines, conditions and the overall verdict."""

from __future__ import annotations

from typing import Any

from redline.check import Proposal, Provision, ProvisionVerdict
from redline.check.verdicts import actor_verdicts, judge
from redline.models import ActorIssue, Evidence, Outcome, Stance


def _evidence(quote: str, stance: Stance, **flags: bool) -> Evidence:
    return Evidence(
        doc="001.txt",
        document_id="d1",
        speaker="A spokesman",
        outlet="Wire",
        date="2025-03-01",
        quote=quote,
        start=0,
        end=len(quote),
        stance=stance,
        **flags,
    )


def _cell(actor: str, issue: str, stance: Stance, **extra: Any) -> ActorIssue:
    fields: dict[str, Any] = {
        "condition": None,
        "condition_issue": None,
        "condition_outcome": None,
        "statements": 1,
        "outlets": 1,
        "first_date": None,
        "last_date": None,
    }
    fields.update(extra)
    return ActorIssue(actor=actor, issue=issue, stance=stance, **fields)


def _proposal(*decisions: tuple[str, Outcome]) -> Proposal:
    return Proposal("Draft", tuple(Provision(f"p-{issue}", issue, o) for issue, o in decisions))


GUARANTEES_ON_CONDITION = _cell(
    "Russia",
    "guarantees-for-ukraine",
    "conditional",
    condition="only with guarantees for Russia",
    condition_issue="guarantees-for-russia",
    condition_outcome="granted",
)


def test_verdicts_nato_membership_granted_crosses_russias_red_line() -> None:
    quote = "Ukraine in NATO is unacceptable to us"
    cell = _cell(
        "Russia",
        "ukraine-nato-membership",
        "oppose",
        red_line=True,
        evidence=[
            _evidence("we discussed it", "support"),
            _evidence(quote, "oppose", red_line=True),
        ],
    )
    [russia] = actor_verdicts(_proposal(("ukraine-nato-membership", "granted")), [cell])
    assert russia.verdict == "rejects"
    assert (russia.accepted, russia.conditional, russia.rejected) == (0, 0, 1)
    assert russia.provisions["p-ukraine-nato-membership"] == ProvisionVerdict(
        provision="p-ukraine-nato-membership",
        verdict="rejects",
        red_line=True,
        condition=None,
        condition_met=None,
        evidence=(_evidence(quote, "oppose", red_line=True),),
    )


def test_verdicts_guarantees_without_guarantees_for_russia_leave_condition_unmet() -> None:
    proposal = _proposal(("guarantees-for-ukraine", "granted"))
    [russia] = actor_verdicts(proposal, [GUARANTEES_ON_CONDITION])
    verdict = russia.provisions["p-guarantees-for-ukraine"]
    assert (verdict.verdict, verdict.condition, verdict.condition_met, verdict.red_line) == (
        "conditional",
        "only with guarantees for Russia",
        False,
        False,
    )
    assert russia.verdict == "mixed"


def test_verdicts_guarantees_for_russia_provision_meets_the_condition() -> None:
    proposal = _proposal(
        ("guarantees-for-ukraine", "granted"), ("guarantees-for-russia", "granted")
    )
    [russia] = actor_verdicts(proposal, [GUARANTEES_ON_CONDITION])
    assert russia.provisions["p-guarantees-for-ukraine"].condition_met is True
    assert russia.provisions["p-guarantees-for-russia"].verdict == "unknown"
    counts = (russia.verdict, russia.accepted, russia.conditional, russia.rejected)
    assert counts == ("accepts", 0, 1, 0)


def test_verdicts_condition_outcome_must_match() -> None:
    proposal = _proposal(
        ("guarantees-for-ukraine", "granted"), ("guarantees-for-russia", "excluded")
    )
    [russia] = actor_verdicts(proposal, [GUARANTEES_ON_CONDITION])
    assert russia.provisions["p-guarantees-for-ukraine"].condition_met is False


def test_verdicts_condition_in_words_only_has_unknown_fulfilment() -> None:
    cell = _cell("Ukraine", "ceasefire", "conditional", condition="only if monitored")
    [ukraine] = actor_verdicts(_proposal(("ceasefire", "granted")), [cell])
    assert ukraine.provisions["p-ceasefire"].condition_met is None
    assert ukraine.verdict == "mixed"


def test_verdicts_unmet_condition_with_red_line_language_is_a_red_line() -> None:
    cell = _cell(
        "Russia",
        "guarantees-for-ukraine",
        "conditional",
        condition="no treaty is possible without guarantees for Russia",
        condition_issue="guarantees-for-russia",
        red_line=True,
    )
    [russia] = actor_verdicts(_proposal(("guarantees-for-ukraine", "granted")), [cell])
    assert russia.provisions["p-guarantees-for-ukraine"].red_line is True
    assert russia.verdict == "rejects"


def test_verdicts_stance_table() -> None:
    expected = {
        ("support", "granted"): "accepts",
        ("support", "excluded"): "rejects",
        ("oppose", "granted"): "rejects",
        ("oppose", "excluded"): "accepts",
        ("neutral", "granted"): "accepts",
        ("neutral", "excluded"): "accepts",
        ("conditional", "granted"): "conditional",
        ("conditional", "excluded"): "unknown",
    }
    for (stance, outcome), verdict in expected.items():
        assert judge(_cell("X", "ceasefire", stance), outcome, {}).verdict == verdict


def test_verdicts_conditional_on_excluded_issue_keeps_condition_and_evidence() -> None:
    cell = _cell(
        "Russia",
        "guarantees-for-ukraine",
        "conditional",
        condition="only with guarantees for Russia",
        condition_issue="guarantees-for-russia",
        evidence=[_evidence("only with guarantees for Russia", "conditional")],
    )
    [russia] = actor_verdicts(_proposal(("guarantees-for-ukraine", "excluded")), [cell])
    verdict = russia.provisions["p-guarantees-for-ukraine"]
    assert (verdict.verdict, verdict.condition, verdict.condition_met) == (
        "unknown",
        "only with guarantees for Russia",
        None,
    )
    assert len(verdict.evidence) == 1
    assert russia.verdict == "unknown"


def test_verdicts_every_actor_with_a_position_gets_every_provision() -> None:
    proposal = _proposal(("ceasefire", "granted"), ("ukraine-eu-membership", "excluded"))
    cells = [
        _cell("Ukraine", "ceasefire", "support"),
        _cell("Russia", "ukraine-eu-membership", "neutral"),
        _cell("China", "weapons-for-ukraine", "oppose"),
    ]
    verdicts = actor_verdicts(proposal, cells)
    assert [v.actor for v in verdicts] == ["Russia", "Ukraine"]
    russia, ukraine = verdicts
    assert {p: v.verdict for p, v in russia.provisions.items()} == {
        "p-ceasefire": "unknown",
        "p-ukraine-eu-membership": "accepts",
    }
    assert (russia.verdict, ukraine.verdict) == ("accepts", "accepts")


def test_verdicts_rejection_without_red_line_is_mixed() -> None:
    proposal = _proposal(("ceasefire", "granted"), ("weapons-for-ukraine", "granted"))
    cells = [
        _cell("Russia", "ceasefire", "support"),
        _cell("Russia", "weapons-for-ukraine", "oppose"),
    ]
    [russia] = actor_verdicts(proposal, cells)
    counts = (russia.verdict, russia.accepted, russia.conditional, russia.rejected)
    assert counts == ("mixed", 1, 0, 1)
    assert russia.provisions["p-weapons-for-ukraine"].red_line is False

"""The check report end to end: check() over cells, its JSON shape and its Markdown."""

from __future__ import annotations

from typing import Any

from redline.check import Proposal, Provision, check, report_to_json, report_to_markdown
from redline.models import ActorIssue, Evidence, Stance

NATO = "ukraine-nato-membership"


def _evidence(speaker: str, quote: str, stance: Stance, **flags: bool) -> Evidence:
    end = 10 + len(quote)
    return Evidence("007.txt", "d7", speaker, "Wire", "2025-02-18", quote, 10, end, stance, **flags)


def _cell(actor: str, issue: str, stance: Stance, **extra: Any) -> ActorIssue:
    fields: dict[str, Any] = {"condition": None, "condition_issue": None, "condition_outcome": None}
    fields.update(extra)
    return ActorIssue(
        actor, issue, stance, statements=1, outlets=1, first_date=None, last_date=None, **fields
    )


THREAT = _evidence(
    "Dmitry Peskov", "NATO in Ukraine is a threat to us", "oppose", threat=True, red_line=True
)
CLAIM = _evidence(
    "Foreign Ministry", "membership is the only real guarantee", "support", security_claim=True
)
CONDITION = _evidence("Sergey Lavrov", "only with guarantees for Russia", "conditional")

CELLS = [
    _cell("Russia", NATO, "oppose", red_line=True, threat=True, evidence=[THREAT]),
    _cell("Ukraine", NATO, "support", security_claim=True, evidence=[CLAIM]),
    _cell(
        "Russia",
        "guarantees-for-ukraine",
        "conditional",
        condition="only with guarantees for Russia",
        condition_issue="guarantees-for-russia",
        condition_outcome="granted",
        evidence=[CONDITION],
    ),
    _cell("Ukraine", "guarantees-for-ukraine", "support"),
]

PROPOSAL = Proposal(
    "Draft framework",
    (
        Provision("nato", NATO, "granted", "Ukraine joins NATO"),
        Provision("guarantees", "guarantees-for-ukraine", "granted", "Ukraine gets guarantees"),
    ),
)


def _record(evidence: Evidence) -> dict[str, Any]:
    return {
        "doc": "007.txt",
        "document_id": "d7",
        "start": 10,
        "end": 10 + len(evidence.quote),
        "speaker": evidence.speaker,
        "outlet": "Wire",
        "date": "2025-02-18",
        "quote": evidence.quote,
        "stance": evidence.stance,
        "red_line": evidence.red_line,
        "threat": evidence.threat,
        "security_claim": evidence.security_claim,
        "corrected": False,
        "confidence": 1.0,
        "language": None,
        "machine_translated": False,
        "copy_of": None,
    }


def test_render_json_has_the_stable_shape() -> None:
    report = check(PROPOSAL, CELLS, alternatives=1)
    assert report_to_json(report) == {
        "proposal": "Draft framework",
        "warnings": [],
        "provisions": [
            {"id": "nato", "issue": NATO, "outcome": "granted", "text": "Ukraine joins NATO",
             "must_keep": False, "weight": 1},
            {"id": "guarantees", "issue": "guarantees-for-ukraine", "outcome": "granted",
             "text": "Ukraine gets guarantees", "must_keep": False, "weight": 1},
        ],
        "actors": {
            "Russia": {
                "verdict": "rejects",
                "accepted": 0,
                "conditional": 1,
                "rejected": 1,
                "provisions": {
                    "nato": {
                        "verdict": "rejects",
                        "red_line": True,
                        "condition": None,
                        "condition_met": None,
                        "evidence": [_record(THREAT)],
                    },
                    "guarantees": {
                        "verdict": "conditional",
                        "red_line": False,
                        "condition": "only with guarantees for Russia",
                        "condition_met": False,
                        "evidence": [_record(CONDITION)],
                    },
                },
            },
            "Ukraine": {
                "verdict": "accepts",
                "accepted": 2,
                "conditional": 0,
                "rejected": 0,
                "provisions": {
                    "nato": {
                        "verdict": "accepts",
                        "red_line": False,
                        "condition": None,
                        "condition_met": None,
                        "evidence": [_record(CLAIM)],
                    },
                    "guarantees": {
                        "verdict": "accepts",
                        "red_line": False,
                        "condition": None,
                        "condition_met": None,
                        "evidence": [],
                    },
                },
            },
        },
        "indivisibility": [
            {
                "provision": "nato",
                "issue": NATO,
                "seeking": "Ukraine",
                "threatened": "Russia",
                "evidence": [
                    {"actor": "Ukraine", **_record(CLAIM)},
                    {"actor": "Russia", **_record(THREAT)},
                ],
            }
        ],
        "alternatives": [
            {
                "provisions": {NATO: "omitted", "guarantees-for-ukraine": "omitted"},
                "red_lines_crossed": 0,
                "settled": 0,
                "acceptances": 0,
                "objections": 0,
                "actors_rejecting": [],
                "kept": 0,
                "changes": [
                    {"provision": "nato", "issue": NATO, "from": "granted", "to": "omitted",
                     "stop_objecting": ["Russia"], "stop_accepting": ["Ukraine"],
                     "start_objecting": [], "start_accepting": []},
                    {"provision": "guarantees", "issue": "guarantees-for-ukraine",
                     "from": "granted", "to": "omitted",
                     "stop_objecting": ["Russia"], "stop_accepting": ["Ukraine"],
                     "start_objecting": [], "start_accepting": []},
                ],
                "original": False,
                "ranking": "first: fewest red lines crossed, then most settled",
            }
        ],
    }


def test_render_adding_guarantees_for_russia_meets_the_condition() -> None:
    proposal = Proposal(
        "Draft framework",
        (*PROPOSAL.provisions, Provision("guarantees-ru", "guarantees-for-russia", "granted")),
    )
    russia = report_to_json(check(proposal, CELLS))["actors"]["Russia"]
    assert russia["provisions"]["guarantees"]["condition_met"] is True
    assert russia["provisions"]["guarantees-ru"]["verdict"] == "unknown"


def test_render_markdown_shows_verdicts_evidence_and_packages() -> None:
    text = report_to_markdown(check(PROPOSAL, CELLS, alternatives=2))
    assert text.startswith("# Check: Draft framework\n")
    assert "| nato | ukraine-nato-membership | granted | Ukraine joins NATO |" in text
    assert "| Russia | **rejects** | 0 | 1 | 1 |" in text
    assert "| Ukraine | **accepts** | 2 | 0 | 0 |" in text
    assert "| nato | Ukraine |  | Russia (red line) |" in text
    assert "| guarantees | Ukraine | Russia (unmet) |  |" in text
    assert "**rejects**: a red line is crossed" in text
    assert (
        '  - Dmitry Peskov, Wire, 2025-02-18 (007.txt 10-43): "NATO in Ukraine is a threat to us"\n'
        in text
    )
    assert (
        "- **guarantees**: conditional (unmet) (condition: only with guarantees for Russia)\n"
        in text
    )
    assert (
        "- **nato** (ukraine-nato-membership): Ukraine seeks it for its security; "
        "Russia calls it a threat.\n" in text
    )
    assert (
        "1. crosses no red line; settles +0 (0 acceptances, 0 objections); rejected by nobody; "
        "keeps 0 of 2 (first: fewest red lines crossed, then most settled)\n" in text
    )
    assert "   - nato: granted -> omitted (Russia no longer objects; Ukraine no longer accepts)\n" in text
    assert "(1 acceptance, 1 objection); rejected by Russia; keeps 1 of 2 (below 1: more actors reject it)" in text


def test_render_markdown_without_positions_says_so() -> None:
    text = report_to_markdown(check(PROPOSAL, []))
    assert "No actor has a known position on any of the proposal's issues." in text
    assert "## Closest packages" not in text


def test_render_security_dilemmas_only_where_the_evidence_holds_one() -> None:
    title = "## Security dilemmas: sought by one party for its security, called a threat by another\n"
    assert title in report_to_markdown(check(PROPOSAL, CELLS))
    plain_cells = [_cell("Velora", NATO, "support"), _cell("Dastan", NATO, "oppose")]
    text = report_to_markdown(check(PROPOSAL, plain_cells))
    assert "Security dilemmas" not in text and "ndivisibility" not in text


def test_render_markdown_escapes_a_pipe_in_a_provision_id() -> None:
    proposal = Proposal("Draft", (Provision("nato|now", NATO, "granted", None),))
    markdown = report_to_markdown(check(proposal, CELLS[:1], alternatives=0))
    assert "| nato\\|now | ukraine-nato-membership | granted |  |" in markdown.splitlines()
    assert "| nato\\|now |  |  | Russia (red line) |" in markdown.splitlines()


def test_render_markdown_input_is_never_markup_or_control_codes() -> None:
    proposal = Proposal("Draft **bold** \x1b]0;owned\x07", (Provision("p_1", NATO, "granted", "[x](y)"),))
    markdown = report_to_markdown(check(proposal, CELLS[:1]))
    # The escape shows as the text \x1b, whose backslash Markdown escapes in turn.
    assert markdown.startswith(r"# Check: Draft \*\*bold\*\* \\x1b\]0;owned\\x07" + "\n")
    assert "| p\\_1 | ukraine-nato-membership | granted | \\[x\\](y) |" in markdown
    assert "\x1b" not in markdown


def test_render_lists_pack_actors_without_evidence_as_unknown() -> None:
    report = check(PROPOSAL, CELLS, actors=["Russia", "Ukraine", "China"])
    assert [(a.actor, a.verdict) for a in report.actors] == [
        ("Russia", "rejects"), ("Ukraine", "accepts"), ("China", "unknown"),
    ]
    assert report_to_json(report)["actors"]["China"]["provisions"]["nato"]["verdict"] == "unknown"
    assert "No evidence (unknown): China." in report_to_markdown(report)


def test_render_carries_the_warnings_of_the_check() -> None:
    report = check(PROPOSAL, CELLS, warnings=["s.duckdb: analysed with pack 'other'"])
    assert report_to_json(report)["warnings"] == ["s.duckdb: analysed with pack 'other'"]
    assert "> **warning:** s.duckdb: analysed with pack 'other'\n" in report_to_markdown(report)

"""The check report in a terminal reads at 80 and 120 columns, whatever the number of actors."""

from __future__ import annotations

from typing import Any

import pytest
from rich.console import Console

from redline.check import Proposal, Provision, check
from redline.check.view import report_view
from redline.models import ActorIssue, Evidence, Stance

ACTORS = ("Russia", "Ukraine", "United States", "European Union", "United Kingdom",
          "UN Security Council", "Turkey", "France")
ISSUES = ("ukraine-nato-membership", "guarantees-for-ukraine", "foreign-troops-in-ukraine",
          "legally-binding-guarantees")
STANCES: tuple[Stance, ...] = ("support", "oppose", "neutral", "conditional")


def _cell(actor: str, issue: str, stance: Stance, **extra: Any) -> ActorIssue:
    quote = f"{actor} has a view on {issue}"
    evidence = Evidence("wire.txt", "d1", "A spokesperson", "Wire", "2025-03-01", quote, 0,
                        len(quote), stance)
    fields: dict[str, Any] = {"condition": None, "condition_issue": None, "condition_outcome": None}
    fields.update(extra)
    return ActorIssue(actor, issue, stance, statements=1, outlets=1, first_date=None,
                      last_date=None, evidence=[evidence], **fields)


def _report() -> Any:
    proposal = Proposal(
        "Framework for a settlement, working draft",
        tuple(Provision(f"provision-{n}", issue, "granted", "A clause.") for n, issue in enumerate(ISSUES)),
    )
    cells = [
        _cell(actor, issue, STANCES[(a + i) % 4], red_line=(a + i) % 3 == 0,
              condition="once a ceasefire holds", condition_issue=ISSUES[0], condition_outcome="excluded")
        for a, actor in enumerate(ACTORS[:-1])
        for i, issue in enumerate(ISSUES)
    ]
    return check(proposal, cells, alternatives=2, actors=ACTORS)


def _render(width: int) -> str:
    console = Console(width=width, record=True, color_system=None)
    console.print(report_view(_report()))
    return console.export_text()


@pytest.mark.parametrize("width", [80, 120])
def test_view_verdicts_read_whole_at_terminal_width(width: int) -> None:
    text = _render(width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert "…" not in text
    table = text[text.index("verdict of each actor"):text.index("verdicts by provision")]
    for actor in ACTORS[:-1]:
        assert f"│ {actor} " in table
    rows = [line for line in table.splitlines() if line.startswith("│ Russia ")]
    assert rows == [rows[0]] and "│ rejects │" in rows[0]
    for word in ("accepts", "conditional", "rejects"):
        assert f" {word} " in text[text.index("verdicts by provision"):]
    assert "No evidence (unknown): France." in text.replace("\n", " ")


def test_view_legend_explains_the_verdict_words() -> None:
    text = " ".join(_render(80).split())
    assert "rejects = a red line is crossed" in text
    assert "unknown = no evidence of the actor's stance on the issue" in text


def test_view_has_no_security_dilemmas_section_without_one() -> None:
    proposal = Proposal("Border accord", (Provision("sign", ISSUES[0], "granted", "Sign it."),))
    console = Console(width=80, record=True, color_system=None)
    console.print(report_view(check(proposal, [_cell("Velora", ISSUES[0], "support"),
                                               _cell("Dastan", ISSUES[0], "oppose")])))
    text = console.export_text()
    assert "Velora" in text and "Security dilemmas" not in text and "ndivisibility" not in text


def test_view_input_is_never_markup_or_a_control_code() -> None:
    proposal = Proposal("[bold red]Draft[/] \x1b]0;title\x07", (Provision("p[/", ISSUES[0], "granted", "\x1b[2J"),))
    console = Console(width=80, record=True, color_system=None)
    console.print(report_view(check(proposal, [_cell("[/x]", ISSUES[0], "support")])))
    text = console.export_text()
    assert "[bold red]Draft[/] \\x1b]0;title\\x07" in text
    assert "\\x1b[2J" in text and "\x1b" not in text
    assert "[/x]" in text

"""The check report in a terminal: tables that read at 80 columns, whatever the pack.

Provisions run down and the three verdicts across, each cell naming the actors, so the
width does not grow with the number of actors; a second, narrow table gives each actor's
verdict on the whole proposal. Every string from input goes through
:func:`redline.terminal.plain`.
"""

from __future__ import annotations

import shlex

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from redline.check.render import (
    COLUMNS,
    DILEMMAS_TITLE,
    LEGEND,
    OVERALL_LEGEND,
    PACKAGE_LEGEND,
    change_line,
    grouped,
    package_summary,
    ranking_reason,
    verdict_label,
    with_evidence,
)
from redline.check.report import Report
from redline.check.verdicts import ActorVerdict
from redline.models import Evidence
from redline.terminal import plain

# Pieces of evidence shown per verdict; `redline evidence` lists them all.
EVIDENCE_SHOWN = 2
VERDICT_STYLE = {
    "accepts": "green",
    "conditional": "yellow",
    "rejects": "red",
    "mixed": "yellow",
    "unknown": "dim",
}


def _legend(title: str, pairs: tuple[tuple[str, str], ...]) -> Text:
    text = Text(f"{title}: ", "bold")
    for number, (word, meaning) in enumerate(pairs):
        text.append(("; " if number else "") + word, VERDICT_STYLE.get(word, ""))
        text.append(f" = {meaning}")
    return text


def _provisions(report: Report) -> Table:
    table = Table(title="the proposal", show_lines=True, expand=True)
    table.add_column("provision", style="bold", no_wrap=True)
    table.add_column("issue", ratio=2, overflow="fold")
    table.add_column("outcome", no_wrap=True)
    table.add_column("text", ratio=4)
    for p in report.proposal.provisions:
        outcome = p.outcome + (" (must keep)" if p.must_keep else "") + (
            f" (weight {p.weight})" if p.weight != 1 else "")
        table.add_row(plain(p.id), plain(p.issue), outcome, plain(p.text or ""))
    return table


def _actors(actors: list[ActorVerdict]) -> Table:
    table = Table(title="verdict of each actor on the whole proposal")
    table.add_column("actor", style="bold")
    table.add_column("verdict")
    for column in COLUMNS:
        table.add_column(column, justify="right")
    for a in actors:
        table.add_row(plain(a.actor), Text(a.verdict, VERDICT_STYLE[a.verdict]),
                      str(a.accepted), str(a.conditional), str(a.rejected))
    return table


def _by_provision(report: Report) -> Table:
    table = Table(title="verdicts by provision", show_lines=True, expand=True)
    table.add_column("provision", style="bold", no_wrap=True)
    for column in COLUMNS:
        table.add_column(column, ratio=1, header_style=VERDICT_STYLE[column])
    for p in report.proposal.provisions:
        cells = grouped(report, p.id)
        table.add_row(plain(p.id), *(plain("\n".join(cells[c]), VERDICT_STYLE[c]) for c in COLUMNS))
    return table


def _evidence(evidence: Evidence) -> Padding:
    source = ", ".join(x for x in (evidence.speaker, evidence.outlet, evidence.date) if x)
    text = plain(source or "unattributed", "bold")
    text.append(plain(f" ({evidence.doc} {evidence.start}-{evidence.end}): ", "dim"))
    text.append(plain(f"\u201c{evidence.quote}\u201d"))
    return Padding(text, (0, 0, 0, 4), expand=False)


def _actor_block(actor: ActorVerdict, issues: dict[str, str]) -> list[RenderableType]:
    head = plain(actor.actor, "bold")
    head.append(": ")
    head.append(actor.verdict, VERDICT_STYLE[actor.verdict])
    parts: list[RenderableType] = [Text(""), head]
    for pid, verdict in actor.provisions.items():
        if verdict.verdict == "unknown" and not verdict.evidence:
            continue
        line = plain(pid, "bold")
        line.append(": ")
        line.append(verdict_label(verdict), VERDICT_STYLE[verdict.verdict])
        if verdict.condition:
            line.append(plain(f" (condition: {verdict.condition})"))
        parts.append(Padding(line, (0, 0, 0, 2), expand=False))
        parts.extend(_evidence(e) for e in verdict.evidence[:EVIDENCE_SHOWN])
        if len(verdict.evidence) > EVIDENCE_SHOWN:
            more = len(verdict.evidence) - EVIDENCE_SHOWN
            parts.append(Padding(plain(f"(+{more} more: redline evidence {shlex.quote(actor.actor)} "
                                       f"{shlex.quote(issues[pid])})", "dim"), (0, 0, 0, 4), expand=False))
    return parts


def _indivisibility(report: Report) -> list[RenderableType]:
    # Only where the evidence holds one: a negotiation with no security framing has no such section.
    if not report.indivisibility:
        return []
    parts: list[RenderableType] = [Text(""), Text(DILEMMAS_TITLE, "bold underline")]
    for item in report.indivisibility:
        parts.append(plain(f"{item.provision} ({item.issue}): {item.seeking} seeks it for its "
                           f"security; {item.threatened} calls it a threat."))
        parts.extend(_evidence(e) for e in (*item.seeking_evidence, *item.threatened_evidence))
    return parts


def _packages(report: Report) -> list[RenderableType]:
    packages, total = report.alternatives, len(report.proposal.provisions)
    parts: list[RenderableType] = [Text(""), Text("Closest packages", "bold underline"),
                                   Text(PACKAGE_LEGEND, "dim")]
    ranked = Table.grid(padding=(0, 1))
    ranked.add_column(justify="right", no_wrap=True)
    ranked.add_column()
    for rank, package in enumerate(packages, start=1):
        why = ranking_reason(package, rank, packages[rank - 2] if rank > 1 else None)
        original = "the proposal as drafted; " if package.original else ""
        changes = Table.grid(padding=(0, 1))
        changes.add_column(no_wrap=True)
        changes.add_column()
        for change in package.changes:
            changes.add_row("-", plain(change_line(change)))
        summary = plain(f"{original}{package_summary(package, total)} ({why})")
        ranked.add_row(f"{rank}.", Group(summary, changes))
    return [*parts, ranked]


def report_view(report: Report) -> Group:
    """The whole report for a terminal: warnings, proposal, verdicts, dilemmas, packages."""
    parts: list[RenderableType] = [plain(f"Check: {report.proposal.title}", "bold")]
    parts += [plain(f"warning: {w}", "yellow") for w in report.warnings]
    parts.append(_provisions(report))
    known, unknown = with_evidence(report)
    if known:
        parts += [_actors(known), _by_provision(report)]
        parts += [_legend("per actor", OVERALL_LEGEND), _legend("per provision", LEGEND)]
    else:
        parts.append(Text("No actor has a known position on any of the proposal's issues."))
    if unknown:
        parts.append(plain(f"No evidence (unknown): {', '.join(unknown)}.", "dim"))
    issues = {p.id: p.issue for p in report.proposal.provisions}
    for actor in known:
        parts.extend(_actor_block(actor, issues))
    parts.extend(_indivisibility(report))
    if report.alternatives:
        parts.extend(_packages(report))
    return Group(*parts)

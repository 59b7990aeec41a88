"""A check report as the stable JSON shape scripts read, and as Markdown people read.

Both are built from the same :class:`~redline.check.report.Report`, and so is the terminal
view (:mod:`redline.check.view`): the grouping of actors by verdict, the legend and the
sentences that explain each package live here once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from redline.check.indivisibility import Indivisibility
from redline.check.packages import Change, Package
from redline.check.proposal import Provision
from redline.check.report import Report
from redline.check.verdicts import ActorVerdict, ProvisionVerdict
from redline.models import Evidence
from redline.records import evidence_record
from redline.terminal import visible

# The columns of the verdict table, and what each verdict word means.
COLUMNS = ("accepts", "conditional", "rejects")
LEGEND: tuple[tuple[str, str], ...] = (
    ("accepts", "the provision grants what the actor supports, rules out what it opposes, "
                "or decides an issue it is open on"),
    ("conditional", "the actor supports it only on a condition; met or unmet says whether "
                    "the proposal meets it"),
    ("rejects", "the provision goes against the actor's stance; (red line) when the "
                "actor's own words make it a red line"),
    ("unknown", "no evidence of the actor's stance on the issue"),
)
OVERALL_LEGEND: tuple[tuple[str, str], ...] = (
    ("rejects", "a red line is crossed"),
    ("mixed", "objects to something, but crosses no red line: open to negotiation"),
    ("accepts", "accepts every provision it has a stance on, conditions met"),
    ("unknown", "no evidence on any provision"),
)
# What a party seeks for its own security while another calls it a threat (check/indivisibility.py).
DILEMMAS_TITLE = "Security dilemmas: sought by one party for its security, called a threat by another"
PACKAGE_LEGEND = (
    "Packages are ranked by red lines crossed (fewest first), then by what they settle "
    "(each provision's weight times actors accepting minus actors objecting; a provision "
    "left out settles nothing), then by actors rejecting, then by provisions kept."
)


def _provision_record(verdict: ProvisionVerdict) -> dict[str, Any]:
    return {
        "verdict": verdict.verdict,
        "red_line": verdict.red_line,
        "condition": verdict.condition,
        "condition_met": verdict.condition_met,
        "evidence": [evidence_record(e) for e in verdict.evidence],
    }


def _actor_record(actor: ActorVerdict) -> dict[str, Any]:
    return {
        "verdict": actor.verdict,
        "accepted": actor.accepted,
        "conditional": actor.conditional,
        "rejected": actor.rejected,
        "provisions": {pid: _provision_record(v) for pid, v in actor.provisions.items()},
    }


def _indivisibility_record(item: Indivisibility) -> dict[str, Any]:
    # Each piece of evidence names its actor, so a script can tell the two sides apart.
    sides = [(item.seeking, e) for e in item.seeking_evidence]
    sides += [(item.threatened, e) for e in item.threatened_evidence]
    return {
        "provision": item.provision,
        "issue": item.issue,
        "seeking": item.seeking,
        "threatened": item.threatened,
        "evidence": [{"actor": actor, **evidence_record(e)} for actor, e in sides],
    }


def _change_record(change: Change) -> dict[str, Any]:
    return {
        "provision": change.provision,
        "issue": change.issue,
        "from": change.before,
        "to": change.after,
        "stop_objecting": list(change.stop_objecting),
        "stop_accepting": list(change.stop_accepting),
        "start_objecting": list(change.start_objecting),
        "start_accepting": list(change.start_accepting),
    }


def _package_record(package: Package, rank: int, previous: Package | None) -> dict[str, Any]:
    return {
        "provisions": dict(package.decisions),
        "red_lines_crossed": package.red_lines_crossed,
        "settled": package.settled,
        "acceptances": package.acceptances,
        "objections": package.objections,
        "actors_rejecting": list(package.actors_rejecting),
        "kept": package.kept,
        "changes": [_change_record(c) for c in package.changes],
        "original": package.original,
        "ranking": ranking_reason(package, rank, previous),
    }


def _provision_json(provision: Provision) -> dict[str, Any]:
    return {
        "id": provision.id,
        "issue": provision.issue,
        "outcome": provision.outcome,
        "text": provision.text,
        "must_keep": provision.must_keep,
        "weight": provision.weight,
    }


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as the one JSON object ``redline check --json`` prints."""
    packages = report.alternatives
    return {
        "proposal": report.proposal.title,
        "warnings": list(report.warnings),
        "provisions": [_provision_json(p) for p in report.proposal.provisions],
        "actors": {a.actor: _actor_record(a) for a in report.actors},
        "indivisibility": [_indivisibility_record(i) for i in report.indivisibility],
        "alternatives": [
            _package_record(p, rank, packages[rank - 2] if rank > 1 else None)
            for rank, p in enumerate(packages, start=1)
        ],
    }


def verdict_label(verdict: ProvisionVerdict) -> str:
    """A provision verdict in words: ``rejects (red line)``, ``conditional (unmet)``..."""
    if verdict.red_line:
        return f"{verdict.verdict} (red line)"
    if verdict.verdict == "conditional":
        met = {True: "met", False: "unmet", None: "open"}[verdict.condition_met]
        return f"conditional ({met})"
    return verdict.verdict


def grouped(report: Report, provision: str) -> dict[str, list[str]]:
    """The actors under each verdict column for one provision, with their qualifiers."""
    columns: dict[str, list[str]] = {column: [] for column in COLUMNS}
    for actor in report.actors:
        verdict = actor.provisions[provision]
        if verdict.verdict in columns:
            label = verdict_label(verdict).removeprefix(verdict.verdict).strip()
            columns[verdict.verdict].append(f"{actor.actor} {label}".strip())
    return columns


def with_evidence(report: Report) -> tuple[list[ActorVerdict], list[str]]:
    """The actors with a known verdict on some provision, and the names of the rest."""
    known = [a for a in report.actors if a.verdict != "unknown"]
    return known, [a.actor for a in report.actors if a.verdict == "unknown"]


def ranking_reason(package: Package, rank: int, previous: Package | None) -> str:
    """Why a package ranks where it does, against the one ranked just above it."""
    if previous is None:
        return "first: fewest red lines crossed, then most settled"
    reasons = (
        (package.red_lines_crossed - previous.red_lines_crossed, "crosses more red lines"),
        (previous.settled - package.settled, "settles less"),
        (len(package.actors_rejecting) - len(previous.actors_rejecting), "more actors reject it"),
        (previous.kept - package.kept, "keeps fewer provisions"),
    )
    for difference, reason in reasons:
        if difference > 0:
            return f"below {rank - 1}: {reason}"
    return f"ties with {rank - 1} on every count"


def package_summary(package: Package, total: int) -> str:
    """One line of a package's scores."""
    red_lines = {0: "no red line", 1: "1 red line"}.get(
        package.red_lines_crossed, f"{package.red_lines_crossed} red lines"
    )
    rejecting = ", ".join(package.actors_rejecting) or "nobody"
    counts = f"{_count(package.acceptances, 'acceptance')}, {_count(package.objections, 'objection')}"
    return (
        f"crosses {red_lines}; settles {package.settled:+d} ({counts}); rejected by {rejecting}; "
        f"keeps {package.kept} of {total}"
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def change_line(change: Change) -> str:
    """A changed decision and the actors it moves."""
    effects = [
        f"{', '.join(actors)} {verb}{'s' if len(actors) == 1 else ''}"
        for actors, verb in (
            (change.stop_objecting, "no longer object"),
            (change.start_accepting, "now accept"),
            (change.stop_accepting, "no longer accept"),
            (change.start_objecting, "now object"),
        )
        if actors
    ]
    moved = "; ".join(effects) or "no actor's verdict changes"
    return f"{change.provision}: {change.before} -> {change.after} ({moved})"


# ">" is left alone: it is markup only at the start of a line, where no input text goes.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<#|!~])")


def _md(text: str | None) -> str:
    """Input text made inert in Markdown: specials escaped, controls visible, one line."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(text or "").replace("\n", " "))


def _evidence_line(evidence: Evidence, actor: str | None = None) -> str:
    source = ", ".join(x for x in (evidence.speaker, evidence.outlet, evidence.date) if x)
    side = f"{_md(actor)}: " if actor else ""
    where = f"{_md(evidence.doc)} {evidence.start}-{evidence.end}"
    return f'  - {side}{_md(source) or "unattributed"} ({where}): "{_md(evidence.quote)}"'


def _legend(pairs: Sequence[tuple[str, str]]) -> str:
    return "; ".join(f"**{word}**: {meaning}" for word, meaning in pairs) + "."


def _verdict_tables(report: Report) -> list[str]:
    known, unknown = with_evidence(report)
    lines = ["| actor | verdict | accepts | conditional | rejects |", "|---|---|---|---|---|"]
    lines += [
        f"| {_md(a.actor)} | **{a.verdict}** | {a.accepted} | {a.conditional} | {a.rejected} |"
        for a in known
    ]
    if unknown:
        lines += ["", f"No evidence (unknown): {_md(', '.join(unknown))}."]
    lines += ["", "| provision | " + " | ".join(COLUMNS) + " |", "|---" * (1 + len(COLUMNS)) + "|"]
    for p in report.proposal.provisions:
        cells = grouped(report, p.id)
        lines.append(f"| {_md(p.id)} | " + " | ".join(_md(", ".join(cells[c])) for c in COLUMNS) + " |")
    return lines


def _actor_section(actor: ActorVerdict) -> list[str]:
    lines = ["", f"### {_md(actor.actor)}: {actor.verdict}", ""]
    for pid, verdict in actor.provisions.items():
        if verdict.verdict == "unknown" and not verdict.evidence:
            continue
        condition = f" (condition: {_md(verdict.condition)})" if verdict.condition else ""
        lines.append(f"- **{_md(pid)}**: {verdict_label(verdict)}{condition}")
        lines.extend(_evidence_line(e) for e in verdict.evidence)
    return lines


def _indivisibility_section(items: tuple[Indivisibility, ...]) -> list[str]:
    # Only where the evidence holds one: a negotiation with no security framing has no such section.
    if not items:
        return []
    lines = ["", f"## {DILEMMAS_TITLE}", ""]
    for item in items:
        lines.append(
            f"- **{_md(item.provision)}** ({_md(item.issue)}): {_md(item.seeking)} seeks it for "
            f"its security; {_md(item.threatened)} calls it a threat."
        )
        lines.extend(_evidence_line(e, item.seeking) for e in item.seeking_evidence)
        lines.extend(_evidence_line(e, item.threatened) for e in item.threatened_evidence)
    return lines


def _packages_section(packages: tuple[Package, ...], total: int) -> list[str]:
    lines = ["", "## Closest packages", "", PACKAGE_LEGEND, ""]
    for rank, package in enumerate(packages, start=1):
        original = "the proposal as drafted; " if package.original else ""
        why = ranking_reason(package, rank, packages[rank - 2] if rank > 1 else None)
        lines.append(f"{rank}. {original}{_md(package_summary(package, total))} ({_md(why)})")
        lines.extend(f"   - {_md(change_line(c))}" for c in package.changes)
    return lines


def report_to_markdown(report: Report) -> str:
    """The report as a Markdown document: provisions, verdicts with evidence, dilemmas, packages."""
    lines = [f"# Check: {_md(report.proposal.title)}", ""]
    lines += [f"> **warning:** {_md(w)}" for w in report.warnings]
    if report.warnings:
        lines.append("")
    lines += ["| provision | issue | outcome | text |", "|---|---|---|---|"]
    for p in report.proposal.provisions:
        keep = " (must keep)" if p.must_keep else ""
        weight = f" (weight {p.weight})" if p.weight != 1 else ""
        lines.append(f"| {_md(p.id)} | {_md(p.issue)} | {p.outcome}{keep}{weight} | {_md(p.text)} |")
    lines += ["", "## Verdicts", ""]
    if any(a.verdict != "unknown" for a in report.actors):
        lines += [f"Per actor: {_legend(OVERALL_LEGEND)}", "", f"Per provision: {_legend(LEGEND)}", ""]
        lines.extend(_verdict_tables(report))
        for actor in with_evidence(report)[0]:
            lines.extend(_actor_section(actor))
    else:
        lines.append("No actor has a known position on any of the proposal's issues.")
    lines.extend(_indivisibility_section(report.indivisibility))
    if report.alternatives:
        lines.extend(_packages_section(report.alternatives, len(report.proposal.provisions)))
    return "\n".join(lines) + "\n"

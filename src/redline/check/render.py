"""A check report as the stable JSON shape scripts read, and as Markdown people read.

Both are built from the same :class:`~redline.check.report.Report`, so they never disagree.
"""

from __future__ import annotations

from typing import Any

from redline.check.indivisibility import Indivisibility
from redline.check.packages import Package
from redline.check.report import Report
from redline.check.verdicts import ActorVerdict, ProvisionVerdict
from redline.models import Evidence


def _evidence_record(evidence: Evidence) -> dict[str, Any]:
    return {
        "doc": evidence.doc,
        "speaker": evidence.speaker,
        "outlet": evidence.outlet,
        "date": evidence.date,
        "quote": evidence.quote,
    }


def _provision_record(verdict: ProvisionVerdict) -> dict[str, Any]:
    return {
        "verdict": verdict.verdict,
        "red_line": verdict.red_line,
        "condition": verdict.condition,
        "condition_met": verdict.condition_met,
        "evidence": [_evidence_record(e) for e in verdict.evidence],
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
        "evidence": [{"actor": actor, **_evidence_record(e)} for actor, e in sides],
    }


def _package_record(package: Package) -> dict[str, Any]:
    return {
        "provisions": dict(package.decisions),
        "red_lines_crossed": package.red_lines_crossed,
        "actors_rejecting": list(package.actors_rejecting),
        "kept": package.kept,
        "changes": [
            {"provision": c.provision, "issue": c.issue, "from": c.before, "to": c.after}
            for c in package.changes
        ],
        "original": package.original,
    }


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as the one JSON object ``redline check --json`` prints."""
    return {
        "proposal": report.proposal.title,
        "actors": {a.actor: _actor_record(a) for a in report.actors},
        "indivisibility": [_indivisibility_record(i) for i in report.indivisibility],
        "alternatives": [_package_record(p) for p in report.alternatives],
    }


def _cell(text: str | None) -> str:
    """Text made safe for one Markdown table cell."""
    return (text or "").replace("|", "\\|").replace("\n", " ")


def _verdict_label(verdict: ProvisionVerdict) -> str:
    if verdict.red_line:
        return f"{verdict.verdict} (red line)"
    if verdict.verdict == "conditional" and verdict.condition_met is not None:
        return f"conditional ({'met' if verdict.condition_met else 'unmet'})"
    return verdict.verdict


def _evidence_line(evidence: Evidence, actor: str | None = None) -> str:
    source = ", ".join(x for x in (evidence.speaker, evidence.outlet, evidence.date) if x)
    quote = evidence.quote.replace("\n", " ")
    side = f"{actor}: " if actor else ""
    return f'  - {side}{source or "unattributed"} ({evidence.doc}): "{quote}"'


def _verdict_table(report: Report) -> list[str]:
    ids = [p.id for p in report.proposal.provisions]
    lines = [
        "| actor | verdict | accepted | conditional | rejected | " + " | ".join(map(_cell, ids)) + " |",
        "|---" * (5 + len(ids)) + "|",
    ]
    for actor in report.actors:
        cells = [_verdict_label(actor.provisions[pid]) for pid in ids]
        counts = f"{actor.accepted} | {actor.conditional} | {actor.rejected}"
        row = f"| {_cell(actor.actor)} | **{actor.verdict}** | {counts} | " + " | ".join(cells)
        lines.append(row + " |")
    return lines


def _actor_section(actor: ActorVerdict) -> list[str]:
    lines = ["", f"### {actor.actor}: {actor.verdict}", ""]
    for pid, verdict in actor.provisions.items():
        if verdict.verdict == "unknown" and not verdict.evidence:
            continue
        condition = f" (condition: {verdict.condition})" if verdict.condition else ""
        lines.append(f"- **{pid}**: {_verdict_label(verdict)}{condition}")
        lines.extend(_evidence_line(e) for e in verdict.evidence)
    return lines


def _indivisibility_section(items: tuple[Indivisibility, ...]) -> list[str]:
    lines = ["", "## Indivisibility of security", ""]
    if not items:
        return lines + ["No provision is sought by one party and called a threat by another."]
    for item in items:
        lines.append(
            f"- **{item.provision}** ({item.issue}): {item.seeking} seeks it for its security; "
            f"{item.threatened} calls it a threat."
        )
        lines.extend(_evidence_line(e, item.seeking) for e in item.seeking_evidence)
        lines.extend(_evidence_line(e, item.threatened) for e in item.threatened_evidence)
    return lines


def _packages_section(packages: tuple[Package, ...], total: int) -> list[str]:
    lines = ["", "## Closest packages", ""]
    for rank, package in enumerate(packages, start=1):
        rejecting = ", ".join(package.actors_rejecting) or "none"
        original = " (the proposal as drafted)" if package.original else ""
        lines.append(
            f"{rank}. red lines crossed: {package.red_lines_crossed}; actors rejecting: "
            f"{rejecting}; kept {package.kept} of {total}{original}"
        )
        lines.extend(
            f"   - {c.provision} ({c.issue}): {c.before} -> {c.after}" for c in package.changes
        )
    return lines


def report_to_markdown(report: Report) -> str:
    """The report as a Markdown document: provisions, verdicts with evidence, dilemmas, packages."""
    lines = [f"# Check: {report.proposal.title}", ""]
    lines += ["| provision | issue | outcome | text |", "|---|---|---|---|"]
    for p in report.proposal.provisions:
        lines.append(f"| {_cell(p.id)} | {_cell(p.issue)} | {p.outcome} | {_cell(p.text)} |")
    lines += ["", "## Verdicts", ""]
    if report.actors:
        lines.extend(_verdict_table(report))
        for actor in report.actors:
            lines.extend(_actor_section(actor))
    else:
        lines.append("No actor has a known position on any of the proposal's issues.")
    lines.extend(_indivisibility_section(report.indivisibility))
    if report.alternatives:
        lines.extend(_packages_section(report.alternatives, len(report.proposal.provisions)))
    return "\n".join(lines) + "\n"

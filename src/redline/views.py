"""Rich renderables for the terminal: tables, the stance matrix, a marked-up document.

Every string from input (article text, titles, names, ids from a pack) goes through
:func:`redline.terminal.plain`, never into a markup string, so that brackets in a quote
are never read as styling and escape sequences never reach the terminal.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from redline.models import ActorIssue, Document, Evidence, Statement
from redline.terminal import line, plain

if TYPE_CHECKING:
    from redline.engine import IngestSummary
    from redline.position import Pack
    from redline.position.cues import CueEntry
    from redline.position.examples import PackCheck

STANCE_STYLE = {
    "support": "bold green",
    "oppose": "bold red",
    "conditional": "bold yellow",
    "neutral": "bold cyan",
}
SPEAKER_STYLES = ("magenta", "blue", "green", "yellow", "cyan", "red")


def ingest_summary(summary: IngestSummary, db: str) -> Table:
    """The table printed at the end of an ingest."""
    table = Table(title="ingest", show_header=False)
    table.add_row("documents added", str(summary.added))
    table.add_row("already stored (skipped)", str(summary.skipped))
    table.add_row("syndicated copies found", str(summary.duplicates))
    table.add_row("documents analysed", str(summary.analysed))
    table.add_row("inputs failed", Text(str(len(summary.errors)), "red" if summary.errors else ""))
    table.add_row("store", plain(db))
    return table


def documents_table(documents: Sequence[Document]) -> Table:
    """One row per stored document, narrow enough for 80 columns: names over ids, outlet over date."""
    names = {d.id: d.doc for d in documents}
    table = Table(title=f"{len(documents)} documents", expand=True, show_lines=True)
    table.add_column("doc / id", ratio=3, overflow="fold")
    table.add_column("title", ratio=4, overflow="fold")
    table.add_column("outlet / date", ratio=2, overflow="fold")
    table.add_column("lang", no_wrap=True)
    table.add_column("copy of", ratio=2, overflow="fold")
    for d in documents:
        name = plain(d.doc)
        name.append(plain(f"\n{d.id}", "dim"))
        source = plain("\n".join(x for x in (d.outlet, d.date) if x))
        language = (d.language or "?") + (" MT" if d.machine_translated else "")
        copy_of = names.get(d.duplicate_of, d.duplicate_of) if d.duplicate_of else None
        table.add_row(name, plain((d.title or "")[:70]), source, plain(language), plain(copy_of))
    return table


def document_view(document: Document, statements: Sequence[Statement]) -> Group:
    """Metadata, the cleaned text with each statement's span and speaker, and removals."""
    meta = Table(show_header=False, box=None)
    for key, value in (
        ("id", document.id), ("doc", document.doc), ("title", document.title),
        ("outlet", document.outlet), ("date", document.date), ("author", document.author),
        ("language", document.language),
        ("machine translated", document.translation_service or str(document.machine_translated)),
        ("copy of", document.duplicate_of),
    ):
        if value:
            meta.add_row(Text(key, "bold"), plain(value))
    removed = Table(title="removed by cleaning", show_lines=False)
    removed.add_column("reason")
    removed.add_column("text", overflow="fold")
    for r in document.removed:
        removed.add_row(plain(r.reason), plain(r.text.strip()[:120]))
    return Group(meta, Text(""), marked_text(document.text, statements), Text(""), removed)


def marked_text(text: str, statements: Sequence[Statement]) -> Text:
    """The text with statement spans highlighted and a speaker label after each."""
    colours: dict[str, str] = {}
    marked = Text()
    cursor = 0
    for s in sorted(statements, key=lambda s: s.start):
        if s.start < cursor:
            continue
        style = colours.setdefault(s.speaker, SPEAKER_STYLES[len(colours) % len(SPEAKER_STYLES)])
        marked.append(plain(text[cursor:s.start]))
        marked.append(plain(text[s.start:s.end], f"underline {style}"))
        marked.append(plain(f" [{s.speaker} · {s.kind}]", f"reverse {style}"))
        cursor = s.end
    marked.append(plain(text[cursor:]))
    return marked


def statements_table(statements: Sequence[Statement], documents: Mapping[str, Document]) -> Table:
    """One row per statement; the content gets most of the width, so that it reads at 80 columns."""
    table = Table(title=f"{len(statements)} statements", show_lines=True, expand=True)
    table.add_column("doc", ratio=2, overflow="fold")
    table.add_column("speaker / actor", ratio=2, overflow="fold")
    table.add_column("cue / kind", ratio=2, overflow="fold")
    table.add_column("content", ratio=5)
    for s in statements:
        speaker = plain(s.speaker)
        speaker.append(plain(f"\n{s.actor}" if s.actor else "", "dim"))
        cue = plain(s.cue or "")
        cue.append(plain(f"\n{s.kind} {s.start}-{s.end}", "dim"))
        table.add_row(plain(documents[s.document_id].doc), speaker, cue, plain(s.content))
    return table


def per_doc_table(records: Sequence[Mapping[str, Any]]) -> Table:
    """One row per per-document position; the evidence gets most of the width."""
    table = Table(title=f"{len(records)} positions", show_lines=True, expand=True)
    table.add_column("doc", ratio=2, overflow="fold")
    table.add_column("actor / issue", ratio=3, overflow="fold")
    table.add_column("stance", ratio=2, overflow="fold")
    table.add_column("evidence", ratio=5)
    for r in records:
        holder = plain(r["actor"], "bold")
        holder.append(plain(f"\n{r['issue']}"))
        stance = Text(r["stance"], STANCE_STYLE[r["stance"]])
        stance.append(plain(f"\n{r['condition']}" if r["condition"] else ""))
        evidence = plain(r["evidence"])
        evidence.append(plain(f"\n{r['start']}-{r['end']}", "dim"))
        table.add_row(plain(r["doc"]), holder, stance, evidence)
    return table


STANCE_SHORT = {"support": "yes", "oppose": "NO", "conditional": "if", "neutral": "open"}


def matrix(cells: Sequence[ActorIssue], width: int = 200) -> Group:
    """The issue x actor matrix coloured by stance, then the conditions and flags in full.

    Issues run down and actors across, each cell a short stance word with its counts; when
    that grid is wider than ``width`` it becomes a long table, one row per actor and issue.
    """
    actors = sorted({c.actor for c in cells})
    issues = sorted({c.issue for c in cells})
    grid_width = max((len(i) for i in issues), default=5) + 4 + sum(max(len(a), 8) + 3 for a in actors)
    table = _grid(cells, actors, issues) if grid_width <= width else _long_table(cells)
    legend = Text("yes support  NO oppose  if conditional  open neutral  "
                  "R red line  ! sources disagree  ~ shifted over time", style="dim")
    notes = [_cell_note(c) for c in cells if c.condition or c.conflict or c.shift]
    return Group(table, legend, *notes)


def _grid(cells: Sequence[ActorIssue], actors: list[str], issues: list[str]) -> Table:
    by_key = {(c.actor, c.issue): c for c in cells}
    table = Table(title="positions: stance documents/outlets")
    table.add_column("issue", style="bold", no_wrap=True)
    for actor in actors:
        table.add_column(plain(actor), no_wrap=True)
    for issue in issues:
        row: list[Text | str] = [plain(issue)]
        for actor in actors:
            cell = by_key.get((actor, issue))
            row.append(_cell_text(cell) if cell else "")
        table.add_row(*row)
    return table


def _long_table(cells: Sequence[ActorIssue]) -> Table:
    table = Table(title="positions: stance documents/outlets")
    table.add_column("actor", style="bold")
    table.add_column("issue")
    table.add_column("stance", no_wrap=True)
    for cell in sorted(cells, key=lambda c: (c.actor, c.issue)):
        table.add_row(plain(cell.actor), plain(cell.issue), _cell_text(cell))
    return table


def _cell_text(cell: ActorIssue) -> Text:
    text = Text(STANCE_SHORT[cell.stance], STANCE_STYLE[cell.stance])
    text.append(f" {cell.statements}/{cell.outlets}")
    for flag, mark in ((cell.red_line, "R"), (cell.conflict, "!"), (cell.shift, "~")):
        if flag:
            text.append(mark, "bold magenta")
    return text


def _cell_note(cell: ActorIssue) -> Text:
    note = plain(f"{cell.actor} on {cell.issue}: ", "bold")
    if cell.condition:
        note.append(plain(f"conditional on {cell.condition!r}", "yellow"))
    if cell.conflict_evidence and (cell.conflict or cell.shift):
        first, second = cell.conflict_evidence
        label = "shifted" if cell.shift else "sources disagree"
        note.append(plain(f"{'; ' if cell.condition else ''}{label}: {first.stance} ({first.date or '?'}, "
                          f"{first.outlet or first.doc}) vs {second.stance} ({second.date or '?'}, "
                          f"{second.outlet or second.doc})", "magenta"))
    return note


def evidence_table(actor: str, issue: str, items: Sequence[Evidence]) -> Table:
    """Each piece of evidence with speaker, outlet, date and quote."""
    pieces = "1 piece" if len(items) == 1 else f"{len(items)} pieces"
    table = Table(title=plain(f"{actor} on {issue}: {pieces} of evidence"),
                  show_lines=True, expand=True)
    table.add_column("stance", no_wrap=True)
    table.add_column("conf.", no_wrap=True)
    table.add_column("speaker", ratio=2, overflow="fold")
    table.add_column("source", ratio=3, overflow="fold")
    table.add_column("quote", ratio=8)
    for e in items:
        source = plain(" · ".join(x for x in (e.outlet, e.date, e.language_note) if x) + "\n", "bold")
        source.append(plain(f"{e.doc} {e.start}-{e.end}", "dim"))
        table.add_row(
            Text(e.stance, STANCE_STYLE[e.stance]), f"{e.confidence:.2f}", plain(e.speaker or "(article)"), source,
            plain(e.quote),
        )
    return table


def eval_view(result: Mapping[str, Any]) -> Group:
    """Scores of ``redline eval``."""
    table = Table(title=plain(f"eval (model {result['model']}, pack {result['pack']}, "
                              f"{result['documents']} documents)"))
    for column in ("", "precision", "recall", "F1", "accuracy"):
        table.add_column(column)
    st, po = result["statements"], result["positions"]
    table.add_row("statements", *(f"{st[k]:.3f}" for k in ("precision", "recall", "f1")),
                  f"speaker {st['speaker_accuracy']:.3f}")
    table.add_row("positions", *(f"{po[k]:.3f}" for k in ("precision", "recall", "f1")),
                  f"stance {po['stance_accuracy']:.3f}")
    kinds = ", ".join(f"{k} {v:.3f}" for k, v in st.get("by_kind", {}).items())
    cells = result["cells"]
    return Group(table, Text(f"statement recall by kind: {kinds}"),
                 Text(f"matrix cells right: {cells['right']}/{cells['cells']} ({cells['agreement']:.3f})"))


def eval_errors(result: Mapping[str, Any]) -> list[Text]:
    """``redline eval --errors``: a heading per kind of error, then one JSON line per error
    (positions with the evidence behind them), to be printed unwrapped so that it greps."""
    out: list[Text] = []
    for section in ("statements", "positions", "cells"):
        for name, items in result[section].get("errors", {}).items():
            out.append(Text(f"\n{section}: {name} ({len(items)})", "bold"))
            out.extend(plain(f"  {json.dumps(i, ensure_ascii=False)}") for i in items)
    return out


def pack_view(pack: Pack) -> Group:
    """A pack's actors and issues with the ids that commands and proposals use."""
    actors = Table(title=plain(f"pack {pack.name}: {len(pack.actors)} actors"), expand=True)
    actors.add_column("actor id", style="bold", no_wrap=True)
    actors.add_column("name", ratio=1)
    actors.add_column("also named", ratio=2)
    for actor in pack.actors:
        actors.add_row(plain(actor.id), plain(actor.name), plain(", ".join(actor.aliases)))
    issues = Table(title=f"{len(pack.issues)} issues", expand=True)
    issues.add_column("issue id", style="bold", no_wrap=True)
    issues.add_column("label", ratio=1)
    for issue in pack.issues:
        issues.add_row(plain(issue.id), plain(issue.label))
    parts: list[Any] = [plain(pack.description)] if pack.description else []
    return Group(*parts, actors, issues)


def pack_check_view(result: PackCheck, verbose: bool = False) -> Group:
    """``redline pack check``: warnings, each example's reading when ``verbose``, then each
    example read wrongly with the reason.

    One block per example rather than a table: the stances and the reason wrap whole at
    any terminal width instead of being cut to fit a column.
    """
    parts: list[Any] = [line("warning:", "yellow", w) for w in result.warnings]
    if verbose:
        parts += _example_readings(result)
    if not result.misread:
        parts.append(plain(f"pack {result.pack}: all {result.examples} examples read as annotated", "bold green"))
        return Group(*parts)
    parts.append(plain(f"pack {result.pack}: {len(result.misread)} of {result.examples} examples read wrongly",
                       "bold"))
    for number, m in enumerate(result.misread, start=1):
        head = plain(f"\n{number}. {m.issue}, {m.actor}: expected ")
        head.append(m.expected, STANCE_STYLE[m.expected])
        head.append(" with a red line" if m.red_line else " without a red line" if m.red_line is False else "")
        head.append(", found ")
        head.append(Text(m.found, STANCE_STYLE[m.found]) if m.found else Text("nothing", "dim"))
        if m.found and m.red_line is not None:
            head.append(" with a red line" if m.found_red_line else " without one")
        parts.append(head)
        parts.append(Padding(plain(m.text, "italic"), (0, 0, 0, 3)))
        if m.reason:
            parts.append(Padding(plain(f"why: {m.reason}"), (0, 0, 0, 3)))
    return Group(*parts)


def _example_readings(result: PackCheck) -> list[Any]:
    """``pack check --verbose``: every example with each position read from it (holder,
    stance, issue, speaker, deciding cues), right or wrong."""
    parts: list[Any] = [plain(f"pack {result.pack}: how each of {result.examples} examples reads", "bold")]
    for number, example in enumerate(result.readings, start=1):
        head = plain(f"\n{number}. {example.issue}, {example.actor}: expected ")
        head.append(example.expected, STANCE_STYLE[example.expected])
        head.append(" (red line)" if example.red_line else "")
        head.append(": ok" if example.correct else ": read wrongly", "green" if example.correct else "red")
        parts.append(head)
        parts.append(Padding(plain(example.text, "italic"), (0, 0, 0, 3)))
        for reading in example.read or ():
            text = plain("read: ")
            text.append(f"{reading.actor} ")
            text.append(reading.stance, STANCE_STYLE[reading.stance])
            text.append(f" on {reading.issue}" + (" (red line)" if reading.red_line else ""))
            text.append(f"; speaker {reading.speaker}" if reading.speaker else "; no speaker (the text's own)")
            text.append("; cues: " + "; ".join(reading.cues) if reading.cues else "; no cue recorded")
            parts.append(Padding(text, (0, 0, 0, 3)))
        if not example.read:
            parts.append(Padding(plain("read: no position", "dim"), (0, 0, 0, 3)))
    parts.append(plain(""))
    return parts


def cues_view(pack: str, entries: Sequence[CueEntry]) -> Group:
    """``redline pack NAME --cues``: every cue and role entry by kind, with its origin."""
    parts: list[Any] = [plain(f"pack {pack}: {len(entries)} cue and role entries (origin: shared "
                              "lexicon, the pack, or an issue's own)", "bold")]
    kinds: dict[str, list[CueEntry]] = {}
    for entry in entries:
        kinds.setdefault(f"{entry.section}.{entry.kind}", []).append(entry)
    for kind, listed in kinds.items():
        parts.append(plain(f"\n{kind} ({len(listed)})", "bold"))
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True, style="dim")
        table.add_column(overflow="fold")
        for entry in listed:
            table.add_row(plain(entry.origin), plain(entry.pattern))
        parts.append(Padding(table, (0, 0, 0, 2)))
    return Group(*parts)

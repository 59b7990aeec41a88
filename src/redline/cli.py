"""The ``redline`` command: argument parsing and printing over the library API.

Every command prints a Rich view by default and the records of :mod:`redline.records`
with ``--json`` (and, for listings, ``--csv``). Whatever comes from input reaches the
terminal through :mod:`redline.terminal`, never as markup or control codes. A
:class:`RedlineError` becomes one red line and exit code 1.
"""

from __future__ import annotations

import json
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from importlib.metadata import version as package_version
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console, Group, RenderableType
from rich.text import Text
from typer.core import TyperGroup

from redline import api, views
from redline.errors import RedlineError
from redline.lookup import parse_date
from redline.models import ActorIssue
from redline.records import (
    cell_record,
    cue_record,
    document_record,
    evidence_record,
    pack_check_record,
    pack_record,
    statement_record,
    write_csv,
)
from redline.settings import load as load_settings
from redline.store import Store
from redline.terminal import line, plain, visible

if TYPE_CHECKING:
    from redline.engine import Event

app = typer.Typer(help="Map who demands, offers and rejects what in news of a negotiation.")
out = Console()
err = Console(stderr=True)

DbOption = Annotated[Optional[Path], typer.Option("--db", help="Store file (default ./redline.duckdb).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
CsvOption = Annotated[bool, typer.Option("--csv", help="Print CSV (the same columns as --json).")]
PackOption = Annotated[Optional[str], typer.Option("--pack", help="Pack name or YAML file.")]
ModelOption = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline name.")]
WorkersOption = Annotated[Optional[int], typer.Option("--workers", min=0, help="Analysing processes (0: one per core).")]


def _version(value: bool) -> None:
    if value:
        out.print(f"redline {package_version('redline')}", highlight=False)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Map who demands, offers and rejects what in news of a negotiation."""


def _error(message: object) -> None:
    """One red ``error:`` line on stderr; the message is input and is never read as markup."""
    err.print(line("error:", "red", message), highlight=False, soft_wrap=True)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn redline's own errors into one red line and a non-zero exit."""
    try:
        yield
    except RedlineError as exc:
        _error(exc)
        raise typer.Exit(1) from exc


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _db(db: Path | None) -> str:
    return str(load_settings({"db": db})["db"])


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="Files, folders, URLs or feeds.")],
    db: DbOption = None,
    pack: PackOption = None,
    model: ModelOption = None,
    analyse: Annotated[bool, typer.Option(help="Extract statements and positions too.")] = True,
    batch_size: Annotated[Optional[int], typer.Option(help="Documents per commit.")] = None,
    workers: WorkersOption = None,
    engine: Annotated[str, typer.Option(help="local, or dask to spread the work over a Dask cluster.")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (default: a local cluster).")] = None,
    out_parquet: Annotated[Optional[Path], typer.Option(help="Keep the Dask partitions as Parquet in DIR.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every document.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest articles from files, folders, JSON/JSONL, WARC, URLs and RSS/Atom feeds."""
    with _errors(), _progress(verbose, quiet=as_json) as on_event:
        summary = api.ingest(
            sources, db=db, analyse=analyse, on_event=on_event,
            engine=engine, scheduler=scheduler, out_parquet=out_parquet,
            pack=pack, model=model, batch_size=batch_size, workers=workers,
        )
    if as_json:
        _print_json({"db": _db(db), "added": summary.added, "skipped": summary.skipped,
                     "duplicates": summary.duplicates, "analysed": summary.analysed,
                     "errors": summary.errors, "notes": summary.notes})
    else:
        for message in summary.errors:
            _error(message)
        for note in summary.notes:
            err.print(line("note:", "yellow", note), highlight=False, soft_wrap=True)
        out.print(views.ingest_summary(summary, _db(db)))
    if not summary.ok:
        raise typer.Exit(1)


@contextmanager
def _progress(verbose: bool, quiet: bool = False) -> Iterator[Callable[[Event], None]]:
    """Event lines on stderr when verbose, else a Rich progress bar on a terminal."""
    if verbose:
        yield lambda event: err.print(plain(event), highlight=False, soft_wrap=True)
        return
    if quiet or not err.is_terminal:
        yield lambda _event: None
        return
    # Imported here: a run that is not watched on a terminal (a script, a re-ingest in cron)
    # does not pay for the progress machinery.
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # The description is a document name: shown as plain text, never as markup.
    columns = (SpinnerColumn(), TextColumn("{task.description}", markup=False),
               TextColumn("{task.completed} inputs"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_event(event: Event) -> None:
            progress.update(task, advance=int(event.input_done), description=visible(str(event))[:70])

        yield on_event


@app.command()
def analyse(db: DbOption = None, pack: PackOption = None, model: ModelOption = None,
            workers: WorkersOption = None) -> None:
    """Re-analyse stored documents after a change of pack or model."""
    with _errors():
        count = api.analyse(db=db, pack=pack, model=model, workers=workers)
    out.print(plain(f"analysed {count} documents in {_db(db)}"), soft_wrap=True)


@app.command()
def docs(
    db: DbOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
    language: Annotated[Optional[str], typer.Option(help="Only this language (ISO code).")] = None,
    since: Annotated[Optional[str], typer.Option(help="Dated on or after YYYY-MM-DD.")] = None,
    until: Annotated[Optional[str], typer.Option(help="Dated on or before YYYY-MM-DD.")] = None,
    translated: Annotated[Optional[bool], typer.Option("--translated/--original", help="Machine-translated or not.")] = None,
    search: Annotated[Optional[str], typer.Option(help="Words in the title or text.")] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """List stored documents."""
    with _errors():
        dates = parse_date(since, "--since"), parse_date(until, "--until")
        with Store(_db(db), read_only=True) as store:
            documents = store.documents(outlet, language, *dates, translated, search)
    _print_rows([document_record(d) for d in documents], as_json, as_csv,
                lambda: views.documents_table(documents))


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="A document id or doc name (file name or URL).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a document: metadata, cleaned text with its statements marked, what was removed."""
    with _errors(), Store(_db(db), read_only=True) as store:
        document = api.find_document(store, doc)
        statements = store.statements(document_id=document.id)
    if as_json:
        record = document_record(document, full=True)
        record["statements"] = [statement_record(s, document) for s in statements]
        _print_json(record)
    else:
        out.print(views.document_view(document, statements))


@app.command()
def statements(
    db: DbOption = None,
    doc: Annotated[Optional[str], typer.Option("--doc", help="Only this document (id or name).")] = None,
    speaker: Annotated[Optional[str], typer.Option(help="Speakers whose name contains this.")] = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """List attributed statements: speaker, cue, content and span."""
    with _errors(), Store(_db(db), read_only=True) as store:
        documents = {d.id: d for d in store.documents()}
        document_id = None
        if doc is not None:
            document_id = api.find_document(store, doc).id
        rows = store.statements(document_id=document_id, speaker=speaker)
    _print_rows([statement_record(s, documents[s.document_id]) for s in rows], as_json, as_csv,
                lambda: views.statements_table(rows, documents))


@app.command()
def positions(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Only this actor (an id of the pack).")] = None,
    issue: Annotated[Optional[str], typer.Option(help="Only this issue (an id of the pack).")] = None,
    pack: PackOption = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Per-document positions.")] = False,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Hide positions less sure than this (0-1).")] = 0.0,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Print the actor x issue matrix of stances (or per-document positions)."""
    with _errors():
        if per_doc:
            records = api.document_positions(db, actor=actor, issue=issue, pack=pack)
            _print_rows(records, as_json, as_csv, lambda: views.per_doc_table(records))
            return
        cells = api.positions(db, actor=actor, issue=issue, pack=pack, min_confidence=min_confidence)
    _print_rows([cell_record(c) for c in cells], as_json, as_csv, lambda: _matrix(cells))


def _matrix(cells: list[ActorIssue]) -> Group:
    """The stance matrix and a hint of how to see a cell's evidence."""
    if not cells:
        return Group(views.matrix(cells, out.width))
    busiest = max(cells, key=lambda c: c.statements)
    hint = Text("Evidence of a cell: ")
    hint.append("redline evidence ACTOR ISSUE", "bold")
    hint.append(plain(f"  (e.g. redline evidence {shlex.quote(busiest.actor)} "
                      f"{shlex.quote(busiest.issue)})"))
    return Group(views.matrix(cells, out.width), hint)


def _print_rows(records: list[dict[str, Any]], as_json: bool, as_csv: bool,
                view: Callable[[], RenderableType]) -> None:
    """Records as JSON or CSV, else the human view of the same data."""
    if as_json:
        _print_json(records)
    elif as_csv:
        write_csv(records, sys.stdout)
    else:
        out.print(view(), highlight=False)


@app.command()
def evidence(
    actor: Annotated[str, typer.Argument(help="Actor id (`redline pack` lists them).")],
    issue: Annotated[str, typer.Argument(help="Issue id (`redline pack` lists them).")],
    db: DbOption = None,
    pack: PackOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Print every piece of evidence for one actor's stance on one issue."""
    with _errors():
        actor, issue, items = api.evidence(actor, issue, db, pack=pack)
    _print_rows([evidence_record(e) for e in items], as_json, as_csv,
                lambda: views.evidence_table(actor, issue, items))


@app.command(name="eval")
def eval_command(
    corpus: Annotated[Path, typer.Option(help="Folder of articles.")],
    gold: Annotated[Path, typer.Option(help="Gold JSONL (gold/GUIDELINES.md format).")],
    pack: PackOption = None,
    model: ModelOption = None,
    errors: Annotated[bool, typer.Option("--errors", help="List misses and false hits.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Run the pipeline on a corpus in a throw-away store and score it against gold."""
    with _errors():
        result = api.evaluate(corpus, gold, pack=pack, model=model)
    if not errors:
        for section in ("statements", "positions", "cells"):
            result[section].pop("errors", None)
    if as_json:
        _print_json(result)
        return
    out.print(views.eval_view(result))
    for text in views.eval_errors(result) if errors else []:
        out.print(text, soft_wrap=True, highlight=False)


@app.command()
def check(
    proposal: Annotated[Path, typer.Argument(help="Proposal YAML file.")],
    db: DbOption = None,
    pack: PackOption = None,
    alternatives: Annotated[int, typer.Option(help="How many closest packages to find.")] = 0,
    as_json: JsonOption = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
    validate: Annotated[bool, typer.Option(
        "--validate", help="Only validate the proposal against the pack (no store needed): every unknown "
                           "issue id, bad outcome or field is one line; exit 1 if any.")] = False,
) -> None:
    """Check a proposed agreement against the stored positions of the parties."""
    from redline.check import report_to_json, report_to_markdown
    from redline.check.view import report_view

    if validate:
        _validate_proposal(proposal, pack, as_json)
        return
    with _errors():
        report = api.check(proposal, db=db, pack=pack, alternatives=alternatives)
    if as_json:
        _print_json(report_to_json(report))
    elif markdown:
        sys.stdout.write(report_to_markdown(report))
    else:
        out.print(report_view(report))


def _validate_proposal(proposal: Path, pack: str | None, as_json: bool) -> None:
    """``redline check PROPOSAL --validate``: every problem one line, or one line saying none."""
    with _errors():
        name, valid, problems = api.validate_proposal(proposal, pack)
    if as_json:
        _print_json({"proposal": str(proposal), "pack": name, "valid_provisions": valid, "problems": problems})
    elif not problems:
        provisions = "1 provision" if valid == 1 else f"{valid} provisions"
        out.print(plain(f"{proposal}: {provisions}, every issue and outcome known to pack {name}"),
                  soft_wrap=True)
    for problem in [] if as_json else problems:
        _error(problem)
    if problems:
        raise typer.Exit(1)


class _PackGroup(TyperGroup):
    """``redline pack [NAME]`` lists a pack, ``redline pack check [NAME]`` runs its examples:
    a first word that names no subcommand is the pack of the default one, ``show``."""

    # typer vendors its own click and exports only a subclass of its Context, which the
    # signature of the method overridden here does not name.
    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:  # type: ignore[override]
        if not args or (args[0] not in self.commands and args[0] not in ctx.help_option_names):
            args = ["show", *args]
        return super().parse_args(ctx, args)


pack_app = typer.Typer(cls=_PackGroup, help="A pack's actors, issues and cues, and its examples run as tests.")
app.add_typer(pack_app, name="pack")
PackArgument = Annotated[
    Optional[str], typer.Argument(help="Pack name or YAML file (default: the configured pack).")
]


@pack_app.command(name="show")
def pack_show(
    name: PackArgument = None,
    cues: Annotated[bool, typer.Option(
        "--cues", help="List every cue and role entry the pack reads with, by kind, and where each "
                       "comes from (shared lexicon, pack, issue): `remove:` takes them as written.")] = False,
    as_json: JsonOption = False,
) -> None:
    """List a pack's actors and issues (what `redline pack NAME` does); `--cues` lists its cues."""
    with _errors():
        loaded = api.pack(name)
        entries = api.pack_cues(loaded) if cues else None
    if entries is not None:
        _print_rows([cue_record(e) for e in entries], as_json, False, lambda: views.cues_view(loaded.name, entries))
    elif as_json:
        _print_json(pack_record(loaded))
    else:
        out.print(views.pack_view(loaded))


PACK_CHECK_HELP = (
    "Run the pack's examples through the pipeline; list those read wrongly, each with why.\n\n"
    "A reason names the step that found nothing (no term or concept matched, a mention not tied "
    "to the issue's beneficiary, a cue word inside a term, no stance cue, the actor not named) or "
    "the cue entries that decided a wrong stance. Warnings name terms that hide a stance cue. "
    "An example may assert `red_line: true` (or false); the reading must then agree. `--verbose` "
    "prints every example's reading; `--json` always holds them (`readings`).\n\n"
    "Exit code: 0 when every example reads as annotated, 1 otherwise (or when the pack does not load)."
)


@pack_app.command(name="check", help=PACK_CHECK_HELP)
def pack_check(
    name: PackArgument = None,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="Print every example's reading (holder, stance, issue, speaker, deciding "
                                "cues), not only those read wrongly.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Run the pack's examples through the pipeline; list those read wrongly, each with why."""
    with _errors():
        result = api.check_pack(name)
    if as_json:
        _print_json(pack_check_record(result))
    else:
        out.print(views.pack_check_view(result, verbose))
    if result.misread:
        raise typer.Exit(1)


# The dashboard's commands live beside the dashboard; registered here, one CLI.
from redline.serve.commands import corrections_app, serve  # noqa: E402

app.command()(serve)
app.add_typer(corrections_app, name="corrections")

"""The ``redline`` command: argument parsing and printing over the library API.

Every command prints a Rich view by default and the records of :mod:`redline.records`
with ``--json``. A :class:`RedlineError` becomes one red line and exit code 1.
"""

from __future__ import annotations

import csv
import json
import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from redline import api, views
from redline.errors import RedlineError
from redline.records import cell_record, document_record, position_record, statement_record
from redline.settings import load as load_settings
from redline.store import Store

if TYPE_CHECKING:
    from redline.engine import Event

app = typer.Typer(help="Map who demands, offers and rejects what in news of a negotiation.")
out = Console()
err = Console(stderr=True)

DbOption = Annotated[Optional[Path], typer.Option("--db", help="Store file (default ./redline.duckdb).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
PackOption = Annotated[Optional[str], typer.Option("--pack", help="Pack name or YAML file.")]
ModelOption = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline name.")]
WorkersOption = Annotated[Optional[int], typer.Option("--workers", min=0, help="Analysing processes (0: one per core).")]


@contextmanager
def _errors() -> Iterator[None]:
    """Turn redline's own errors into one red line and a non-zero exit."""
    try:
        yield
    except RedlineError as exc:
        err.print(f"[red]error:[/red] {exc}", markup=True, highlight=False, soft_wrap=True)
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
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log every document.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Ingest articles from files, folders, JSON/JSONL, WARC, URLs and RSS/Atom feeds."""
    with _errors(), _progress(verbose, quiet=as_json) as on_event:
        summary = api.ingest(
            sources, db=db, analyse=analyse, on_event=on_event,
            pack=pack, model=model, batch_size=batch_size, workers=workers,
        )
    if as_json:
        _print_json({"db": _db(db), "added": summary.added, "skipped": summary.skipped,
                     "duplicates": summary.duplicates, "analysed": summary.analysed,
                     "errors": summary.errors})
    else:
        for line in summary.errors:
            err.print(f"[red]error:[/red] {line}", highlight=False, soft_wrap=True)
        out.print(views.ingest_summary(summary, _db(db)))
    if not summary.ok:
        raise typer.Exit(1)


@contextmanager
def _progress(verbose: bool, quiet: bool = False) -> Iterator[Callable[[Event], None]]:
    """Event lines on stderr when verbose, else a Rich progress bar on a terminal."""
    if verbose:
        yield lambda event: err.print(str(event), highlight=False, soft_wrap=True)
        return
    if quiet or not err.is_terminal:
        yield lambda _event: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} inputs"),
               TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_event(event: Event) -> None:
            progress.update(task, advance=int(event.input_done), description=str(event)[:70])

        yield on_event


@app.command()
def analyse(db: DbOption = None, pack: PackOption = None, model: ModelOption = None,
            workers: WorkersOption = None) -> None:
    """Re-analyse stored documents after a change of pack or model."""
    with _errors():
        count = api.analyse(db=db, pack=pack, model=model, workers=workers)
    out.print(f"analysed {count} documents in {_db(db)}")


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
) -> None:
    """List stored documents."""
    with _errors(), Store(_db(db), read_only=True) as store:
        documents = store.documents(outlet, language, since, until, translated, search)
    if as_json:
        _print_json([document_record(d) for d in documents])
    else:
        out.print(views.documents_table(documents))


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="A document id or doc name (file name or URL).")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a document: metadata, cleaned text with its statements marked, what was removed."""
    with _errors(), Store(_db(db), read_only=True) as store:
        document = store.document(doc)
        if document is None:
            raise RedlineError(f"{doc}: no such document in {store.path}")
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
) -> None:
    """List attributed statements: speaker, cue, content and span."""
    with _errors(), Store(_db(db), read_only=True) as store:
        documents = {d.id: d for d in store.documents()}
        document_id = None
        if doc is not None:
            found = store.document(doc)
            if found is None:
                raise RedlineError(f"{doc}: no such document in {store.path}")
            document_id = found.id
        rows = store.statements(document_id=document_id, speaker=speaker)
    if as_json:
        _print_json([statement_record(s, documents[s.document_id]) for s in rows])
    else:
        out.print(views.statements_table(rows, documents))


@app.command()
def positions(
    db: DbOption = None,
    actor: Annotated[Optional[str], typer.Option(help="Only this actor.")] = None,
    issue: Annotated[Optional[str], typer.Option(help="Only this issue.")] = None,
    per_doc: Annotated[bool, typer.Option("--per-doc", help="Per-document positions.")] = False,
    as_json: JsonOption = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
) -> None:
    """Print the actor x issue matrix of stances (or per-document positions)."""
    with _errors():
        if per_doc:
            with Store(_db(db), read_only=True) as store:
                documents = {d.id: d for d in store.documents()}
                records = [position_record(p, documents[p.document_id])
                           for p in store.positions(actor=actor, issue=issue)]
            _print_rows(records, as_json, as_csv, views.per_doc_table)
            return
        cells = api.positions(db, actor=actor, issue=issue)
    if as_json:
        _print_json([cell_record(c) for c in cells])
    elif as_csv:
        _write_csv([views.cell_row(c) for c in cells])
    else:
        out.print(views.matrix(cells, out.width))
        if cells:
            busiest = max(cells, key=lambda c: c.statements)
            out.print("Evidence of a cell: [bold]redline evidence ACTOR ISSUE[/bold]  (e.g. redline "
                      f"evidence {shlex.quote(busiest.actor)} {busiest.issue})", highlight=False)


def _print_rows(records: list[dict[str, Any]], as_json: bool, as_csv: bool,
                table: Callable[[list[dict[str, Any]]], Any]) -> None:
    if as_json:
        _print_json(records)
    elif as_csv:
        _write_csv(records)
    else:
        out.print(table(records))


def _write_csv(records: list[dict[str, Any]]) -> None:
    if not records:
        return
    writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]))
    writer.writeheader()
    writer.writerows(records)


@app.command()
def evidence(
    actor: Annotated[str, typer.Argument(help="Actor id, e.g. Russia.")],
    issue: Annotated[str, typer.Argument(help="Issue id, e.g. ukraine-nato-membership.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print every piece of evidence for one actor's stance on one issue."""
    with _errors():
        items = api.evidence(actor, issue, db)
    if as_json:
        _print_json([views.evidence_record(e) for e in items])
    else:
        out.print(views.evidence_table(actor, issue, items))


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
        for section in ("statements", "positions"):
            result[section].pop("errors", None)
    if as_json:
        _print_json(result)
    else:
        out.print(views.eval_view(result, errors))


@app.command()
def check(
    proposal: Annotated[Path, typer.Argument(help="Proposal YAML file.")],
    db: DbOption = None,
    pack: PackOption = None,
    alternatives: Annotated[int, typer.Option(help="How many closest packages to find.")] = 0,
    as_json: JsonOption = False,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print Markdown.")] = False,
) -> None:
    """Check a proposed agreement against the stored positions of the parties."""
    from redline.check import report_to_json, report_to_markdown

    with _errors():
        report = api.check(proposal, db=db, pack=pack, alternatives=alternatives)
    if as_json:
        _print_json(report_to_json(report))
    elif markdown:
        sys.stdout.write(report_to_markdown(report))
    else:
        out.print(Markdown(report_to_markdown(report)))

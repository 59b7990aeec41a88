"""The ``redline serve`` and ``redline corrections`` commands: parse, call, print.

They are registered on the main Typer app in :mod:`redline.cli`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from redline.errors import InputError, RedlineError
from redline.models import Correction
from redline.settings import load as load_settings
from redline.store import Store
from redline.terminal import line, plain

out = Console()
err = Console(stderr=True)
corrections_app = typer.Typer(help="Share analysts' corrections as JSONL.")
DbOption = Annotated[Optional[Path], typer.Option("--db", help="Store file (default ./redline.duckdb).")]
FileArgument = Annotated[Path, typer.Argument(help="A JSONL file, one correction a line.")]


def _fail(exc: RedlineError) -> typer.Exit:
    err.print(line("error:", "red", exc), highlight=False, soft_wrap=True)
    return typer.Exit(1)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback unless told).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8765,
    review: Annotated[bool, typer.Option("--review", help="Let analysts record corrections.")] = False,
    pack: Annotated[Optional[str], typer.Option("--pack", help="Pack for checking proposals.")] = None,
) -> None:
    """Serve the dashboard: matrix, evidence, timeline, network, statements, documents, check."""
    import uvicorn

    from redline.serve.app import create_app

    path = str(load_settings({"db": db})["db"])
    try:
        app = create_app(path, review=review, host=host, pack=pack)
    except RedlineError as exc:
        raise _fail(exc) from exc
    mode = "review mode: corrections are saved" if review else "read-only"
    out.print(plain(f"redline dashboard on http://{host}:{port}/  ({path}, {mode})"), highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@corrections_app.command("export")
def export(file: FileArgument, db: DbOption = None) -> None:
    """Write every correction in the store to a JSONL file."""
    from redline import corrections as corrections_module

    try:
        store = Store(str(load_settings({"db": db})["db"]), read_only=True)
        count = corrections_module.export_jsonl(store.corrections(), file)
    except RedlineError as exc:
        raise _fail(exc) from exc
    out.print(plain(f"exported {count} corrections to {file}"), highlight=False)


@corrections_app.command("import")
def import_(file: FileArgument, db: DbOption = None) -> None:
    """Add the corrections of a JSONL file; one already stored is replaced, not repeated."""
    from redline import corrections as corrections_module

    good: list[Correction] = []
    bad: list[InputError] = []
    for item in corrections_module.read_jsonl(file):
        if isinstance(item, InputError):
            bad.append(item)
        else:
            good.append(item)
    for problem in bad:
        err.print(line("error:", "red", problem), highlight=False, soft_wrap=True)
    try:
        Store(str(load_settings({"db": db})["db"])).add_corrections(good)
    except RedlineError as exc:
        raise _fail(exc) from exc
    out.print(f"imported {len(good)} corrections, {len(bad)} lines failed", highlight=False)
    if bad:
        raise typer.Exit(1)

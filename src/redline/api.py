"""The library API that the CLI wraps: ingest, analyse, positions, evidence, check, evaluate.

Each function opens the store it is given, calls the stages and returns dataclasses or
plain records. Heavy modules (spaCy, OR-Tools) are imported inside the functions that need
them, so that listing documents does not pay for loading a language model.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from redline import settings as settings_module
from redline.models import ActorIssue, Evidence
from redline.records import position_record, statement_record
from redline.store import Store

if TYPE_CHECKING:
    from redline.check import Report
    from redline.engine import IngestSummary, Notify


def ingest(
    sources: Sequence[str],
    db: str | Path | None = None,
    analyse: bool = True,
    client: httpx.Client | None = None,
    on_event: Notify | None = None,
    **overrides: Any,
) -> IngestSummary:
    """Ingest sources into the store at ``db``; analyse new documents unless told not to."""
    from redline import engine
    from redline.pipeline import load_models

    cfg = settings_module.load({"db": db, **overrides})
    # Loaded only once a new or unanalysed document needs them (and once per worker).
    models = partial(load_models, cfg) if analyse else None
    with Store(cfg["db"]) as store:
        return engine.ingest(sources, store, cfg, models, client=client, on_event=on_event)


def analyse(db: str | Path | None = None, **overrides: Any) -> int:
    """Analyse every stored document not yet analysed with the current pack and model."""
    from redline import engine
    from redline.pipeline import load_models

    cfg = settings_module.load({"db": db, **overrides})
    with Store(cfg["db"]) as store:
        return engine.analyse(store, cfg, partial(load_models, cfg))


def positions(
    db: str | Path | None = None, actor: str | None = None, issue: str | None = None
) -> list[ActorIssue]:
    """The actor x issue matrix, aggregated across every stored document."""
    from redline.aggregate import aggregate

    cfg = settings_module.load({"db": db})
    with Store(cfg["db"], read_only=True) as store:
        documents = {d.id: d for d in store.documents()}
        return aggregate(store.positions(actor=actor, issue=issue), documents)


def evidence(actor: str, issue: str, db: str | Path | None = None) -> list[Evidence]:
    """Every piece of evidence for one actor's stance on one issue."""
    cells = positions(db, actor=actor, issue=issue)
    return [e for cell in cells for e in cell.evidence]


def check(
    proposal: str | Path,
    db: str | Path | None = None,
    pack: str | None = None,
    alternatives: int = 0,
) -> Report:
    """Check a proposal file against the stored positions: verdicts, threats, packages."""
    from redline.check import check as check_proposal
    from redline.check import load_proposal
    from redline.position import load_pack

    cfg = settings_module.load({"db": db, "pack": pack})
    loaded = load_proposal(Path(proposal), load_pack(cfg["pack"]).issue_ids())
    return check_proposal(loaded, positions(cfg["db"]), alternatives=alternatives)


def evaluate(
    corpus: str | Path,
    gold: str | Path,
    pack: str | None = None,
    model: str | None = None,
) -> dict[str, Any]:
    """Run the whole pipeline on a corpus in a throw-away store and score it against gold."""
    from redline.evaluate import load_gold, score_positions, score_statements

    gold_records = load_gold(Path(gold))
    with tempfile.TemporaryDirectory(prefix="redline-eval-") as tmp:
        db = Path(tmp) / "eval.duckdb"
        summary = ingest([str(corpus)], db=db, pack=pack, model=model)
        cfg = settings_module.load({"db": db, "pack": pack, "model": model})
        with Store(db, read_only=True) as store:
            documents = {d.id: d for d in store.documents()}
            predicted = [statement_record(s, documents[s.document_id]) for s in store.statements()]
            per_doc = [position_record(p, documents[p.document_id]) for p in store.positions()]
    return {
        "model": cfg["model"],
        "pack": cfg["pack"],
        "documents": len(documents),
        "input_errors": summary.errors,
        "statements": score_statements(predicted, gold_records),
        "positions": score_positions(per_doc, gold_records),
    }

"""The library API that the CLI wraps: ingest, analyse, positions, evidence, check, evaluate.

Each function opens the store it is given, calls the stages and returns dataclasses or
plain records. Heavy modules (spaCy, OR-Tools) are imported inside the functions that need
them, so that listing documents does not pay for loading a language model.
"""

from __future__ import annotations

import json
import shlex
import tempfile
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redline import settings as settings_module
from redline.errors import RedlineError
from redline.lookup import did_you_mean, resolve
from redline.models import ActorIssue, Document, Evidence
from redline.records import position_record, statement_record
from redline.store import Store

if TYPE_CHECKING:
    import httpx

    from redline.check import Report
    from redline.position import Pack
    from redline.position.cues import CueEntry
    from redline.position.examples import PackCheck
    from redline.engine import IngestSummary, Notify
    from redline.pipeline import Models


def ingest(
    sources: Sequence[str],
    db: str | Path | None = None,
    analyse: bool = True,
    client: httpx.Client | None = None,
    on_event: Notify | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    out_parquet: str | Path | None = None,
    **overrides: Any,
) -> IngestSummary:
    """Ingest sources into the store at ``db``; analyse new documents unless told not to.

    ``engine="dask"`` spreads the work over a Dask cluster (``scheduler``'s, or a local
    one), its partitions kept as Parquet under ``out_parquet`` when given.
    """
    cfg = settings_module.load({"db": db, **overrides})
    # Loaded only once a new or unanalysed document needs them (and once per worker).
    models = partial(_load_models, cfg) if analyse else None
    with Store(cfg["db"]) as store:
        if engine == "dask":
            from redline.engine import dask

            folder = Path(out_parquet) if out_parquet is not None else None
            return dask.ingest(sources, store, cfg, models, scheduler, folder, client=client, on_event=on_event)
        if engine != "local":
            raise RedlineError(f"unknown engine {engine!r} (expected local or dask)")
        from redline import engine as local

        return local.ingest(sources, store, cfg, models, client=client, on_event=on_event)


def analyse(db: str | Path | None = None, **overrides: Any) -> int:
    """Analyse every stored document not yet analysed with the current pack and model."""
    from redline import engine

    cfg = settings_module.load({"db": db, **overrides})
    with Store(cfg["db"]) as store:
        return engine.analyse(store, cfg, partial(_load_models, cfg))


def _load_models(cfg: Mapping[str, Any]) -> Models:
    """The models of a run, imported and loaded by the process that first needs them: a
    re-ingest that finds nothing new imports neither spaCy nor the packs."""
    from redline.pipeline import load_models

    return load_models(cfg)


def pack(name: str | None = None) -> Pack:
    """A pack by name or path (default: the configured one), to list its actors and issues."""
    from redline.position import load_pack

    cfg = settings_module.load({"pack": name})
    return load_pack(cfg["pack"], max_bytes=int(cfg["yaml_max_bytes"]))


def pack_cues(loaded: Pack) -> list[CueEntry]:
    """Every cue and role entry a loaded pack reads with, and where each comes from."""
    from redline.position.cues import cue_entries

    return cue_entries(loaded)


def find_document(store: Store, key: str) -> Document:
    """A stored document by id or doc name, or an error suggesting the names nearest to it."""
    document = store.document(key)
    if document is None:
        hint = did_you_mean(key, store.document_names())
        raise RedlineError(f"{key}: no such document in {store.path}{hint}")
    return document


def check_pack(name: str | None = None, model: str | None = None) -> PackCheck:
    """Run a pack's own examples through the pipeline: those read wrongly and why, and
    warnings on terms that hide a stance cue and on cues the shared lexicon already has."""
    from redline.attribute.en import EnglishAttributor
    from redline.pipeline import load_models, process
    from redline.position.en.concepts import load_nlp
    from redline.position.en.diagnose import Diagnosis
    from redline.position.cues import precondition_warnings, shared_duplicates
    from redline.position.examples import PackCheck, read_examples

    cfg = settings_module.load({"pack": name, "model": model})
    models = load_models(cfg)
    attributor = models.languages["en"].attributor
    nlp = attributor.nlp if isinstance(attributor, EnglishAttributor) else load_nlp()
    diagnosis = Diagnosis(models.pack, nlp)
    readings, wrong = read_examples(models.pack, lambda document: process(document, models)[1], diagnosis)
    warnings = [*diagnosis.term_warnings(), *shared_duplicates(models.pack), *precondition_warnings(models.pack)]
    return PackCheck(models.pack.name, len(readings), wrong, warnings, readings)


def resolve_ids(
    store: Store, actor: str | None, issue: str | None, pack_name: str | None = None
) -> tuple[str | None, str | None]:
    """Typed actor and issue ids as the pack or the store spells them, or a "did you mean" error.

    Known ids are the pack's and those stored positions use (a store may hold positions
    read with another pack).
    """
    if actor is None and issue is None:
        return actor, issue
    stored_actors, stored_issues = store.position_ids()
    # Loading a pack takes a good part of a second: only a spelling the store lacks needs it.
    if actor in (None, *stored_actors) and issue in (None, *stored_issues):
        return actor, issue
    reference = str(settings_module.load({"pack": store_pack(store, pack_name)})["pack"])
    loaded = pack(reference)
    # The pack as the user can name it again: a file's path, not the name inside it.
    hint = f" (`redline pack {shlex.quote(reference)}` lists them)"
    if actor is not None:
        actor = resolve(actor, loaded.actor_ids() | set(stored_actors), "actor", hint)
    if issue is not None:
        issue = resolve(issue, loaded.issue_ids() | set(stored_issues), "issue", hint)
    return actor, issue


def positions(
    db: str | Path | None = None,
    actor: str | None = None,
    issue: str | None = None,
    pack: str | None = None,
    min_confidence: float = 0.0,
) -> list[ActorIssue]:
    """The actor x issue matrix across every stored document, without positions below ``min_confidence``."""
    cfg = settings_module.load({"db": db})
    with Store(cfg["db"], read_only=True) as store:
        actor, issue = resolve_ids(store, actor, issue, pack)
        return _cells(store, actor, issue, min_confidence)


def _cells(store: Store, actor: str | None, issue: str | None, min_confidence: float = 0.0) -> list[ActorIssue]:
    from redline.aggregate import aggregate

    documents = {d.id: d for d in store.documents()}
    return aggregate(store.positions(actor=actor, issue=issue), documents, min_confidence)


def document_positions(
    db: str | Path | None = None,
    actor: str | None = None,
    issue: str | None = None,
    pack: str | None = None,
) -> list[dict[str, Any]]:
    """Every stored per-document position as a record, optionally for one actor and issue."""
    cfg = settings_module.load({"db": db})
    with Store(cfg["db"], read_only=True) as store:
        actor, issue = resolve_ids(store, actor, issue, pack)
        documents = {d.id: d for d in store.documents()}
        return [position_record(p, documents[p.document_id])
                for p in store.positions(actor=actor, issue=issue)]


def evidence(
    actor: str, issue: str, db: str | Path | None = None, pack: str | None = None
) -> tuple[str, str, list[Evidence]]:
    """Every piece of evidence for one actor's stance on one issue, with the ids as resolved."""
    cfg = settings_module.load({"db": db})
    with Store(cfg["db"], read_only=True) as store:
        resolved = resolve_ids(store, actor, issue, pack)
        actor, issue = resolved[0] or actor, resolved[1] or issue
        cells = _cells(store, actor, issue)
    return actor, issue, [e for cell in cells for e in cell.evidence]


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

    with Store(settings_module.load({"db": db})["db"], read_only=True) as store:
        chosen = store_pack(store, pack)
        cfg = settings_module.load({"db": db, "pack": chosen})
        loaded_pack = load_pack(cfg["pack"], max_bytes=int(cfg["yaml_max_bytes"]))
        warnings = pack_warnings(store, loaded_pack.name)
    try:
        loaded = load_proposal(Path(proposal), loaded_pack.issue_ids())
    except RedlineError as exc:
        # An issue this pack does not know: say which pack was read, and why that one.
        if warnings:
            raise RedlineError(f"{exc}; {warnings[0]}") from exc
        if pack is None and chosen not in (None, settings_module.default("pack")):
            raise RedlineError(f"{exc} (read with pack '{loaded_pack.name}', the one {cfg['db']} was "
                               "analysed with; --pack picks another)") from exc
        raise
    return check_proposal(
        loaded, positions(cfg["db"]), alternatives=alternatives,
        actors=[a.id for a in loaded_pack.actors], warnings=warnings,
    )


def validate_proposal(proposal: str | Path, pack: str | None = None) -> tuple[str, int, list[str]]:
    """A proposal checked against a pack alone, with no store: (the pack's name, how many
    provisions are valid, one line per problem: unknown issue ids, bad outcomes, ...)."""
    from redline.check.proposal import read_proposal
    from redline.position import load_pack

    cfg = settings_module.load({"pack": pack})
    loaded_pack = load_pack(cfg["pack"], max_bytes=int(cfg["yaml_max_bytes"]))
    loaded, problems = read_proposal(Path(proposal), loaded_pack.issue_ids())
    return loaded_pack.name, len(loaded.provisions) if loaded else 0, [str(p) for p in problems]


def store_pack(store: Store, pack: str | None) -> str | None:
    """The pack a command reading ``store`` uses: the one given, else, when no pack is
    configured, the one every stored analysis was made with (if it can be found again),
    else None (the configured pack).

    Each analysis records its pack's name; the last full ingest also records the pack as
    it was given (a shipped name or a file's path), which finds a pack read from a file.
    """
    from redline.position.pack import PACKS_DIR, load_pack

    if pack is not None or settings_module.load({})["pack"] != settings_module.default("pack"):
        return pack
    names = list(store.analysis_packs())
    if len(names) != 1:
        return None
    if (PACKS_DIR / f"{names[0]}.yaml").is_file():
        return names[0]
    recorded = str(json.loads(store.analysed_with() or "{}").get("pack") or "")
    try:
        return recorded if recorded and Path(recorded).is_file() and load_pack(recorded).name == names[0] else None
    except RedlineError:
        return None


def pack_warnings(store: Store, pack: str) -> list[str]:
    """A line when the store was analysed with other packs than the one a command reads."""
    used = store.analysis_packs()
    others = sorted(set(used) - {pack})
    if not others:
        return []
    from redline.position.pack import PACKS_DIR

    names = ", ".join(f"'{name}' ({used[name]} documents)" for name in others)
    # A pack read from a file is given again by its path: its name alone finds nothing.
    again = others[0] if (PACKS_DIR / f"{others[0]}.yaml").is_file() else f"PATH/TO/{others[0]}.yaml"
    return [
        f"{store.path}: analysed with pack {names}, but pack '{pack}' is in use: pass "
        f"--pack {again} or re-analyse with `redline analyse --pack {pack}`"
    ]


def evaluate(
    corpus: str | Path,
    gold: str | Path,
    pack: str | None = None,
    model: str | None = None,
) -> dict[str, Any]:
    """Run the whole pipeline on a corpus in a throw-away store and score it against gold."""
    from redline.aggregate import aggregate
    from redline.evaluate import load_gold, score_cells, score_positions, score_statements

    gold_records = load_gold(Path(gold))
    with tempfile.TemporaryDirectory(prefix="redline-eval-") as tmp:
        db = Path(tmp) / "eval.duckdb"
        summary = ingest([str(corpus)], db=db, pack=pack, model=model)
        cfg = settings_module.load({"db": db, "pack": pack, "model": model})
        with Store(db, read_only=True) as store:
            documents = {d.id: d for d in store.documents()}
            predicted = [statement_record(s, documents[s.document_id]) for s in store.statements()]
            stored = store.positions()
            per_doc = [position_record(p, documents[p.document_id]) for p in stored]
            cells = [(c.actor, c.issue, c.stance) for c in aggregate(stored, documents)]
    # The models that read the corpus: a Russian corpus is natasha's, not spaCy's.
    languages = {d.language for d in documents.values()}
    used = [cfg[key] for language, key in (("en", "model"), ("ru", "model_ru")) if language in languages]
    return {
        "model": "+".join(used) or cfg["model"],
        "pack": cfg["pack"],
        "documents": len(documents),
        "input_errors": summary.errors,
        "notes": summary.notes,
        "statements": score_statements(predicted, gold_records),
        "positions": score_positions(per_doc, gold_records),
        "cells": score_cells(cells, gold_records),
    }

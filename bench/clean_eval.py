"""How much boilerplate does clean() remove from trafilatura's output, and at what cost?

Two data sets that redline's rules were not written from (see ../shared/datasets):

* trafilatura-eval: per page, "with" snippets that a correct extraction contains and
  "without" snippets (menus, prompts, comments) that it must not. After trafilatura, we
  count with-snippets found (recall) and without-snippets found (false positives), before
  and after clean(): a good cleaner lowers the second without lowering the first.
* article-extraction-benchmark: full gold article bodies, scored as word 4-gram shingle
  precision/recall/F1, per-document normalised, before and after clean().

Run from the repository root: ``.venv/bin/python bench/clean_eval.py [--sample 300]``.
``--show`` prints every snippet that clean() changed, for reading the mistakes.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import tarfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import trafilatura
from charset_normalizer import from_bytes

from redline.ingest.clean import clean

DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
_WORD = re.compile(r"\w+")


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _decode(data: bytes) -> str:
    best = from_bytes(data).best()
    return str(best) if best is not None else data.decode("utf-8", "replace")


def _extract(html: str, url: str | None) -> str:
    # The same settings as redline's own HTML extraction: reader comments left out.
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def _half(url: str, held_out: bool) -> bool:
    """Split pages in two by a hash of the URL: rules may be read against the other half."""
    return (hashlib.sha1(url.encode()).digest()[0] % 2 == 1) == held_out


def trafilatura_eval(root: Path, sample: int, held_out: bool, show: bool) -> dict[str, Any]:
    """With-snippet recall and without-snippet false positives, before and after clean()."""
    gold = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    urls = sorted(url for url in gold if _half(url, held_out))[:sample]
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    with tarfile.open(root / "html.tar.xz") as tar:
        names = set(tar.getnames())
        for url in urls:
            record = gold[url]
            name = "cache/" + record["file"]
            member = tar.extractfile(name if name in names else "eval/" + record["file"])
            raw = _extract(_decode(member.read()), url) if member else ""
            cleaned = clean(raw)
            reasons.update(removal.reason for removal in cleaned.removed)
            before, after = _normalise(raw), _normalise(cleaned.text)
            for side in ("with", "without"):
                for snippet in record.get(side, []):
                    snippet = _normalise(snippet)
                    counts[f"{side} total"] += 1
                    was, now = snippet in before, snippet in after
                    counts[f"{side} before"] += was
                    counts[f"{side} after"] += now
                    if show and was != now:
                        print(f"[{side} {'removed' if was else 'appeared'}] {url}: {snippet[:150]!r}")
                        for removal in cleaned.removed:
                            if snippet[:40] in _normalise(removal.text):
                                print(f"    by {removal.reason}: {removal.text[:150]!r}")
    return {"pages": len(urls), "counts": counts, "reasons": reasons}


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    return Counter(tuple(words[i : i + 4]) for i in range(max(len(words) - 3, 1)))


def _scores(gold: str, predicted: str) -> tuple[float, float, float]:
    """Per-document true positive, false positive and false negative shares (summing to 1)."""
    expected, found = _shingles(gold), _shingles(predicted)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (1.0, 0.0, 0.0)


def _prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def article_benchmark(root: Path, show: bool) -> dict[str, Any]:
    """Word 4-gram shingle precision/recall/F1 of trafilatura's text, before and after clean()."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    sums = {"before": [0.0, 0.0, 0.0], "after": [0.0, 0.0, 0.0]}
    reasons: Counter[str] = Counter()
    for item, record in sorted(truth.items()):
        html = _decode(gzip.decompress((root / "html" / f"{item}.html.gz").read_bytes()))
        raw = _extract(html, record.get("url"))
        cleaned = clean(raw)
        reasons.update(removal.reason for removal in cleaned.removed)
        for key, text in (("before", raw), ("after", cleaned.text)):
            for i, share in enumerate(_scores(record["articleBody"], text)):
                sums[key][i] += share
        if show:
            gold = _normalise(record["articleBody"])
            for removal in cleaned.removed:
                inside = _normalise(removal.text) in gold
                print(f"[{'LOST' if inside else 'ok'}] {item[:10]} {removal.reason}: {removal.text[:120]!r}")
    return {
        "pages": len(truth),
        "before": _prf(*sums["before"]),
        "after": _prf(*sums["after"]),
        "reasons": reasons,
    }


def _report_snippets(title: str, result: dict[str, Any]) -> None:
    counts = result["counts"]
    print(f"\n{title}: {result['pages']} pages")
    print(f"{'':34}{'before clean':>14}{'after clean':>14}")
    for side, label in (("with", "with-snippets found (recall)"), ("without", "without-snippets found (FP)")):
        total = max(counts[f"{side} total"], 1)
        row = [f"{counts[f'{side} {k}']}/{total} ({counts[f'{side} {k}'] / total:.1%})" for k in ("before", "after")]
        print(f"{label:34}{row[0]:>14}{row[1]:>14}")
    print("removals by reason:", dict(result["reasons"].most_common()))


def main() -> None:
    """Run both benchmarks and print the before/after tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DATASETS)
    parser.add_argument("--sample", type=int, default=300, help="trafilatura-eval pages per half")
    parser.add_argument("--half", choices=("held-out", "dev", "both", "none"), default="held-out")
    parser.add_argument("--skip-aeb", action="store_true", help="skip article-extraction-benchmark")
    parser.add_argument("--show", action="store_true", help="print every changed snippet")
    args = parser.parse_args()
    started = time.perf_counter()
    halves = {"held-out": [True], "dev": [False], "both": [True, False], "none": []}[args.half]
    for held_out in halves:
        result = trafilatura_eval(args.datasets / "trafilatura-eval", args.sample, held_out, args.show)
        _report_snippets(f"trafilatura-eval ({'held-out' if held_out else 'dev'} half)", result)
    if not args.skip_aeb:
        result = article_benchmark(args.datasets / "article-extraction-benchmark", args.show)
        print(f"\narticle-extraction-benchmark: {result['pages']} pages (word 4-gram shingles)")
        print(f"{'':12}{'precision':>10}{'recall':>10}{'F1':>10}")
        for key in ("before", "after"):
            print(f"{key + ' clean':12}" + "".join(f"{value:>10.4f}" for value in result[key]))
        print("removals by reason:", dict(result["reasons"].most_common()))
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

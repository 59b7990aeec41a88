"""Check a gold file against its corpus folder before it is used to score anything.

Usage: python bench/check_gold.py --gold examples/gold.jsonl --corpus examples/corpus [--pack FILE]

Every record must have the fields and values of ../shared/gold/GUIDELINES.md, name a document
of the corpus, and quote that document exactly: a statement's ``content`` and a position's
``evidence`` must be substrings of the document's text as redline reads it (plain text as is;
HTML through ``trafilatura.extract``; JSONL records by their ``text`` field; RSS/Atom entries by
their inline content), compared with whitespace collapsed. Prints one line per problem and
exits non-zero when there is any.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser
import trafilatura

from redline import yamlfile

# The actor and issue lists of GUIDELINES.md; ``--pack`` replaces them for another negotiation.
ACTORS = frozenset({
    "Russia", "Ukraine", "United States", "European Union", "NATO", "United Kingdom", "France",
    "Germany", "China", "Turkey", "G7", "UN Security Council", "Europe",
})
ISSUES = frozenset({
    "ukraine-nato-membership", "nato-expansion", "guarantees-for-ukraine", "guarantees-for-russia",
    "foreign-troops-in-ukraine", "ukraine-eu-membership", "territorial-concessions", "ceasefire",
    "legally-binding-guarantees", "non-aggression-europe", "istanbul-2022-basis",
    "weapons-for-ukraine",
})
KINDS = frozenset({"direct", "indirect", "mixed"})
STANCES = frozenset({"support", "oppose", "conditional", "neutral"})
STATEMENT_FIELDS = ("type", "doc", "speaker", "actor", "cue", "content", "kind", "issues")
POSITION_FIELDS = ("type", "doc", "actor", "issue", "stance", "condition", "evidence")
# Quotation marks that a direct statement's content must not start or end with.
QUOTE_MARKS = "\"'“”‘’«»„"
BLOCK_TAGS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"})


class _TextParser(HTMLParser):
    """Collects the visible text of an HTML fragment, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def fragment_text(markup: str) -> str:
    """Return the visible text of an inline HTML fragment (a feed entry's content)."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space, so line breaks do not decide a match."""
    return re.sub(r"\s+", " ", text).strip()


def _json_records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (1-based index, record) from a .jsonl file or a .json array/object."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    else:
        data = json.loads(raw)
        rows = data if isinstance(data, list) else [data]
    yield from enumerate(rows, start=1)


def _record_text(record: dict[str, Any]) -> str:
    """The article text of a JSON record: its ``text``, else its ``html`` extracted."""
    if record.get("text"):
        return str(record["text"])
    return trafilatura.extract(str(record.get("html", ""))) or ""


def load_corpus(folder: Path) -> dict[str, str]:
    """Map every document name of a corpus folder to its text as redline reads it."""
    docs: dict[str, str] = {}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        suffix = path.suffix.lower()
        if suffix == ".txt":
            docs[path.name] = path.read_text(encoding="utf-8")
        elif suffix in {".html", ".htm"}:
            docs[path.name] = trafilatura.extract(path.read_text(encoding="utf-8")) or ""
        elif suffix in {".json", ".jsonl"}:
            for index, record in _json_records(path):
                docs[record.get("url") or f"{path.name}#{index}"] = _record_text(record)
        elif suffix in {".rss", ".atom", ".xml"}:
            for entry in feedparser.parse(str(path)).entries:
                body = entry.content[0].value if entry.get("content") else entry.get("summary", "")
                docs[entry.link] = fragment_text(body)
    return docs


def load_lists(pack: Path | None) -> tuple[frozenset[str], frozenset[str]]:
    """Return the allowed actor and issue ids: from a pack file, else GUIDELINES.md's."""
    if pack is None:
        return ACTORS, ISSUES
    data = yamlfile.load(pack)
    return (frozenset(a["id"] for a in data["actors"]), frozenset(i["id"] for i in data["issues"]))


def _check_fields(rec: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    """Report missing and unknown fields of one record."""
    missing = [f for f in fields if f not in rec]
    unknown = [f for f in rec if f not in fields]
    return [f"missing field {f!r}" for f in missing] + [f"unknown field {f!r}" for f in unknown]


def _quoted(text: Any, docs: dict[str, str], doc: str, field: str) -> list[str]:
    """Report a field that is not a non-empty exact substring of its document."""
    if not isinstance(text, str) or not text.strip():
        return [f"{field} must be a non-empty string"]
    if normalise(text) not in normalise(docs.get(doc, "")):
        return [f"{field} not found in {doc}: {text[:70]!r}"]
    return []


def check_statement(rec: dict[str, Any], docs: dict[str, str], actors: frozenset[str],
                    issues: frozenset[str]) -> list[str]:
    """Return the problems of one statement record."""
    problems = _check_fields(rec, STATEMENT_FIELDS)
    if not isinstance(rec.get("speaker"), str) or not rec["speaker"].strip():
        problems.append("speaker must be a non-empty string")
    if rec.get("actor") is not None and rec["actor"] not in actors:
        problems.append(f"unknown actor {rec['actor']!r}")
    if rec.get("cue") is not None and (not isinstance(rec["cue"], str) or not rec["cue"].strip()):
        problems.append("cue must be a non-empty string or null")
    if rec.get("kind") not in KINDS:
        problems.append(f"kind must be one of {sorted(KINDS)}, not {rec.get('kind')!r}")
    problems += _quoted(rec.get("content"), docs, rec.get("doc", ""), "content")
    content = rec.get("content")
    if rec.get("kind") == "direct" and isinstance(content, str) and content.strip():
        if content.strip()[0] in QUOTE_MARKS or content.strip()[-1] in QUOTE_MARKS:
            problems.append("direct content must not keep its surrounding quotation marks")
    if not isinstance(rec.get("issues"), list):
        return problems + ["issues must be a list"]
    seen: set[str] = set()
    for item in rec["issues"]:
        if not isinstance(item, dict) or set(item) != {"issue", "stance"}:
            problems.append(f"issues item must be {{issue, stance}}: {item!r}")
            continue
        if item["issue"] not in issues:
            problems.append(f"unknown issue {item['issue']!r}")
        if item["stance"] not in STANCES:
            problems.append(f"unknown stance {item['stance']!r}")
        if item["issue"] in seen:
            problems.append(f"issue {item['issue']!r} listed twice")
        seen.add(item["issue"])
    return problems


def check_position(rec: dict[str, Any], docs: dict[str, str], actors: frozenset[str],
                   issues: frozenset[str]) -> list[str]:
    """Return the problems of one position record."""
    problems = _check_fields(rec, POSITION_FIELDS)
    if rec.get("actor") not in actors:
        problems.append(f"unknown actor {rec.get('actor')!r}")
    if rec.get("issue") not in issues:
        problems.append(f"unknown issue {rec.get('issue')!r}")
    if rec.get("stance") not in STANCES:
        problems.append(f"stance must be one of {sorted(STANCES)}, not {rec.get('stance')!r}")
    condition = rec.get("condition")
    if rec.get("stance") == "conditional":
        if not isinstance(condition, str) or not condition.strip():
            problems.append("a conditional stance needs its condition as text")
    elif condition is not None:
        problems.append("condition must be null unless the stance is conditional")
    return problems + _quoted(rec.get("evidence"), docs, rec.get("doc", ""), "evidence")


def check(gold: Path, docs: dict[str, str], actors: frozenset[str],
          issues: frozenset[str]) -> tuple[list[str], dict[str, int], set[str]]:
    """Check every record of a gold file; return problems, counts by label, annotated docs."""
    problems: list[str] = []
    counts: dict[str, int] = {}
    annotated: set[str] = set()
    keys: set[tuple[str, str, str]] = set()
    for number, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{gold.name}:{number}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not JSON ({exc})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("doc"), str):
            problems.append(f"{where}: a record must be an object with a string doc")
            continue
        if rec["doc"] not in docs:
            problems.append(f"{where}: doc {rec.get('doc')!r} is not in the corpus")
            continue
        annotated.add(rec["doc"])
        if rec.get("type") == "statement":
            found = check_statement(rec, docs, actors, issues)
            label = f"statement/{rec.get('kind')}"
        elif rec.get("type") == "position":
            found = check_position(rec, docs, actors, issues)
            key = (rec["doc"], rec.get("actor"), rec.get("issue"))
            if key in keys:
                found.append(f"a second position for {key}")
            keys.add(key)
            label = f"position/{rec.get('stance')}"
        else:
            problems.append(f"{where}: type must be 'statement' or 'position'")
            continue
        problems += [f"{where}: {p}" for p in found]
        counts[label] = counts.get(label, 0) + 1
    return problems, counts, annotated


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, check the gold file, print problems and counts; 1 if any problem."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--pack", type=Path, help="pack YAML whose actor and issue ids to allow")
    args = parser.parse_args(argv)
    docs = load_corpus(args.corpus)
    problems, counts, annotated = check(args.gold, docs, *load_lists(args.pack))
    for doc in sorted(set(docs) - annotated):
        print(f"note: {doc} has no gold record")
    for problem in problems:
        print(problem)
    print(f"{len(docs)} documents; " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

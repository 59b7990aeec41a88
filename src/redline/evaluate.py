"""Scoring against gold (../shared/gold/GUIDELINES.md): statements and positions.

Statements. A predicted statement *finds* a gold one when (1) the ``doc`` is the same,
(2) the speakers name the same entity (:func:`same_speaker`) and (3) the predicted content
covers at least half of the gold content's word tokens (:func:`overlap`, counted as a bag
of lower-cased ``\\w+`` tokens, because gold gives the content as text, not as offsets).
Matching is one-to-one: pairs are taken greedily, largest overlap first, and each record is
used once. Precision, recall and F1 count these full matches. *Speaker accuracy* is
measured separately, over the pairs matched on doc and content alone (the same greedy
assignment, preferring pairs whose speakers agree): the share whose speakers agree. So a
right span with a wrong speaker costs F1 and shows up in speaker accuracy too; a missing
span costs F1 only. ``by_kind`` is recall per gold kind.

Positions are sets: predictions are deduplicated on ``(doc, actor, issue, stance)`` and
matched exactly on that key. Stance accuracy is measured over the gold positions whose
``(doc, actor, issue)`` was predicted at all: the share predicted with the gold stance.

Matrix cells are what a user reads off ``redline positions``: for every (actor, issue) that
at least :data:`MIN_CELL_DOCS` gold documents give, the majority gold stance across those
documents (any of the tied ones on a tie) against the stance of the predicted matrix cell.
A cell the system does not show counts as wrong.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redline.errors import GoldError, RedlineError
from redline.models import Document
from redline.records import statement_record

if TYPE_CHECKING:
    from redline.attribute import Attributor

KINDS = ("direct", "indirect", "mixed")
STANCES = ("support", "oppose", "conditional", "neutral")
STATEMENT_FIELDS = ("doc", "speaker", "content", "kind")
POSITION_FIELDS = ("doc", "actor", "issue", "stance")
# Content covers the gold when it holds at least this share of the gold's tokens.
MIN_OVERLAP = 0.5
# A matrix cell is scored when at least this many gold documents give it.
MIN_CELL_DOCS = 2
_WORD = re.compile(r"\w+")
# Words that do not tell two names apart ("the Kremlin" is "Kremlin", "Mr Peskov" is "Peskov").
_NAME_NOISE = frozenset({"the", "of", "a", "an", "s", "mr", "mrs", "ms", "dr", "sir", "dame", "prof"})
# Last words that are not surnames: "Russian Foreign Ministry" and "Ukrainian Foreign
# Ministry" end alike but are different speakers.
_GENERIC_HEADS = frozenset({
    "ministry", "office", "house", "council", "government", "administration", "officials",
    "official", "media", "community", "agency", "department", "parties", "party", "leaders",
    "side", "sides", "delegation", "service", "spokesman", "spokeswoman", "experts", "analysts",
    "union", "committee", "commission", "times", "news", "post",
})


@dataclass(frozen=True)
class GoldStatement:
    """A gold statement record, with the line it came from."""

    doc: str
    speaker: str
    content: str
    kind: str
    cue: str | None
    actor: str | None
    line: int


@dataclass(frozen=True)
class GoldPosition:
    """A gold position record, with the line it came from."""

    doc: str
    actor: str
    issue: str
    stance: str
    condition: str | None
    evidence: str
    line: int


@dataclass(frozen=True)
class Gold:
    """Every statement and position record of a gold file."""

    path: Path
    statements: list[GoldStatement]
    positions: list[GoldPosition]


def load_gold(path: Path) -> Gold:
    """Read a gold JSONL file; a bad line raises GoldError naming file:line and the reason."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    statements: list[GoldStatement] = []
    positions: list[GoldPosition] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = _record(path, number, line)
        if record["type"] == "statement":
            statements.append(_statement(path, number, record))
        else:
            positions.append(_position(path, number, record))
    return Gold(path, statements, positions)


def _record(path: Path, number: int, line: str) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}:{number}: not JSON: {exc.msg}") from exc
    if not isinstance(record, dict):
        raise GoldError(f"{path}:{number}: a record is a JSON object")
    if record.get("type") not in ("statement", "position"):
        raise GoldError(f"{path}:{number}: type must be 'statement' or 'position', not {record.get('type')!r}")
    return record


def _need(path: Path, number: int, record: Mapping[str, Any], fields: Iterable[str]) -> None:
    for name in fields:
        if not isinstance(record.get(name), str) or not record[name].strip():
            raise GoldError(f"{path}:{number}: {name}: missing or not a non-empty string")


def _statement(path: Path, number: int, record: Mapping[str, Any]) -> GoldStatement:
    _need(path, number, record, STATEMENT_FIELDS)
    if record["kind"] not in KINDS:
        raise GoldError(f"{path}:{number}: kind: {record['kind']!r} is not one of {', '.join(KINDS)}")
    return GoldStatement(record["doc"], record["speaker"], record["content"], record["kind"],
                         record.get("cue"), record.get("actor"), number)


def _position(path: Path, number: int, record: Mapping[str, Any]) -> GoldPosition:
    _need(path, number, record, (*POSITION_FIELDS, "evidence"))
    if record["stance"] not in STANCES:
        raise GoldError(f"{path}:{number}: stance: {record['stance']!r} is not one of {', '.join(STANCES)}")
    return GoldPosition(record["doc"], record["actor"], record["issue"], record["stance"],
                        record.get("condition"), record["evidence"], number)


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def overlap(predicted: str, gold: str) -> float:
    """The share of the gold content's word tokens that the predicted content holds."""
    wanted = Counter(_tokens(gold))
    if not wanted:
        return 0.0
    return sum((wanted & Counter(_tokens(predicted))).values()) / sum(wanted.values())


def _name_words(name: str) -> list[str]:
    return [w for w in _tokens(name) if w not in _NAME_NOISE]


def _same_word(a: str, b: str) -> bool:
    """Equal, or a country and its adjective ("ukraine"/"ukrainian", "russia"/"russian")."""
    if a == b:
        return True
    common = len(next((a[:k] for k in range(min(len(a), len(b)), 0, -1) if a[:k] == b[:k]), ""))
    return common >= 4 and common >= min(len(a), len(b)) - 1


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """True when two speaker names name the same entity, per the gold guidelines.

    Names are compared as lower-cased words, without articles, possessives and honorifics
    ("the Kremlin" = "Kremlin", "Mr Peskov" = "Peskov"), a country matching its adjective
    ("Ukraine's foreign ministry" = "Ukrainian Foreign Ministry"). They match when every
    word of one is in the other ("Peskov" = "Dmitry Peskov", "Foreign Ministry" = "Russian
    Foreign Ministry"), or when their last words agree and are a surname rather than a
    generic noun ("Sergey Lavrov" = "Sergei Lavrov"; "Russian Foreign Ministry" is not
    "Ukrainian Foreign Ministry").
    """
    left, right = _name_words(predicted or ""), _name_words(gold or "")
    if not left or not right:
        return False
    for small, large in ((left, right), (right, left)):
        if all(any(_same_word(w, v) for v in large) for w in small):
            return True
    return left[-1] == right[-1] and left[-1] not in _GENERIC_HEADS


def _greedy(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """One-to-one assignment, best score first (ties: earlier records first)."""
    used_p: set[int] = set()
    used_g: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for _score, p, g in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            chosen.append((p, g))
    return chosen


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _match_scores(tp: int, guessed: int, wanted: int) -> dict[str, Any]:
    """Precision, recall and F1 of ``tp`` matches, and the counts they rest on."""
    precision, recall = _ratio(tp, guessed), _ratio(tp, wanted)
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": guessed - tp, "fn": wanted - tp}


def _brief(record: Mapping[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    return {name: record.get(name) for name in fields}


def score_statements(predicted: Sequence[Mapping[str, Any]], gold: Gold) -> dict[str, Any]:
    """Statement precision, recall, F1, speaker accuracy, recall by kind, and the errors."""
    wanted = gold.statements
    by_doc: dict[str, list[int]] = {}
    for g, item in enumerate(wanted):
        by_doc.setdefault(item.doc, []).append(g)
    content_pairs: list[tuple[float, int, int, bool]] = []
    for p, record in enumerate(predicted):
        for g in by_doc.get(str(record.get("doc")), []):
            item = wanted[g]
            share = overlap(str(record.get("content") or ""), item.content)
            if share >= MIN_OVERLAP:
                content_pairs.append((share, p, g, same_speaker(record.get("speaker"), item.speaker)))
    full = _greedy([(s, p, g) for s, p, g, ok in content_pairs if ok])
    agree = {(p, g) for _s, p, g, ok in content_pairs if ok}
    by_content = _greedy([(s + (1.0 if ok else 0.0), p, g) for s, p, g, ok in content_pairs])
    found = {g for _p, g in full}
    by_kind = {
        kind: _ratio(sum(1 for g, item in enumerate(wanted) if item.kind == kind and g in found),
                     sum(1 for item in wanted if item.kind == kind))
        for kind in KINDS if any(item.kind == kind for item in wanted)
    }
    hit = {p for p, _g in full}
    wrong_speaker = {p: wanted[g].speaker for p, g in by_content if (p, g) not in agree}
    return {
        **_match_scores(len(full), len(predicted), len(wanted)),
        "speaker_accuracy": _ratio(sum(1 for pair in by_content if pair in agree), len(by_content)),
        "by_kind": by_kind,
        "errors": {
            "misses": [{"doc": i.doc, "speaker": i.speaker, "kind": i.kind, "content": i.content, "line": i.line}
                       for g, i in enumerate(wanted) if g not in found],
            "false_hits": [{**_brief(r, ("doc", "speaker", "kind", "content")),
                            **({"gold_speaker": wrong_speaker[p]} if p in wrong_speaker else {})}
                           for p, r in enumerate(predicted) if p not in hit],
        },
    }


def score_positions(predicted: Sequence[Mapping[str, Any]], gold: Gold) -> dict[str, Any]:
    """Position precision, recall, F1 on (doc, actor, issue, stance), and stance accuracy.

    Each error carries the text behind it: a false hit the evidence it was read from, a
    miss the gold evidence, so that a pack's author sees which words to look at.
    """
    evidence: dict[tuple[str, ...], str] = {}
    for record in predicted:
        evidence.setdefault(tuple(str(record.get(k)) for k in POSITION_FIELDS), str(record.get("evidence") or ""))
    guessed = set(evidence)
    gold_evidence: dict[tuple[str, ...], str] = {}
    for item in gold.positions:
        gold_evidence.setdefault((item.doc, item.actor, item.issue, item.stance), item.evidence)
    wanted = set(gold_evidence)
    cells = {key[:3] for key in guessed}
    comparable = [key for key in wanted if key[:3] in cells]
    return {
        **_match_scores(len(guessed & wanted), len(guessed), len(wanted)),
        "stance_accuracy": _ratio(sum(1 for key in comparable if key in guessed), len(comparable)),
        "errors": {
            "misses": [{**dict(zip(POSITION_FIELDS, key)), "gold_evidence": gold_evidence[key]}
                       for key in sorted(wanted - guessed)],
            "false_hits": [{**dict(zip(POSITION_FIELDS, key)), "evidence": evidence[key]}
                           for key in sorted(guessed - wanted)],
        },
    }


def score_cells(cells: Sequence[tuple[str, str, str]], gold: Gold) -> dict[str, Any]:
    """Matrix-cell agreement: predicted (actor, issue, stance) cells against the gold majority."""
    stances: dict[tuple[str, str], dict[str, str]] = {}
    for item in gold.positions:
        stances.setdefault((item.actor, item.issue), {})[item.doc] = item.stance
    shown = {(actor, issue): stance for actor, issue, stance in cells}
    right: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    for (actor, issue), by_doc in sorted(stances.items()):
        if len(by_doc) < MIN_CELL_DOCS:
            continue
        counts = Counter(by_doc.values())
        top = sorted(s for s, n in counts.items() if n == max(counts.values()))
        record = {"actor": actor, "issue": issue, "gold": "/".join(top), "shown": shown.get((actor, issue))}
        (right if record["shown"] in top else wrong).append(record)
    total = len(right) + len(wrong)
    return {"cells": total, "right": len(right), "agreement": _ratio(len(right), total),
            "errors": {"wrong_cells": wrong}}


def read_corpus(folder: Path, settings: Mapping[str, Any] | None = None) -> tuple[list[Document], list[str]]:
    """A corpus folder's documents as ingest makes them (no store), and its input errors."""
    from redline import settings as settings_module
    from redline.ingest import iter_articles
    from redline.ingest.document import make_document

    cfg = settings if settings is not None else settings_module.load({})
    documents: list[Document] = []
    errors: list[str] = []
    for item in iter_articles([str(folder)], cfg):
        if isinstance(item, RedlineError):
            errors.append(str(item))
            continue
        try:
            documents.append(make_document(item, cfg))
        except RedlineError as exc:
            errors.append(str(exc))
    return documents, errors


def run_statements(documents: Sequence[Document], attributor: Attributor) -> list[dict[str, Any]]:
    """Attribute every document and return the records ``redline statements --json`` prints."""
    return [statement_record(s, d) for d in documents for s in attributor.statements(d)]

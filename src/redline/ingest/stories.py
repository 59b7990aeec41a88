"""One story in two languages: a machine translation linked to the original it was made from.

Word overlap says nothing across languages, so the match rests on what a translation
keeps: names (compared in Latin letters, keyed by their first letters so that endings
and spelling variants meet), numbers, dates (day and month, whatever the language of the
month's name) and the number of quotations. Each evidence set is compared with the
Jaccard index, and a weighted sum at or above the threshold links the two documents.
Only a machine-translated document and an original in another language are compared.
``bench/story_links.py`` measures the score of true pairs against all other pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redline import yamlfile
from redline.models import Document

LEXICON = Path(__file__).resolve().parents[1] / "lexicons" / "stories.yaml"
# How much each kind of evidence weighs in the score.
WEIGHTS = {"names": 0.5, "numbers": 0.3, "quotes": 0.2}
_NAME = re.compile(r"\b[A-ZА-ЯЁ][\w’'-]{2,}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# "12 марта" and "March 12": tried separately, so that "NATO 12 March" finds the right pair.
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([a-zа-яё]+)", re.IGNORECASE)
_MONTH_DAY = re.compile(r"\b([a-zа-яё]+)\s+(\d{1,2})\b", re.IGNORECASE)
_QUOTE = re.compile(r"[«“\"]|^\s*[—–]\s", re.MULTILINE)


@dataclass(frozen=True)
class Lexicon:
    """The transliteration table, month names and name-key length."""

    letters: dict[str, str]
    months: dict[str, int]
    name_key: int


@lru_cache(maxsize=1)
def lexicon(path: Path = LEXICON) -> Lexicon:
    """The shipped story lexicon (read once)."""
    data = yamlfile.load(path)
    return Lexicon({k: str(v) for k, v in data["transliteration"].items()},
                   {str(k): int(v) for k, v in data["months"].items()}, int(data["name_key"]))


@dataclass(frozen=True)
class Features:
    """What a translation keeps of its original."""

    names: frozenset[str]
    numbers: frozenset[str]
    quotes: int


def _latin(word: str, lex: Lexicon) -> str:
    return "".join(lex.letters.get(c, c) for c in word.lower())


def _month(word: str, lex: Lexicon) -> int | None:
    word = word.lower()
    best = max((stem for stem in lex.months if word.startswith(stem)), key=len, default=None)
    return lex.months[best] if best is not None and len(word) - len(best) <= 4 else None


def features(document: Document) -> Features:
    """A document's names, numbers and dates, and its count of quotations."""
    lex = lexicon()
    text = document.text
    names = frozenset(_latin(n, lex)[:lex.name_key] for n in _NAME.findall(text))
    numbers = {n.replace(",", ".") for n in _NUMBER.findall(text)}
    pairs = [(m.group(1), m.group(2)) for m in _DAY_MONTH.finditer(text)]
    pairs += [(m.group(2), m.group(1)) for m in _MONTH_DAY.finditer(text)]
    for day, word in pairs:
        month = _month(word, lex)
        if month is not None:
            numbers.add(f"{int(day):02d}.{month:02d}")
    if document.date:
        numbers.add(document.date[:10])
    return Features(names, frozenset(numbers), len(_QUOTE.findall(text)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def similarity(a: Features, b: Features) -> float:
    """How likely two documents are one story told in two languages (0 to 1)."""
    quotes = min(a.quotes, b.quotes) / max(a.quotes, b.quotes) if max(a.quotes, b.quotes) else 0.0
    return (WEIGHTS["names"] * _jaccard(a.names, b.names) + WEIGHTS["numbers"] * _jaccard(a.numbers, b.numbers)
            + WEIGHTS["quotes"] * quotes)


def comparable(a: Document, b: Document) -> bool:
    """A translation and an original, in two languages."""
    return a.machine_translated != b.machine_translated and a.language != b.language


@dataclass(frozen=True)
class _Known:
    document: Document
    features: Features


class StoryLinker:
    """Links each new translation or original to the earlier document it tells the story of.

    Only translations and originals in a language other than ``main_language`` are
    indexed: an original in the main language is never the other half of a pair here.
    """

    def __init__(self, threshold: float, main_language: str = "en") -> None:
        self._threshold = threshold
        self._main = main_language
        self._known: list[_Known] = []

    def wants(self, document: Document) -> bool:
        """Whether a document can be one half of a translated story."""
        return document.machine_translated or document.language not in (None, self._main)

    def index(self, document: Document) -> Features | None:
        """Remember a document (an earlier one, from the store) as the possible half of a pair."""
        if not self.wants(document) or any(k.document.id == document.id for k in self._known):
            return None
        mine = features(document)
        # Only what matching needs is kept: the text is not.
        self._known.append(_Known(_shell(document), mine))
        return mine

    def add(self, document: Document) -> str | None:
        """Index a new document; the id of the earlier document of the same story, if any."""
        known = list(self._known)
        mine = self.index(document)
        if mine is None:
            return None
        scored = [(similarity(mine, k.features), k.document.id) for k in known if comparable(document, k.document)]
        best = max(scored, default=None)
        return best[1] if best is not None and best[0] >= self._threshold else None


def _shell(document: Document) -> Document:
    return Document(document.id, document.doc, document.origin, "", "", language=document.language,
                    machine_translated=document.machine_translated)

"""Phrases matched on lemmas: the Russian form of a pack's names, terms and stance cues.

A phrase is written as in a text ("гарантии безопасности") and compiled once into its
words' dictionary lemmas ("гарантия безопасность"); ``*`` is a gap of up to three words.
A phrase word matches a token whose lemma or text equals the word's lemma or the word as
written, so the tagger's choice in context ("нужно" read as "нужный") still meets it.
Matching looks up each token's two keys, so a lexicon of a few hundred phrases costs two
dictionary lookups per token.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redline.attribute.ru.lexicon import lemma_key
from redline.attribute.ru.parse import Token, lemmatise

GAP = "*"
GAP_WORD: frozenset[str] = frozenset({GAP})
_GAP_WORDS = 3


Word = frozenset[str]


def _keys(token: Token) -> Word:
    """The forms a token is known by: its lemma and its text."""
    return frozenset((lemma_key(token.lemma), lemma_key(token.text)))


def lemmas_of(phrases: Sequence[str]) -> list[tuple[Word, ...]]:
    """Each phrase as the forms of its words (``*`` kept as a gap)."""
    return [tuple(GAP_WORD if t.text == GAP else _keys(t) for t in tokens) for tokens in lemmatise(phrases)]


@dataclass(frozen=True)
class Match:
    """A phrase found in the tokens: its label, first and last token."""

    label: str
    first: int
    last: int
    size: int


class PhraseMatcher:
    """Labelled lemma phrases, found in a run of tokens."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[tuple[str, tuple[Word, ...]]]] = defaultdict(list)
        labelled = list(phrases)
        for (label, _), words in zip(labelled, lemmas_of([p for _, p in labelled]), strict=True):
            if words and words[0] != GAP_WORD:
                for key in words[0]:
                    self._by_first[key].append((label, words))

    def find(self, tokens: Sequence[Token], first: int, last: int, coordinated: bool = False) -> list[Match]:
        """Every match inside ``tokens[first:last]``, longest first where they overlap.

        ``coordinated``: also keep a shorter match of another label that ends before a
        conjunction inside the longer one ("вступление в союз и блок" is both memberships).
        """
        found: set[Match] = set()
        for i in range(first, last):
            for key in _keys(tokens[i]):
                for label, words in self._by_first.get(key, ()):
                    end = _match(tokens, i, last, words)
                    if end is not None:
                        found.add(Match(label, i, end, sum(w != GAP_WORD for w in words)))
        ordered = sorted(found, key=lambda m: (-m.size, m.first, m.last, m.label))
        kept: list[Match] = []
        for match in ordered:
            clash = [k for k in kept if k.first <= match.last and match.first <= k.last]
            if not clash or coordinated and all(_conjoined(tokens, match, k) for k in clash):
                kept.append(match)
        return sorted(kept, key=lambda m: m.first)


def _match(tokens: Sequence[Token], start: int, limit: int, words: tuple[Word, ...]) -> int | None:
    """The last token of ``words`` matched from ``start`` (None: no match)."""
    i = start
    k = 0
    while k < len(words):
        if words[k] == GAP_WORD:
            nxt = words[k + 1]
            for j in range(i, min(i + _GAP_WORDS + 1, limit)):
                if _keys(tokens[j]) & nxt:
                    i, k = j, k + 1
                    break
            else:
                return None
            continue
        if i >= limit or not _keys(tokens[i]) & words[k]:
            return None
        i += 1
        k += 1
    return i - 1


def _conjoined(tokens: Sequence[Token], a: Match, b: Match) -> bool:
    """Two labels of one phrase whose objects are coordinated: a conjunction right after the one ending first."""
    if a.label == b.label or a.last == b.last:
        return False
    first = min(a, b, key=lambda m: m.last)
    return tokens[first.last + 1].pos == "CCONJ"

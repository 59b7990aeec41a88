"""Phrases matched on lemmas: the Russian form of a pack's names, terms and stance cues.

A phrase is written as in a text ("гарантии безопасности") and compiled once, through the
same natasha parse as the articles, into its lemmas ("гарантия безопасность"); ``*`` is a
gap of up to three words. Matching walks the tokens once per phrase's first lemma, so a
lexicon of a few hundred phrases costs a dictionary lookup per token.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from redline.attribute.ru.lexicon import lemma_key
from redline.attribute.ru.parse import Token, parse_lines

GAP = "*"
_GAP_WORDS = 3


def lemmas_of(phrases: Sequence[str]) -> list[tuple[str, ...]]:
    """The lemmas of each phrase as written, ``*`` kept as a gap (all parsed in one batch)."""
    return [tuple(GAP if t.text == GAP else lemma_key(t.lemma) for t in tokens if t.text == GAP or t.pos != "PUNCT")
            for tokens in parse_lines(phrases)]


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
        self._by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
        labelled = list(phrases)
        for (label, _), words in zip(labelled, lemmas_of([p for _, p in labelled]), strict=True):
            if words and words[0] != GAP:
                self._by_first[words[0]].append((label, words))

    def find(self, tokens: Sequence[Token], first: int, last: int) -> list[Match]:
        """Every match inside ``tokens[first:last]``, longest first where they overlap."""
        found: list[Match] = []
        for i in range(first, last):
            for label, words in self._by_first.get(lemma_key(tokens[i].lemma), ()):
                end = _match(tokens, i, last, words)
                if end is not None:
                    found.append(Match(label, i, end, sum(w != GAP for w in words)))
        found.sort(key=lambda m: (-m.size, m.first))
        kept: list[Match] = []
        for match in found:
            if not any(k.first <= match.last and match.first <= k.last for k in kept):
                kept.append(match)
        return sorted(kept, key=lambda m: m.first)


def _match(tokens: Sequence[Token], start: int, limit: int, words: tuple[str, ...]) -> int | None:
    """The last token of ``words`` matched from ``start`` (None: no match)."""
    i = start
    k = 0
    while k < len(words):
        if words[k] == GAP:
            nxt = words[k + 1]
            for j in range(i, min(i + _GAP_WORDS + 1, limit)):
                if lemma_key(tokens[j].lemma) == nxt:
                    i, k = j, k + 1
                    break
            else:
                return None
            continue
        if i >= limit or lemma_key(tokens[i].lemma) != words[k]:
            return None
        i += 1
        k += 1
    return i - 1

"""Concepts derived from a pack's plain terms, so that a term finds its idea in other words.

A new user writes an issue as regular expressions ("lift(?:s|ed|ing)? (?:\\w+ ){0,3}sanctions"),
not as concepts. A term names its idea by its content words in one order; an article says
"the sanctions would be lifted", "relief from the new sanctions" or "struck the sites". Each
term with two content words or more that it cannot do without becomes a concept here: its
first such word is the head (with its word family: "lift", "lifting", "lifted"), its last one
what the head must be about in the parse. Optional words are left out: in
"(?:nuclear )?enrichment(?: programme)?" neither "nuclear" nor "programme" says what the
term is about, and "nuclear programme" is not it. A term of one content word
("consortium") is left to its regex: alone, a head has no neighbour to confirm it; nor is a
term with a negation ("enrich no uranium"): its words without the "no" name the opposite.

The words are read off the regex's own parse tree: literals are spelled out, alternatives
each in turn; a wildcard (``\\w+``) is no word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, cast

from redline.position.pack import Concept

# The standard library's own regex parser (private, stable within one Python version):
# reading a pattern's structure any other way would re-implement it.
from re import _parser  # type: ignore[attr-defined]

# Spellings of one term tried at most: a term's optional parts multiply them.
_MAX_SPELLINGS = 256
# A wildcard's place in a spelling: a word holding it is no word of the term.
_WILD = "\x00"
_WORD = re.compile(r"[a-z][a-z'’.-]*[a-z]|[a-z]", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")

_LITERAL = _parser.LITERAL
_BRANCH = _parser.BRANCH
_SUBPATTERN = _parser.SUBPATTERN
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, getattr(_parser, "POSSESSIVE_REPEAT", None))
_SETS = _parser.IN
_SILENT = (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT)


def derived_concepts(terms: Sequence[str], function_words: frozenset[str], negations: frozenset[str],
                     inverse: bool = False) -> list[Concept]:
    """One concept per term with two content words or more (see the module docstring)."""
    out: list[Concept] = []
    for term in terms:
        heads: list[str] = []
        about: list[str] = []
        for spelling in spellings(term, function_words):
            words = _content(spelling, function_words)
            if any(word in negations or word.split("-")[0] in negations for word in spelling.lower().split()):
                continue
            if len(words) >= 2:
                heads.append(words[0])
                about.append(words[-1])
        heads, about = list(dict.fromkeys(heads)), [w for w in dict.fromkeys(about) if w not in heads]
        if heads and about:
            out.append(Concept(heads=heads, about=about, inverse=inverse))
    return out


def _content(spelling: str, function_words: frozenset[str]) -> list[str]:
    """The content words of one spelling, lower-cased, possessives cut."""
    words = []
    for chunk in spelling.split():
        if _WILD in chunk:
            continue
        for word in _WORD.findall(_POSSESSIVE.sub("", chunk)):
            if word.lower() not in function_words:
                words.append(word.lower())
    return words


def spellings(term: str, function_words: frozenset[str]) -> list[str]:
    """The strings a term spells out without its optional parts, only its content and
    negation words kept (at most a few hundred)."""
    try:
        tree = _parser.parse(term)
    except re.error:
        return []
    return _Speller(function_words).sequence(list(tree))


class _Speller:
    """Spells out regex items; the words no content word can come of are dropped as they
    complete, so that optional articles and wildcards do not multiply the spellings."""

    def __init__(self, function_words: frozenset[str]) -> None:
        self._function_words = function_words

    def sequence(self, items: Iterable[tuple[Any, Any]]) -> list[str]:
        """Spellings of a sequence of regex items: each item's spellings after the last."""
        out = [""]
        for op, value in items:
            options = self._item(op, value)
            out = list(dict.fromkeys(self._squash(a + b) for a in out for b in options))[:_MAX_SPELLINGS]
        return out

    def _squash(self, spelling: str) -> str:
        """A spelling without its completed wildcard and function words."""
        done, space, last = spelling.rpartition(" ")
        if not space:
            return spelling
        kept = [w for w in done.split(" ") if w and _WILD not in w and w.lower() not in self._function_words]
        # A space before the first word is kept: it parts the spelling from what comes before.
        return " ".join(["", *kept, last] if spelling.startswith(" ") or not kept else [*kept, last])

    def _item(self, op: Any, value: Any) -> list[str]:
        """The spellings of one regex item."""
        if op is _LITERAL:
            return [chr(cast(int, value))]
        if op is _BRANCH:
            return [s for branch in value[1] for s in self.sequence(list(branch))]
        if op is _SUBPATTERN:
            return self.sequence(list(value[-1]))
        if op in _REPEATS:
            low, _, body = value
            return [""] if low == 0 else self.sequence(list(body))
        return _single(op, value)


def _single(op: Any, value: Any) -> list[str]:
    """The spellings of an item that holds no other: a character set, an assertion, a wildcard."""
    if op is _SETS and all(inner is _LITERAL for inner, _ in value):
        return [chr(cast(int, code)) for _, code in value]
    if op in _SILENT:
        return [""]
    return [_WILD]

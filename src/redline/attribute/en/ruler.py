"""The model's attribute ruler, matched from a table instead of spaCy's general Matcher.

The English pipeline's ``attribute_ruler`` sets POS, morphology and some lemmas from
about 180 patterns, nearly all of one token (``{"TAG": "PRP", "LOWER": "she"}``); the
rules read what it sets. spaCy's Matcher tries every pattern at every token, which
costs about a sixth of the whole parse. :class:`RuleTable` gives the ruler the same
matches (the same ``(rule, key, start, end)`` list, sorted as the ruler sorts it) from a
table of the token attributes the one-token patterns read, remembered per distinct
combination, with a Matcher kept for the few patterns the table cannot read (longer
ones, regular expressions).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

# The token attributes a one-token pattern may test, in the order of the table's rows.
_ATTRIBUTES = ("TAG", "LOWER", "DEP", "IS_SPACE")
_IDS = [TAG, LOWER, DEP, IS_SPACE]
# Distinct attribute combinations remembered before the memory starts again.
_MEMO_LIMIT = 200_000

# Per attribute: None (any value), or whether the value must be in the set, and the set.
Allowed = tuple[tuple[bool, frozenset[int]] | None, ...]
Match = tuple[int, int, int, int]


class Unsupported(ValueError):
    """A token pattern the table cannot read (an operator, another attribute)."""


class RuleTable:
    """The matches of an attribute ruler's patterns, as ``AttributeRuler.match`` gives them."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab: Vocab = ruler.vocab
        self._single: list[tuple[int, int, Allowed]] = []
        self._others = Matcher(self.vocab)
        for number, entry in enumerate(ruler.patterns):
            key = self.vocab.strings.add(str(number))
            patterns: list[list[dict[str, Any]]] = entry["patterns"]  # type: ignore[assignment]
            for pattern in patterns:
                try:
                    if len(pattern) != 1:
                        raise Unsupported("a pattern of several tokens")
                    self._single.append((number, key, _allowed(pattern[0])))
                except Unsupported:
                    self._others.add(str(number), [pattern])
        self._memo: dict[tuple[int, ...], list[tuple[int, int]]] = {}
        # Each pattern filed under one attribute whose value it requires (LOWER first, the
        # most telling), so that a combination not seen before is tried against the few
        # patterns that can fit it; those requiring no value are tried every time.
        self._by: list[tuple[int, dict[int, list[int]]]] = [(row, {}) for row in (1, 0, 2, 3)]
        self._general: list[int] = []
        for index, (_, _, allowed) in enumerate(self._single):
            for row, table in self._by:
                choice = allowed[row]
                if choice is not None and choice[0]:
                    for value in choice[1]:
                        table.setdefault(value, []).append(index)
                    break
            else:
                self._general.append(index)

    def __call__(self, doc: Doc) -> list[Match]:
        """Every (rule number, key, start, end) of the ruler's patterns in ``doc``, sorted."""
        found: list[Match] = []
        memo = self._memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        for i, row in enumerate(doc.to_array(_IDS).tolist() if len(doc) else []):
            values = tuple(row)
            rules = memo.get(values)
            if rules is None:
                rules = memo[values] = self._fitting(values)
            found.extend((number, key, i, i + 1) for number, key in rules)
        if len(self._others):
            found.extend((int(self.vocab.strings[key]), key, start, end)
                         for key, start, end in self._others(doc, allow_missing=True))
        # A rule whose patterns both match one token matches it once, as in the Matcher.
        return sorted(set(found))

    def _fitting(self, values: tuple[int, ...]) -> list[tuple[int, int]]:
        """The (rule number, key) of every one-token pattern a token's values fit, in
        pattern order."""
        candidates = set(self._general)
        for row, table in self._by:
            candidates.update(table.get(values[row], ()))
        single = self._single
        return [(single[i][0], single[i][1]) for i in sorted(candidates) if _fits(values, single[i][2])]


def _fits(values: tuple[int, ...], allowed: Allowed) -> bool:
    return all(choice is None or (value in choice[1]) == choice[0] for value, choice in zip(values, allowed))


def _allowed(token: dict[str, Any]) -> Allowed:
    """What each attribute may be for one token pattern (None: anything)."""
    unknown = set(token) - set(_ATTRIBUTES)
    if unknown:
        raise Unsupported(f"attribute {sorted(unknown)[0]}")
    return tuple(_values(name, token[name]) if name in token else None for name in _ATTRIBUTES)


def _values(name: str, value: Any) -> tuple[bool, frozenset[int]]:
    if not isinstance(value, dict):
        return True, frozenset({_value(name, value)})
    if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN"):
        raise Unsupported(f"{name} operator {sorted(value)[0]}")
    operator, values = next(iter(value.items()))
    return operator == "IN", frozenset(_value(name, v) for v in values)


def _value(name: str, value: Any) -> int:
    """The value as the token array holds it (a string's hash, a flag's 0 or 1)."""
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE value {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise Unsupported(f"{name} value {value!r}")
    return int(get_string_id(value))


def table_matched(nlp: Language, names: Iterable[str] = ("attribute_ruler",)) -> Language:
    """The pipeline with its attribute rulers matched from a table (same annotations)."""
    for name in names:
        if name not in nlp.pipe_names:
            continue
        ruler = nlp.get_pipe(name)
        if not isinstance(ruler, AttributeRuler):
            continue
        ruler.match = RuleTable(ruler)  # type: ignore[method-assign]
    return nlp

"""One pattern's matches in many stretches of one text, the text scanned once.

The position stage asks the actor patterns for the mentions around every unit of a
document (a window of 200 characters either side, and again for holders and flags), so
the same characters are scanned many times. :class:`RangeScan` scans the whole text once
and answers ``finditer(text, start, end)`` from that list, exactly: Python's ``re`` reads
``end`` as the end of the string, so the answer can differ only for match attempts that
look at characters up to ``end``. Those attempts start within the pattern's *reach* (the
most characters one attempt can look at, lookaheads and word boundaries included) of
``end``, and that tail is scanned again; a pattern whose reach has no bound, or that can
match the empty string, is always scanned directly.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_WIDE = 1  # what one character-class item consumes
_CONSUMING = frozenset({sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN, sre.CATEGORY})
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})
# Assertions about the characters on either side of a position (one character ahead).
_BOUNDARIES = frozenset({sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY, sre.AT_UNI_BOUNDARY,
                         sre.AT_UNI_NON_BOUNDARY, sre.AT_LOC_BOUNDARY, sre.AT_LOC_NON_BOUNDARY})
# Assertions that look only behind a position or at the real start of the string.
_BEHIND = frozenset({sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_BEGINNING_LINE})
# Character categories as a class writes them, for the first characters of a match.
_CATEGORIES = {sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W", sre.CATEGORY_DIGIT: r"\d",
               sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S"}
# Inline flags under which a group's characters match more than they do outside it.
_WIDENING = re.IGNORECASE | re.UNICODE | re.LOCALE


def reach(regex: re.Pattern[str]) -> int | None:
    """The most characters one match attempt of ``regex`` can look at from where it
    starts (lookaheads counted as if they consumed), or None when that has no bound."""
    return _reach(sre_parse.parse(regex.pattern, regex.flags))


def _reach(items: Any) -> int | None:
    total = 0
    for op, av in items:
        part = _item_reach(op, av)
        if part is None:
            return None
        total += part
    return total


def _item_reach(op: Any, av: Any) -> int | None:
    if op in _CONSUMING:
        return _WIDE
    if op == sre.SUBPATTERN:
        return _reach(av[3])
    if op == sre.ATOMIC_GROUP:
        return _reach(av)
    if op == sre.BRANCH:
        reaches = [_reach(branch) for branch in av[1]]
        return None if None in reaches else max(r for r in reaches if r is not None)
    if op in _REPEATS:
        low, high, body = av
        inner = _reach(body)
        return None if inner is None or high == sre.MAXREPEAT else inner * high
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, body = av
        return 0 if direction < 0 else _reach(body)
    if op == sre.AT:
        return _WIDE if av in _BOUNDARIES else 0 if av in _BEHIND else None
    # Back-references and anything else: no bound this module vouches for.
    return None


def _first(items: Any) -> set[str] | None:
    """The class items the first consumed character matches, or None."""
    items_found: set[str] = set()
    for op, av in items:
        if _zero_width(op, av):
            continue  # an assertion: the next item starts the match
        found = _item_first(op, av)
        if found is None:
            return None
        part, nullable = found
        items_found |= part
        if not nullable:
            return items_found
    return None


# Prefixes a gate tells apart before it falls back to the one-character class alone.
_MAX_PREFIXES = 2048
# A prefix item that stands for any character: what follows an item the gate cannot read.
_ANY: tuple[None, ...] = (None,)


def gates(pattern: str, flags: int = 0, length: int = 1) -> tuple[str | None, str | None]:
    """Two lookaheads that tell where a match of ``pattern`` cannot start, from one parse.

    First, what a match can start with, as the body of a character class, or None when
    that is not known (a negated class, any character, an empty match): a large
    alternation compiled with IGNORECASE tries every branch at every position, since
    ``re`` skips a branch by its first literal only when case matters; a lookahead on this
    class ahead of it, under the same flags, fails at once where no branch can start.
    Second, a pattern matching wherever a match can start judged on its first ``length``
    characters (None when not known): at a word start every branch is still tried (one
    that opens with lookbehinds tries each of them before its first letter), and this
    lookahead, tried there first, fails at once where no branch begins with those
    characters. Parsing a cue list's alternation costs more than either, hence one parse.
    """
    parsed = sre_parse.parse(pattern, flags)
    found = _first(parsed)
    return None if not found else "".join(sorted(found)), _leading(parsed, length)


def _leading(parsed: Any, length: int) -> str | None:
    """The alternation of a parsed pattern's prefixes, or None when one is empty."""
    found = _prefixes(parsed, length)
    if not found:
        return None
    heads = {t[:t.index(None)] if None in t else t for t in found}
    if () in heads:
        return None
    return _alternation(heads)


def _alternation(prefixes: set[tuple[str | None, ...]]) -> str:
    """The prefixes as one alternation, branching on their first class only once."""
    groups: dict[str, set[tuple[str | None, ...]]] = {}
    for prefix in prefixes:
        groups.setdefault(str(prefix[0]), set()).add(prefix[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        if () in rests:
            parts.append(f"[{first}]")
        elif all(len(r) == 1 for r in rests):
            parts.append(f"[{first}][{''.join(sorted(str(r[0]) for r in rests))}]")
        else:
            parts.append(f"[{first}](?:{_alternation(rests)})")
    return "|".join(parts)


def _prefixes(items: Any, length: int) -> set[tuple[str | None, ...]] | None:
    """The class items of the first ``length`` characters a match of ``items`` can
    consume (shorter where it can end sooner, ``None`` where anything can stand)."""
    partial: set[tuple[str | None, ...]] = {()}
    for op, av in items:
        if _zero_width(op, av):
            continue  # an assertion only narrows where a match starts
        options = _item_prefixes(op, av, length)
        if options is None:
            return None
        partial = {p if len(p) >= length else (p + o)[:length] for p in partial for o in options}
        if len(partial) > _MAX_PREFIXES:
            return None
        if all(len(p) >= length for p in partial):
            break
    return partial


def _item_prefixes(op: Any, av: Any, length: int) -> set[tuple[str | None, ...]] | None:
    """One item's prefixes; an item the gate cannot read lets anything follow."""
    if op == sre.LITERAL:
        return {(re.escape(chr(av)),)}
    if op == sre.IN:
        found = _class_items(av)
        return {_ANY * length} if found is None else {("".join(sorted(found[0])),)}
    if op == sre.SUBPATTERN:
        # A group that widens what its characters match (case, Unicode) is not known.
        return {_ANY * length} if av[1] & _WIDENING else _prefixes(av[3], length)
    if op == sre.ATOMIC_GROUP:
        return _prefixes(av, length)
    if op == sre.BRANCH:
        union: set[tuple[str | None, ...]] = set()
        for branch in av[1]:
            part = _prefixes(branch, length)
            if part is None:
                return None
            union |= part
        return union
    if op in _REPEATS:
        return _repeated(av, length)
    return {_ANY * length}


def _repeated(av: Any, length: int) -> set[tuple[str | None, ...]] | None:
    """A repeat's prefixes: its body repeated as often as it may be, up to ``length``
    times (each further copy lies past the prefix)."""
    low, high, body = av
    once = _prefixes(body, length)
    if once is None:
        return None
    found: set[tuple[str | None, ...]] = set()
    copies: set[tuple[str | None, ...]] = {()}
    for count in range(min(high, length) + 1):
        if count >= min(low, length):
            found |= copies
        copies = {c if len(c) >= length else (c + o)[:length] for c in copies for o in once}
        if len(copies) > _MAX_PREFIXES:
            return None
    return found


def _zero_width(op: Any, av: Any) -> bool:
    """Whether an item only asserts (lookarounds, anchors, a group of those)."""
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return True
    if op == sre.SUBPATTERN:
        return bool(av[3].getwidth()[1] == 0)
    if op == sre.BRANCH:
        return all(branch.getwidth()[1] == 0 for branch in av[1])
    return False


def _item_first(op: Any, av: Any) -> tuple[set[str], bool] | None:
    """An item's possible first class items and whether it can match the empty string."""
    if op == sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op == sre.IN:
        return _class_items(av)
    if op == sre.SUBPATTERN:
        # A group that widens what its characters match (case, Unicode) is not known.
        return None if av[1] & _WIDENING else _body_first(av[3])
    if op == sre.ATOMIC_GROUP:
        return _body_first(av)
    if op == sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            part = _body_first(branch)
            if part is None:
                return None
            found |= part[0]
        return found, False
    if op in _REPEATS:
        low, _high, body = av
        part = _body_first(body)
        return None if part is None else (part[0], low == 0)
    return None


def _body_first(body: Any) -> tuple[set[str], bool] | None:
    if body.getwidth()[0] == 0:
        return None
    found = _first(body)
    return None if found is None else (found, False)


def _class_items(items: Any) -> tuple[set[str], bool] | None:
    found: set[str] = set()
    for op, av in items:
        if op == sre.LITERAL:
            found.add(re.escape(chr(av)))
        elif op == sre.RANGE:
            found.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op == sre.CATEGORY and av in _CATEGORIES:
            found.add(_CATEGORIES[av])
        else:
            return None
    return found, False


def steppable(regex: re.Pattern[str]) -> bool:
    """Whether ``finditer`` of the pattern can be replayed by trying it only at the places
    a wider pattern (an alternation holding it) matches: it never matches the empty string
    and refers back to no group (whose number differs inside the alternation)."""
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    return parsed.getwidth()[0] > 0 and not _refers_back(parsed.data)


def _refers_back(node: Any) -> bool:
    if isinstance(node, sre_parse.SubPattern):
        return _refers_back(node.data)
    if isinstance(node, (list, tuple)):
        if len(node) == 2 and node[0] in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return True
        return any(_refers_back(child) for child in node)
    return False


def stepped(regex: re.Pattern[str], text: str, places: list[int], start: int,
            end: int) -> list[tuple[int, int]]:
    """``[m.span() for m in regex.finditer(text, start, end)]`` for a :func:`steppable`
    pattern, given every place in the stretch where it may match (in order)."""
    found: list[tuple[int, int]] = []
    cursor = start
    for place in places:
        if place >= cursor and (match := regex.match(text, place, end)) is not None:
            found.append(match.span())
            cursor = match.end()
    return found


class RangeScan:
    """A pattern's match spans in one text, answering range queries as ``finditer`` does."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        parsed = sre_parse.parse(regex.pattern, regex.flags)
        found = _reach(parsed)
        # An empty match moves finditer on by one character, which the list cannot mirror.
        self._reach = found if found is not None and parsed.getwidth()[0] > 0 else None
        self._text: str | None = None
        self._starts: list[int] = []
        self._spans: list[tuple[int, int]] = []

    def spans(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """``[m.span() for m in regex.finditer(text, start, end)]``, from the text's one scan."""
        stop = len(text) if end is None else min(end, len(text))
        start = max(start, 0)
        if self._reach is None or stop - self._reach <= start:
            return self._direct(text, start, stop)
        if text is not self._text:
            self._text = text
            self._spans = self._direct(text, 0, len(text))
            self._starts = [s for s, _ in self._spans]
        first = bisect_left(self._starts, start)
        if first and self._spans[first - 1][1] > start:
            # A match of the whole text runs across ``start``: the stretch reads it otherwise.
            return self._direct(text, start, stop)
        # Attempts that start before ``tail`` never look as far as ``stop``.
        tail = stop - self._reach
        last = bisect_left(self._starts, tail, first)
        head = self._spans[first:last]
        resume = max(tail, head[-1][1]) if head else tail
        return head + self._direct(text, resume, stop)

    def _direct(self, text: str, start: int, stop: int) -> list[tuple[int, int]]:
        return [m.span() for m in self.regex.finditer(text, start, stop)]

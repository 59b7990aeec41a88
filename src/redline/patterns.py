"""Pack patterns: the one place they are compiled, refusing those that can backtrack for ever.

Packs are written by users, and Python's backtracking engine takes exponential time on a
quantifier nested inside another unbounded one (``(a+)+$`` on a line of a's never
finishes). A linear-time engine would rule that out, but RE2 (``google-re2``) has no
lookaround, and the shipped packs and the shared stance lexicon need it (``guarantees(?!
not\\b)``, the word-boundary wrapper of every cue list). So a pattern is parsed on load
and refused, with a reason, when a repeat that may run long holds another repeat of
varying length. Possessive and atomic repeats never backtrack and pass.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# An outer repeat up to this many times around a varying one stays polynomial and short
# ("(?:[\w-]+ ){0,3}" skips up to three words); only longer outer repeats are refused.
MAX_OUTER_REPEAT = 10
_REPEATS = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT})


class PatternError(ValueError):
    """A pattern that does not compile or could make matching take exponential time."""


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a pack pattern, or raise PatternError saying why it is refused."""
    try:
        parsed = sre_parse.parse(pattern, flags)
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise PatternError(str(exc)) from None
    nested = _nested_repeat(parsed, outer=None)
    if nested is not None:
        raise PatternError(
            f"nested quantifier {nested}: a repeat inside a repeat can take exponential time "
            "to match; use one quantifier or a possessive one (++, *+)"
        )
    return compiled


def _nested_repeat(items: Any, outer: str | None) -> str | None:
    """The first repeat of varying length inside a long ``outer`` repeat, rendered; None if none."""
    for op, av in items:
        if op in _REPEATS:
            low, high, body = av
            varying = high != low
            if outer is not None and varying:
                return f"{_bounds(low, high)} inside {outer}"
            long_repeat = high == sre.MAXREPEAT or high > MAX_OUTER_REPEAT
            found = _nested_repeat(body, _bounds(low, high) if long_repeat else outer)
        elif op == sre.POSSESSIVE_REPEAT or op == sre.ATOMIC_GROUP:
            continue
        else:
            found = _search_children(op, av, outer)
        if found is not None:
            return found
    return None


def _search_children(op: Any, av: Any, outer: str | None) -> str | None:
    """Look inside groups, alternatives and lookarounds for a nested repeat."""
    if op == sre.SUBPATTERN:
        return _nested_repeat(av[3], outer)
    if op == sre.BRANCH:
        return next((f for branch in av[1] if (f := _nested_repeat(branch, outer)) is not None), None)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return _nested_repeat(av[1], outer)
    if op == sre.GROUPREF_EXISTS:
        return next((f for part in av[1:] if part is not None and (f := _nested_repeat(part, outer)) is not None), None)
    return None


def _bounds(low: int, high: int) -> str:
    """A repeat's bounds as a user wrote them: ``+``, ``*``, ``{2,5}``."""
    if high == sre.MAXREPEAT:
        return {0: "*", 1: "+"}.get(low, f"{{{low},}}")
    return "?" if (low, high) == (0, 1) else f"{{{low},{high}}}"

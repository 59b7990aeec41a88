"""What a user types, checked against what exists: actor and issue ids, and dates.

A typo must not give a silent empty result. An id that matches a known one but for case
is taken as that one when only one matches (``russia`` is ``Russia``); any other unknown
id is an error that suggests the nearest known ids. Dates typed on the command line go
through the same parser as dates in sources, and one it cannot read is an error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection

from redline.errors import RedlineError

# How alike (difflib ratio) a known id must be to be offered as a suggestion.
SUGGEST_CUTOFF = 0.6
SUGGESTIONS = 3
_WORD_SPLIT = re.compile(r"[-_\s]+")


def did_you_mean(value: str, known: Collection[str]) -> str:
    """`` (did you mean 'X'?)`` naming the known ids nearest to ``value``, or ``""``.

    Ids that hold the typed word as one of their parts come first (``nato`` suggests
    ``nato-expansion``), then ids spelled alike.
    """
    folded = value.casefold()
    by_folded = {k.casefold(): k for k in sorted(known)}
    parts = [k for k in by_folded if folded in _WORD_SPLIT.split(k)]
    alike = difflib.get_close_matches(folded, list(by_folded), SUGGESTIONS, SUGGEST_CUTOFF)
    close = list(dict.fromkeys(parts + alike))[:SUGGESTIONS]
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(by_folded[c]) for c in close) + "?)"


def resolve(value: str, known: Collection[str], what: str, hint: str = "") -> str:
    """The known id ``value`` names (case aside, when unambiguous), or an error suggesting one."""
    if value in known:
        return value
    folded = [k for k in known if k.casefold() == value.casefold()]
    if len(folded) == 1:
        return folded[0]
    raise RedlineError(f"{value}: unknown {what}{did_you_mean(value, known)}{hint}")


def parse_date(value: str | None, what: str) -> str | None:
    """A typed date as ``YYYY-MM-DD`` (None stays None), or an error naming the option."""
    # Sources' dates are read by the ingest stage; importing it costs a third of a second.
    from redline.ingest.extract import normalise_date

    if value is None:
        return None
    parsed = normalise_date(value)
    if parsed is None:
        raise RedlineError(f"{what} {value}: not a date (use YYYY-MM-DD)")
    return parsed

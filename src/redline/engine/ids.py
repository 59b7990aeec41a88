"""The set of document ids an ingest checks every article against, in 8 bytes an id.

A document's id is 16 hex digits (``ingest/document.py``), so it fits one unsigned 64-bit
integer exactly. A Python set of the strings costs about 100 bytes an id, which grew an
ingest's memory with the size of its store and its run; here the ids sit in one sorted
array, with the few added since the last merge in a small set. Any other id (a test's
``"d1"``) is kept as it is, in a plain set. (The standard library's ``array`` and
``bisect``, not numpy: a re-ingest that finds everything stored should not import it.)
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from heapq import merge

# Ids added before they are merged into the sorted array: a merge copies the array, so
# it happens once per this many additions.
_MERGE_EVERY = 4096
_HEX_ID = re.compile(r"[0-9a-f]{16}")


class Ids:
    """A growing set of document ids (``in`` and ``add``), compact for hash ids."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._sorted = array("Q")
        self._recent: set[int] = set()
        self._other: set[str] = set()
        for identity in ids:
            self.add(identity)

    def add(self, identity: str) -> None:
        """Hold one more id."""
        key = _key(identity)
        if key is None:
            self._other.add(identity)
            return
        self._recent.add(key)
        if len(self._recent) >= _MERGE_EVERY:
            # Streamed into a new array: no list of every id is ever built.
            self._sorted = array("Q", merge(self._sorted, sorted(self._recent)))
            self._recent.clear()

    def __contains__(self, identity: object) -> bool:
        if not isinstance(identity, str):
            return False
        key = _key(identity)
        if key is None:
            return identity in self._other
        if key in self._recent:
            return True
        at = bisect_left(self._sorted, key)
        return at < len(self._sorted) and self._sorted[at] == key


def _key(identity: str) -> int | None:
    """The integer a hash id spells (lower-case hex only, so no two ids share one)."""
    return int(identity, 16) if _HEX_ID.fullmatch(identity) else None

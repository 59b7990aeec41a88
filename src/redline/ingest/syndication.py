"""Syndication: the same wire story printed by several outlets, grouped as one.

Each document's cleaned text becomes a MinHash signature over its word 5-grams; a
MinHash LSH index finds earlier documents whose estimated Jaccard similarity reaches the
threshold. The earliest dated copy of a group is the canonical one (see
:class:`Syndicator`); the store feeds its documents back in ingestion order on start, so
the choice is the same on every run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from redline.models import Document

SHINGLE_WORDS = 5
# Named explicitly: a signature is stored, and must be read back with the same hashing.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")
# How much of each end of a copy's text is searched for the outlet it credits.
EDGE_CHARS = 300
_UNSET = object()


def shingles(text: str) -> set[str]:
    """The word 5-grams of a text, lowercased (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    count = max(len(words) - SHINGLE_WORDS + 1, 1)
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count)}


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> Any:
    """The permutations every MinHash of a size shares (the same seed): making them per
    sketch cost a millisecond and 2 KB for each indexed document."""
    return MinHash(num_perm=num_perm, scheme=_SCHEME).permutations


def signature(text: str, num_perm: int) -> list[int]:
    """The MinHash signature of a text's word 5-grams, as plain integers for the store."""
    minhash = MinHash(num_perm=num_perm, scheme=_SCHEME, permutations=_permutations(num_perm))
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return [int(value) for value in minhash.hashvalues]


@dataclass(frozen=True)
class _Copy:
    """What decides which copy of a story is canonical."""

    order: int
    date: str | None
    outlet: str | None
    edges: str


class Syndicator:
    """Groups near-duplicate documents with MinHash LSH and picks each group's canonical copy.

    The canonical copy is the earliest dated one; among copies of the same date (or none
    dated), the one whose outlet the other copies credit ("(Wire) -", "first published by
    Wire"); then the one indexed first. The choice is made again whenever a copy joins a
    group, so an original ingested after its republications becomes canonical, and
    :meth:`settle` hands out the documents whose canonical copy changed.
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        self._threshold = threshold
        self._num_perm = num_perm
        self._index = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._minhashes: dict[str, MinHash] = {}
        self._copies: dict[str, _Copy] = {}
        self._group: dict[str, list[str]] = {}
        self._canonical: dict[str, str | None] = {}
        # What the store (or the batch being built) records as each document's canonical copy.
        self._recorded: dict[str, str | None] = {}
        self._dirty: set[str] = set()
        self._empty = MinHash(num_perm=num_perm, scheme=_SCHEME).hashvalues

    def add(
        self,
        document_id: str,
        sig: Sequence[int],
        date: str | None = None,
        outlet: str | None = None,
        text: str = "",
        recorded: str | None = None,
    ) -> str | None:
        """Index a document; return the id of the canonical copy it duplicates, or None.

        Only the text decides what is a copy: a copy reprinted weeks later is still the same
        story, and counting it as a second independent outlet would be wrong. ``date``,
        ``outlet`` and the start and end of ``text`` decide which copy is canonical;
        ``recorded`` is the canonical copy the store holds for a stored document.
        """
        if document_id in self._canonical:
            return self._canonical[document_id]
        if len(sig) != self._num_perm:
            raise ValueError(f"{document_id}: signature has {len(sig)} values, expected {self._num_perm}")
        values = np.asarray(sig, dtype=np.uint64)
        copy = _Copy(len(self._copies), date, outlet, _edges(text, EDGE_CHARS).casefold())
        self._copies[document_id] = copy
        self._recorded[document_id] = recorded
        if np.array_equal(values, self._empty):
            # A text without words has the empty signature, which every empty text shares.
            self._canonical[document_id] = None
            self._dirty.add(document_id)
            return None
        minhash = MinHash(num_perm=self._num_perm, hashvalues=values, scheme=_SCHEME,
                          permutations=_permutations(self._num_perm))
        # LSH returns candidates; the estimate itself decides, so the threshold means what it says.
        candidates = self._index.query(minhash)
        copies = [c for c in candidates if minhash.jaccard(self._minhashes[c]) >= self._threshold]
        group = [document_id]
        for other in copies:
            if other not in group:
                group.extend(m for m in self._group[other] if m not in group)
        for member in group:
            self._group[member] = group
        self._index.insert(document_id, minhash)
        self._minhashes[document_id] = minhash
        self._choose(group)
        return self._canonical[document_id]

    def _choose(self, group: list[str]) -> None:
        """Make the group's earliest dated, then credited, then first indexed copy canonical."""
        dated = [m for m in group if self._copies[m].date is not None]
        earliest = min((self._copies[m].date or "" for m in dated), default=None)
        tied = [m for m in group if self._copies[m].date == earliest] if dated else group
        if len(tied) > 1:
            credited = [
                m for m in tied
                if any(_credits(self._copies[o].edges, self._copies[m].outlet) for o in group if o != m)
            ]
            tied = credited or tied
        first = min(tied, key=lambda m: self._copies[m].order)
        for member in group:
            canonical = None if member == first else first
            if self._canonical.get(member, _UNSET) != canonical:
                self._dirty.add(member)
            self._canonical[member] = canonical

    def settle(self, batch: Sequence[Document]) -> dict[str, str | None]:
        """Bring the batch's ``duplicate_of`` up to date; return what changed for stored documents."""
        changed = {
            document_id: self._canonical[document_id]
            for document_id in self._dirty
            if self._recorded.get(document_id) != self._canonical[document_id]
        }
        self._dirty.clear()
        self._recorded.update(changed)
        for document in batch:
            document.duplicate_of = self._canonical.get(document.id, document.duplicate_of)
            changed.pop(document.id, None)
        return changed


def _edges(text: str, chars: int) -> str:
    """The start and end of a text, where datelines and reprint credits sit."""
    return text if len(text) <= 2 * chars else f"{text[:chars]}\n{text[-chars:]}"


def _credits(edges: str, outlet: str | None) -> bool:
    """Whether a copy's text edges (casefolded) name the outlet as a whole word or phrase."""
    if not outlet:
        return False
    return re.search(rf"(?<!\w){re.escape(outlet.casefold())}(?!\w)", edges) is not None

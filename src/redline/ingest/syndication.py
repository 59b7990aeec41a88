"""Syndication: the same wire story printed by several outlets, grouped as one.

Each document's cleaned text becomes a MinHash signature over its word 5-grams; a
MinHash LSH index finds earlier documents whose estimated Jaccard similarity reaches the
threshold. The copy indexed first is the canonical one, and the store feeds its documents
back in ingestion order on start, so the choice is the same on every run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
# Named explicitly: a signature is stored, and must be read back with the same hashing.
_SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """The word 5-grams of a text, lowercased (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if not words:
        return set()
    count = max(len(words) - SHINGLE_WORDS + 1, 1)
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count)}


def signature(text: str, num_perm: int) -> list[int]:
    """The MinHash signature of a text's word 5-grams, as plain integers for the store."""
    minhash = MinHash(num_perm=num_perm, scheme=_SCHEME)
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return [int(value) for value in minhash.hashvalues]


class Syndicator:
    """Groups near-duplicate documents with MinHash LSH; the first one indexed is canonical."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        self._threshold = threshold
        self._num_perm = num_perm
        self._index = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._minhashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._canonical: dict[str, str | None] = {}
        self._empty = MinHash(num_perm=num_perm, scheme=_SCHEME).hashvalues

    def add(self, document_id: str, sig: Sequence[int]) -> str | None:
        """Index a document; return the id of the canonical copy it duplicates, or None.

        Dates do not take part: a copy reprinted weeks later is still the same story, and
        counting it as a second independent outlet would be wrong.
        """
        if document_id in self._canonical:
            return self._canonical[document_id]
        if len(sig) != self._num_perm:
            raise ValueError(f"{document_id}: signature has {len(sig)} values, expected {self._num_perm}")
        values = np.asarray(sig, dtype=np.uint64)
        if np.array_equal(values, self._empty):
            # A text without words has the empty signature, which every empty text shares.
            self._canonical[document_id] = None
            return None
        minhash = MinHash(num_perm=self._num_perm, hashvalues=values, scheme=_SCHEME)
        # LSH returns candidates; the estimate itself decides, so the threshold means what it says.
        candidates = self._index.query(minhash)
        copies = [c for c in candidates if minhash.jaccard(self._minhashes[c]) >= self._threshold]
        canonical = None
        if copies:
            first = min(copies, key=self._order.__getitem__)
            canonical = self._canonical[first] or first
        self._index.insert(document_id, minhash)
        self._minhashes[document_id] = minhash
        self._order[document_id] = len(self._order)
        self._canonical[document_id] = canonical
        return canonical

"""Syndication: the same wire story printed by several outlets, grouped as one.

Each document's cleaned text becomes a MinHash signature over its word 5-grams, cut into
LSH bands as datasketch's ``MinHashLSH`` cuts it for the threshold; documents sharing a
band are candidates, and the estimated Jaccard similarity decides. The earliest dated copy
of a group is the canonical one (see :class:`Syndicator`).

The band keys of stored documents live in the store, not in memory: for each batch the
syndicator asks the store (a :class:`StoredCopies`) for the stored documents sharing a
band with it, and for the other members of their groups, decides, and forgets them once
the batch is stored. Memory is bounded by the batch, however large the store.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

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
    from datasketch import MinHash

    return MinHash(num_perm=num_perm, scheme=_SCHEME).permutations


def signature(text: str, num_perm: int) -> list[int]:
    """The MinHash signature of a text's word 5-grams, as plain integers for the store."""
    # Imported here: datasketch pulls in scipy (a second), which a run that reads nothing
    # new should not pay for.
    from datasketch import MinHash

    minhash = MinHash(num_perm=num_perm, scheme=_SCHEME, permutations=_permutations(num_perm))
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(text)])
    return [int(value) for value in minhash.hashvalues]


@lru_cache(maxsize=4)
def band_shape(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) as datasketch's MinHashLSH picks them for the threshold, so
    the candidates are the ones its index would give."""
    from datasketch import MinHashLSH

    index = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return int(index.b), int(index.r)


def band_keys(sig: Sequence[int], shape: tuple[int, int]) -> list[int]:
    """One signed 64-bit key per LSH band (its number and values hashed), as the store keeps them.

    Two documents share a key when they share that band; a chance collision of the 64-bit
    hash only adds a candidate, which the Jaccard estimate then turns away.
    """
    bands, rows = shape
    values = np.asarray(sig, dtype=np.uint64)
    keys = []
    for band in range(bands):
        data = band.to_bytes(2, "little") + values[band * rows:(band + 1) * rows].tobytes()
        keys.append(int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little", signed=True))
    return keys


# (order, id, signature, date, outlet, text edges, recorded canonical copy): a stored
# document as syndication sees it, as the store's syndication_candidates gives it.
StoredCopy = tuple[int, str, list[int], str | None, str | None, str, str | None]


class StoredCopies(Protocol):
    """Where stored documents' band keys are looked up (the store)."""

    def syndication_candidates(self, keys: Sequence[int], edge_chars: int) -> list[StoredCopy]:
        """The stored documents with any of the band keys, and every member of their groups."""


@dataclass(frozen=True)
class _Copy:
    """What decides which copy of a story is canonical."""

    order: tuple[int, int]
    date: str | None
    outlet: str | None
    edges: str


class Syndicator:
    """Groups near-duplicate documents by LSH bands and picks each group's canonical copy.

    The canonical copy is the earliest dated one; among copies of the same date (or none
    dated), the one whose outlet the other copies credit ("(Wire) -", "first published by
    Wire"); then the one indexed first. The choice is made again whenever a copy joins a
    group, so an original ingested after its republications becomes canonical, and
    :meth:`settle` hands out the documents whose canonical copy changed.

    Without ``stored`` every document added stays in memory (a test, a small corpus);
    with it, stored documents are looked up per batch (:meth:`add_batch`) and everything
    is forgotten once the batch is written (:meth:`release`).
    """

    def __init__(self, threshold: float, num_perm: int, stored: StoredCopies | None = None) -> None:
        self._threshold = threshold
        self._num_perm = num_perm
        self._shape = band_shape(threshold, num_perm)
        self._stored = stored
        self._empty = np.asarray(signature("", num_perm), dtype=np.uint64)
        self._added = 0
        self._forget()

    def _forget(self) -> None:
        self._index: dict[int, list[str]] = {}
        self._keys: dict[str, list[int]] = {}
        self._signatures: dict[str, np.ndarray[Any, Any]] = {}
        self._copies: dict[str, _Copy] = {}
        self._group: dict[str, list[str]] = {}
        self._canonical: dict[str, str | None] = {}
        # What the store (or the batch being built) records as each document's canonical copy.
        self._recorded: dict[str, str | None] = {}
        self._dirty: set[str] = set()

    def add_batch(self, documents: Sequence[Document], signatures: Sequence[Sequence[int]]) -> list[str | None]:
        """Add a batch of new documents in order (the stored ones they may copy looked up
        at once); the canonical copy each duplicates at the moment it is added, or None."""
        if self._stored is not None:
            keys = {k for sig in signatures if len(sig) == self._num_perm for k in band_keys(sig, self._shape)}
            self._load(self._stored.syndication_candidates(sorted(keys), EDGE_CHARS))
        return [self.add(d.id, sig, d.date, d.outlet, d.text) for d, sig in zip(documents, signatures, strict=True)]

    def _load(self, rows: Iterable[StoredCopy]) -> None:
        """Take stored documents in: their groups as the store records them."""
        groups: dict[str, list[str]] = {}
        for order, document_id, sig, date, outlet, edges, copy_of in sorted(rows):
            if document_id in self._copies:
                continue
            copy = _Copy((0, order), date, outlet, _edges(edges, EDGE_CHARS).casefold())
            self._remember(document_id, sig, copy)
            self._canonical[document_id] = self._recorded[document_id] = copy_of
            groups.setdefault(copy_of or document_id, []).append(document_id)
        for root, members in groups.items():
            # A group's first member is its canonical copy; the store lists it with the others.
            group = [root, *(m for m in members if m != root)] if root in members else members
            for member in group:
                self._group[member] = group

    def _remember(self, document_id: str, sig: Sequence[int], copy: _Copy) -> bool:
        """Index one document's bands; False for a text without words (never grouped)."""
        values = np.asarray(sig, dtype=np.uint64)
        self._copies[document_id] = copy
        if np.array_equal(values, self._empty):
            return False
        self._signatures[document_id] = values
        keys = band_keys(values.tolist(), self._shape)
        self._keys[document_id] = keys
        for key in keys:
            self._index.setdefault(key, []).append(document_id)
        return True

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
        candidates = {c for key in band_keys(values.tolist(), self._shape) for c in self._index.get(key, ())}
        copy = _Copy((1, self._added), date, outlet, _edges(text, EDGE_CHARS).casefold())
        self._added += 1
        self._recorded[document_id] = recorded
        if not self._remember(document_id, values.tolist(), copy):
            # A text without words has the empty signature, which every empty text shares.
            self._canonical[document_id] = None
            self._dirty.add(document_id)
            return None
        # The bands give candidates; the estimate itself decides, so the threshold means what it says.
        ordered = sorted(candidates, key=lambda c: self._copies[c].order)
        copies = [c for c in ordered if _jaccard(values, self._signatures[c]) >= self._threshold]
        group = [document_id]
        for other in copies:
            if other not in group:
                group.extend(m for m in self._group[other] if m not in group)
        for member in group:
            self._group[member] = group
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

    def release(self, batch: Sequence[Document]) -> list[tuple[str | None, list[int]]]:
        """The (canonical copy, band keys) the store keeps for each settled batch document;
        with a store behind, everything held is then forgotten (the store has it)."""
        rows = [(self._canonical.get(d.id), self._keys.get(d.id, [])) for d in batch]
        if self._stored is not None:
            self._forget()
        return rows


def _jaccard(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    """The Jaccard similarity two signatures estimate (as datasketch's MinHash.jaccard)."""
    return float(np.count_nonzero(a == b)) / len(a)


def _edges(text: str, chars: int) -> str:
    """The start and end of a text, where datelines and reprint credits sit."""
    return text if len(text) <= 2 * chars else f"{text[:chars]}\n{text[-chars:]}"


def _credits(edges: str, outlet: str | None) -> bool:
    """Whether a copy's text edges (casefolded) name the outlet as a whole word or phrase."""
    if not outlet:
        return False
    return re.search(rf"(?<!\w){re.escape(outlet.casefold())}(?!\w)", edges) is not None

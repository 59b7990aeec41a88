"""The compact id set an ingest checks articles against."""

from __future__ import annotations

import hashlib

from redline.engine import ids as ids_module
from redline.engine.ids import Ids


def _hash_id(number: int) -> str:
    return hashlib.sha256(str(number).encode()).hexdigest()[:16]


def test_ids_holds_hash_ids_across_merges(monkeypatch):
    monkeypatch.setattr(ids_module, "_MERGE_EVERY", 3)
    held = Ids(_hash_id(n) for n in range(10))
    held.add(_hash_id(10))
    assert [_hash_id(n) in held for n in range(12)] == [True] * 11 + [False]
    # Three merges happened: most ids sit in the sorted array, the last ones in the set.
    assert (len(held._sorted), len(held._recent)) == (9, 2)


def test_ids_keeps_other_ids_as_they_are():
    held = Ids(["d1", "ABCDEF0123456789"])
    assert "d1" in held
    assert "ABCDEF0123456789" in held
    # Upper case is not read as the same hex number: only the exact id is held.
    assert "abcdef0123456789" not in held
    assert "d2" not in held
    assert 5 not in held


def test_ids_holds_the_largest_hash_id():
    held = Ids(["ffffffffffffffff"])
    assert "ffffffffffffffff" in held
    assert "fffffffffffffffe" not in held

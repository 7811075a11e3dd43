"""LSH buckets: documents sharing a band are found, before and after the pending block merges."""

from __future__ import annotations

import numpy as np

from dhakira.links import buckets
from dhakira.links.buckets import BandIndex


def _values(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2**32, size=12, dtype=np.uint32)


def test_identical_signature_is_found_while_pending() -> None:
    index = BandIndex(bands=4, rows=3)
    index.insert(7, _values(1))
    assert index.query(_values(1)).tolist() == [7]


def test_one_equal_band_is_enough() -> None:
    index = BandIndex(bands=4, rows=3)
    other = _values(2)
    other[9:12] = _values(1)[9:12]  # only the last band agrees
    index.insert(3, other)
    assert index.query(_values(1)).tolist() == [3]


def test_unrelated_signature_is_not_a_candidate() -> None:
    index = BandIndex(bands=4, rows=3)
    index.insert(1, _values(1))
    assert index.query(_values(2)).tolist() == []


def test_merged_and_pending_documents_are_both_found(monkeypatch) -> None:
    monkeypatch.setattr(buckets, "PENDING", 2)
    index = BandIndex(bands=4, rows=3)
    for row in range(5):  # two merges, one document left pending
        index.insert(row, _values(1 if row in (0, 4) else 10 + row))
    assert len(index) == 5 and index.nbytes > 0
    assert index.query(_values(1)).tolist() == [0, 4]


def test_band_keys_are_fixed_numbers() -> None:
    # stored indexes and other processes depend on these exact keys: a change needs a new format
    keys = BandIndex(bands=2, rows=2).band_keys(np.array([1, 2, 3, 4], dtype=np.uint32))
    assert keys.tolist() == [5654190357745632824, 6219526036839990197]

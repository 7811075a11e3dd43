"""Compact LSH buckets: the banding of MinHash LSH kept in sorted numpy arrays.

datasketch's `MinHashLSH` keeps one Python set per bucket in one dict per band; measured with
`benchmarks/links_bench.py` that is about 10 KB per document (about 10 GB for a million). The
banding itself is simple, so this module keeps it in arrays instead: each band of `rows` MinHash
values is mixed into one 64-bit key (the band number is mixed in, so bands never collide with
each other), and all keys of all documents live in one sorted uint64 array beside the row numbers
— 12 bytes per band per document. New documents wait in a small dict of pending keys that is
merged into the sorted arrays when full, an O(n) merge, never a full resort.

The candidate rule is the same as MinHashLSH's: two documents are candidates when all values of
at least one band are equal.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

PENDING = 4096  # documents held before a merge into the sorted arrays
# odd 64-bit multipliers (from the digits of pi): a fixed mix, the same in every process
_MULTIPLIERS = np.array(
    [0x243F6A8885A308D3, 0x13198A2E03707345, 0xA4093822299F31D1, 0x082EFA98EC4E6C89],
    dtype=np.uint64,
)
_BAND_SALT = np.uint64(0x9E3779B97F4A7C15)


class BandIndex:
    """Band keys of every document, and the documents sharing a band with a query."""

    def __init__(self, bands: int, rows: int) -> None:
        if rows > len(_MULTIPLIERS):
            raise ValueError(f"at most {len(_MULTIPLIERS)} values per band, not {rows}")
        self.bands, self.rows = bands, rows
        self._keys = np.zeros(0, dtype=np.uint64)
        self._owners = np.zeros(0, dtype=np.uint32)
        self._pending: dict[int, list[int]] = {}  # band key → rows, not yet merged
        self._pending_count = 0
        self._salts = np.arange(1, bands + 1, dtype=np.uint64) * _BAND_SALT

    def __len__(self) -> int:
        return len(self._keys) // self.bands + self._pending_count

    def band_keys(self, values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
        """One 64-bit key per band of a signature's values (deterministic)."""
        grid = values[: self.bands * self.rows].astype(np.uint64).reshape(self.bands, self.rows)
        with np.errstate(over="ignore"):
            mixed: npt.NDArray[np.uint64] = (grid * _MULTIPLIERS[: self.rows]).sum(
                axis=1, dtype=np.uint64
            ) ^ self._salts
            mixed ^= mixed >> np.uint64(31)
            mixed *= _MULTIPLIERS[0]
            mixed ^= mixed >> np.uint64(29)
        return mixed

    def insert(self, owner: int, values: npt.NDArray[np.uint32]) -> None:
        """Add a document (its row number) under the band keys of its signature values."""
        for key in self.band_keys(values).tolist():
            self._pending.setdefault(key, []).append(owner)
        self._pending_count += 1
        if self._pending_count == PENDING:
            self.flush()

    def query(self, values: npt.NDArray[np.uint32]) -> npt.NDArray[np.int64]:
        """Row numbers of the documents sharing at least one band (sorted, no repeats)."""
        keys = self.band_keys(values)
        found: list[npt.NDArray[np.uint32]] = []
        waiting = [row for key in keys.tolist() for row in self._pending.get(key, ())]
        if waiting:
            found.append(np.array(waiting, dtype=np.uint32))
        if len(self._keys):
            wanted = np.sort(keys)
            lo = np.searchsorted(self._keys, wanted, side="left")
            hi = np.searchsorted(self._keys, wanted, side="right")
            found.extend(self._owners[a:b] for a, b in zip(lo, hi, strict=True) if b > a)
        if not found:
            return np.zeros(0, dtype=np.int64)
        return np.unique(np.concatenate(found)).astype(np.int64)

    def flush(self) -> None:
        """Merge the pending documents into the sorted arrays (linear in the index size)."""
        if not self._pending:
            return
        pairs = [(key, row) for key, rows in self._pending.items() for row in rows]
        keys = np.array([key for key, _ in pairs], dtype=np.uint64)
        owners = np.array([row for _, row in pairs], dtype=np.uint32)
        order = np.argsort(keys, kind="stable")
        keys, owners = keys[order], owners[order]
        at = np.searchsorted(self._keys, keys, side="right")
        self._keys = np.insert(self._keys, at, keys)
        self._owners = np.insert(self._owners, at, owners)
        self._pending = {}
        self._pending_count = 0

    @property
    def nbytes(self) -> int:
        """Memory held by the merged arrays, in bytes (the pending block is small)."""
        return self._keys.nbytes + self._owners.nbytes

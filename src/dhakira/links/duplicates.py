"""Link each new document to the copies of it already seen: exact and near duplicates.

The index never compares all pairs. Each document's MinHash signature is cut into bands
(`BANDS` × `ROWS`) and put in one bucket per band (`dhakira.links.buckets`, the banding of
datasketch's MinHashLSH in compact arrays); only documents that share a bucket are candidates.
A candidate is then verified from the two signatures alone:

- the estimated Jaccard similarity J of the two shingle sets, and
- the containment of the smaller set in the larger, |A∩B| / min(|A|, |B|), derived from J and
  the shingle counts. A copy "cut short" (the first 70% of an article) or one with a site's
  banners and comment form around it has a low J but a containment near 1.

A pair whose texts fold to the same words is "exact"; otherwise it is "near" when the containment
reaches `CONTAINMENT_MIN` (thresholds measured on FA-KES and on generated copies; see
`dhakira.evaluation.duplicates`). Two reports that only share background paragraphs (agency
boilerplate) stay below it.

State is the signatures only, so an index is rebuilt from stored bytes with `add_signature`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

import numpy as np
from datasketch import LeanMinHash, MinHash

from dhakira.links.buckets import BandIndex
from dhakira.links.shingles import NUM_PERM, SCHEME, SEED, Signature, compute_signature

BANDS, ROWS = 42, 3  # a pair with J = 0.4 becomes a candidate with probability 0.94
CONTAINMENT_MIN = 0.8  # share of the smaller text found in the larger one
SMALL_TEXT = 20  # below this many shingles, containment says little: ask for J instead
SMALL_JACCARD_MIN = 0.8

LinkKind = Literal["exact", "near"]


@dataclass(frozen=True)
class DuplicateLink:
    """`doc_id` repeats `other_id`: kind, score (containment), and the estimated Jaccard."""

    doc_id: str
    other_id: str
    score: float
    kind: LinkKind
    jaccard: float


@dataclass(frozen=True)
class Copy:
    """What choosing the primary copy of a group looks at."""

    doc_id: str
    captured_at: datetime | None
    length: int


def estimated_containment(jaccard: float, size_a: int, size_b: int) -> float:
    """|A∩B| / min(|A|, |B|) from J = |A∩B| / |A∪B| and the set sizes (clipped to [0, 1])."""
    smaller = min(size_a, size_b)
    if smaller == 0 or jaccard <= 0:
        return 0.0
    shared = jaccard * (size_a + size_b) / (1 + jaccard)
    return min(1.0, shared / smaller)


def is_near_duplicate(jaccard: float, containment: float, smaller: int) -> bool:
    """The verification rule on a candidate pair (see the module docstring)."""
    if smaller < SMALL_TEXT:
        return jaccard >= SMALL_JACCARD_MIN
    return containment >= CONTAINMENT_MIN


class DuplicateIndex:
    """An incremental index of signatures; `add` returns the new document's duplicate links.

    Signatures are kept as one uint32 matrix (row per document) beside the LSH buckets, so
    memory per document is about 0.5 KB of signature plus the bucket entries.
    """

    def __init__(self) -> None:
        self._buckets = BandIndex(BANDS, ROWS)
        self._template = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
        self._values = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._sizes = np.zeros(1024, dtype=np.int64)
        self._digests: list[bytes] = []
        self._ids: list[str] = []
        self._rows: dict[str, int] = {}
        self.candidates_checked = 0  # LSH candidates verified so far (for benchmarks)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._rows

    def signature_bytes(self, doc_id: str) -> bytes:
        """The stored form of an indexed document's signature (what `add_signature` reads)."""
        row = self._rows[doc_id]
        values = self._values[row].astype(np.uint32)
        minhash = LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)
        return Signature(minhash, int(self._sizes[row]), self._digests[row]).to_bytes()

    def signature_of(self, text: str) -> Signature:
        """The signature of `text` (reuses the index's permutations, which is faster)."""
        return compute_signature(text, self._template)

    def add(self, doc_id: str, text: str) -> list[DuplicateLink]:
        """Index a document's text and link it to everything seen before."""
        return self.add_signature(doc_id, self.signature_of(text))

    def add_signature(self, doc_id: str, signature: Signature | bytes) -> list[DuplicateLink]:
        """Index a stored signature (bytes from `signature()`) and return its links."""
        sig = Signature.from_bytes(signature) if isinstance(signature, bytes) else signature
        if doc_id in self._rows:
            raise ValueError(f"document {doc_id!r} is already in the duplicate index")
        links = self.links_for(doc_id, sig)
        self._store(doc_id, sig)
        return links

    def links_for(self, doc_id: str, sig: Signature) -> list[DuplicateLink]:
        """Links of a signature against the index, without adding it."""
        if sig.shingles == 0 or not self._ids:
            return []
        values = np.asarray(sig.minhash.hashvalues, dtype=np.uint32)
        rows = self._buckets.query(values)
        self.candidates_checked += int(rows.size)
        if rows.size == 0:
            return []
        jaccard = (self._values[rows] == values).mean(axis=1)
        sizes = self._sizes[rows]
        containment = np.minimum(
            1.0,
            jaccard * (sizes + sig.shingles) / ((1 + jaccard) * np.minimum(sizes, sig.shingles)),
        )
        small = np.minimum(sizes, sig.shingles) < SMALL_TEXT
        keep = np.where(small, jaccard >= SMALL_JACCARD_MIN, containment >= CONTAINMENT_MIN)
        keep |= jaccard == 1.0  # identical signatures: checked for an exact copy below
        return [
            self._link(doc_id, sig, int(row), float(j), float(c))
            for row, j, c in zip(rows[keep], jaccard[keep], containment[keep], strict=True)
            if self._digests[row] == sig.digest or is_near_duplicate(j, c, self._smaller(row, sig))
        ]

    def _smaller(self, row: int, sig: Signature) -> int:
        return min(int(self._sizes[row]), sig.shingles)

    def _link(
        self, doc_id: str, sig: Signature, row: int, jaccard: float, containment: float
    ) -> DuplicateLink:
        other = self._ids[row]
        if self._digests[row] == sig.digest:
            return DuplicateLink(doc_id, other, 1.0, "exact", 1.0)
        return DuplicateLink(doc_id, other, round(containment, 4), "near", round(jaccard, 4))

    def _store(self, doc_id: str, sig: Signature) -> None:
        row = len(self._ids)
        if row == len(self._values):
            self._values = np.concatenate([self._values, np.zeros_like(self._values)])
            self._sizes = np.concatenate([self._sizes, np.zeros_like(self._sizes)])
        self._values[row] = np.asarray(sig.minhash.hashvalues, dtype=np.uint32)
        self._sizes[row] = sig.shingles
        self._digests.append(sig.digest)
        self._ids.append(doc_id)
        self._rows[doc_id] = row
        if sig.shingles:
            self._buckets.insert(row, self._values[row])


def duplicate_groups(links: Iterable[DuplicateLink]) -> list[set[str]]:
    """Documents joined by links, transitively (union-find), largest group first."""
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for link in links:
        a, b = root(link.doc_id), root(link.other_id)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, set[str]] = {}
    for node in list(parent):
        groups.setdefault(root(node), set()).add(node)
    return sorted(groups.values(), key=lambda g: (-len(g), min(g)))


def choose_primary(copies: Sequence[Copy]) -> str:
    """The copy shown first: the earliest captured, then the longest text, then the smallest id.

    The earliest capture is the closest to the original publication; among copies captured at
    the same time (or with no capture time) the longest text has lost the least.
    """
    if not copies:
        raise ValueError("a duplicate group has at least one copy")
    latest = datetime.max

    def key(copy: Copy) -> tuple[datetime, int, str]:
        when = copy.captured_at.replace(tzinfo=None) if copy.captured_at else latest
        return (when, -copy.length, copy.doc_id)

    return min(copies, key=key).doc_id

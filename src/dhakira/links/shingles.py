"""Text → comparable word shingles, and the MinHash signature that stands for them.

Two copies of one article rarely share their bytes: one has curly quotes, another straight ones;
one was captured as HTML, another as a PDF; Arabic writers vary hamza forms and vowel marks. So the
text is first folded to a plain word stream (casefold, Arabic spelling variants folded by
`normalize_arabic`, punctuation dropped), then cut into overlapping runs of `SHINGLE_WORDS` words.
Each word is hashed with a fixed function (BLAKE2b, never Python's salted `hash()`) and the word
hashes of a shingle are combined by fixed multipliers, so the same text gives the same signature
in every process, and a signature stored today still compares with one computed next year.

A signature is kept as bytes (`Signature.to_bytes`): the shingle count, a digest of the folded
text (exact duplicates) and the MinHash values. An index can be rebuilt from stored signatures
without reading any text again.
"""

from __future__ import annotations

import hashlib
import re
import struct
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import LeanMinHash, MinHash

from dhakira.errors import CorruptInput
from dhakira.text.normalize import normalize_arabic

SHINGLE_WORDS = 3  # measured on FA-KES rewrites: 3 keeps edited wire copies together
NUM_PERM = 128
SEED = 20170206  # fixed: the permutations must be the same in every process and release
SCHEME = "affine32"  # datasketch 2.0 hashing scheme; stored values are 32-bit
FORMAT_VERSION = 1
_HEADER = struct.Struct("<BHI16s")  # version, num_perm, shingle count, text digest
_WORD = re.compile(r"[^\W_]+")
_CURLY_APOSTROPHES = ("’", "‘", "`")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# apostrophes inside words are dropped, not split on: "Syria's" and "Syrias" are one word
_APOSTROPHE = re.compile(r"(?<=[^\W_])'(?=[^\W_])")


def words(text: str) -> list[str]:
    """The folded word stream of `text`: casefolded, Arabic variants folded, no punctuation."""
    folded = text.casefold()
    if _ARABIC_SCRIPT.search(folded):  # the Arabic folding costs time on Latin text for nothing
        folded = normalize_arabic(folded)
    for curly in _CURLY_APOSTROPHES:
        folded = folded.replace(curly, "'")
    return _WORD.findall(_APOSTROPHE.sub("", folded))


@lru_cache(maxsize=100_000)
def _word_hash(word: str) -> int:
    """A 64-bit hash of one word that is the same in every process (never Python's hash())."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


# odd 64-bit multipliers that combine the word hashes of a shingle, one per position
_POSITION = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
    dtype=np.uint64,
)  # fmt: skip


def _stream_hashes(stream: list[str], size: int) -> set[int]:
    """32-bit hashes of the `size`-word shingles of a word stream."""
    if not stream:
        return set()
    hashed = np.fromiter(map(_word_hash, stream), dtype=np.uint64, count=len(stream))
    width = min(size, len(hashed))
    count = len(hashed) - width + 1
    with np.errstate(over="ignore"):
        mixed = np.zeros(count, dtype=np.uint64)
        for position in range(width):
            mixed += hashed[position : position + count] * _POSITION[position]
        mixed ^= mixed >> np.uint64(32)
    return set((mixed & np.uint64(0xFFFFFFFF)).tolist())


def shingle_hashes(text: str, size: int = SHINGLE_WORDS) -> set[int]:
    """The set of hashed `size`-word shingles of `text` (a short text gives one shingle)."""
    return _stream_hashes(words(text), size)


def text_digest(text: str) -> bytes:
    """16-byte digest of the folded word stream: equal digests mean the same text."""
    return _stream_digest(words(text))


def _stream_digest(stream: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(stream).encode("utf-8"), digest_size=16).digest()


@dataclass(frozen=True)
class Signature:
    """What the duplicate index keeps of a document: its MinHash, shingle count and digest."""

    minhash: LeanMinHash
    shingles: int
    digest: bytes

    def to_bytes(self) -> bytes:
        """Stable bytes: header then the MinHash values as little-endian uint32."""
        values = np.asarray(self.minhash.hashvalues, dtype="<u4").tobytes()
        header = _HEADER.pack(
            FORMAT_VERSION, len(self.minhash.hashvalues), self.shingles, self.digest
        )
        return header + values

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        """Read what `to_bytes` wrote; anything else is refused, not guessed at."""
        if len(data) < _HEADER.size:
            raise CorruptInput(f"duplicate signature of {len(data)} bytes is too short")
        version, num_perm, shingles, digest = _HEADER.unpack_from(data)
        if version != FORMAT_VERSION or len(data) != _HEADER.size + 4 * num_perm:
            raise CorruptInput(
                f"duplicate signature version {version} with {len(data)} bytes is not readable",
                hint="recompute signatures with `dhakira link`",
            )
        values = np.frombuffer(data, dtype="<u4", offset=_HEADER.size).astype(np.uint32)
        return cls(LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME), shingles, digest)


def _permutations() -> MinHash:
    """A MinHash whose permutations are drawn once; copies of it share them (cheap)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def compute_signature(text: str, template: MinHash | None = None) -> Signature:
    """The signature of a text; `template` (an empty MinHash) saves redrawing permutations."""
    stream = words(text)
    hashes = _stream_hashes(stream, SHINGLE_WORDS)
    base = template if template is not None else _permutations()
    minhash = MinHash(
        num_perm=NUM_PERM,
        seed=SEED,
        hashfunc=_identity,
        permutations=base.permutations,
        scheme=SCHEME,
    )
    if hashes:
        minhash.update_batch(list(hashes))
    return Signature(LeanMinHash(minhash), len(hashes), _stream_digest(stream))


def _identity(value: int) -> int:
    """Shingles are already hashed to 32 bits; MinHash takes them as they are."""
    return value


def signature(text: str) -> bytes:
    """The stored form of a text's duplicate signature (same bytes in every process)."""
    return compute_signature(text).to_bytes()

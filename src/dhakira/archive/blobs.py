"""The content-addressed store of originals: originals/ab/cd/<sha256>, written once, read-only.

A blob is written to a temporary file, flushed to disk and renamed into place before the
database commit that references it, so a crash leaves at most an unreferenced blob, never a
row whose original is missing. Existing blobs are never rewritten.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dhakira.errors import NotFound
from dhakira.records import sha256_hex


class BlobStore:
    """Originals on disk, addressed by the SHA-256 of their bytes."""

    def __init__(self, root: Path, *, fsync: bool = True) -> None:
        self.root = root
        self.fsync = fsync
        root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes) -> str:
        """Store `data` unless already present; returns its sha256."""
        sha = sha256_hex(data)
        target = self.path(sha)
        if target.exists():
            return sha
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                if self.fsync:
                    os.fsync(handle.fileno())
            os.chmod(tmp, 0o444)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return sha

    def get(self, sha256: str) -> bytes:
        target = self.path(sha256)
        if not target.exists():
            raise NotFound(
                "the original file is missing from the archive folder",
                item=sha256,
                hint="run `dhakira verify` and restore originals/ from a backup",
            )
        return target.read_bytes()

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def hash_of(self, sha256: str) -> str:
        """Re-hash the stored file, reading it in chunks (originals can be large)."""
        import hashlib

        digest = hashlib.sha256()
        with self.path(sha256).open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        return digest.hexdigest()

    def all(self) -> Iterator[str]:
        """Every stored blob's name (its sha256), skipping temporary files."""
        for path in self.root.glob("??/??/*"):
            if not path.name.startswith(".tmp-"):
                yield path.name

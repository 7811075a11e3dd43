"""The tamper-evident audit chain: each entry's hash covers the previous hash and the entry.

hash = sha256(prev_hash + canonical JSON of the entry with sorted keys). Editing, deleting or
reordering a stored entry breaks the chain at that point, which `check_chain` reports.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

GENESIS = "0" * 64
_HASHED = ("seq", "at", "actor", "action", "code", "field", "old", "new", "why")


def entry_hash(prev_hash: str, entry: dict[str, Any]) -> str:
    """The hash of one entry given the hash before it."""
    body = {key: entry.get(key) for key in _HASHED}
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode("utf-8")).hexdigest()


def check_chain(rows: Iterable[dict[str, Any]]) -> str | None:
    """Walk the entries in sequence order; None when intact, else what broke where."""
    prev = GENESIS
    expected_seq = 1
    for row in rows:
        seq = row["seq"]
        if seq != expected_seq:
            return f"audit entry {expected_seq} is missing (next entry is {seq})"
        if row["prev_hash"] != prev:
            return f"audit entry {seq} does not follow entry {seq - 1} (prev_hash differs)"
        if entry_hash(prev, row) != row["hash"]:
            return f"audit entry {seq} was changed after it was written (hash differs)"
        prev = row["hash"]
        expected_seq += 1
    return None

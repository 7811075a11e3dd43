"""The tamper-evident audit chain: each entry's hash covers the previous hash and the entry.

hash = sha256(prev_hash + canonical JSON of the entry with sorted keys). Editing, deleting or
reordering a stored entry breaks the chain at that point, which `check_chain` reports.

Beside the chain the archive keeps a "changed" mark: the sequence number of the last entry
that was not a plain ingest. Whatever can hide, mask, re-rate or regroup documents writes such
an entry, so a reader's cache keyed on the mark never outlives it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive import rows
from dhakira.archive.schema import archive_state, audit

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


CHANGED = "changed"


def append_entry(
    conn: Connection,
    actor: str,
    action: str,
    code: str | None,
    field: str | None = None,
    old: str | None = None,
    new: str | None = None,
    why: str | None = None,
) -> None:
    """Write one entry after the last one, chained to it, in the caller's transaction (which
    holds the writers' lock, so the chain never forks); any action but "ingest" moves the
    changed mark. Every part of the archive writes its changes through here."""
    last = conn.execute(
        sa.select(audit.c.seq, audit.c.hash).order_by(audit.c.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    entry = {
        "seq": seq,
        "at": rows.utc_now(),
        "actor": actor,
        "action": action,
        "code": code,
        "field": field,
        "old": old,
        "new": new,
        "why": why,
    }
    conn.execute(audit.insert(), {**entry, "prev_hash": prev, "hash": entry_hash(prev, entry)})
    if action != "ingest":
        _move_changed_mark(conn, seq)


def read_marks(conn: Connection) -> tuple[int, int]:
    """The changed mark and the last entry's number, in one statement (asked on every page)."""
    changed = (
        sa.select(archive_state.c.value).where(archive_state.c.key == CHANGED).scalar_subquery()
    )
    latest = sa.select(sa.func.max(audit.c.seq)).scalar_subquery()
    row = conn.execute(sa.select(changed, latest)).one()
    return int(row[0] or 0), int(row[1] or 0)


def read_latest_entry(conn: Connection) -> int:
    """The number of the last entry (0 for an empty log): every ingest and change moves it."""
    return int(conn.execute(sa.select(sa.func.max(audit.c.seq))).scalar() or 0)


def touch_changed_mark(conn: Connection) -> None:
    """Move the mark to the last entry, whatever it was (readers then count afresh)."""
    _move_changed_mark(conn, read_latest_entry(conn))


def _move_changed_mark(conn: Connection, seq: int) -> None:
    done = conn.execute(
        archive_state.update().where(archive_state.c.key == CHANGED).values(value=seq)
    )
    if done.rowcount == 0:
        conn.execute(archive_state.insert(), {"key": CHANGED, "value": seq})

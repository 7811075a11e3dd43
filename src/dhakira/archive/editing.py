"""A reviewer's corrections: metadata values and verdicts on what the analysers found.

The analysers fill a document's title, date issued, type and publisher; a reviewer who knows
better changes them with a reason. The analysers also find entity mentions and claims; a
reviewer confirms or rejects each one. Every change is one audit entry (who, when, old and new
value, why) written in the same transaction as the change, so the record's history shows it.

An edited date records "editor" as its source, and an edited title is no longer marked as
written by dhakira: the record says which values a person set. Verdicts are kept by the kind
and span of what they judge, so they find their mention or claim again after re-analysis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive import rows
from dhakira.archive.audit import append_entry
from dhakira.archive.facets import index_terms
from dhakira.archive.schema import (
    audit,
    claims,
    document_texts,
    documents,
    finding_verdicts,
    mentions,
)
from dhakira.errors import ConfigError, NotFound
from dhakira.records import DOC_TYPES

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

EDITABLE: tuple[str, ...] = ("title", "date", "doc_type", "publisher")
VERDICTS: tuple[str, ...] = ("confirmed", "rejected")
FINDING_KINDS: tuple[str, ...] = ("mention", "claim")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PRECISION = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class Verdict:
    """A reviewer's verdict on one mention or claim of a document."""

    kind: str
    start: int
    end: int
    verdict: str
    actor: str
    at: str
    why: str


class Editing:
    """Metadata edits and verdicts on findings, each audited."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def edit(
        self, code: str, changes: dict[str, str | None], *, note: str, actor: str
    ) -> list[str]:
        """Set metadata fields (title, date, doc_type, publisher); the fields that changed.

        A value of None or "" leaves a field as it is. The search index entry is rewritten so
        the document is found by its new title, type, publisher and year.
        """
        _need(note, actor, code)
        wanted = {name: value.strip() for name, value in changes.items() if value and value.strip()}
        for name, value in wanted.items():
            _check(name, value)
        with self.archive._write() as conn:
            row = _row(conn, code)
            changed = {name: value for name, value in wanted.items() if value != row[name]}
            if not changed:
                return []
            conn.execute(
                documents.update().where(documents.c.id == row["id"]).values(_values(changed))
            )
            self._reindex(conn, row, {**dict(row), **changed})
            for name, value in changed.items():
                append_entry(conn, actor, "edit", code, name, row[name], value, note)
        return sorted(changed)

    def _reindex(self, conn: Connection, old: sa.RowMapping, new: dict[str, Any]) -> None:
        text = conn.execute(
            sa.select(document_texts.c.text).where(document_texts.c.doc_id == old["id"])
        ).scalar_one()
        self.archive.dialect.unindex_document(conn, old["id"], *_terms(dict(old), text))
        self.archive.dialect.index_document(conn, old["id"], *_terms(new, text))

    def keep_edits(self, conn: Connection, code: str, actor: str) -> list[str]:
        """Put back the values reviewers set (the newest "edit" of each field in the audit
        log) after a re-analysis replaced them, inside the caller's write transaction; the
        fields put back. A person's correction outlives the analysers that got it wrong."""
        edited: dict[str, str] = {}
        query = (
            sa.select(audit.c.field, audit.c.new)
            .where(audit.c.code == code, audit.c.action == "edit")
            .order_by(audit.c.seq)
        )
        for field, value in conn.execute(query):
            if field in EDITABLE and value:
                edited[field] = value
        row = _row(conn, code)
        back = {name: value for name, value in edited.items() if value != row[name]}
        if not back:
            return []
        conn.execute(documents.update().where(documents.c.id == row["id"]).values(_values(back)))
        self._reindex(conn, row, {**dict(row), **back})
        for name, value in back.items():
            why = "a reviewer's correction kept over the new analysis"
            append_entry(conn, actor, "edit-kept", code, name, row[name], value, why)
        return sorted(back)

    def judge(
        self, code: str, kind: str, start: int, end: int, verdict: str, *, note: str, actor: str
    ) -> Verdict:
        """Confirm or reject the mention or claim at [start, end) of the document's text."""
        _need(note, actor, code)
        _choice("kind", kind, FINDING_KINDS)
        _choice("verdict", verdict, VERDICTS)
        with self.archive._write() as conn:
            doc_id = int(_row(conn, code)["id"])
            _check_finding(conn, doc_id, code, kind, start, end)
            span = (
                finding_verdicts.c.doc_id == doc_id,
                finding_verdicts.c.kind == kind,
                finding_verdicts.c.start == start,
                finding_verdicts.c.end == end,
            )
            old = conn.execute(sa.select(finding_verdicts.c.verdict).where(*span)).scalar()
            values = {"verdict": verdict, "actor": actor, "at": rows.utc_now(), "why": note}
            if old is None:
                where = {"doc_id": doc_id, "kind": kind, "start": start, "end": end}
                conn.execute(finding_verdicts.insert(), {**where, **values})
            else:
                conn.execute(finding_verdicts.update().where(*span).values(values))
            field = f"{kind} {start}-{end}"
            append_entry(conn, actor, "verdict", code, field, old, verdict, note)
        return Verdict(kind, start, end, verdict, actor, values["at"], note)

    def verdicts(self, code: str) -> list[Verdict]:
        """The verdicts on the document's findings, in text order."""
        query = (
            sa.select(finding_verdicts)
            .join(documents, documents.c.id == finding_verdicts.c.doc_id)
            .where(documents.c.code == code)
            .order_by(finding_verdicts.c.start, finding_verdicts.c.kind)
        )
        with self.archive._read() as conn:
            return [
                Verdict(
                    r["kind"], r["start"], r["end"], r["verdict"], r["actor"], r["at"], r["why"]
                )
                for r in conn.execute(query).mappings()
            ]


def _need(note: str, actor: str, code: str) -> None:
    if not note.strip():
        raise ConfigError("a change needs a note saying why", item=code, hint="pass --note")
    if not actor.strip():
        raise ConfigError("a change needs the reviewer's name", item=code, hint="pass actor")


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ConfigError(
            f"{value!r} is not a valid {name}", hint=f"use one of: {', '.join(allowed)}"
        )


def _check(name: str, value: str) -> None:
    """Refuse a field that cannot be edited here, or a value it cannot hold."""
    _choice("field to edit", name, EDITABLE)
    if name == "doc_type":
        _choice("document type", value, DOC_TYPES)
    if name == "date" and not _DATE.match(value):
        raise ConfigError(
            f"{value!r} is not a date issued", hint="write it as YYYY, YYYY-MM or YYYY-MM-DD"
        )


def _values(changed: dict[str, str]) -> dict[str, Any]:
    """The columns an edit writes, with what follows from each value."""
    values: dict[str, Any] = dict(changed)
    if "title" in changed:
        values["title_generated"] = False
    if "date" in changed:
        values.update(date_precision=_PRECISION[len(changed["date"])], date_source="editor")
    if "publisher" in changed:
        values["publisher_key"] = changed["publisher"].casefold()
    return values


def _terms(row: dict[str, Any], text: str) -> tuple[list[str], list[str]]:
    return index_terms(
        row["title"],
        text,
        date=row["date"],
        doc_type=row["doc_type"],
        languages=[row["language"] or "", *(row["languages"] or [])],
        publisher=row["publisher"],
    )


def _row(conn: Connection, code: str) -> sa.RowMapping:
    row = conn.execute(sa.select(documents).where(documents.c.code == code)).mappings().first()
    if row is None:
        raise NotFound(
            "no document with this code in the archive",
            item=code,
            hint="find codes with `dhakira search`",
        )
    return row


def _check_finding(
    conn: Connection, doc_id: int, code: str, kind: str, start: int, end: int
) -> None:
    table = mentions if kind == "mention" else claims
    found = conn.execute(
        sa.select(table.c.id)
        .where(table.c.doc_id == doc_id, table.c.start == start, table.c.end == end)
        .limit(1)
    ).first()
    if found is None:
        raise NotFound(
            f"no {kind} at this place in the document",
            item=f"{code} {start}-{end}",
            hint="use the start and end the record's JSON gives",
        )

"""What a new analysis of a stored document changes, told the way the audit log keeps it.

`Archive.replace_analysis` compares the stored values with a fresh `Document` field by field;
the audit entry then lists the changed fields, with old → new for the short ones and a size
for long ones (the text, the lists of mentions and claims), so the log stays readable.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection

from dhakira.archive import findings, rows
from dhakira.archive.audit import append_entry
from dhakira.archive.facets import document_terms, index_terms
from dhakira.archive.records import ReanalyzeResult, StoredDocument
from dhakira.archive.rows import analysis_values, clean_text
from dhakira.archive.schema import document_texts, documents
from dhakira.errors import IntegrityError
from dhakira.records import Claim, Document, Mention

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

# the analysis columns compared; the *_key columns only mirror language(s) and publisher
COMPARED = (
    "status",
    "title",
    "title_generated",
    "date",
    "date_precision",
    "date_source",
    "language",
    "languages",
    "doc_type",
    "publisher",
    "issuing_body",
    "author",
    "record",
    "format_meta",
    "steps",
)
_SHORT = 120


@dataclass(frozen=True)
class Change:
    """One changed field with printable old and new values."""

    field: str
    old: Any
    new: Any


def changes(current: StoredDocument, doc: Document) -> list[Change]:
    """Every field whose stored value differs from what the new analysis made, in a fixed order."""
    values = analysis_values(doc)
    found: list[Change] = []
    for name in COMPARED:
        old, new = getattr(current, name), values[name]
        if _normal(old) != _normal(new):
            if isinstance(old, dict) and isinstance(new, dict):
                old, new = _changed_keys(old, new)
            found.append(Change(name, _short(old), _short(new)))
    for name in ("text", "raw_text"):
        old_text, new_text = getattr(current, name), clean_text(getattr(doc, name))
        if old_text != new_text:
            found.append(Change(name, f"{len(old_text)} chars", f"{len(new_text)} chars"))
    found += _finding_changes(current, doc)
    return found


def _changed_keys(
    old: dict[str, Any], new: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys of a mapping (steps, record, format_meta) whose values differ."""
    keys = [k for k in sorted(set(old) | set(new)) if _normal(old.get(k)) != _normal(new.get(k))]
    return {k: old.get(k) for k in keys}, {k: new.get(k) for k in keys}


def _finding_changes(current: StoredDocument, doc: Document) -> list[Change]:
    found: list[Change] = []
    pairs = (
        ("entities", current.entities, doc.entities, "mentions"),
        ("claims", current.claims, doc.claims, "claims"),
    )
    for name, old_list, new_list, unit in pairs:
        # compared as collections: storage reads them back in text order, which may not be
        # the order an analyser listed them in
        old = Counter(_normal(_comparable(item)) for item in old_list)
        new = Counter(_normal(_stored(_comparable(item))) for item in new_list)
        if old != new:
            gone, added = sum((old - new).values()), sum((new - old).values())
            after = f"{len(new_list)} {unit} ({added} new, {gone} gone)"
            found.append(Change(name, f"{len(old_list)} {unit}", after))
    old_incident = current.incident.to_json() if current.incident else None
    new_incident = doc.incident.to_json() if doc.incident else None
    if _normal(old_incident) != _normal(new_incident):
        found.append(Change("incident", old_incident, new_incident))
    return found


def _comparable(item: Mention | Claim) -> dict[str, Any]:
    """Everything stored of a finding: its JSON, and for a mention the analyser that found it."""
    value = item.to_json()
    if isinstance(item, Mention):
        value["found_by"] = item.found_by
    return value


def _stored(value: dict[str, Any]) -> dict[str, Any]:
    """A finding's JSON as it reads back from storage (texts made storable)."""
    return {
        k: clean_text(v) if k in ("text", "quote") and isinstance(v, str) else v
        for k, v in value.items()
    }


def _normal(value: Any) -> str:
    """A comparable form: JSON with sorted keys, so the order of keys does not count."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _short(value: Any) -> Any:
    """A value short enough for the log: long texts cut, mappings cut value by value."""
    if isinstance(value, dict):
        return {key: _short(item) for key, item in value.items()}
    text = value if isinstance(value, str) else _normal(value)
    return value if len(text) <= _SHORT else text[: _SHORT - 1] + "…"


def audit_values(found: list[Change]) -> tuple[str, str, str]:
    """(old, new, why) of the one audit entry a re-analysis writes: JSON objects of the
    changed fields' old and new values, and the list of their names."""
    old = json.dumps({c.field: c.old for c in found}, ensure_ascii=False, default=str)
    new = json.dumps({c.field: c.new for c in found}, ensure_ascii=False, default=str)
    return old, new, "re-analysed; changed: " + ", ".join(c.field for c in found)


def replace_analysis(
    archive: Archive, conn: Connection, code: str, doc: Document, actor: str
) -> ReanalyzeResult:
    """Put a new analysis of a stored document in place of the old one, in the caller's
    write transaction.

    Replaces only what the pipeline computes (metadata, texts, languages, findings, search
    index entry, step versions); provenance, reliability and visibility stay as they are,
    reviewers' metadata corrections are put back, and restricted fields keep hiding what
    the new findings spell.
    One audit entry lists what changed; when nothing did, nothing is written.
    """
    title_terms, body_terms = document_terms(doc)
    row = archive._row(conn, code)
    current = archive._stored(conn, row)
    if doc.item.sha256 != current.sha256:
        raise IntegrityError(
            "the new analysis is not of this document's original",
            item=code,
            hint="analyse the Item that Archive.stored_item gives for this code",
        )
    changed = changes(current, doc)
    if not changed:
        return ReanalyzeResult(code, [])
    doc_id = int(row["id"])
    conn.execute(
        documents.update().where(documents.c.id == doc_id).values(rows.analysis_values(doc))
    )
    texts = {"text": rows.clean_text(doc.text), "raw_text": rows.clean_text(doc.raw_text)}
    conn.execute(document_texts.update().where(document_texts.c.doc_id == doc_id), texts)
    findings.delete(conn, doc_id)
    findings.write(conn, doc_id, doc)
    old_terms = index_terms(
        current.title,
        current.text,
        date=current.date,
        doc_type=current.doc_type,
        languages=[current.language or "", *current.languages],
        publisher=current.publisher,
    )
    archive.dialect.unindex_document(conn, doc_id, *old_terms)
    archive.dialect.index_document(conn, doc_id, title_terms, body_terms)
    old, new, why = audit_values(changed)
    append_entry(conn, actor, "reanalyze", code, "analysis", old, new, why)
    archive.editing.keep_edits(conn, code, actor)
    archive.restrictions.refresh(conn, doc_id)
    return ReanalyzeResult(code, [change.field for change in changed])

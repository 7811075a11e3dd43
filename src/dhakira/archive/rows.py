"""Conversions between pipeline records and archive rows, kept apart from the SQL that runs."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import RowMapping

from dhakira.archive.records import AuditEntry, FailureRecord, StoredDocument
from dhakira.records import RELIABILITIES, Document, Item

_FOUND = ("entities", "claims", "incident")
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, the one time format stored."""
    return iso(datetime.now(UTC))


def iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def make_code(sha256: str, year: str | None, length: int = 6) -> str:
    """The human-readable archive code: DHK-<year or XXXX>-<first hex of the sha256>."""
    return f"DHK-{year or 'XXXX'}-{sha256[:length].upper()}"


def code_year(doc: Document) -> str | None:
    """The year part of a new code: the year of the date issued when it has one."""
    year = doc.date.value[:4] if doc.date else ""
    return year if len(year) == 4 and year.isdigit() else None


def clean_text(value: str) -> str:
    """Text every backend can store: NUL and lone surrogates become U+FFFD (the original keeps
    the exact bytes); PostgreSQL refuses NUL in text and SQLite refuses surrogates."""
    return _UNSTORABLE.sub("\ufffd", value)


def document_row(doc: Document, code: str, batch: str, visibility: str) -> dict[str, Any]:
    """Every column of a new document row, from a fully analysed Document."""
    item = doc.item
    given = doc.record.get("reliability")
    reliability = given if given in RELIABILITIES else "unspecified"
    return {
        "code": code,
        "sha256": item.sha256,
        "source": item.source,
        "url": item.url,
        "media_type": item.media_type,
        "size": len(item.data),
        "captured_at": iso(item.captured_at) if item.captured_at else utc_now(),
        "ingested_at": utc_now(),
        "batch": batch,
        **analysis_values(doc),
        "supplied": dict(item.fields),
        "reliability": str(reliability),
        "visibility": visibility,
    }


def analysis_values(doc: Document) -> dict[str, Any]:
    """The document columns the pipeline fills in: what re-analysis may replace.

    Provenance, the original, reliability and visibility are not among them: those are facts
    of capture or a person's decision, never recomputed.
    """
    return {
        "status": "needs_ocr" if doc.text_status == "needs_ocr" else "ok",
        "title": clean_text(doc.title) if doc.title else doc.title,
        "title_generated": doc.title_generated,
        "date": doc.date.value if doc.date else None,
        "date_precision": doc.date.precision if doc.date else None,
        "date_source": doc.date.source if doc.date else None,
        "language": doc.language,
        "languages": list(doc.languages),
        "languages_key": languages_key(doc.language, doc.languages),
        "doc_type": doc.doc_type,
        "publisher": doc.publisher,
        "publisher_key": doc.publisher.casefold() if doc.publisher else None,
        "issuing_body": doc.issuing_body,
        "author": doc.author,
        "record": dict(doc.record),
        "format_meta": dict(doc.format_meta),
        "steps": dict(doc.steps),
    }


def stored_item(doc: StoredDocument, data: bytes) -> Item:
    """The Item a stored document was made from, rebuilt from its original and provenance.

    The container file name of a WARC record or export row is not stored; nothing the
    analysers compute depends on it.
    """
    captured = datetime.fromisoformat(doc.captured_at.replace("Z", "+00:00"))
    return Item(
        data=data,
        source=doc.source,
        media_type=doc.media_type,
        url=doc.url,
        captured_at=captured,
        fields=dict(doc.supplied),
    )


def languages_key(language: str | None, languages: list[str]) -> str:
    """ ",ar,en," — every language of the document, searchable with one LIKE on any backend."""
    codes = sorted({code for code in [language, *languages] if code})
    return "," + ",".join(codes) + "," if codes else ""


def stored_document(row: RowMapping, found: Any = None) -> StoredDocument:
    """A StoredDocument from a documents row joined with its texts, and its findings if given
    (a `findings.Findings`: entities, claims, incident)."""
    names = [name for name in StoredDocument.__dataclass_fields__ if name not in _FOUND]
    fields = {name: row[name] for name in names}
    fields["title_generated"] = bool(fields["title_generated"])
    if found is not None:
        fields.update(entities=found.entities, claims=found.claims, incident=found.incident)
    return StoredDocument(**fields)


def audit_entry(row: RowMapping) -> AuditEntry:
    return AuditEntry(**{name: row[name] for name in AuditEntry.__dataclass_fields__})


def failure_record(row: RowMapping) -> FailureRecord:
    return FailureRecord(**{name: row[name] for name in FailureRecord.__dataclass_fields__})

"""View functions: each builds one plain dict that every front end renders.

The command line prints these dicts as text or as JSON (`--json`); the web pages will render the
same dicts as HTML. Building them in one place keeps the views from drifting apart.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from dhakira.archive import (
    AuditEntry,
    EntitySummary,
    SearchQuery,
    SearchResult,
    StoredClaim,
    StoredDocument,
    VerifyReport,
)
from dhakira.ingest import IngestSummary, ReanalyzeSummary
from dhakira.records import Mention


def record_page(doc: StoredDocument, audit: list[AuditEntry]) -> dict[str, Any]:
    """The archive record page of one document: metadata block, reliability, provenance, text."""
    return {
        "code": doc.code,
        "metadata": {
            "title": doc.title,
            "title_generated": doc.title_generated,
            "date": doc.date,
            "date_precision": doc.date_precision,
            "date_source": doc.date_source,
            "doc_type": doc.doc_type,
            "publisher": doc.publisher,
            "issuing_body": doc.issuing_body,
            "author": doc.author,
            "language": doc.language,
            "languages": doc.languages,
        },
        "reliability": {
            "rating": doc.reliability,
            "note": doc.reliability_note,
            "by": doc.reliability_by,
            "at": doc.reliability_at,
        },
        "visibility": doc.visibility,
        "status": doc.status,
        "provenance": {
            "source": doc.source,
            "url": doc.url,
            "captured_at": doc.captured_at,
            "ingested_at": doc.ingested_at,
            "batch": doc.batch,
            "media_type": doc.media_type,
            "size": doc.size,
            "sha256": doc.sha256,
        },
        "record": doc.record,
        "supplied": doc.supplied,
        "analysers": doc.steps,
        "history": [audit_line(entry) for entry in audit],
        "entities": entity_groups(doc.entities),
        "claims": [claim.to_json() for claim in doc.claims],
        "incident": doc.incident.to_json() if doc.incident else None,
        "text": doc.text,
    }


def entity_groups(mentions: list[Mention]) -> list[dict[str, Any]]:
    """A document's mentions gathered by entity, in order of first mention, with every
    spelling seen and the spans of each mention."""
    groups: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        key = mention.entity_id or f"{mention.type}:{mention.text.casefold()}"
        group = groups.setdefault(
            key,
            {
                "entity_id": mention.entity_id,
                "canonical_name": mention.canonical_name or mention.text,
                "type": mention.type,
                "mentions": 0,
                "spellings": [],
                "spans": [],
            },
        )
        group["mentions"] += 1
        group["spans"].append([mention.start, mention.end])
        if mention.text not in group["spellings"]:
            group["spellings"].append(mention.text)
    return list(groups.values())


def entity_line(entity: EntitySummary) -> dict[str, Any]:
    """One line of `dhakira entities`."""
    return asdict(entity)


def claim_line(stored: StoredClaim) -> dict[str, Any]:
    """One line of `dhakira claims`: the claim as `extract --json` gives it, with its code."""
    return stored.to_json()


def reanalyze_page(summary: ReanalyzeSummary) -> dict[str, Any]:
    return summary.to_json()


def audit_line(entry: AuditEntry) -> dict[str, Any]:
    return asdict(entry)


def search_page(query: SearchQuery, result: SearchResult) -> dict[str, Any]:
    """Search results with their snippets; highlights are spans inside each snippet."""
    return {
        "query": asdict(query),
        "total": result.total,
        "took_ms": round(result.took_ms, 2),
        "hits": [asdict(hit) for hit in result.hits],
    }


def verify_page(report: VerifyReport) -> dict[str, Any]:
    return {"ok": report.ok, **asdict(report)}


def ingest_page(summary: IngestSummary) -> dict[str, Any]:
    return summary.to_json()

"""View functions: each builds one plain dict that every front end renders.

The command line prints these dicts as text or as JSON (`--json`); the web pages render the
same dicts as HTML and return them unchanged as JSON (`/page.json`). Building them in one
place keeps the views from drifting apart.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from dhakira.archive import (
    AuditEntry,
    ClaimQuery,
    EntityQuery,
    EntitySummary,
    Facets,
    SearchQuery,
    SearchResult,
    StoredClaim,
    StoredDocument,
    VerifyReport,
)
from dhakira.ingest import IngestSummary, ReanalyzeSummary
from dhakira.records import Mention


def record_page(
    doc: StoredDocument, audit: list[AuditEntry], links: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The archive record page of one document: metadata block, reliability, provenance, text,
    and with `links` (`Archive.links.of`) its duplicates, primary copy, story and related."""
    page = {
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
    if links is not None:
        page["links"] = links
    return page


def with_verdicts(
    page: dict[str, Any], doc: StoredDocument, verdicts: list[Any], *, detailed: bool
) -> dict[str, Any]:
    """The record page with reviewers' verdicts: each claim and entity group gets "verdict"
    (confirmed, rejected, mixed or None); `detailed` adds the list with who, when and why.

    `doc` is the document as stored: verdicts are kept by its spans, which a mask may move,
    so they are matched there and carried over by position (claims) and key (entities)."""
    found = {(v.kind, v.start, v.end): v.verdict for v in verdicts}
    by_claim = [found.get(("claim", c.start, c.end)) for c in doc.claims]
    for claim, verdict in zip(page["claims"], by_claim, strict=False):
        claim["verdict"] = verdict
    by_key: dict[str, set[str | None]] = {}
    for group in entity_groups(doc.entities):
        spans = {found.get(("mention", start, end)) for start, end in group["spans"]}
        by_key[group["key"]] = spans
    for group in page["entities"]:
        seen = by_key.get(group["key"], {None})
        group["verdict"] = seen.pop() if len(seen) == 1 else "mixed"
    if detailed:
        page["verdicts"] = [asdict(v) for v in verdicts]
    return page


def entity_groups(mentions: list[Mention]) -> list[dict[str, Any]]:
    """A document's mentions gathered by entity, in order of first mention, with every
    spelling seen and the spans of each mention."""
    groups: dict[str, dict[str, Any]] = {}
    for mention in mentions:
        key = mention.entity_id or f"{mention.type}:{mention.text.casefold()}"
        group = groups.setdefault(
            key,
            {
                # the key of the entity listing (and of its web page /entities/<key>)
                "key": mention.entity_id or f"{mention.type}:{mention.text.lower()}",
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


def search_page(
    query: SearchQuery, result: SearchResult, facets: Facets | None = None
) -> dict[str, Any]:
    """Search results with their snippets; highlights are spans inside each snippet. The web
    page adds the facet counts (value, count) of the same search."""
    page: dict[str, Any] = {
        "query": asdict(query),
        "total": result.total,
        "took_ms": round(result.took_ms, 2),
        "hits": [asdict(hit) for hit in result.hits],
    }
    if facets is not None:
        counted = asdict(facets)
        names = counted.pop("entity_names")
        page["facets"] = {
            name: [{"value": value, "count": count} for value, count in counts]
            for name, counts in counted.items()
        }
        for facet in page["facets"]["entity"]:
            facet["name"] = names.get(facet["value"], facet["value"])
    return page


# What a reader without an account never sees of a public document: who collected it and from
# where (a local path or a batch can name a person), fields supplied with it, and who reviewed.
RESTRICTED_FIELDS: tuple[str, ...] = (
    "provenance.source",
    "provenance.batch",
    "supplied",
    "reliability.by",
    "reliability.note",
    "history",
)


def public_record(page: dict[str, Any]) -> dict[str, Any]:
    """A record page without its RESTRICTED_FIELDS (removed, not blanked, so nothing leaks)."""
    shown = {key: dict(value) if isinstance(value, dict) else value for key, value in page.items()}
    for path in RESTRICTED_FIELDS:
        head, _, tail = path.partition(".")
        if tail:
            shown[head].pop(tail, None)
        else:
            shown.pop(head, None)
    return shown


def entities_page(query: EntityQuery, entities: list[EntitySummary]) -> dict[str, Any]:
    """The entity listing: filters asked and the entities, most mentioned first."""
    return {"query": asdict(query), "entities": [entity_line(e) for e in entities]}


def entity_page(
    entity: EntitySummary, documents: list[dict[str, Any]], claims: list[StoredClaim]
) -> dict[str, Any]:
    """One entity: names and spellings, the documents naming it, and claims about it."""
    return {
        "entity": entity_line(entity),
        "documents": documents,
        "claims": [claim_line(claim) for claim in claims],
    }


def claims_page(query: ClaimQuery, claims: list[StoredClaim]) -> dict[str, Any]:
    return {"query": asdict(query), "claims": [claim_line(claim) for claim in claims]}


def audit_page(entries: list[AuditEntry]) -> dict[str, Any]:
    return {"entries": [audit_line(entry) for entry in entries]}


def verify_page(report: VerifyReport) -> dict[str, Any]:
    return {"ok": report.ok, **asdict(report)}


def ingest_page(summary: IngestSummary) -> dict[str, Any]:
    return summary.to_json()


def public_links(links: dict[str, Any], visible: set[str]) -> dict[str, Any]:
    """A document's links (`Archive.links.of`) keeping only documents in `visible`; a story
    keeps its visible documents and loses its size and dates, which count hidden ones."""
    story = links.get("story")
    shown_story = None
    if story:
        documents = [d for d in story["documents"] if d["code"] in visible]
        shown_story = {"story": None, "documents": documents} if len(documents) > 1 else None
    return {
        "linked": links.get("linked", False),
        "primary": links["primary"] if links.get("primary") in visible else None,
        "is_primary": links.get("is_primary"),
        "duplicates": [d for d in links.get("duplicates", []) if d["code"] in visible],
        "story": shown_story,
        "related": [d for d in links.get("related", []) if d["code"] in visible],
    }


def linked_codes(links: dict[str, Any]) -> list[str]:
    """Every document code a links dict names."""
    codes = [d["code"] for d in [*links.get("duplicates", []), *links.get("related", [])]]
    if links.get("primary"):
        codes.append(links["primary"])
    if links.get("story"):
        codes += [d["code"] for d in links["story"]["documents"]]
    return codes

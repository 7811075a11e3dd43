"""Plain records the archive hands out: stored documents, search results, audit entries.

Callers (ingest, CLI, web views) get these dataclasses, never database rows, so the storage
backend can change without touching them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dhakira.records import Claim, Incident, Mention

VISIBILITIES: tuple[str, ...] = ("public", "restricted")


@dataclass(frozen=True)
class AddResult:
    """What `Archive.add` did: the document's code, and whether the bytes were already there."""

    code: str
    duplicate: bool


@dataclass(frozen=True)
class StoredDocument:
    """One archived document with its provenance, analysis results and review state."""

    code: str
    sha256: str
    source: str
    url: str | None
    media_type: str
    size: int
    captured_at: str
    ingested_at: str
    batch: str
    status: str
    title: str | None
    title_generated: bool
    date: str | None
    date_precision: str | None
    date_source: str | None
    language: str | None
    languages: list[str]
    doc_type: str
    publisher: str | None
    issuing_body: str | None
    author: str | None
    text: str
    raw_text: str
    record: dict[str, Any]
    format_meta: dict[str, str]
    supplied: dict[str, Any]
    steps: dict[str, str]
    reliability: str
    reliability_note: str | None
    reliability_by: str | None
    reliability_at: str | None
    visibility: str
    # what the analysers found; loaded with the document
    entities: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    incident: Incident | None = None

    def export_json(self) -> dict[str, Any]:
        """The JSON object exports print: the `extract --json` keys plus archive provenance."""
        return {
            "title": self.title,
            "title_generated": self.title_generated,
            "date": self.date,
            "date_precision": self.date_precision,
            "language": self.language,
            "languages": list(self.languages),
            "doc_type": self.doc_type,
            "publisher": self.publisher,
            "issuing_body": self.issuing_body,
            "author": self.author,
            "text": self.text,
            "code": self.code,
            "sha256": self.sha256,
            "source": self.source,
            "url": self.url,
            "captured_at": self.captured_at,
            "status": self.status,
            "reliability": self.reliability,
            "visibility": self.visibility,
            "media_type": self.media_type,
            "date_source": self.date_source,
            "record": dict(self.record),
            "supplied": dict(self.supplied),
            "steps": dict(self.steps),
            "entities": [mention.to_json() for mention in self.entities],
            "claims": [claim.to_json() for claim in self.claims],
            "incident": self.incident.to_json() if self.incident else None,
        }


@dataclass(frozen=True)
class SearchQuery:
    """A search: free text (any string is valid) and optional filters, combined with AND."""

    text: str = ""
    date_from: str | None = None
    date_to: str | None = None
    doc_type: str | None = None
    language: str | None = None
    publisher: str | None = None
    limit: int = 20
    offset: int = 0
    reliability: str | None = None
    entity: str | None = None  # an entity id: documents that mention this entity
    # True for readers who may see only public documents: a condition of every query, so
    # restricted documents never reach hits, snippets, totals or facet counts
    public_only: bool = False
    # True for readers below editor: restricted fields (a witness's name) are masked in hits
    # and snippets, and neither a query nor a facet can use them (dhakira.archive.restrictions)
    hide_restricted: bool = False


@dataclass(frozen=True)
class SearchHit:
    """One result; `highlights` are (start, end) spans inside `snippet`."""

    code: str
    title: str | None
    date: str | None
    doc_type: str
    language: str | None
    publisher: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SearchResult:
    """A page of hits, the number of all matching documents, and how long the search took."""

    total: int
    hits: list[SearchHit]
    took_ms: float


@dataclass(frozen=True)
class Facets:
    """Counts of the documents matching a search, by type, language, publisher, year and
    reliability, most frequent first; computed under the same visibility as the search."""

    doc_type: list[tuple[str, int]]
    language: list[tuple[str, int]]
    publisher: list[tuple[str, int]]
    year: list[tuple[str, int]]
    reliability: list[tuple[str, int]]
    # linked entities named in the documents: (entity id, documents), and each id's name
    entity: list[tuple[str, int]] = field(default_factory=list)
    entity_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AuditEntry:
    """One append-only audit record; `hash` chains it to the entry before (`prev_hash`)."""

    seq: int
    at: str
    actor: str
    action: str
    code: str | None
    field: str | None
    old: str | None
    new: str | None
    why: str | None
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class VerifyReport:
    """What `Archive.verify` found; `unreferenced` blobs are information, not an error."""

    checked: int
    mismatched: list[str]
    missing: list[str]
    chain_ok: bool
    chain_error: str | None
    unreferenced: list[str]

    @property
    def ok(self) -> bool:
        return not self.mismatched and not self.missing and self.chain_ok


@dataclass(frozen=True)
class FailureRecord:
    """An item that could not be processed, kept with its reason (and bytes when read)."""

    source: str
    reason: str
    sha256: str | None
    size: int | None
    batch: str
    at: str


@dataclass(frozen=True)
class ReanalyzeResult:
    """What re-analysing one stored document changed; `changed` is empty when nothing did."""

    code: str
    changed: list[str]


@dataclass(frozen=True)
class EntityQuery:
    """Filters of the entity listing: entity type, and a substring of the name or a spelling."""

    type: str | None = None
    name: str | None = None
    limit: int = 1000
    key: str | None = None
    public_only: bool = False
    hide_restricted: bool = False  # restricted mentions do not count


@dataclass(frozen=True)
class EntitySummary:
    """One entity across the archive: how often and in how many documents, and how spelled.

    `key` is the entity id, or "type:text" for a mention no analyser could link to one.
    """

    key: str
    entity_id: str | None
    type: str
    canonical_name: str | None
    mentions: int
    documents: int
    spellings: list[str]


@dataclass(frozen=True)
class ClaimQuery:
    """Filters of the claim listing, combined with AND; years compare with the claim's period."""

    event: str | None = None
    place: str | None = None
    attributed_to: str | None = None
    year_from: str | None = None
    year_to: str | None = None
    kind: str | None = None
    limit: int = 1000
    public_only: bool = False
    code: str | None = None
    hide_restricted: bool = False  # restricted spellings do not resolve a place or a source


@dataclass(frozen=True)
class StoredClaim:
    """A claim as stored: the document it is in and the analyser version that found it."""

    code: str
    claim: Claim
    analyser: str

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, **self.claim.to_json(), "analyser": self.analyser}

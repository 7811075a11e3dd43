"""Plain records the archive hands out: stored documents, search results, audit entries.

Callers (ingest, CLI, web views) get these dataclasses, never database rows, so the storage
backend can change without touching them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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

"""Storage of dhakira: originals by content address, documents, search index and audit trail.

Use `Archive.open(path)`; everything else here is the records its methods take and return.
"""

from dhakira.archive.archive import Archive
from dhakira.archive.records import (
    VISIBILITIES,
    AddResult,
    AuditEntry,
    ClaimQuery,
    EntityQuery,
    EntitySummary,
    Facets,
    FailureRecord,
    ReanalyzeResult,
    SearchHit,
    SearchQuery,
    SearchResult,
    StoredClaim,
    StoredDocument,
    VerifyReport,
)

__all__ = [
    "VISIBILITIES",
    "AddResult",
    "Archive",
    "AuditEntry",
    "ClaimQuery",
    "EntityQuery",
    "EntitySummary",
    "Facets",
    "FailureRecord",
    "ReanalyzeResult",
    "SearchHit",
    "SearchQuery",
    "SearchResult",
    "StoredClaim",
    "StoredDocument",
    "VerifyReport",
]

"""`dhakira verify`: is every original still the file that was archived, and is the audit chain
unbroken?

Every original is read back and hashed again (a bit flipped on disk, a file replaced or gone
shows here), the audit log is walked entry by entry (an edited, deleted or reordered entry
breaks the chain), and files in the blob store that no document or failure refers to are
listed (left by an interrupted ingest; never deleted without a person deciding).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive.audit import check_chain
from dhakira.archive.blobs import BlobStore
from dhakira.archive.records import VerifyReport
from dhakira.archive.schema import audit, documents, failures, upload_files


def read_references(conn: Connection) -> tuple[set[str], str | None]:
    """The hashes of every original the database refers to (documents, failures kept with
    their bytes, and files uploaded through the web: a file still waiting to be ingested, or
    one holding several documents such as a spreadsheet), and what broke in the audit chain
    (None when intact)."""
    shas = set(conn.execute(sa.select(documents.c.sha256)).scalars())
    shas |= set(
        conn.execute(sa.select(failures.c.sha256).where(failures.c.sha256.is_not(None))).scalars()
    )
    shas |= set(conn.execute(sa.select(upload_files.c.sha256)).scalars())
    chain_error = check_chain(
        dict(row) for row in conn.execute(sa.select(audit).order_by(audit.c.seq)).mappings()
    )
    return shas, chain_error


def check_originals(shas: set[str], chain_error: str | None, blobs: BlobStore) -> VerifyReport:
    """Hash every referenced original again (outside any database transaction: this reads
    every file) and put the report together."""
    missing = sorted(sha for sha in shas if not blobs.exists(sha))
    mismatched = sorted(sha for sha in shas if sha not in missing and blobs.hash_of(sha) != sha)
    unreferenced = sorted(set(blobs.all()) - shas)
    return VerifyReport(
        checked=len(shas),
        mismatched=mismatched,
        missing=missing,
        chain_ok=chain_error is None,
        chain_error=chain_error,
        unreferenced=unreferenced,
    )

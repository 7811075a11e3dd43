"""The archive: originals on disk plus one database (SQLite by default, or PostgreSQL).

`Archive` is the one entry point ingest, the CLI and the views use. Each public method is one
database transaction; writers are serialized (BEGIN IMMEDIATE on SQLite, an advisory lock on
PostgreSQL) so codes stay unique and the audit chain never forks. One Archive object holds one
connection and is meant for one thread; open another Archive for another thread.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa
import sqlalchemy.exc
from sqlalchemy.engine import Connection

from dhakira.archive import findings, rows
from dhakira.archive.accounts import Accounts
from dhakira.archive.audit import (
    append_entry,
    read_marks,
    touch_changed_mark,
)
from dhakira.archive.blobs import BlobStore
from dhakira.archive.dialects import WRITE_FLAG, Dialect, dialect_for
from dhakira.archive.editing import Editing
from dhakira.archive.entity_decisions import EntityDecisions
from dhakira.archive.facets import document_terms
from dhakira.archive.linkstore import LinkStore
from dhakira.archive.migrate import upgrade_to_head
from dhakira.archive.querying import run_facets, run_search
from dhakira.archive.reanalysis import replace_analysis
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
    SearchQuery,
    SearchResult,
    StoredClaim,
    StoredDocument,
    VerifyReport,
)
from dhakira.archive.restrictions import Restrictions
from dhakira.archive.schema import (
    audit,
    batches,
    document_texts,
    documents,
    failures,
)
from dhakira.archive.uploads import Uploads
from dhakira.archive.verification import check_originals, read_references
from dhakira.config import DATABASE_ENV
from dhakira.errors import ConfigError, IntegrityError, NotFound
from dhakira.records import RELIABILITIES, Document, Failure, Item, sha256_hex

DB_FILE = "archive.sqlite"
_FULL_DOCUMENT = sa.select(documents, document_texts.c.text, document_texts.c.raw_text).join(
    document_texts, document_texts.c.doc_id == documents.c.id
)
_PAGE = 500


class Archive:
    """An archive folder (originals/) and its database, opened and migrated to the newest schema."""

    def __init__(self, path: Path, engine: sa.Engine, dialect: Dialect) -> None:
        self.path = path
        self.engine = engine
        self.dialect = dialect
        self.blobs = BlobStore(path / "originals")
        self._conn: Connection = engine.connect()

    @classmethod
    def open(
        cls,
        path: Path,
        database_url: str | None = None,
        *,
        create: bool = True,
        migrate: bool = True,
    ) -> Archive:
        """Open (and with create=True, make) the archive at `path`, migrating its schema.

        Migrating takes the writers' lock. A server migrates once at start and opens its
        per-thread Archives with migrate=False, so a request never waits behind an ingest's
        writes (or fails with "database is locked" when that wait is long)."""
        path = Path(path)
        url = database_url or os.environ.get(DATABASE_ENV)
        if not create and not (path / "originals").is_dir():
            raise NotFound(
                "no archive in this folder", item=str(path), hint="run dhakira ingest first"
            )
        if not create and url is None and not (path / DB_FILE).exists():
            raise NotFound(
                "no archive database in this folder",
                item=str(path),
                hint="run dhakira ingest first",
            )
        path.mkdir(parents=True, exist_ok=True)
        try:
            engine = sa.create_engine(url or sa.URL.create("sqlite", database=str(path / DB_FILE)))
        except (sqlalchemy.exc.ArgumentError, ImportError) as error:
            raise ConfigError(
                f"cannot use database URL: {error}",
                item=str(url),
                hint="use postgresql+pg8000://user@host/db (pip install 'dhakira[postgres]')",
            ) from error
        dialect = dialect_for(engine)
        dialect.configure(engine)
        if migrate:
            upgrade_to_head(engine, dialect)
        return cls(path, engine, dialect)

    def close(self) -> None:
        self._conn.close()
        self.engine.dispose()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._conn.begin():
            yield self._conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One serialized write transaction: committed whole or rolled back whole."""
        self._conn.info[WRITE_FLAG] = True
        try:
            with self._conn.begin():
                self._conn.info[WRITE_FLAG] = False
                self.dialect.lock_writers(self._conn)
                yield self._conn
        finally:
            self._conn.info[WRITE_FLAG] = False

    # -- batches ------------------------------------------------------------------------------

    def start_batch(self, description: str) -> str:
        """Open a batch; its id is the start time and a random suffix: 20170207T101500-3f9a2c."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        batch_id = f"{stamp}-{secrets.token_hex(3)}"
        with self._write() as conn:
            conn.execute(
                batches.insert().values(
                    id=batch_id, description=description, started_at=rows.utc_now()
                )
            )
        return batch_id

    def finish_batch(self, batch_id: str, counts: dict[str, int]) -> None:
        with self._write() as conn:
            done = conn.execute(
                batches.update()
                .where(batches.c.id == batch_id)
                .values(finished_at=rows.utc_now(), counts=dict(counts))
            )
            if done.rowcount == 0:
                raise NotFound("no such batch", item=batch_id, hint="use the id start_batch gave")

    # -- adding -------------------------------------------------------------------------------

    def find_sha(self, sha256: str) -> str | None:
        with self._read() as conn:
            return self._code_of(conn, sha256)

    def _code_of(self, conn: Connection, sha256: str) -> str | None:
        found = conn.execute(sa.select(documents.c.code).where(documents.c.sha256 == sha256))
        return found.scalar_one_or_none()

    def add(self, doc: Document, batch_id: str, *, visibility: str = "restricted") -> AddResult:
        """Store the original, the document row with what the analysers found, its index entry
        and an audit entry, atomically."""
        _check_choice("visibility", visibility, VISIBILITIES)
        sha = doc.item.sha256
        # analysed before the write lock is taken, so other writers wait less
        title_terms, body_terms = document_terms(doc)
        try:
            with self._write() as conn:
                existing = self._code_of(conn, sha)
                if existing is not None:
                    return AddResult(existing, duplicate=True)
                self.blobs.put(doc.item.data)
                code = self._new_code(conn, sha, rows.code_year(doc))
                row = rows.document_row(doc, code, batch_id, visibility)
                inserted = conn.execute(documents.insert(), row).inserted_primary_key
                doc_id = int(inserted[0]) if inserted else 0
                texts = {
                    "text": rows.clean_text(doc.text),
                    "raw_text": rows.clean_text(doc.raw_text),
                }
                conn.execute(document_texts.insert(), {"doc_id": doc_id, **texts})
                findings.write(conn, doc_id, doc)
                self.dialect.index_document(conn, doc_id, title_terms, body_terms)
                append_entry(conn, "ingest", "ingest", code, new=sha, why=f"batch {batch_id}")
                return AddResult(code, duplicate=False)
        except sqlalchemy.exc.IntegrityError:
            raced = self.find_sha(sha)
            if raced is None:
                raise
            return AddResult(raced, duplicate=True)

    def _new_code(self, conn: Connection, sha256: str, year: str | None) -> str:
        """The first code, lengthening the hex part while another document holds it."""
        for length in range(6, 65, 2):
            code = rows.make_code(sha256, year, length)
            taken = conn.execute(sa.select(documents.c.id).where(documents.c.code == code))
            if taken.first() is None:
                return code
        raise AssertionError("two documents with the same sha256 cannot both be stored")

    def add_failure(self, failure: Failure, batch_id: str) -> None:
        """Keep an item that could not be processed: its bytes when read, and why it failed."""
        with self._write() as conn:
            sha = self.blobs.put(failure.data) if failure.data is not None else None
            conn.execute(
                failures.insert().values(
                    source=failure.source,
                    reason=failure.reason,
                    sha256=sha,
                    size=len(failure.data) if failure.data is not None else None,
                    media_type=failure.media_type,
                    batch=batch_id,
                    at=rows.utc_now(),
                )
            )

    def failures(self, batch_id: str | None = None) -> list[FailureRecord]:
        query = sa.select(failures).order_by(failures.c.id)
        if batch_id is not None:
            query = query.where(failures.c.batch == batch_id)
        with self._read() as conn:
            return [rows.failure_record(row) for row in conn.execute(query).mappings()]

    # -- reading ------------------------------------------------------------------------------

    def get(self, code: str, *, public_only: bool = False) -> StoredDocument:
        """One document with its mentions, claims and incident; with public_only, a restricted
        document is reported missing exactly like an unknown code (its existence is hidden)."""
        with self._read() as conn:
            return self._stored(conn, self._row(conn, code, public_only))

    def _stored(self, conn: Connection, row: sa.RowMapping) -> StoredDocument:
        found = findings.load(conn, [row["id"]])[row["id"]]
        return rows.stored_document(row, found)

    def _row(self, conn: Connection, code: str, public_only: bool = False) -> sa.RowMapping:
        query = _FULL_DOCUMENT.where(documents.c.code == code)
        if public_only:
            query = query.where(documents.c.visibility == "public")
        found = conn.execute(query).mappings()
        row = found.first()
        if row is None:
            raise NotFound(
                "no document with this code in the archive",
                item=code,
                hint="find codes with `dhakira search`",
            )
        return row

    def documents(self, *, public_only: bool = False) -> Iterator[StoredDocument]:
        """Every document ordered by code, read a page at a time so memory stays flat."""
        after = ""
        scope = [documents.c.visibility == "public"] if public_only else []
        while True:
            query = (
                _FULL_DOCUMENT.where(documents.c.code > after, *scope)
                .order_by(documents.c.code)
                .limit(_PAGE)
            )
            with self._read() as conn:
                found_rows = list(conn.execute(query).mappings())
                found = findings.load(conn, [row["id"] for row in found_rows])
                page = [rows.stored_document(row, found[row["id"]]) for row in found_rows]
            yield from page
            if len(page) < _PAGE:
                return
            after = page[-1].code

    def codes(self) -> list[str]:
        """The code of every document, in order."""
        with self._read() as conn:
            return list(
                conn.execute(sa.select(documents.c.code).order_by(documents.c.code)).scalars()
            )

    def outdated(self, steps: dict[str, str]) -> list[str]:
        """Codes of the documents whose stored step versions differ from `steps` (the versions
        the running dhakira would use), in order: what `reanalyze --outdated` re-runs."""
        query = sa.select(documents.c.code, documents.c.steps).order_by(documents.c.code)
        with self._read() as conn:
            return [code for code, stored in conn.execute(query) if dict(stored or {}) != steps]

    def public_codes(self, codes: list[str]) -> set[str]:
        """Which of these codes are public documents (what a reader without an account may
        see of a list of codes another query gave, such as a document's links)."""
        if not codes:
            return set()
        query = sa.select(documents.c.code).where(
            documents.c.code.in_(codes), documents.c.visibility == "public"
        )
        with self._read() as conn:
            return set(conn.execute(query).scalars())

    def count(self) -> int:
        with self._read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one())

    def original(self, code: str, *, public_only: bool = False) -> bytes:
        return self.blobs.get(self.get(code, public_only=public_only).sha256)

    def stored_item(self, code: str) -> Item:
        """The Item a document was made from (original bytes and provenance), to analyse again.

        An original whose bytes no longer match its hash is refused: analysing altered bytes
        would put values in the record that the evidence does not hold.
        """
        doc = self.get(code)
        data = self.blobs.get(doc.sha256)
        if sha256_hex(data) != doc.sha256:
            raise IntegrityError(
                "the stored original no longer matches its SHA-256",
                item=code,
                hint="run `dhakira verify` and restore originals/ from a backup",
            )
        return rows.stored_item(doc, data)

    def search(self, query: SearchQuery) -> SearchResult:
        with self._read() as conn:
            return run_search(conn, self.dialect, query)

    def facets(self, query: SearchQuery) -> Facets:
        """Counts of the search's documents by type, language, publisher, year, reliability."""
        with self._read() as conn:
            return run_facets(conn, self.dialect, query)

    def entity_documents(
        self, key: str, *, public_only: bool = False, hide_restricted: bool = False
    ) -> list[dict[str, Any]]:
        """Documents mentioning the entity with this listing key: code, title, date, mentions
        (with hide_restricted, restricted mentions do not count)."""
        with self._read() as conn:
            return findings.entity_documents(conn, key, public_only, hide_restricted)

    @property
    def accounts(self) -> Accounts:
        """Users, sessions, API tokens and login attempts of the web application."""
        return Accounts(self)

    @property
    def links(self) -> LinkStore:
        """Duplicates, primary copies and stories between documents (dhakira.links, stored)."""
        return LinkStore(self)

    @property
    def entity_decisions(self) -> EntityDecisions:
        """Reviewers' merges and splits of entities, audited and undoable."""
        return EntityDecisions(self)

    @property
    def editing(self) -> Editing:
        """Reviewers' metadata edits and verdicts on mentions and claims, audited."""
        return Editing(self)

    @property
    def restrictions(self) -> Restrictions:
        """Fields of a document only editors and admins see (a witness's name), audited."""
        return Restrictions(self)

    @property
    def uploads(self) -> Uploads:
        """Files a web upload received, kept before their ingest, with each one's outcome."""
        return Uploads(self)

    def entities(self, query: EntityQuery | None = None) -> list[EntitySummary]:
        """Entities named across the archive, most mentioned first."""
        with self._read() as conn:
            return findings.list_entities(conn, query or EntityQuery())

    def claims(self, query: ClaimQuery | None = None) -> list[StoredClaim]:
        """Claims across the archive that match the query's filters."""
        with self._read() as conn:
            return findings.list_claims(conn, query or ClaimQuery())

    # -- analysing again ----------------------------------------------------------------------

    def replace_analysis(self, code: str, doc: Document, actor: str) -> ReanalyzeResult:
        """Put a new analysis of a stored document in place of the old one, in one transaction
        (see `reanalysis.replace_analysis`); one audit entry lists what changed."""
        with self._write() as conn:
            return replace_analysis(self, conn, code, doc, actor)

    # -- review and audit ---------------------------------------------------------------------

    def review(
        self,
        code: str,
        *,
        note: str,
        actor: str,
        reliability: str | None = None,
        visibility: str | None = None,
    ) -> StoredDocument:
        """Change reliability and/or visibility, with one audit entry per changed field."""
        if reliability is not None:
            _check_choice("reliability", reliability, RELIABILITIES)
        if visibility is not None:
            _check_choice("visibility", visibility, VISIBILITIES)
        if not actor.strip():
            raise ConfigError("a review needs the reviewer's name", item=code, hint="pass actor")
        wanted = {"reliability": reliability, "visibility": visibility}
        with self._write() as conn:
            current = self._row(conn, code)
            for name, value in wanted.items():
                if value is None or value == current[name]:
                    continue
                values: dict[str, Any] = {name: value}
                if name == "reliability":
                    values.update(
                        reliability_note=note, reliability_by=actor, reliability_at=rows.utc_now()
                    )
                conn.execute(documents.update().where(documents.c.code == code).values(**values))
                append_entry(conn, actor, "review", code, name, current[name], value, note)
        return self.get(code)

    def marks(self) -> tuple[int, int]:
        """The change mark and the last audit entry's number, read together. The change mark
        is the number of the last entry other than an ingest: anything that can hide, mask,
        re-rate or regroup documents moves it, so answers cached under one mark are never
        shown after such a change; while both stay the same nothing was added or changed."""
        with self._read() as conn:
            return read_marks(conn)

    def touch(self) -> None:
        """Move the change mark to the last audit entry without changing anything: readers'
        cached counts and results are made afresh (after a web upload, so its documents show
        at once in every server process)."""
        with self._write() as conn:
            touch_changed_mark(conn)

    def audit(self, code: str | None = None) -> list[AuditEntry]:
        query = sa.select(audit).order_by(audit.c.seq)
        if code is not None:
            query = query.where(audit.c.code == code)
        with self._read() as conn:
            return [rows.audit_entry(row) for row in conn.execute(query).mappings()]

    # -- verification -------------------------------------------------------------------------

    def verify(self) -> VerifyReport:
        """Re-hash every original, walk the audit chain, and list blobs nothing refers to."""
        with self._read() as conn:
            shas, chain_error = read_references(conn)
        return check_originals(shas, chain_error, self.blobs)


def _check_choice(name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ConfigError(
            f"{value!r} is not a valid {name}", hint=f"use one of: {', '.join(allowed)}"
        )

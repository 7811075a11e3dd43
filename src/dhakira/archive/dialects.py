"""What differs between backends: connection setup, writer locking and the full-text index.

Everything else the archive does is SQLAlchemy Core shared by all backends. A dialect is picked
from the engine's URL; adding a backend means adding one small class here and a branch in the
migrations that create its index.

- SQLite: an FTS5 contentless table `document_search(title, body)` whose rowid is the document
  id, ranked by bm25(); writers take the database lock up front with BEGIN IMMEDIATE.
- PostgreSQL: a table `document_search(doc_id, vector tsvector)` with a GIN index, 'simple'
  configuration (terms arrive already analyzed), ranked by ts_rank; writers take a
  transaction-level advisory lock so the audit chain never forks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from dhakira.archive.schema import documents
from dhakira.errors import ConfigError

WRITE_FLAG = "dhakira_write"
_PG_LOCK_KEY = 0x64686B72  # "dhkr": one advisory lock shared by every writer of the archive


@dataclass(frozen=True)
class TextMatch:
    """The pieces a search statement needs from the dialect for a full-text condition."""

    from_clause: sa.FromClause  # the index joined to documents
    where: sa.ColumnElement[bool] | sa.TextClause
    score: sa.ColumnElement[Any]  # higher is better
    ids: sa.Select[Any]  # ids of matching documents, from the index alone (for counting)
    id_column: sa.ColumnElement[Any]  # the document id as the index holds it


class Dialect(Protocol):
    name: str

    def configure(self, engine: Engine) -> None: ...

    def lock_writers(self, conn: Connection) -> None: ...

    def index_document(
        self, conn: Connection, doc_id: int, title_terms: list[str], body_terms: list[str]
    ) -> None: ...

    def unindex_document(
        self, conn: Connection, doc_id: int, title_terms: list[str], body_terms: list[str]
    ) -> None: ...

    def match(
        self, terms: list[str], phrases: list[list[str]], any_of: Sequence[list[str]] = ()
    ) -> TextMatch: ...


def _quote_fts5(terms: list[str]) -> str:
    """An FTS5 string literal; analyzed terms hold only letters and digits, quotes are doubled."""
    return '"' + " ".join(terms).replace('"', '""') + '"'


class SqliteDialect:
    name = "sqlite"
    _table = sa.table("document_search", sa.column("rowid"))

    def configure(self, engine: Engine) -> None:
        """WAL, foreign keys, NORMAL sync; transactions begun by us so writers can be IMMEDIATE."""

        @sa.event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            for pragma in (
                "PRAGMA journal_mode=WAL",
                "PRAGMA synchronous=NORMAL",
                "PRAGMA foreign_keys=ON",
                "PRAGMA busy_timeout=30000",
            ):
                cursor.execute(pragma)
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.info.get(WRITE_FLAG, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    def lock_writers(self, conn: Connection) -> None:
        """Nothing to do: BEGIN IMMEDIATE already made this the only writer."""

    def index_document(
        self, conn: Connection, doc_id: int, title_terms: list[str], body_terms: list[str]
    ) -> None:
        conn.execute(
            sa.text("INSERT INTO document_search(rowid, title, body) VALUES (:id, :title, :body)"),
            {"id": doc_id, "title": " ".join(title_terms), "body": " ".join(body_terms)},
        )

    def unindex_document(
        self, conn: Connection, doc_id: int, title_terms: list[str], body_terms: list[str]
    ) -> None:
        """Remove a document's entry. A contentless FTS5 table keeps no copy of what it indexed,
        so the terms indexed before must be given again (recomputed from the stored texts)."""
        conn.execute(
            sa.text(
                "INSERT INTO document_search(document_search, rowid, title, body) "
                "VALUES ('delete', :id, :title, :body)"
            ),
            {"id": doc_id, "title": " ".join(title_terms), "body": " ".join(body_terms)},
        )

    def match(
        self, terms: list[str], phrases: list[list[str]], any_of: Sequence[list[str]] = ()
    ) -> TextMatch:
        """All terms and phrases, and for each group in `any_of` one of its terms."""
        parts = [_quote_fts5([term]) for term in terms]
        parts += [_quote_fts5(phrase) for phrase in phrases]
        parts += ["(" + " OR ".join(_quote_fts5([t]) for t in group) + ")" for group in any_of]
        table = self._table
        where = sa.text("document_search MATCH :fts_query").bindparams(
            fts_query=" AND ".join(parts)
        )
        return TextMatch(
            from_clause=table.join(documents, documents.c.id == table.c.rowid),
            where=where,
            score=sa.literal_column("-bm25(document_search, 4.0, 1.0)"),
            ids=sa.select(table.c.rowid).select_from(table).where(where),
            id_column=table.c.rowid,
        )


class PostgresDialect:
    name = "postgresql"
    _table = sa.table("document_search", sa.column("doc_id"), sa.column("vector"))
    _config: sa.ColumnElement[Any] = sa.literal_column("'simple'::regconfig")

    def configure(self, engine: Engine) -> None:
        """Nothing to set: PostgreSQL's defaults suit the archive."""

    def lock_writers(self, conn: Connection) -> None:
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_LOCK_KEY)))

    def index_document(
        self, conn: Connection, doc_id: int, title_terms: list[str], body_terms: list[str]
    ) -> None:
        conn.execute(
            sa.text(
                "INSERT INTO document_search(doc_id, vector) VALUES (:id, "
                "setweight(to_tsvector('simple', :title), 'A') || "
                "setweight(to_tsvector('simple', :body), 'B'))"
            ),
            {"id": doc_id, "title": " ".join(title_terms), "body": " ".join(body_terms)},
        )

    def unindex_document(
        self, conn: Connection, doc_id: int, title_terms: list[str], body_terms: list[str]
    ) -> None:
        """Remove a document's entry (the terms are not needed: the row is found by its id)."""
        conn.execute(sa.text("DELETE FROM document_search WHERE doc_id = :id"), {"id": doc_id})

    def match(
        self, terms: list[str], phrases: list[list[str]], any_of: Sequence[list[str]] = ()
    ) -> TextMatch:
        """All terms and phrases, and for each group in `any_of` one of its terms."""
        query: sa.ColumnElement[Any] = sa.func.plainto_tsquery(self._config, " ".join(terms))
        for phrase in phrases:
            query = query.op("&&")(sa.func.phraseto_tsquery(self._config, " ".join(phrase)))
        for group in any_of:  # reserved filter terms: ASCII letters and digits only
            query = query.op("&&")(sa.func.to_tsquery(self._config, " | ".join(group)))
        vector = self._table.c.vector
        return TextMatch(
            from_clause=self._table.join(documents, documents.c.id == self._table.c.doc_id),
            where=vector.op("@@")(query),
            score=sa.func.ts_rank(vector, query, 1),  # 1: divide by 1 + log(length)
            ids=sa.select(self._table.c.doc_id).where(vector.op("@@")(query)),
            id_column=self._table.c.doc_id,
        )


def dialect_for(engine: Engine) -> Dialect:
    """The dialect object for the engine's backend, or ConfigError naming the supported ones."""
    name = engine.dialect.name
    if name == "sqlite":
        return SqliteDialect()
    if name == "postgresql":
        return PostgresDialect()
    raise ConfigError(
        f"unsupported database backend {name!r}",
        hint="use an sqlite:/// or postgresql+pg8000:// URL",
    )

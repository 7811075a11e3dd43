"""The search index also holds each document's filter values (type, languages, publisher, year).

Searches with filters narrow inside the index (see dhakira.archive.facets). This revision
rebuilds the index entry of every document already stored, so filtered searches keep finding
them; it reads only the stored texts and metadata, never the network or the originals.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from dhakira.archive.dialects import PostgresDialect, SqliteDialect
from dhakira.archive.facets import index_terms
from dhakira.archive.schema import document_texts, documents

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    dialect = SqliteDialect() if conn.dialect.name == "sqlite" else PostgresDialect()
    if conn.dialect.name == "sqlite":
        conn.execute(sa.text("INSERT INTO document_search(document_search) VALUES ('delete-all')"))
    else:
        conn.execute(sa.text("DELETE FROM document_search"))
    stored = (
        conn.execute(
            sa.select(
                documents.c.id,
                documents.c.title,
                documents.c.date,
                documents.c.doc_type,
                documents.c.language,
                documents.c.languages,
                documents.c.publisher,
                document_texts.c.text,
            ).select_from(documents.join(document_texts, document_texts.c.doc_id == documents.c.id))
        )
        .mappings()
        .all()
    )
    for row in stored:
        title_terms, body_terms = index_terms(
            row["title"],
            row["text"] or "",
            date=row["date"],
            doc_type=row["doc_type"],
            languages=[row["language"] or "", *(row["languages"] or [])],
            publisher=row["publisher"],
        )
        dialect.index_document(conn, int(row["id"]), title_terms, body_terms)


def downgrade() -> None:
    """The index keeps working without the reserved terms; nothing to undo."""

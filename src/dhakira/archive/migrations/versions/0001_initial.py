"""Initial archive schema: batches, documents and their texts, failures, audit, search index.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _documents_columns() -> list[sa.Column[object]]:
    text, json, stamp = sa.Text, sa.JSON, sa.String(40)
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("code", sa.String(40), nullable=False, unique=True),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("source", text, nullable=False),
        sa.Column("url", text),
        sa.Column("media_type", sa.String(200), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("captured_at", stamp, nullable=False),
        sa.Column("ingested_at", stamp, nullable=False),
        sa.Column("batch", sa.String(64), sa.ForeignKey("batches.id"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("title", text),
        sa.Column("title_generated", sa.Boolean, nullable=False),
        sa.Column("date", sa.String(10)),
        sa.Column("date_precision", sa.String(10)),
        sa.Column("date_source", sa.String(40)),
        sa.Column("language", sa.String(16)),
        sa.Column("languages", json, nullable=False),
        sa.Column("languages_key", sa.String(200), nullable=False),
        sa.Column("doc_type", sa.String(40), nullable=False),
        sa.Column("publisher", text),
        sa.Column("publisher_key", text),
        sa.Column("issuing_body", text),
        sa.Column("author", text),
        sa.Column("record", json, nullable=False),
        sa.Column("format_meta", json, nullable=False),
        sa.Column("supplied", json, nullable=False),
        sa.Column("steps", json, nullable=False),
        sa.Column("reliability", sa.String(20), nullable=False),
        sa.Column("reliability_note", text),
        sa.Column("reliability_by", text),
        sa.Column("reliability_at", stamp),
        sa.Column("visibility", sa.String(20), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "batches",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("finished_at", sa.String(40)),
        sa.Column("counts", sa.JSON),
    )
    op.create_table("documents", *_documents_columns())
    for column in ("date", "doc_type", "publisher_key", "batch"):
        op.create_index(f"ix_documents_{column}", "documents", [column])
    op.create_table(
        "document_texts",
        sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
    )
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("size", sa.BigInteger),
        sa.Column("media_type", sa.String(200)),
        sa.Column("batch", sa.String(64), sa.ForeignKey("batches.id"), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    op.create_index("ix_failures_batch", "failures", ["batch"])
    op.create_table(
        "audit",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("code", sa.String(40)),
        sa.Column("field", sa.String(40)),
        sa.Column("old", sa.Text),
        sa.Column("new", sa.Text),
        sa.Column("why", sa.Text),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_code", "audit", ["code"])
    _create_search_index()


def _create_search_index() -> None:
    """The one backend-specific object: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE document_search USING fts5("
            "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
        )
        return
    op.execute(
        "CREATE TABLE document_search ("
        "doc_id INTEGER PRIMARY KEY REFERENCES documents(id), vector tsvector NOT NULL)"
    )
    op.execute("CREATE INDEX ix_document_search_vector ON document_search USING GIN (vector)")


def downgrade() -> None:
    op.execute("DROP TABLE document_search")
    for table in ("audit", "failures", "document_texts", "documents", "batches"):
        op.drop_table(table)

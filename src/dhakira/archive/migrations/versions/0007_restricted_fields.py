"""Restricted fields of a document and reviewers' verdicts on what the analysers found.

- `restricted_fields`: a document's fields only editors and admins may see (author, issuing
  body, or every mention of one entity, such as a witness), with who restricted them and why.
- `restricted_values`: what each restriction hides: spellings masked in shown text, and
  analyzed terms a hidden reader's search may not match.
- `finding_verdicts`: a reviewer's "confirmed" or "rejected" on one mention or claim, by span.

Existing archives gain empty tables.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def _doc_id() -> sa.Column[int]:
    return sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "restricted_fields",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_id(),
        sa.Column("field", sa.String(300), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("why", sa.Text, nullable=False),
        sa.UniqueConstraint("doc_id", "field", name="uq_restricted_fields_doc_field"),
    )
    op.create_table(
        "restricted_values",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "restriction_id", sa.Integer, sa.ForeignKey("restricted_fields.id"), nullable=False
        ),
        _doc_id(),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
    )
    op.create_index("ix_restricted_values_doc_id", "restricted_values", ["doc_id"])
    op.create_index("ix_restricted_values_kind_value", "restricted_values", ["kind", "value"])
    op.create_table(
        "finding_verdicts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc_id(),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("why", sa.Text, nullable=False),
        sa.UniqueConstraint("doc_id", "kind", "start", "end", name="uq_finding_verdicts_span"),
    )


def downgrade() -> None:
    for table in ("finding_verdicts", "restricted_values", "restricted_fields"):
        op.drop_table(table)

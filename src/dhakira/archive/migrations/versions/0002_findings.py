"""What the analysers found: entity mentions, quantitative claims and the main incident.

Archives made before this revision keep working: the tables start empty, and
`dhakira reanalyze --all` fills them from the stored originals.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def _document_id() -> sa.Column[int]:
    return sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_id(),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("entity_id", sa.String(200)),
        sa.Column("canonical_name", sa.Text),
        sa.Column("found_by", sa.String(40), nullable=False),
        sa.Column("analyser", sa.String(60), nullable=False),
    )
    for column in ("doc_id", "entity_id", "type"):
        op.create_index(f"ix_mentions_{column}", "mentions", [column])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _document_id(),
        sa.Column("event", sa.String(40), nullable=False),
        sa.Column("low", sa.Float),
        sa.Column("high", sa.Float),
        sa.Column("best", sa.Float),
        sa.Column("qualifier", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("period_start", sa.String(32)),
        sa.Column("period_end", sa.String(32)),
        sa.Column("actor", sa.Text),
        sa.Column("attributed_to", sa.Text),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("analyser", sa.String(60), nullable=False),
    )
    for column in ("doc_id", "event", "kind", "period_start", "period_end"):
        op.create_index(f"ix_claims_{column}", "claims", [column])
    op.create_table(
        "incidents",
        sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("governorate", sa.String(100)),
        sa.Column("date", sa.String(32)),
        sa.Column("cause", sa.Text),
        sa.Column("actor", sa.Text),
        sa.Column("civilians", sa.Integer, nullable=False),
        sa.Column("noncivilians", sa.Integer, nullable=False),
        sa.Column("children", sa.Integer, nullable=False),
        sa.Column("women", sa.Integer, nullable=False),
        sa.Column("analyser", sa.String(60), nullable=False),
    )
    for column in ("governorate", "date"):
        op.create_index(f"ix_incidents_{column}", "incidents", [column])


def downgrade() -> None:
    for table in ("incidents", "claims", "mentions"):
        op.drop_table(table)

"""The chronicle's stored entries.

- `chronicle_entries`: the dated entries each linked document gives (its issue date, the start
  of its claims' periods, the dates its sentences print), with the places, facilities and
  entity ids of their sentence. The timeline merges them when read.

Link rows of the previous link version are relinked by `dhakira link`, which fills the table.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chronicle_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("date", sa.String(10), nullable=False),
        sa.Column("precision", sa.String(10), nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("event", sa.String(40)),
        sa.Column("places", sa.JSON, nullable=False),
        sa.Column("facilities", sa.JSON, nullable=False),
        sa.Column("entities", sa.JSON, nullable=False),
    )
    op.create_index("ix_chronicle_entries_doc_id", "chronicle_entries", ["doc_id"])
    op.create_index("ix_chronicle_entries_date", "chronicle_entries", ["date"])


def downgrade() -> None:
    op.drop_table("chronicle_entries")

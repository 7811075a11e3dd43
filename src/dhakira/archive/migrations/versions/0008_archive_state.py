"""The archive's shared state values: `archive_state` ("changed": the audit sequence number of
the last change other than an ingest), which a cache of counts checks before it answers.

Existing archives start with the last such change already in their audit log.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    state = op.create_table(
        "archive_state",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    last = (
        op.get_bind()
        .execute(sa.text("SELECT max(seq) FROM audit WHERE action <> 'ingest'"))
        .scalar()
    )
    op.bulk_insert(state, [{"key": "changed", "value": int(last or 0)}])


def downgrade() -> None:
    op.drop_table("archive_state")

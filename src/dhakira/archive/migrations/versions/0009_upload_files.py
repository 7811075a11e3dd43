"""Files received by a web upload, one row each, kept before they are ingested.

`upload_files` holds, per file of an upload batch, the name it was sent with, the SHA-256 of
its original (already in the blob store when the row is written), and where its ingest stands:
"waiting" until a server thread has taken it in, then its outcome. A server that stopped
mid-batch finds the waiting rows when it starts again and ingests them from the originals.

Existing archives gain an empty table.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "upload_files",
        sa.Column("batch", sa.String(64), sa.ForeignKey("batches.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("code", sa.String(40)),
        sa.Column("reason", sa.Text),
        sa.Column("outcomes", sa.JSON),
        sa.Column("runner", sa.String(64)),
        sa.Column("updated_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_upload_files_status", "upload_files", ["status"])


def downgrade() -> None:
    op.drop_index("ix_upload_files_status", "upload_files")
    op.drop_table("upload_files")

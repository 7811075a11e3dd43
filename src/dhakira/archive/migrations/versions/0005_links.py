"""Links between documents and reviewers' entity decisions.

- `document_signatures`: each linked document's MinHash signature (bytes), text length, story
  summary and the link version that made them, so the duplicate index and the story grouper are
  rebuilt from stored rows without reading any text again; also the document's duplicate group
  and whether it is the group's primary copy.
- `document_links`: duplicate-exact, duplicate-near and same-story links with a score.
- `stories` and `story_members`: the story of every linked document and the story's primary.
- `entity_decisions`: merges and splits of entities by reviewers (undone ones are kept).

Existing archives gain empty tables; `dhakira link` fills them.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _doc(name: str, primary_key: bool = False) -> sa.Column[int]:
    return sa.Column(
        name, sa.Integer, sa.ForeignKey("documents.id"), nullable=False, primary_key=primary_key
    )


def upgrade() -> None:
    op.create_table(
        "document_signatures",
        _doc("doc_id", primary_key=True),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("text_length", sa.Integer, nullable=False),
        sa.Column("summary", sa.JSON, nullable=False),
        sa.Column("version", sa.String(40), nullable=False),
        sa.Column("dup_group", sa.Integer, nullable=False),
        sa.Column("is_primary", sa.Boolean, nullable=False),
    )
    op.create_index("ix_document_signatures_dup_group", "document_signatures", ["dup_group"])
    op.create_table(
        "document_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _doc("doc_id"),
        _doc("other_id"),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("analyser", sa.String(40), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
    )
    op.create_index("ix_document_links_doc_id", "document_links", ["doc_id"])
    op.create_index("ix_document_links_other_id", "document_links", ["other_id"])
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("primary_doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("first_date", sa.String(10)),
        sa.Column("last_date", sa.String(10)),
    )
    op.create_index("ix_stories_size", "stories", ["size"])
    op.create_table(
        "story_members",
        _doc("doc_id", primary_key=True),
        sa.Column("story_id", sa.Integer, nullable=False),
    )
    op.create_index("ix_story_members_story_id", "story_members", ["story_id"])
    op.create_table(
        "entity_decisions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("entity", sa.String(300), nullable=False),
        sa.Column("target", sa.String(300), nullable=False),
        sa.Column("documents", sa.JSON, nullable=False),
        sa.Column("mentions", sa.JSON, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("undone_at", sa.String(40)),
    )


def downgrade() -> None:
    for table in (
        "entity_decisions",
        "story_members",
        "stories",
        "document_links",
        "document_signatures",
    ):
        op.drop_table(table)

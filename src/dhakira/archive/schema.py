"""The archive's tables as SQLAlchemy Core objects, shared by every backend.

Only the full-text index differs between backends; it lives in `dialects.py`. The migrations in
`migrations/versions` create these same tables; a change here needs a new migration there.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

batches = sa.Table(
    "batches",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("started_at", sa.String(40), nullable=False),
    sa.Column("finished_at", sa.String(40)),
    sa.Column("counts", sa.JSON),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(40), nullable=False, unique=True),
    sa.Column("sha256", sa.String(64), nullable=False, unique=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("media_type", sa.String(200), nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("captured_at", sa.String(40), nullable=False),
    sa.Column("ingested_at", sa.String(40), nullable=False),
    sa.Column("batch", sa.String(64), sa.ForeignKey("batches.id"), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("title_generated", sa.Boolean, nullable=False),
    sa.Column("date", sa.String(10)),
    sa.Column("date_precision", sa.String(10)),
    sa.Column("date_source", sa.String(40)),
    sa.Column("language", sa.String(16)),
    sa.Column("languages", sa.JSON, nullable=False),
    sa.Column("languages_key", sa.String(200), nullable=False),
    sa.Column("doc_type", sa.String(40), nullable=False),
    sa.Column("publisher", sa.Text),
    sa.Column("publisher_key", sa.Text),
    sa.Column("issuing_body", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("record", sa.JSON, nullable=False),
    sa.Column("format_meta", sa.JSON, nullable=False),
    sa.Column("supplied", sa.JSON, nullable=False),
    sa.Column("steps", sa.JSON, nullable=False),
    sa.Column("reliability", sa.String(20), nullable=False),
    sa.Column("reliability_note", sa.Text),
    sa.Column("reliability_by", sa.Text),
    sa.Column("reliability_at", sa.String(40)),
    sa.Column("visibility", sa.String(20), nullable=False),
    sa.Index("ix_documents_date", "date"),
    sa.Index("ix_documents_doc_type", "doc_type"),
    sa.Index("ix_documents_publisher_key", "publisher_key"),
    sa.Index("ix_documents_batch", "batch"),
)

# The texts live apart so document rows stay small: search joins and filters scan rows by the
# thousand, and reading two long texts per row made that several times slower.
document_texts = sa.Table(
    "document_texts",
    metadata,
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("raw_text", sa.Text, nullable=False),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64)),
    sa.Column("size", sa.BigInteger),
    sa.Column("media_type", sa.String(200)),
    sa.Column("batch", sa.String(64), sa.ForeignKey("batches.id"), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Index("ix_failures_batch", "batch"),
)

audit = sa.Table(
    "audit",
    metadata,
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
    sa.Index("ix_audit_code", "code"),
)

# One row per named value the whole archive shares. "changed" is the audit sequence number of
# the last change other than an ingest (a review, a restriction, an edit, a verdict, a merge):
# a cache of counts keyed on it is dropped the moment anything could hide or regroup a document.
archive_state = sa.Table(
    "archive_state",
    metadata,
    sa.Column("key", sa.String(40), primary_key=True),
    sa.Column("value", sa.Integer, nullable=False),
)

# What the analysers found in a document, one row each, with the analyser that found it
# ("analysis.entities.v1"): re-analysis replaces a document's rows whole.
mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("entity_id", sa.String(200)),
    sa.Column("canonical_name", sa.Text),
    sa.Column("found_by", sa.String(40), nullable=False),
    sa.Column("analyser", sa.String(60), nullable=False),
    sa.Index("ix_mentions_doc_id", "doc_id"),
    sa.Index("ix_mentions_entity_id", "entity_id"),
    sa.Index("ix_mentions_type", "type"),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
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
    sa.Index("ix_claims_doc_id", "doc_id"),
    sa.Index("ix_claims_event", "event"),
    sa.Index("ix_claims_kind", "kind"),
    sa.Index("ix_claims_period_start", "period_start"),
    sa.Index("ix_claims_period_end", "period_end"),
)

incidents = sa.Table(
    "incidents",
    metadata,
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
    sa.Index("ix_incidents_governorate", "governorate"),
    sa.Index("ix_incidents_date", "date"),
)

# People who use the web application, their sessions and API tokens, and login attempts (kept
# in the database so every server process shares one rate limit). Tokens are stored hashed.
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
)

login_attempts = sa.Table(
    "login_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False),
    sa.Column("address", sa.String(100), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("ok", sa.Boolean, nullable=False),
    sa.Index("ix_login_attempts_name", "name"),
    sa.Index("ix_login_attempts_address", "address"),
)

# -- links between documents (migration 0005; `dhakira.archive.linkstore` writes them) ------------

# Each linked document's MinHash signature, text length and story summary, and the link version
# that made them: the duplicate index and story grouper are rebuilt from these rows alone.
document_signatures = sa.Table(
    "document_signatures",
    metadata,
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
    sa.Column("text_length", sa.Integer, nullable=False),
    sa.Column("summary", sa.JSON, nullable=False),
    sa.Column("version", sa.String(40), nullable=False),
    sa.Column("dup_group", sa.Integer, nullable=False),
    sa.Column("is_primary", sa.Boolean, nullable=False),
    sa.Index("ix_document_signatures_dup_group", "dup_group"),
)

document_links = sa.Table(
    "document_links",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("other_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("analyser", sa.String(40), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Index("ix_document_links_doc_id", "doc_id"),
    sa.Index("ix_document_links_other_id", "other_id"),
)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("primary_doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("first_date", sa.String(10)),
    sa.Column("last_date", sa.String(10)),
    sa.Index("ix_stories_size", "size"),
)

story_members = sa.Table(
    "story_members",
    metadata,
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), primary_key=True),
    sa.Column("story_id", sa.Integer, nullable=False),
    sa.Index("ix_story_members_story_id", "story_id"),
)

# Reviewers' merges and splits of entities (`dhakira.archive.entity_decisions`); never deleted.
entity_decisions = sa.Table(
    "entity_decisions",
    metadata,
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

# The chronicle's raw entries (migration 0006): what each document tells of a date, written when
# the document is linked. The timeline merges them when read, within the reader's scope, so an
# entry told only by a restricted document never reaches a public page.
chronicle_entries = sa.Table(
    "chronicle_entries",
    metadata,
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
    sa.Index("ix_chronicle_entries_doc_id", "doc_id"),
    sa.Index("ix_chronicle_entries_date", "date"),
)

# Fields of one document that only editors and admins may see (a witness's identity): the
# restriction ("author", "issuing_body" or "entity:<key>") and the values it hides, as spellings
# masked in every text shown and as analyzed search terms a hidden reader's query may not match.
restricted_fields = sa.Table(
    "restricted_fields",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("field", sa.String(300), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("why", sa.Text, nullable=False),
    sa.UniqueConstraint("doc_id", "field", name="uq_restricted_fields_doc_field"),
)

restricted_values = sa.Table(
    "restricted_values",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("restriction_id", sa.Integer, sa.ForeignKey("restricted_fields.id"), nullable=False),
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Index("ix_restricted_values_doc_id", "doc_id"),
    sa.Index("ix_restricted_values_kind_value", "kind", "value"),
)

# A reviewer's verdict on one extracted mention or claim ("confirmed" or "rejected"), found
# again after re-analysis by its kind and span in the document's text.
finding_verdicts = sa.Table(
    "finding_verdicts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("doc_id", sa.Integer, sa.ForeignKey("documents.id"), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("verdict", sa.String(20), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("why", sa.Text, nullable=False),
    sa.UniqueConstraint("doc_id", "kind", "start", "end", name="uq_finding_verdicts_span"),
)

# A file received by a web upload: its original is in the blob store before the row is
# written; "waiting" until a server thread has ingested it, then its outcome ("ingested",
# "duplicate", "needs_ocr", "failed") with each item's in `outcomes` (a CSV, a WARC hold many).
# `runner` names the server process ingesting it, `updated_at` (microseconds) when it last moved.
upload_files = sa.Table(
    "upload_files",
    metadata,
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
    sa.Index("ix_upload_files_status", "status"),
)

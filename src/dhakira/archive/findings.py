"""What the analysers found in each document: entity mentions, claims and the main incident.

These rows are written with the document (`Archive.add`) and replaced whole when a document is
analysed again (`Archive.replace_analysis`); each row names the analyser version that made it.
The listings across the archive (`dhakira entities`, `dhakira claims`) are plain Core SQL that
runs the same on every backend. A finding a reviewer rejected stays on its record, marked, but
no listing counts it: a wrong figure or a wrong name must not travel further.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive.records import ClaimQuery, EntityQuery, EntitySummary, StoredClaim
from dhakira.archive.restrictions import hidden_mention
from dhakira.archive.rows import clean_text
from dhakira.archive.schema import claims, documents, finding_verdicts, incidents, mentions
from dhakira.records import Claim, Document, Incident, Mention

ENTITIES_STEP = "analysis.entities"
CLAIMS_STEP = "analysis.claims"
INCIDENT_STEP = "analysis.incident"
_CLAIM_FIELDS = tuple(Claim.__dataclass_fields__)
_INCIDENT_FIELDS = tuple(Incident.__dataclass_fields__)


@dataclass
class Findings:
    """One document's mentions, claims and incident as stored."""

    entities: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    incident: Incident | None = None


def analyser_label(doc: Document, step: str) -> str:
    """The label stored beside a value: step and version, e.g. "analysis.entities.v1"."""
    version = doc.steps.get(step)
    return f"{step}.{version}" if version else step


def write(conn: Connection, doc_id: int, doc: Document) -> None:
    """Insert the document's findings; the caller's transaction makes them atomic with it."""
    if doc.entities:
        label = analyser_label(doc, ENTITIES_STEP)
        conn.execute(mentions.insert(), [_mention_row(doc_id, m, label) for m in doc.entities])
    if doc.claims:
        label = analyser_label(doc, CLAIMS_STEP)
        conn.execute(claims.insert(), [_claim_row(doc_id, c, label) for c in doc.claims])
    if doc.incident is not None:
        row = {name: getattr(doc.incident, name) for name in _INCIDENT_FIELDS}
        row.update(doc_id=doc_id, analyser=analyser_label(doc, INCIDENT_STEP))
        conn.execute(incidents.insert(), row)


def _mention_row(doc_id: int, mention: Mention, analyser: str) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "start": mention.start,
        "end": mention.end,
        "text": clean_text(mention.text),
        "type": mention.type,
        "entity_id": mention.entity_id,
        "canonical_name": mention.canonical_name,
        "found_by": mention.found_by,
        "analyser": analyser,
    }


def _claim_row(doc_id: int, claim: Claim, analyser: str) -> dict[str, Any]:
    row = {name: getattr(claim, name) for name in _CLAIM_FIELDS}
    row.update(doc_id=doc_id, analyser=analyser, quote=clean_text(claim.quote))
    return row


def delete(conn: Connection, doc_id: int) -> None:
    """Remove the document's findings (before writing the ones a new analysis made)."""
    for table in (mentions, claims, incidents):
        conn.execute(table.delete().where(table.c.doc_id == doc_id))


def load(conn: Connection, doc_ids: Iterable[int]) -> dict[int, Findings]:
    """The findings of each document id, in text order; ids without any get empty Findings."""
    ids = list(doc_ids)
    found: dict[int, Findings] = {doc_id: Findings() for doc_id in ids}
    if not ids:
        return found
    query = sa.select(mentions).where(mentions.c.doc_id.in_(ids))
    for row in conn.execute(
        query.order_by(mentions.c.doc_id, mentions.c.start, mentions.c.id)
    ).mappings():
        found[row["doc_id"]].entities.append(_mention(row))
    query = sa.select(claims).where(claims.c.doc_id.in_(ids))
    for row in conn.execute(
        query.order_by(claims.c.doc_id, claims.c.start, claims.c.id)
    ).mappings():
        found[row["doc_id"]].claims.append(_claim(row))
    query = sa.select(incidents).where(incidents.c.doc_id.in_(ids))
    for row in conn.execute(query).mappings():
        found[row["doc_id"]].incident = Incident(**{name: row[name] for name in _INCIDENT_FIELDS})
    return found


def _mention(row: sa.RowMapping) -> Mention:
    return Mention(
        row["text"],
        row["start"],
        row["end"],
        row["type"],
        row["entity_id"],
        row["canonical_name"],
        row["found_by"],
    )


def _claim(row: sa.RowMapping) -> Claim:
    return Claim(**{name: row[name] for name in _CLAIM_FIELDS})


# -- listings across the archive ------------------------------------------------------------------

# One entity per knowledge-base or document-local id; a mention without an id stands for itself,
# grouped with the same text of the same type. Grouping happens over this subquery so every
# backend sees one key column (PostgreSQL will not match two copies of a bound expression).
_KEYED = sa.select(
    sa.func.coalesce(
        mentions.c.entity_id, mentions.c.type + sa.literal(":") + sa.func.lower(mentions.c.text)
    ).label("key"),
    mentions.c.doc_id,
    mentions.c.text,
    mentions.c.type,
    mentions.c.entity_id,
    mentions.c.canonical_name,
    mentions.c.start,
    mentions.c.end,
).subquery("keyed")


def rejected(kind: str, doc_id: Any, start: Any, end: Any) -> sa.ColumnElement[bool]:
    """SQL: a reviewer rejected the finding of this kind ("mention" or "claim") at this span."""
    return sa.exists().where(
        finding_verdicts.c.doc_id == doc_id,
        finding_verdicts.c.kind == kind,
        finding_verdicts.c.start == start,
        finding_verdicts.c.end == end,
        finding_verdicts.c.verdict == "rejected",
    )


def _kept_mention(keyed: Any) -> sa.ColumnElement[bool]:
    return ~rejected("mention", keyed.doc_id, keyed.start, keyed.end)


# ids of the documents anyone may see: the scope of listings for readers without an account
_PUBLIC_IDS = sa.select(documents.c.id).where(documents.c.visibility == "public")


def _contains(column: sa.ColumnElement[Any], value: str) -> sa.ColumnElement[bool]:
    """Case-insensitive substring match, the same on every backend (LIKE on lower-cased text)."""
    return sa.func.lower(column).contains(value.strip().lower(), autoescape=True)


def list_entities(conn: Connection, query: EntityQuery) -> list[EntitySummary]:
    """Entities named across the archive, most mentioned first, with the spellings seen.

    The name filter picks entities with a matching canonical name or any matching spelling;
    all their spellings are then listed.
    """
    keyed = _KEYED.c
    conditions: list[sa.ColumnElement[bool]] = [_kept_mention(keyed)]
    if query.public_only:
        conditions.append(keyed.doc_id.in_(_PUBLIC_IDS))
    if query.hide_restricted:
        conditions.append(~hidden_mention(keyed.doc_id, keyed.text))
    if query.key:
        conditions.append(keyed.key == query.key)
    if query.type:
        conditions.append(keyed.type == query.type)
    if query.name:
        named = sa.or_(
            _contains(keyed.canonical_name, query.name), _contains(keyed.text, query.name)
        )
        if query.public_only:
            named = sa.and_(named, keyed.doc_id.in_(_PUBLIC_IDS))
        if query.hide_restricted:
            named = sa.and_(named, ~hidden_mention(keyed.doc_id, keyed.text))
        conditions.append(keyed.key.in_(sa.select(keyed.key).where(named).scalar_subquery()))
    mention_count = sa.func.count().label("mentions")
    groups = (
        sa.select(
            keyed.key,
            sa.func.min(keyed.type).label("type"),
            sa.func.max(keyed.entity_id).label("entity_id"),
            sa.func.max(keyed.canonical_name).label("canonical_name"),
            mention_count,
            sa.func.count(sa.distinct(keyed.doc_id)).label("documents"),
        )
        .where(*conditions)
        .group_by(keyed.key)
        .order_by(mention_count.desc(), keyed.key)
        .limit(query.limit)
    )
    rows = list(conn.execute(groups).mappings())
    spellings = _spellings(
        conn, [row["key"] for row in rows], query.public_only, query.hide_restricted
    )
    return [
        EntitySummary(
            key=row["key"],
            entity_id=row["entity_id"],
            type=row["type"],
            canonical_name=row["canonical_name"],
            mentions=int(row["mentions"]),
            documents=int(row["documents"]),
            spellings=spellings.get(row["key"], []),
        )
        for row in rows
    ]


def _spellings(
    conn: Connection, keys: list[str], public_only: bool, hide_restricted: bool = False
) -> dict[str, list[str]]:
    """Each entity's surface forms, most frequent first (only those in public documents for a
    reader who may not see the others: a spelling can itself name a witness)."""
    if not keys:
        return {}
    keyed = _KEYED.c
    count = sa.func.count().label("n")
    scope: list[sa.ColumnElement[bool]] = [_kept_mention(keyed)]
    if public_only:
        scope.append(keyed.doc_id.in_(_PUBLIC_IDS))
    if hide_restricted:
        scope.append(~hidden_mention(keyed.doc_id, keyed.text))
    query = (
        sa.select(keyed.key, keyed.text, count)
        .where(keyed.key.in_(keys), *scope)
        .group_by(keyed.key, keyed.text)
        .order_by(keyed.key, count.desc(), keyed.text)
    )
    found: dict[str, list[str]] = defaultdict(list)
    for key, text, _n in conn.execute(query):
        found[key].append(text)
    return dict(found)


def _named(
    column: sa.ColumnElement[Any],
    value: str,
    public_only: bool = False,
    hide_restricted: bool = False,
) -> sa.ColumnElement[bool]:
    """The column holds `value`, or the canonical name of an entity spelled with `value`
    somewhere in the archive: "--place Saydnaya" or "--place صيدنايا" find "Sednaya Prison"."""
    spelled = sa.select(mentions.c.canonical_name).where(
        _contains(mentions.c.text, value), mentions.c.canonical_name.is_not(None)
    )
    if public_only:
        spelled = spelled.where(mentions.c.doc_id.in_(_PUBLIC_IDS))
    if hide_restricted:
        spelled = spelled.where(~hidden_mention(mentions.c.doc_id, mentions.c.text))
    return sa.or_(_contains(column, value), column.in_(spelled.scalar_subquery()))


def list_claims(conn: Connection, query: ClaimQuery) -> list[StoredClaim]:
    """Claims across the archive matching every given filter, by document code and position.

    A year filter keeps claims whose period overlaps the years asked; a claim without a period
    is placed at its document's date, and an open period ("since 2011") runs to that date.
    """
    period_from = sa.func.coalesce(claims.c.period_start, claims.c.period_end, documents.c.date)
    period_to = sa.func.coalesce(claims.c.period_end, documents.c.date, claims.c.period_start)
    statement = sa.select(claims, documents.c.code).join(
        documents, documents.c.id == claims.c.doc_id
    )
    conditions = [~rejected("claim", claims.c.doc_id, claims.c.start, claims.c.end)]
    if query.public_only:
        conditions.append(documents.c.visibility == "public")
    if query.code:
        conditions.append(documents.c.code == query.code)
    if query.event:
        conditions.append(claims.c.event == query.event)
    if query.kind:
        conditions.append(claims.c.kind == query.kind)
    if query.place:
        conditions.append(
            _named(claims.c.place, query.place, query.public_only, query.hide_restricted)
        )
    if query.attributed_to:
        conditions.append(
            _named(
                claims.c.attributed_to,
                query.attributed_to,
                query.public_only,
                query.hide_restricted,
            )
        )
    if query.year_from:
        conditions.append(period_to >= query.year_from.strip())
    if query.year_to:
        conditions.append(period_from <= query.year_to.strip() + "~")
    statement = statement.where(*conditions).order_by(documents.c.code, claims.c.start)
    rows = conn.execute(statement.limit(query.limit)).mappings()
    return [StoredClaim(row["code"], _claim(row), row["analyser"]) for row in rows]


def entity_documents(
    conn: Connection, key: str, public_only: bool, hide_restricted: bool = False, limit: int = 500
) -> list[dict[str, Any]]:
    """The documents that mention one entity (by listing key), newest first, with how often."""
    keyed = _KEYED.c
    count = sa.func.count().label("mentions")
    conditions: list[sa.ColumnElement[bool]] = [keyed.key == key, _kept_mention(keyed)]
    if public_only:
        conditions.append(documents.c.visibility == "public")
    if hide_restricted:
        conditions.append(~hidden_mention(keyed.doc_id, keyed.text))
    query = (
        sa.select(documents.c.code, documents.c.title, documents.c.date, count)
        .select_from(_KEYED.join(documents, documents.c.id == keyed.doc_id))
        .where(*conditions)
        .group_by(documents.c.code, documents.c.title, documents.c.date)
        .order_by(documents.c.date.desc(), documents.c.code)
        .limit(limit)
    )
    return [dict(row) for row in conn.execute(query).mappings()]

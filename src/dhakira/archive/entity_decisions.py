"""Reviewers' decisions about entities: one entity under many names, or two under one name.

The analysers resolve mentions to entities (`mentions.entity_id`, or "type:text" for a mention
they could not link). A reviewer corrects them:

- merge KEEP OTHER: every mention of OTHER counts as KEEP (two spellings the knowledge base did
  not know were one person);
- split ENTITY --documents/--mentions: the chosen mentions of ENTITY become a new entity
  `split:N` (one name shared by two people). A mention is named "CODE:START" (document code and
  character offset), which survives re-analysis as long as the text does.

Decisions are rows of `entity_decisions`, never deleted: undo marks one undone. Each decision and
each undo is written to the hash-chained audit log in the same transaction. The stored mentions
are never changed; the entity listing applies the active decisions when it is read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive import rows
from dhakira.archive.audit import append_entry
from dhakira.archive.records import EntityQuery, EntitySummary
from dhakira.archive.schema import documents, entity_decisions, mentions
from dhakira.errors import ConfigError, NotFound

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

# the listing key of a mention, as in `dhakira.archive.findings`
_KEY = sa.func.coalesce(
    mentions.c.entity_id, mentions.c.type + sa.literal(":") + sa.func.lower(mentions.c.text)
)


@dataclass(frozen=True)
class Decision:
    """One reviewer decision as stored."""

    id: int
    kind: str
    entity: str
    target: str
    documents: list[str]
    mentions: list[str]
    note: str
    actor: str
    at: str
    undone_at: str | None


@dataclass
class Resolver:
    """The active decisions, applied to one mention at a time."""

    merged: dict[str, str]
    split_documents: dict[tuple[str, str], str]  # (entity key, code) → new key
    split_mentions: dict[tuple[str, str], str]  # (entity key, "CODE:START") → new key

    def resolve(self, key: str, code: str, start: int) -> str:
        """The entity a mention counts for after splits, then merges (followed to the end)."""
        key = self.split_mentions.get((key, f"{code}:{start}"), key)
        key = self.split_documents.get((key, code), key)
        seen = {key}
        while key in self.merged:
            key = self.merged[key]
            if key in seen:
                break
            seen.add(key)
        return key

    def keys(self) -> set[str]:
        """Every key a decision touches."""
        found = set(self.merged) | set(self.merged.values())
        for mapping in (self.split_documents, self.split_mentions):
            found |= {entity for entity, _ in mapping} | set(mapping.values())
        return found


class EntityDecisions:
    """Merge, split and undo, and the entity listing with the decisions applied."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def merge(self, keep: str, other: str, *, note: str, actor: str) -> Decision:
        """Count every mention of `other` as `keep` from now on."""
        _need_note(note)
        if keep == other:
            raise ConfigError(
                "an entity cannot be merged with itself",
                item=keep,
                hint="give two different entity ids",
            )
        with self.archive._write() as conn:
            for key in (keep, other):
                _check_entity(conn, key)
            decision = self._record(conn, "merge", other, keep, [], [], note, actor)
            append_entry(
                conn,
                actor,
                "entity-merge",
                None,
                "entity",
                other,
                keep,
                f"decision {decision.id}: {note}",
            )
        return decision

    def split(
        self,
        entity: str,
        *,
        documents_: list[str] | None = None,
        mentions_: list[str] | None = None,
        note: str,
        actor: str,
    ) -> Decision:
        """Make the chosen mentions of `entity` a new entity `split:N`."""
        _need_note(note)
        codes, spans = list(documents_ or []), list(mentions_ or [])
        if not codes and not spans:
            raise ConfigError(
                "say which mentions leave the entity",
                item=entity,
                hint="give --documents CODE ... or --mentions CODE:START ...",
            )
        with self.archive._write() as conn:
            _check_entity(conn, entity)
            for code in codes + [span.rpartition(":")[0] for span in spans]:
                _check_document(conn, entity, code)
            decision = self._record(conn, "split", entity, "", codes, spans, note, actor)
            target = f"split:{decision.id}"
            conn.execute(
                entity_decisions.update()
                .where(entity_decisions.c.id == decision.id)
                .values(target=target)
            )
            chosen = ", ".join(codes + spans)
            append_entry(
                conn,
                actor,
                "entity-split",
                None,
                "entity",
                entity,
                target,
                f"decision {decision.id} ({chosen}): {note}",
            )
        return self.get(decision.id)

    def undo(self, decision_id: int, *, note: str, actor: str) -> Decision:
        """Mark a decision undone; the entities are listed again as before it."""
        _need_note(note)
        with self.archive._write() as conn:
            current = self._get(conn, decision_id)
            if current.undone_at is not None:
                raise ConfigError(
                    "this decision is already undone",
                    item=str(decision_id),
                    hint="see `dhakira entities decisions`",
                )
            conn.execute(
                entity_decisions.update()
                .where(entity_decisions.c.id == decision_id)
                .values(undone_at=rows.utc_now())
            )
            append_entry(
                conn,
                actor,
                "entity-undo",
                None,
                "entity",
                current.target,
                current.entity,
                f"undo decision {decision_id} ({current.kind}): {note}",
            )
        return self.get(decision_id)

    def get(self, decision_id: int) -> Decision:
        with self.archive._read() as conn:
            return self._get(conn, decision_id)

    def decisions(self, active_only: bool = False) -> list[Decision]:
        """Every decision in order, undone ones too unless `active_only`."""
        query = sa.select(entity_decisions).order_by(entity_decisions.c.id)
        if active_only:
            query = query.where(entity_decisions.c.undone_at.is_(None))
        with self.archive._read() as conn:
            return [_decision(row) for row in conn.execute(query).mappings()]

    def resolver(self) -> Resolver:
        resolver = Resolver({}, {}, {})
        for decision in self.decisions(active_only=True):
            if decision.kind == "merge":
                resolver.merged[decision.entity] = decision.target
                continue
            for code in decision.documents:
                resolver.split_documents[(decision.entity, code)] = decision.target
            for span in decision.mentions:
                resolver.split_mentions[(decision.entity, span)] = decision.target
        return resolver

    def entities(self, query: EntityQuery | None = None) -> list[EntitySummary]:
        """The entity listing with the active decisions applied (merged names grouped under
        the kept entity, split mentions under their new one), most mentioned first."""
        query = query or EntityQuery()
        listed = self.archive.entities(query)
        resolver = self.resolver()
        touched = resolver.keys()
        if not touched:
            return listed
        with self.archive._read() as conn:
            regrouped = _regroup(conn, resolver, touched, query.public_only)
        kept = [s for s in listed if s.key not in touched]
        extra = [s for s in regrouped if _matches(s, query)]
        both = sorted(kept + extra, key=lambda s: (-s.mentions, s.key))
        return both[: query.limit]

    def _record(
        self,
        conn: Connection,
        kind: str,
        entity: str,
        target: str,
        codes: list[str],
        spans: list[str],
        note: str,
        actor: str,
    ) -> Decision:
        values: dict[str, Any] = {
            "kind": kind,
            "entity": entity,
            "target": target,
            "documents": codes,
            "mentions": spans,
            "note": note,
            "actor": actor,
            "at": rows.utc_now(),
        }
        inserted = conn.execute(entity_decisions.insert(), values).inserted_primary_key
        return self._get(conn, int(inserted[0]) if inserted else 0)

    def _get(self, conn: Connection, decision_id: int) -> Decision:
        row = (
            conn.execute(sa.select(entity_decisions).where(entity_decisions.c.id == decision_id))
            .mappings()
            .first()
        )
        if row is None:
            raise NotFound(
                "no entity decision with this id",
                item=str(decision_id),
                hint="list them with `dhakira entities decisions`",
            )
        return _decision(row)


def _decision(row: sa.RowMapping) -> Decision:
    return Decision(**{name: row[name] for name in Decision.__dataclass_fields__})


def _need_note(note: str) -> None:
    if not note.strip():
        raise ConfigError("a decision about entities needs a note saying why", hint="pass --note")


def _check_entity(conn: Connection, key: str) -> None:
    """The key must be an entity of the listing or the new entity of an earlier split."""
    if key.startswith("split:"):
        found = conn.execute(
            sa.select(entity_decisions.c.id).where(entity_decisions.c.target == key)
        ).first()
    else:
        query = sa.select(mentions.c.id).where(_KEY == key).limit(1)  # noqa: SIM300
        found = conn.execute(query).first()
    if found is None:
        raise NotFound(
            "no entity with this id in the archive",
            item=key,
            hint="list entity ids with `dhakira entities --json` (the key field)",
        )


def _check_document(conn: Connection, key: str, code: str) -> None:
    found = conn.execute(
        sa.select(mentions.c.id)
        .join(documents, documents.c.id == mentions.c.doc_id)
        .where(documents.c.code == code, _KEY == key)  # noqa: SIM300
        .limit(1)
    ).first()
    if found is None:
        raise NotFound(
            "this document does not mention the entity",
            item=f"{code} / {key}",
            hint="see the entities of the document with `dhakira show CODE`",
        )


def _regroup(
    conn: Connection, resolver: Resolver, touched: set[str], public_only: bool
) -> list[EntitySummary]:
    """Summaries of every entity a decision touches, counted mention by mention (with
    public_only, only mentions in public documents: a spelling can itself name a witness)."""
    source = {key for key in touched if not key.startswith("split:")}
    query = (
        sa.select(
            _KEY.label("key"),
            documents.c.code,
            mentions.c.start,
            mentions.c.text,
            mentions.c.type,
            mentions.c.entity_id,
            mentions.c.canonical_name,
        )
        .join(documents, documents.c.id == mentions.c.doc_id)
        .where(_KEY.in_(sorted(source)))
    )
    if public_only:
        query = query.where(documents.c.visibility == "public")
    groups: dict[str, list[sa.RowMapping]] = defaultdict(list)
    for row in conn.execute(query).mappings():
        groups[resolver.resolve(row["key"], row["code"], row["start"])].append(row)
    return [_summary(key, found) for key, found in groups.items()]


def _summary(key: str, found: list[sa.RowMapping]) -> EntitySummary:
    own = [row for row in found if row["key"] == key] or found
    spellings = Counter(row["text"] for row in found)
    names = [row["canonical_name"] for row in own if row["canonical_name"]]
    return EntitySummary(
        key=key,
        entity_id=next((row["entity_id"] for row in own if row["entity_id"]), None)
        if not key.startswith("split:")
        else None,
        type=Counter(row["type"] for row in own).most_common(1)[0][0],
        canonical_name=names[0]
        if names and not key.startswith("split:")
        else spellings.most_common(1)[0][0],
        mentions=len(found),
        documents=len({row["code"] for row in found}),
        spellings=[text for text, _ in sorted(spellings.items(), key=lambda p: (-p[1], p[0]))],
    )


def _matches(summary: EntitySummary, query: EntityQuery) -> bool:
    if query.type and summary.type != query.type:
        return False
    if query.name:
        wanted = query.name.strip().lower()
        names = [summary.canonical_name or "", *summary.spellings]
        return any(wanted in name.lower() for name in names)
    return True

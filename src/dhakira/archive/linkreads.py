"""Reads of stored links: a document's copies and story, and what incidents and the timeline need.

Incidents are computed when read (`dhakira.links.corroboration` over the stored claims), so
they always reflect the current analysis and the reader's scope: for a reader who may see only
public documents, the claims of restricted documents are never loaded, so they neither appear
nor shift a consolidated figure. Grouping only ever joins claims of the same event at the same
place, so a filter on event or place can load just those claims and still give whole incidents.

A claim is named by its document code and its character offset ("CODE:START"), which survives
re-analysis as long as the text does (as entity decisions name mentions).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive.findings import _claim, _named, rejected
from dhakira.archive.schema import (
    chronicle_entries,
    claims,
    document_links,
    document_signatures,
    documents,
    mentions,
    stories,
    story_members,
)
from dhakira.errors import NotFound
from dhakira.links.chronicle import Entry
from dhakira.links.corroboration import SourcedClaim

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

DUPLICATE_KINDS = ("duplicate-exact", "duplicate-near")
STORY_KIND = "same-story"
_DOC_INFO = (
    documents.c.code,
    documents.c.title,
    documents.c.date,
    documents.c.publisher,
    documents.c.reliability,
)


@dataclass(frozen=True)
class ClaimScope:
    """Which claims may join incidents: an event, the places (folded names), public only."""

    public_only: bool
    event: str | None = None
    places: frozenset[str] | None = None  # None: every place
    events: frozenset[str] | None = None  # None: every event


def fold(name: str | None) -> str:
    """A place as grouping compares it: case and spacing folded."""
    return " ".join((name or "").casefold().split())


def split_key(key: str) -> tuple[str, int]:
    """ "DHK-2017-3F9A2C:120" → ("DHK-2017-3F9A2C", 120); a malformed key is not found."""
    code, _, start = key.rpartition(":")
    if not code or not start.isdigit():
        raise NotFound(
            "not a claim or incident id (CODE:START)",
            item=key,
            hint="take incident ids from `dhakira incidents --json`",
        )
    return code, int(start)


class LinkReader:
    """What the incident and timeline views read from the archive, in one transaction each."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def claims(self, scope: ClaimScope) -> tuple[list[SourcedClaim], dict[str, dict[str, Any]]]:
        """The victim claims with a place in `scope`, oldest document first, and the
        documents they are in (code → title, date, publisher, reliability). A claim a reviewer
        rejected joins no incident: its figure must not weigh on the others."""
        query = (
            sa.select(claims, *_DOC_INFO)
            .join(documents, documents.c.id == claims.c.doc_id)
            .where(
                claims.c.kind == "victims",
                claims.c.place.is_not(None),
                ~rejected("claim", claims.c.doc_id, claims.c.start, claims.c.end),
            )
        )
        if scope.public_only:
            query = query.where(documents.c.visibility == "public")
        if scope.event:
            query = query.where(claims.c.event == scope.event)
        if scope.events is not None:
            query = query.where(claims.c.event.in_(sorted(scope.events)))
        query = query.order_by(
            sa.func.coalesce(documents.c.date, "9999"), documents.c.code, claims.c.start
        )
        found: list[SourcedClaim] = []
        docs: dict[str, dict[str, Any]] = {}
        with self.archive._read() as conn:
            if scope.places is not None:
                query = query.where(claims.c.place.in_(_spelled(conn, scope.places)))
            for row in conn.execute(query).mappings():
                code = row["code"]
                docs.setdefault(code, {name.name: row[name.name] for name in _DOC_INFO})
                claim = _claim(row)
                found.append(SourcedClaim(code, claim.start, claim, row["publisher"], row["date"]))
        return found, docs

    def places_named(self, value: str, public_only: bool) -> frozenset[str]:
        """Folded claim places matching a name or any spelling of it ("Saydnaya" → Sednaya)."""
        query = sa.select(claims.c.place).distinct().where(claims.c.place.is_not(None))
        query = query.where(_named(claims.c.place, value, public_only))
        with self.archive._read() as conn:
            return frozenset(fold(place) for place in conn.execute(query).scalars())

    def claim_keys(self, code: str, public_only: bool) -> tuple[frozenset[str], frozenset[str]]:
        """The events and folded places of one document's victim claims (its incident buckets);
        with public_only a restricted document is reported missing, like an unknown code."""
        query = sa.select(documents.c.id).where(documents.c.code == code)
        if public_only:
            query = query.where(documents.c.visibility == "public")
        with self.archive._read() as conn:
            doc_id = conn.execute(query).scalar_one_or_none()
            if doc_id is None:
                raise NotFound(
                    "no document with this code in the archive",
                    item=code,
                    hint="find codes with `dhakira search`",
                )
            rows = conn.execute(
                sa.select(claims.c.event, claims.c.place).where(
                    claims.c.doc_id == doc_id,
                    claims.c.kind == "victims",
                    claims.c.place.is_not(None),
                )
            ).all()
        return frozenset(e for e, _ in rows), frozenset(fold(p) for _, p in rows)

    def claim_at(self, code: str, start: int, public_only: bool) -> tuple[str, str]:
        """The event and folded place of one stored claim (CODE:START)."""
        query = (
            sa.select(claims.c.event, claims.c.place)
            .join(documents, documents.c.id == claims.c.doc_id)
            .where(documents.c.code == code, claims.c.start == start)
        )
        if public_only:
            query = query.where(documents.c.visibility == "public")
        with self.archive._read() as conn:
            row = conn.execute(query).first()
        if row is None or row[1] is None:
            raise NotFound(
                "no incident with this id in the archive",
                item=f"{code}:{start}",
                hint="list incidents with `dhakira incidents`",
            )
        return str(row[0]), fold(row[1])

    def repeats(self, codes: Iterable[str]) -> list[tuple[str, str]]:
        """Duplicate pairs (by code) among these documents: one repeats the other."""
        wanted = sorted(set(codes))
        if len(wanted) < 2:
            return []
        first, second = documents.alias("first"), documents.alias("second")
        link = document_links.c
        query = (
            sa.select(first.c.code, second.c.code)
            .select_from(document_links)
            .join(first, first.c.id == link.doc_id)
            .join(second, second.c.id == link.other_id)
            .where(link.kind.in_(DUPLICATE_KINDS))
        )
        if len(wanted) <= 500:  # else every duplicate link is read, and kept when both are wanted
            query = query.where(first.c.code.in_(wanted), second.c.code.in_(wanted))
        chosen = set(wanted)
        with self.archive._read() as conn:
            return [(str(a), str(b)) for a, b in conn.execute(query) if a in chosen and b in chosen]

    def mentioning(self, value: str, public_only: bool) -> tuple[set[str], set[str]]:
        """Entity ids and document codes for an entity given by id, name or spelling."""
        query = (
            sa.select(mentions.c.entity_id, documents.c.code)
            .distinct()
            .join(documents, documents.c.id == mentions.c.doc_id)
            .where(_names(value))
        )
        if public_only:
            query = query.where(documents.c.visibility == "public")
        with self.archive._read() as conn:
            rows = conn.execute(query).all()
        return {e for e, _ in rows if e}, {c for _, c in rows}

    def places_of_documents_naming(self, value: str, public_only: bool) -> frozenset[str]:
        """Folded places of the victim claims in documents that name an entity (one query,
        however many documents name it)."""
        naming = sa.select(mentions.c.doc_id).where(_names(value))
        query = (
            sa.select(claims.c.place)
            .distinct()
            .join(documents, documents.c.id == claims.c.doc_id)
            .where(
                claims.c.doc_id.in_(naming),
                claims.c.kind == "victims",
                claims.c.place.is_not(None),
            )
        )
        if public_only:
            query = query.where(documents.c.visibility == "public")
        with self.archive._read() as conn:
            return frozenset(fold(place) for place in conn.execute(query).scalars())

    def entries(
        self,
        date_from: str | None,
        date_to: str | None,
        public_only: bool,
        hint: EntryHint | None = None,
    ) -> list[Entry]:
        """Stored chronicle entries (one per document and date) between two ISO dates; with a
        hint, only the dates on which some entry names the hinted place or entity."""
        entry = chronicle_entries.c
        scope: list[sa.ColumnElement[bool]] = []
        if public_only:
            scope.append(documents.c.visibility == "public")
        if date_from:
            scope.append(entry.date >= date_from)
        if date_to:
            scope.append(entry.date <= date_to + "~")
        query = sa.select(*_ENTRY_COLUMNS, documents.c.code).join(
            documents, documents.c.id == entry.doc_id
        )
        with self.archive._read() as conn:
            if hint is None or not hint.usable:
                ordered = query.where(*scope).order_by(entry.date, documents.c.code, entry.id)
                return [_entry(row) for row in conn.execute(ordered).mappings()]
            dates = sorted(
                conn.execute(
                    sa.select(entry.date)
                    .distinct()
                    .join(documents, documents.c.id == entry.doc_id)
                    .where(*scope, hint.condition())
                ).scalars()
            )
            found = []
            for start in range(0, len(dates), 500):
                chunk = query.where(*scope, entry.date.in_(dates[start : start + 500]))
                found += [_entry(row) for row in conn.execute(chunk).mappings()]
        return found


@dataclass(frozen=True)
class EntryHint:
    """A name and entity ids a timeline filter asks for. Entries merge only within one date,
    so reading just the dates where a stored entry names one of them loses nothing."""

    name: str
    ids: frozenset[str]

    @property
    def usable(self) -> bool:
        """Few enough ids to spell out in one query."""
        return len(self.ids) <= 50

    def condition(self) -> sa.ColumnElement[bool]:
        """The JSON text of places or facilities holds the name (as stored or JSON-escaped,
        lower case), or the entity list holds one of the ids."""
        entry = chronicle_entries.c
        name = " ".join(self.name.split()).lower()
        spelled = {name, json.dumps(name)[1:-1]}
        parts = [
            sa.func.lower(sa.cast(column, sa.Text)).contains(form, autoescape=True)
            for column in (entry.places, entry.facilities)
            for form in sorted(spelled)
        ]
        parts += [
            sa.cast(entry.entities, sa.Text).contains(json.dumps(i), autoescape=True)
            for i in sorted(self.ids)
        ]
        return sa.or_(*parts)


def _names(value: str) -> sa.ColumnElement[bool]:
    """Mentions of an entity given by its id, or by part of its name or of a spelling."""
    wanted = value.strip().lower()
    return sa.or_(
        mentions.c.entity_id == value,
        sa.func.lower(mentions.c.text).contains(wanted, autoescape=True),
        sa.func.lower(mentions.c.canonical_name).contains(wanted, autoescape=True),
    )


def _spelled(conn: Connection, places: frozenset[str]) -> list[str]:
    """Every stored spelling of claim places whose folded name is one of `places` (folding
    happens here, not in SQL, whose lower() differs between backends beyond ASCII)."""
    stored = conn.execute(sa.select(claims.c.place).distinct().where(claims.c.place.is_not(None)))
    return sorted(place for place in stored.scalars() if fold(place) in places)


# The name lists of an entry are read as their JSON text and decoded here, once per distinct
# text: the same few lists ("[]", one facility) come back on entry after entry, and a chronicle
# of 100,000 documents reads 800,000 of them.
_ENTRY_COLUMNS = (
    chronicle_entries.c.id,
    chronicle_entries.c.date,
    chronicle_entries.c.precision,
    chronicle_entries.c.what,
    chronicle_entries.c.origin,
    chronicle_entries.c.event,
    *(
        sa.cast(chronicle_entries.c[name], sa.Text).label(name)
        for name in ("places", "facilities", "entities")
    ),
)


@lru_cache(maxsize=65_536)
def _names_in(text: str | None) -> tuple[str, ...]:
    """A stored JSON list of names as a tuple."""
    return tuple(json.loads(text)) if text else ()


def _entry(row: sa.RowMapping) -> Entry:
    return Entry(
        what=row["what"],
        date=row["date"],
        precision=row["precision"],
        documents=(row["code"],),
        places=_names_in(row["places"]),
        facilities=_names_in(row["facilities"]),
        entities=_names_in(row["entities"]),
        origin=row["origin"],
        origins=(row["origin"],),
        event=row["event"],
    )


# -- a document's links, as the record page and the export show them -----------------------------


def _codes(conn: Connection, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    query = sa.select(
        documents.c.id, documents.c.code, documents.c.title, documents.c.date, documents.c.language
    ).where(documents.c.id.in_(list(ids)))
    return {row["id"]: dict(row) for row in conn.execute(query).mappings()}


def story_dict(conn: Connection, row: sa.RowMapping) -> dict[str, Any]:
    """A story row as `dhakira stories` and the record page show it, with its documents."""
    members = list(
        conn.execute(
            sa.select(story_members.c.doc_id).where(story_members.c.story_id == row["id"])
        ).scalars()
    )
    info = _codes(conn, [*members, row["id"]])
    docs = sorted(
        (
            {
                "code": info[m]["code"],
                "title": info[m]["title"],
                "date": info[m]["date"],
                "language": info[m]["language"],
                "primary": m == row["primary_doc_id"],
            }
            for m in members
        ),
        key=lambda d: (d["date"] or "", d["code"]),
    )
    return {
        "story": info[row["id"]]["code"],
        "primary": info[row["primary_doc_id"]]["code"] if row["primary_doc_id"] in info else None,
        "size": row["size"],
        "first_date": row["first_date"],
        "last_date": row["last_date"],
        "documents": docs,
    }


def links_of(conn: Connection, doc_id: int) -> dict[str, Any]:
    """A document's duplicates (primary marked), story and related documents."""
    sig = (
        conn.execute(sa.select(document_signatures).where(document_signatures.c.doc_id == doc_id))
        .mappings()
        .first()
    )
    if sig is None:
        return {"linked": False, "duplicates": [], "primary": None, "story": None, "related": []}
    link = document_links.c
    found = list(
        conn.execute(
            sa.select(link.doc_id, link.other_id, link.kind, link.score).where(
                sa.or_(link.doc_id == doc_id, link.other_id == doc_id)
            )
        )
    )
    group = conn.execute(
        sa.select(document_signatures.c.doc_id, document_signatures.c.is_primary).where(
            document_signatures.c.dup_group == sig["dup_group"]
        )
    ).all()
    primary = next((d for d, is_primary in group if is_primary), doc_id)
    others = {b if a == doc_id else a for a, b, _k, _s in found}
    info = _codes(conn, [*others, primary])
    duplicates, related = [], []
    for a, b, kind, score in found:
        other = b if a == doc_id else a
        entry = {"code": info[other]["code"], "kind": kind, "score": round(float(score), 4)}
        if kind == STORY_KIND:
            related.append(entry)
        else:
            duplicates.append({**entry, "primary": other == primary})
    story_id = conn.execute(
        sa.select(story_members.c.story_id).where(story_members.c.doc_id == doc_id)
    ).scalar_one_or_none()
    story_row = None
    if story_id is not None:
        story_row = (
            conn.execute(sa.select(stories).where(stories.c.id == story_id, stories.c.size > 1))
            .mappings()
            .first()
        )
    return {
        "linked": True,
        "primary": info[primary]["code"],
        "is_primary": primary == doc_id,
        "duplicates": sorted(duplicates, key=lambda d: (-d["score"], d["code"])),
        "story": story_dict(conn, story_row) if story_row is not None else None,
        "related": sorted(related, key=lambda d: (-d["score"], d["code"])),
    }

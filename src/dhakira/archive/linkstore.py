"""Links between stored documents: duplicates with their primary copy, and stories.

The algorithms live in `dhakira.links` and know nothing of storage; this module keeps their
state in the archive's database (migration 0005) and their results where the views read them.

- A `Linker` holds a `DuplicateIndex` and a `StoryGrouper` rebuilt from the stored signatures
  and story summaries (no text is read again), and links one new document at a time: ingest
  uses it for every new document, `dhakira link` for the documents not yet linked.
- Every copy is kept; each duplicate group marks one primary copy (`choose_primary`).
- Each document belongs to one story (often alone); stories with several documents are listed.

Rows carry `LINK_VERSION`: a document linked by another version is linked again by
`dhakira link`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive import rows
from dhakira.archive.linkreads import DUPLICATE_KINDS, STORY_KIND, links_of, story_dict
from dhakira.archive.schema import (
    chronicle_entries,
    document_links,
    document_signatures,
    documents,
    mentions,
    stories,
    story_members,
)
from dhakira.links.chronicle import Entry, document_entries
from dhakira.links.duplicates import Copy, DuplicateIndex, choose_primary
from dhakira.links.shingles import Signature
from dhakira.links.stories import StoryDoc, StoryGrouper, summarize
from dhakira.records import DateIssued, Document, Incident, Item

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive
    from dhakira.archive.records import StoredDocument

LINK_VERSION = "links.v2"  # v2: the chronicle entries of each document are stored too

# -- stored story summaries -----------------------------------------------------------------------


def summary_json(doc: StoryDoc) -> dict[str, Any]:
    """A StoryDoc as JSON (what `document_signatures.summary` holds)."""
    return {
        "date": doc.date.isoformat() if doc.date else None,
        "entities": dict(doc.entities),
        "figures": sorted([event, number] for event, number in doc.figures),
        "terms": dict(doc.terms),
        "language": doc.language,
        "incident": asdict(doc.incident) if doc.incident else None,
    }


def summary_from_json(doc_id: str, value: dict[str, Any]) -> StoryDoc:
    incident = value.get("incident")
    return StoryDoc(
        doc_id=doc_id,
        date=date.fromisoformat(value["date"]) if value.get("date") else None,
        entities=dict(value.get("entities") or {}),
        figures=frozenset((str(e), int(n)) for e, n in value.get("figures") or []),
        terms=dict(value.get("terms") or {}),
        language=value.get("language"),
        incident=Incident(**incident) if incident else None,
    )


def as_document(stored: StoredDocument) -> Document:
    """What `summarize` reads of a stored document, as a Document (no original bytes)."""
    issued = None
    if stored.date and stored.date_precision:
        issued = DateIssued(stored.date, stored.date_precision, stored.date_source or "")  # type: ignore[arg-type]
    return Document(
        item=Item(b"", stored.source, stored.media_type),
        text=stored.text,
        language=stored.language,
        date=issued,
        entities=list(stored.entities),
        claims=list(stored.claims),
        incident=stored.incident,
        title=stored.title,
        publisher=stored.publisher,
    )


# -- the in-memory indexes, restored from stored rows --------------------------------------------


class _Index(DuplicateIndex):
    def restore(self, doc_id: str, signature: bytes) -> None:
        """Index a stored signature without looking for links (they are stored already)."""
        self._store(doc_id, Signature.from_bytes(signature))


class _Grouper(StoryGrouper):
    def restore(self, doc: StoryDoc, story: str) -> None:
        """Put a stored document back into its stored story without comparing it again."""
        self._terms.add(doc.terms)
        self._remember(doc)
        if story != doc.doc_id and story in self._parent:
            self._parent[doc.doc_id] = self.story_of(story)
        root = self.story_of(doc.doc_id)
        start, end = self._spans.get(root, (None, None))
        known = [d for d in (start, end, doc.date) if d is not None]
        self._spans[root] = (min(known), max(known)) if known else (None, None)


@dataclass(frozen=True)
class LinkResult:
    """What linking one document found: duplicate links, story links, its story id."""

    code: str
    duplicates: int
    story_links: int
    story: int


def _linked(*columns: Any) -> sa.Select[Any]:
    """`columns` of the documents linked by this link version, each with its story: what a
    linker restores and what `Linker.current` counts (one filter for both, so they agree)."""
    return (
        sa.select(*columns)
        .select_from(document_signatures)
        .join(story_members, story_members.c.doc_id == document_signatures.c.doc_id)
        .where(document_signatures.c.version == LINK_VERSION)
    )


class Linker:
    """Links new documents against everything linked before (one writer at a time)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive
        self.index = _Index()
        self.grouper = _Grouper()
        # what this linker knows of the stored links: how many documents, the last one
        self._known = (0, 0)
        self._restore()

    def _restore(self) -> None:
        sig = document_signatures.c
        query = _linked(sig.doc_id, sig.signature, sig.summary, story_members.c.story_id)
        query = query.order_by(sig.doc_id)
        count = last = 0
        with self.archive._read() as conn:
            for doc_id, signature, summary, story_id in conn.execute(query):
                key = str(doc_id)
                self.index.restore(key, bytes(signature))
                self.grouper.restore(summary_from_json(key, summary), str(story_id))
                count, last = count + 1, doc_id
        self._known = (count, last)

    def current(self) -> bool:
        """Whether the stored links are still exactly those this linker restored or made: no
        other writer (another process's ingest, a relink) has linked or unlinked since, so it
        may go on linking without being rebuilt."""
        last = sa.func.coalesce(sa.func.max(document_signatures.c.doc_id), 0)
        query = _linked(sa.func.count(), last)
        with self.archive._read() as conn:
            count, last = conn.execute(query).one()
        return (int(count), int(last)) == self._known

    def link(self, code: str, doc: Document) -> LinkResult:
        """Link a stored document (its code) whose analysis is `doc`, and store the links."""
        signature = self.index.signature_of(doc.text)
        entries = document_entries(doc, code)
        # one transaction from the id lookup to the last row (a read transaction more per
        # document cost as much as a quarter of linking time)
        with self.archive._write() as conn:
            doc_id = _doc_id(conn, code)
            key = str(doc_id)
            duplicates = self.index.add_signature(key, signature)
            summary = summarize(doc, key)
            story = self.grouper.add(summary)
            now = rows.utc_now()
            found = [
                (int(link.other_id), f"duplicate-{link.kind}", link.score) for link in duplicates
            ] + [(int(link.other_id), STORY_KIND, link.score) for link in story.links]
            conn.execute(
                document_signatures.insert(),
                {
                    "doc_id": doc_id,
                    "signature": signature.to_bytes(),
                    "text_length": len(doc.text),
                    "summary": summary_json(summary),
                    "version": LINK_VERSION,
                    "dup_group": doc_id,
                    "is_primary": True,
                },
            )
            if found:
                conn.execute(
                    document_links.insert(),
                    [
                        {
                            "doc_id": doc_id,
                            "other_id": other,
                            "kind": kind,
                            "score": score,
                            "analyser": LINK_VERSION,
                            "created_at": now,
                        }
                        for other, kind, score in found
                    ],
                )
            if duplicates:
                _regroup(conn, doc_id)
            story_id = int(story.story_id)
            merged = [int(m) for m in story.merged]
            if merged:
                conn.execute(
                    story_members.update()
                    .where(story_members.c.story_id.in_(merged))
                    .values(story_id=story_id)
                )
                conn.execute(stories.delete().where(stories.c.id.in_(merged)))
            conn.execute(story_members.insert(), {"doc_id": doc_id, "story_id": story_id})
            if merged:
                _restory(conn, story_id)
            elif story_id != doc_id:  # joined a story (a document alone has no story row)
                _join_story(conn, story_id, doc_id)
            if entries:
                conn.execute(chronicle_entries.insert(), [_entry_row(doc_id, e) for e in entries])
        # committed: the stored links now hold this document too (a failed write leaves the
        # count behind, and `current` then asks for a rebuild)
        self._known = (self._known[0] + 1, max(self._known[1], doc_id))
        return LinkResult(code, len(duplicates), len(story.links), story_id)


def _entry_row(doc_id: int, entry: Entry) -> dict[str, Any]:
    """A chronicle entry as stored: its documents are the row's document."""
    return {
        "doc_id": doc_id,
        "date": entry.date,
        "precision": entry.precision,
        "what": entry.what,
        "origin": entry.origin,
        "event": entry.event,
        "places": list(entry.places),
        "facilities": list(entry.facilities),
        "entities": list(entry.entities),
    }


def _doc_id(conn: Connection, code: str) -> int:
    found = conn.execute(sa.select(documents.c.id).where(documents.c.code == code)).first()
    if found is None:
        from dhakira.errors import NotFound

        raise NotFound(
            "no document with this code in the archive",
            item=code,
            hint="find codes with `dhakira search`",
        )
    return int(found[0])


def _copies(conn: Connection, ids: Iterable[int]) -> list[Copy]:
    query = (
        sa.select(documents.c.id, documents.c.captured_at, document_signatures.c.text_length)
        .join(document_signatures, document_signatures.c.doc_id == documents.c.id)
        .where(documents.c.id.in_(list(ids)))
    )
    return [
        Copy(str(doc_id), _moment(captured), int(length))
        for doc_id, captured, length in conn.execute(query)
    ]


def _moment(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _regroup(conn: Connection, doc_id: int) -> set[int]:
    """Find the document's whole duplicate group over stored links and mark its primary."""
    group, frontier = {doc_id}, [doc_id]
    dup = document_links.c
    while frontier:
        query = sa.select(dup.doc_id, dup.other_id).where(
            dup.kind.in_(DUPLICATE_KINDS),
            sa.or_(dup.doc_id.in_(frontier), dup.other_id.in_(frontier)),
        )
        found = {n for pair in conn.execute(query) for n in pair} - group
        group |= found
        frontier = list(found)
    primary = int(choose_primary(_copies(conn, group)))
    conn.execute(
        document_signatures.update()
        .where(document_signatures.c.doc_id.in_(list(group)))
        .values(dup_group=min(group), is_primary=document_signatures.c.doc_id == primary)
    )
    return group


_CHUNK = 500  # ids per IN (...) list: SQLite refuses statements with too many parameters


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _forget(conn: Connection, ids: list[int], touched: set[int]) -> set[int]:
    """Delete the link rows of some documents; add their stories to `touched` and return
    their duplicate groups (both are put right once every document is forgotten)."""
    groups = set(
        conn.execute(
            sa.select(document_signatures.c.dup_group).where(document_signatures.c.doc_id.in_(ids))
        ).scalars()
    )
    touched |= set(
        conn.execute(
            sa.select(story_members.c.story_id).where(story_members.c.doc_id.in_(ids))
        ).scalars()
    )
    link = document_links.c
    conn.execute(
        document_links.delete().where(sa.or_(link.doc_id.in_(ids), link.other_id.in_(ids)))
    )
    for table in (story_members, chronicle_entries, document_signatures):
        conn.execute(table.delete().where(table.c.doc_id.in_(ids)))
    return groups


def _regroup_left(conn: Connection, groups: set[int]) -> None:
    """After some documents were forgotten, the copies left in their duplicate groups get
    their groups and primary copies again (a forgotten primary must not leave none)."""
    left = list(
        conn.execute(
            sa.select(document_signatures.c.doc_id).where(
                document_signatures.c.dup_group.in_(sorted(groups))
            )
        ).scalars()
    )
    done: set[int] = set()
    for doc_id in left:
        if doc_id not in done:
            done |= _regroup(conn, doc_id)


def _join_story(conn: Connection, story_id: int, doc_id: int) -> None:
    """A document joined a story: update its row in place (size, dates, primary) instead of
    reading every member again, so a large story costs the same to join as a small one."""
    row = conn.execute(sa.select(stories).where(stories.c.id == story_id)).mappings().first()
    if row is None:
        _restory(conn, story_id)  # the story had one document, so no row yet
        return
    day = conn.execute(sa.select(documents.c.date).where(documents.c.id == doc_id)).scalar()
    dates = [d for d in (row["first_date"], row["last_date"], day) if d]
    copies = _copies(conn, [row["primary_doc_id"], doc_id])
    conn.execute(
        stories.update()
        .where(stories.c.id == story_id)
        .values(
            size=row["size"] + 1,
            first_date=min(dates) if dates else None,
            last_date=max(dates) if dates else None,
            primary_doc_id=int(choose_primary(copies)),
        )
    )


def _restory(conn: Connection, story_id: int) -> None:
    """Rewrite a story's row (size, dates, primary) from its members; a story of one document
    has no row (only stories of several are listed)."""
    members = list(
        conn.execute(
            sa.select(story_members.c.doc_id).where(story_members.c.story_id == story_id)
        ).scalars()
    )
    conn.execute(stories.delete().where(stories.c.id == story_id))
    if len(members) < 2:
        return
    dates = [
        d
        for d in conn.execute(
            sa.select(documents.c.date).where(documents.c.id.in_(members))
        ).scalars()
        if d
    ]
    conn.execute(
        stories.insert(),
        {
            "id": story_id,
            "primary_doc_id": int(choose_primary(_copies(conn, members))),
            "size": len(members),
            "first_date": min(dates) if dates else None,
            "last_date": max(dates) if dates else None,
        },
    )


# -- the store: what the archive offers ----------------------------------------------------------


class LinkStore:
    """Links of an archive: linking, the documents still to link, and what the views show."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def linker(self, kept: Linker | None = None) -> Linker:
        """A linker with the indexes rebuilt from what is stored (cost grows with the archive),
        or `kept` when it is still current (a server thread linking batch after batch)."""
        if kept is not None and kept.archive is self.archive and kept.current():
            return kept
        return Linker(self.archive)

    def pending(self) -> list[str]:
        """Codes of documents never linked or linked by another link version, in id order."""
        sig = document_signatures.c
        query = (
            sa.select(documents.c.code)
            .outerjoin(document_signatures, sig.doc_id == documents.c.id)
            .where(sa.or_(sig.doc_id.is_(None), sig.version != LINK_VERSION))
            .order_by(documents.c.id)
        )
        with self.archive._read() as conn:
            return list(conn.execute(query).scalars())

    def forget(self, codes: list[str] | None = None) -> None:
        """Remove the links of these documents (of all documents with None) before relinking."""
        with self.archive._write() as conn:
            if codes is None:
                for table in (
                    document_links,
                    story_members,
                    stories,
                    chronicle_entries,
                    document_signatures,
                ):
                    conn.execute(table.delete())
                return
            groups: set[int] = set()
            touched: set[int] = set()
            for chunk in _chunks([_doc_id(conn, code) for code in codes]):
                groups |= _forget(conn, chunk, touched)
            for story_id in touched:
                _restory(conn, story_id)
            for chunk in _chunks(sorted(groups)):
                _regroup_left(conn, set(chunk))

    def relink(self, codes: list[str]) -> list[LinkResult]:
        """Link these documents again from their stored analysis (after a re-analysis changed
        them): their old links go, the new ones are found against the whole archive."""
        if not codes:
            return []
        self.forget(codes)
        linker = self.linker()
        return [linker.link(code, as_document(self.archive.get(code))) for code in codes]

    def of(self, code: str) -> dict[str, Any]:
        """A document's links as the record page and the export show them."""
        with self.archive._read() as conn:
            return links_of(conn, _doc_id(conn, code))

    def stories(
        self,
        date_from: str | None = None,
        date_to: str | None = None,
        entity: str | None = None,
        limit: int = 200,
    ) -> list[dict[str, Any]]:
        """Stories of more than one document, newest first, each with its documents."""
        query = sa.select(stories).where(stories.c.size > 1)
        if date_from:
            query = query.where(stories.c.last_date >= date_from)
        if date_to:
            query = query.where(stories.c.first_date <= date_to + "~")
        if entity:
            named = (
                sa.select(story_members.c.story_id)
                .join(mentions, mentions.c.doc_id == story_members.c.doc_id)
                .where(
                    sa.or_(
                        sa.func.lower(mentions.c.text).contains(entity.lower(), autoescape=True),
                        sa.func.lower(mentions.c.canonical_name).contains(
                            entity.lower(), autoescape=True
                        ),
                        mentions.c.entity_id == entity,
                    )
                )
            )
            query = query.where(stories.c.id.in_(named.scalar_subquery()))
        query = query.order_by(stories.c.last_date.desc(), stories.c.id).limit(limit)
        with self.archive._read() as conn:
            return [story_dict(conn, row) for row in conn.execute(query).mappings()]

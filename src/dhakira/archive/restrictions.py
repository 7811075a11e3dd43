"""Restricted fields: parts of a document only editors and admins may see.

A public (or restricted) document may name a witness whose identity must stay protected, or
carry an author who asked not to be named. An editor restricts the field ("author",
"issuing_body", or "entity:<key>" for every mention of one entity in the document); the archive
then keeps, per restriction, the spellings to mask in shown text and the analyzed terms a
hidden reader's search may not match.

Who sees them: editors and admins. Anonymous visitors and viewers do not: a viewer may read a
restricted document, but not the identities an editor protected inside it (PRODUCT.md:
"restricted documents and fields (witness identities) never leak"). Those readers get:

- documents masked by `Mask.document` (record page, JSON, export);
- search: no hit for a query using a restricted term of a document; snippets and titles masked;
- listings (entities, entity facet, entity pages, claims looked up by a name): no restricted
  mention counted (`hidden_mention`).

Each restriction and each lifting of one is written to the audit log in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive import rows
from dhakira.archive.audit import append_entry
from dhakira.archive.masking import ENTITY_PREFIX, WHOLE_FIELDS, Mask
from dhakira.archive.schema import documents, mentions, restricted_fields, restricted_values
from dhakira.errors import ConfigError, NotFound
from dhakira.text.normalize import analyze

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

SPELLING = "spelling"
TERM = "term"
_KEY = sa.func.coalesce(
    mentions.c.entity_id, mentions.c.type + sa.literal(":") + sa.func.lower(mentions.c.text)
)


def hidden_mention(doc_id: Any, text: Any) -> sa.ColumnElement[bool]:
    """SQL: the mention (its document id and text columns) is of a restricted spelling."""
    return sa.exists().where(
        restricted_values.c.doc_id == doc_id,
        restricted_values.c.kind == SPELLING,
        sa.func.lower(restricted_values.c.value) == sa.func.lower(text),
    )


_FEW = 500


def free_of_terms(conn: Connection, doc_id: Any, terms: list[str]) -> sa.ColumnElement[bool] | None:
    """SQL: the document restricts none of these search terms; None when no document
    restricts any of them (the usual case), so the search keeps its fastest plan."""
    restricting = sa.select(restricted_values.c.doc_id).where(
        restricted_values.c.kind == TERM, restricted_values.c.value.in_(terms)
    )
    found = list(conn.execute(restricting.distinct().limit(_FEW + 1)).scalars())
    if not found:
        return None
    inside: sa.ColumnElement[bool] = doc_id.in_(found if len(found) <= _FEW else restricting)
    return sa.not_(inside)


def check_field(field: str) -> None:
    if field in WHOLE_FIELDS or (field.startswith(ENTITY_PREFIX) and len(field) > 7):
        return
    raise ConfigError(
        f"{field!r} is not a field that can be restricted",
        hint=f"use {', '.join(WHOLE_FIELDS)} or entity:<key> (keys from `dhakira entities`)",
    )


class Restrictions:
    """Restrict and lift fields of a document; the masks readers without the right get."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def restrict(self, code: str, field: str, *, note: str, actor: str) -> list[str]:
        """Hide `field` of the document from readers below editor; the fields now hidden."""
        check_field(field)
        _need(note, actor, code)
        with self.archive._write() as conn:
            doc = _document(conn, code)
            spellings = _spellings(conn, doc, field)
            if _restriction_id(conn, doc["id"], field) is not None:
                return _fields(conn, doc["id"])
            inserted = conn.execute(
                restricted_fields.insert(),
                {"doc_id": doc["id"], "field": field, "actor": actor, "at": rows.utc_now()}
                | {"why": note},
            ).inserted_primary_key
            _write_values(conn, int(inserted[0]) if inserted else 0, doc["id"], spellings)
            append_entry(
                conn, actor, "restrict-field", code, _audit_field(field), None, field, note
            )
            return _fields(conn, doc["id"])

    def unrestrict(self, code: str, field: str, *, note: str, actor: str) -> list[str]:
        """Show `field` again to every reader who may see the document."""
        check_field(field)
        _need(note, actor, code)
        with self.archive._write() as conn:
            doc = _document(conn, code)
            found = _restriction_id(conn, doc["id"], field)
            if found is None:
                raise NotFound(
                    "this field of the document is not restricted",
                    item=f"{code} / {field}",
                    hint="see the restricted fields on the record page",
                )
            conn.execute(
                restricted_values.delete().where(restricted_values.c.restriction_id == found)
            )
            conn.execute(restricted_fields.delete().where(restricted_fields.c.id == found))
            append_entry(
                conn, actor, "unrestrict-field", code, _audit_field(field), field, None, note
            )
            return _fields(conn, doc["id"])

    def fields(self, code: str) -> list[str]:
        """The restricted fields of one document, in order."""
        with self.archive._read() as conn:
            return _fields(conn, _document(conn, code)["id"])

    def refresh(self, conn: Connection, doc_id: int) -> None:
        """Compute again what each restriction of the document hides (after its author or its
        mentions changed), inside the caller's write transaction."""
        doc = conn.execute(sa.select(documents).where(documents.c.id == doc_id)).mappings().one()
        found = conn.execute(
            sa.select(restricted_fields.c.id, restricted_fields.c.field).where(
                restricted_fields.c.doc_id == doc_id
            )
        ).all()
        for restriction_id, field in found:
            kept = _stored_spellings(conn, restriction_id)
            conn.execute(
                restricted_values.delete().where(
                    restricted_values.c.restriction_id == restriction_id
                )
            )
            spellings = sorted(set(kept) | set(_spellings(conn, doc, field, required=False)))
            _write_values(conn, restriction_id, doc_id, spellings)

    def masks(self, codes: list[str] | None = None) -> dict[str, Mask]:
        """The mask of each document (of `codes`, or of all) that restricts any field."""
        with self.archive._read() as conn:
            return load_masks(conn, codes)


def load_masks(conn: Connection, codes: list[str] | None = None) -> dict[str, Mask]:
    """The masks of the documents with these codes (or of all) that restrict any field."""
    if codes is not None and not codes:
        return {}
    query = (
        sa.select(
            documents.c.code,
            documents.c.author,
            documents.c.issuing_body,
            restricted_fields.c.field,
            restricted_values.c.value,
        )
        .join(documents, documents.c.id == restricted_fields.c.doc_id)
        .outerjoin(
            restricted_values,
            sa.and_(
                restricted_values.c.restriction_id == restricted_fields.c.id,
                restricted_values.c.kind == SPELLING,
            ),
        )
    )
    if codes is not None:
        query = query.where(documents.c.code.in_(codes))
    fields: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, set[str]] = defaultdict(set)
    for code, author, issuing_body, field, value in conn.execute(query).all():
        fields[code].add(field)
        current = {"author": author, "issuing_body": issuing_body}.get(field)
        spelled[code] |= {name for name in (value, current) if name}
    return {code: Mask(frozenset(fields[code]), tuple(sorted(spelled[code]))) for code in fields}


def _need(note: str, actor: str, code: str) -> None:
    if not note.strip():
        raise ConfigError(
            "restricting a field needs a note saying why", item=code, hint="pass --note"
        )
    if not actor.strip():
        raise ConfigError("restricting a field needs the reviewer's name", item=code)


def _audit_field(field: str) -> str:
    return "entity" if field.startswith(ENTITY_PREFIX) else field


def _document(conn: Connection, code: str) -> sa.RowMapping:
    row = conn.execute(sa.select(documents).where(documents.c.code == code)).mappings().first()
    if row is None:
        raise NotFound(
            "no document with this code in the archive",
            item=code,
            hint="find codes with `dhakira search`",
        )
    return row


def _restriction_id(conn: Connection, doc_id: int, field: str) -> int | None:
    found = conn.execute(
        sa.select(restricted_fields.c.id).where(
            restricted_fields.c.doc_id == doc_id, restricted_fields.c.field == field
        )
    ).scalar_one_or_none()
    return int(found) if found is not None else None


def _fields(conn: Connection, doc_id: int) -> list[str]:
    query = (
        sa.select(restricted_fields.c.field)
        .where(restricted_fields.c.doc_id == doc_id)
        .order_by(restricted_fields.c.field)
    )
    return list(conn.execute(query).scalars())


def _spellings(
    conn: Connection, doc: sa.RowMapping, field: str, required: bool = True
) -> list[str]:
    """What the field holds now in this document: the value, or every spelling of the entity
    (mention texts and its canonical name)."""
    if field in WHOLE_FIELDS:
        value = doc[field]
        return [value] if value else []
    key = field[len(ENTITY_PREFIX) :]
    found = conn.execute(
        sa.select(mentions.c.text, mentions.c.canonical_name).where(
            mentions.c.doc_id == doc["id"],
            _KEY == key,  # noqa: SIM300
        )
    ).all()
    if not found and required:
        raise NotFound(
            "this document does not mention the entity",
            item=f"{doc['code']} / {key}",
            hint="use a key from the record page's entities (the key field of its JSON)",
        )
    names = {text for text, _ in found} | {name for _, name in found if name}
    return sorted(names)


def _stored_spellings(conn: Connection, restriction_id: int) -> list[str]:
    query = sa.select(restricted_values.c.value).where(
        restricted_values.c.restriction_id == restriction_id,
        restricted_values.c.kind == SPELLING,
    )
    return list(conn.execute(query).scalars())


def _write_values(conn: Connection, restriction_id: int, doc_id: int, spellings: list[str]) -> None:
    terms = sorted({term for spelling in spellings for term in analyze(spelling)})
    values = [(SPELLING, s) for s in spellings] + [(TERM, t) for t in terms]
    if values:
        conn.execute(
            restricted_values.insert(),
            [
                {"restriction_id": restriction_id, "doc_id": doc_id, "kind": kind, "value": value}
                for kind, value in values
            ],
        )

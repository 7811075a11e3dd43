"""Restricted fields kept from readers below editor, in every page built from the archive.

Documents are masked by the archive's `Mask` (dhakira.archive.masking); this module applies the
masks to what the pages list about other documents: claims, titles in listings, history lines
and linked documents. A claim that a name filter found only through a restricted value is
dropped, so a search for a witness's name by another route does not reveal where it is.
"""

from __future__ import annotations

from typing import Any

from dhakira.archive import StoredClaim, StoredDocument
from dhakira.archive.masking import Mask
from dhakira.views.web.context import Context


def masks_for(ctx: Context, codes: list[str]) -> dict[str, Mask]:
    """The masks of these documents for this reader: none for editors and admins."""
    if not ctx.hide_fields:
        return {}
    return ctx.archive.restrictions.masks(sorted(set(codes)))


def document(ctx: Context, doc: StoredDocument) -> StoredDocument:
    """The document as this reader may see it."""
    mask = masks_for(ctx, [doc.code]).get(doc.code)
    return mask.document(doc) if mask else doc


def claims(ctx: Context, found: list[StoredClaim], *, by_name: bool) -> list[StoredClaim]:
    """Claims with their documents' masks applied; with `by_name` (the listing was filtered by a
    place or a source name), claims whose names a mask changed are left out."""
    masks = masks_for(ctx, [claim.code for claim in found])
    shown = []
    for stored in found:
        mask = masks.get(stored.code)
        if mask is None:
            shown.append(stored)
            continue
        masked = mask.claim(stored.claim)
        named = (masked.place, masked.attributed_to) != (
            stored.claim.place,
            stored.claim.attributed_to,
        )
        if by_name and named:
            continue
        shown.append(StoredClaim(stored.code, masked, stored.analyser))
    return shown


def titled(ctx: Context, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Listing rows naming documents ({"code", "title", ...}) with their titles masked."""
    masks = masks_for(ctx, [str(row["code"]) for row in rows if row.get("code")])
    if not masks:
        return rows
    return [
        {**row, "title": masks[row["code"]].text(row.get("title"))}
        if row.get("code") in masks
        else row
        for row in rows
    ]


def links(ctx: Context, found: dict[str, Any]) -> dict[str, Any]:
    """A document's links with the titles of the documents of its story masked."""
    story = found.get("story")
    if not story or not ctx.hide_fields:
        return found
    return {**found, "story": {**story, "documents": titled(ctx, list(story["documents"]))}}


def history(mask: Mask | None, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History lines with the document's restricted spellings marked out of old, new and why."""
    if mask is None:
        return lines
    return [mask.deep(line) for line in lines]


def combined(ctx: Context) -> Mask | None:
    """One mask holding every document's restricted spellings, for pages built from many
    documents at once (incidents, the chronicle); None for editors and when nothing is hidden.
    A name restricted in one document is then masked on the whole page, which hides more than
    needed but never less."""
    if not ctx.hide_fields:
        return None
    masks = ctx.archive.restrictions.masks()
    if not masks:
        return None
    fields = frozenset(field for mask in masks.values() for field in mask.fields)
    spellings = tuple(sorted({s for mask in masks.values() for s in mask.spellings}))
    return Mask(fields, spellings)


def names_restricted(mask: Mask | None, values: list[str | None]) -> bool:
    """Whether a filter value names something a mask hides (either holds the other), so a
    filtered page cannot show where a protected name is mentioned."""
    if mask is None:
        return False
    asked = [value.strip().casefold() for value in values if value and value.strip()]
    hidden = [spelling.casefold() for spelling in mask.spellings]
    for field in mask.fields:
        hidden.append(field.removeprefix("entity:").casefold())
    return any(a in h or h in a for a in asked for h in hidden if h)

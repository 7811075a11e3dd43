"""Editors' changes: restricted fields, metadata and verdicts on findings (record page), and
merges and splits of entities (entity page).

Every form carries the CSRF token and needs the editor role (admins too); every change goes
through an archive method that writes the audit entry (who, when, old and new value, why) in
the same transaction. A JSON client gets the record page back; a browser is sent to it.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from dhakira.archive.entity_decisions import Decision
from dhakira.archive.masking import mention_key
from dhakira.views.web import render
from dhakira.views.web.context import Context
from dhakira.views.web.routes_read import record_view

router = APIRouter()
OptionalField = Annotated[str | None, Form()]
RESTRICT_ACTIONS = ("restrict", "unrestrict")


def editor(request: Request, csrf_token: str | None, note: str) -> Context:
    """The context of an editor's change: role, CSRF token and a reason are all required."""
    ctx = Context.of(request)
    ctx.require("editor")
    ctx.check_csrf(csrf_token)
    if not note.strip():
        raise HTTPException(status_code=400, detail="a change needs a note saying why")
    return ctx


def back_to_record(ctx: Context, code: str) -> Response:
    """The changed record as JSON for machines; a browser goes back to the record page."""
    if render.wants_json(ctx.request):
        return render.respond(ctx, "record.html", record_view(ctx, code))
    return RedirectResponse(f"/doc/{quote(code)}", status_code=303)


@router.post(
    "/doc/{code}/restrict",
    tags=["edit"],
    summary="Restrict or show again a field of a document (author, entity:<key>)",
)
def restrict(
    request: Request,
    code: str,
    field: Annotated[str, Form()],
    note: Annotated[str, Form()],
    action: Annotated[str, Form()] = "restrict",
    csrf_token: OptionalField = None,
) -> Response:
    """Editors: keep a field (the author, or every mention of one entity such as a witness)
    from anonymous readers and viewers, or show it again; audited."""
    ctx = editor(request, csrf_token, note)
    if action not in RESTRICT_ACTIONS:
        raise HTTPException(status_code=400, detail=f"action is one of {RESTRICT_ACTIONS}")
    restrictions = ctx.archive.restrictions
    change = restrictions.restrict if action == "restrict" else restrictions.unrestrict
    change(code, field.strip(), note=note.strip(), actor=ctx.actor)
    return back_to_record(ctx, code)


@router.post(
    "/doc/{code}/edit",
    tags=["edit"],
    summary="Correct a document's title, date issued, type or publisher, with a reason",
)
def edit(
    request: Request,
    code: str,
    note: Annotated[str, Form()],
    title: OptionalField = None,
    date: OptionalField = None,
    doc_type: OptionalField = None,
    publisher: OptionalField = None,
    csrf_token: OptionalField = None,
) -> Response:
    """Editors: set metadata values (an empty field stays as it is); one audit entry per
    changed field with the old and new value and the note."""
    ctx = editor(request, csrf_token, note)
    changes = {"title": title, "date": date, "doc_type": doc_type, "publisher": publisher}
    ctx.archive.editing.edit(code, changes, note=note.strip(), actor=ctx.actor)
    return back_to_record(ctx, code)


@router.post(
    "/doc/{code}/verdict",
    tags=["edit"],
    summary="Confirm or reject an extracted entity mention, every mention of an entity, or a claim",
)
def verdict(
    request: Request,
    code: str,
    kind: Annotated[str, Form()],
    verdict: Annotated[str, Form()],
    note: Annotated[str, Form()],
    start: Annotated[int | None, Form()] = None,
    end: Annotated[int | None, Form()] = None,
    key: OptionalField = None,
    csrf_token: OptionalField = None,
) -> Response:
    """Editors: kind "mention" or "claim" with its start and end in the text, or kind "entity"
    with the entity key (every mention of it in this document); audited."""
    ctx = editor(request, csrf_token, note)
    spans = _spans(ctx, code, kind, start, end, key)
    finding = "mention" if kind == "entity" else kind
    for first, last in spans:
        ctx.archive.editing.judge(
            code, finding, first, last, verdict, note=note.strip(), actor=ctx.actor
        )
    return back_to_record(ctx, code)


def _spans(
    ctx: Context, code: str, kind: str, start: int | None, end: int | None, key: str | None
) -> list[tuple[int, int]]:
    """The spans a verdict is about: the one given, or every mention of the entity `key`."""
    if kind != "entity":
        if start is None or end is None:
            raise HTTPException(status_code=400, detail="give the start and end of the finding")
        return [(start, end)]
    doc = ctx.archive.get(code)
    found = [(m.start, m.end) for m in doc.entities if mention_key(m) == (key or "").strip()]
    if not found:
        raise HTTPException(status_code=404, detail="this document does not mention the entity")
    return found


def _to_entity(ctx: Context, key: str, decision: Decision) -> Response:
    """The decision as JSON for machines; a browser goes to the entity's page."""
    if render.wants_json(ctx.request):
        return JSONResponse(asdict(decision))
    return RedirectResponse(f"/entities/{quote(key, safe='')}", status_code=303)


@router.post("/entities/merge", tags=["edit"], summary="Merge one entity into another")
def merge(
    request: Request,
    keep: Annotated[str, Form()],
    other: Annotated[str, Form()],
    note: Annotated[str, Form()],
    csrf_token: OptionalField = None,
) -> Response:
    """Editors: every mention of `other` counts as `keep` from now on (audited, undoable)."""
    ctx = editor(request, csrf_token, note)
    decisions = ctx.archive.entity_decisions
    decision = decisions.merge(keep.strip(), other.strip(), note=note.strip(), actor=ctx.actor)
    return _to_entity(ctx, keep.strip(), decision)


@router.post("/entities/split", tags=["edit"], summary="Split mentions off an entity")
def split(
    request: Request,
    entity: Annotated[str, Form()],
    note: Annotated[str, Form()],
    documents: OptionalField = None,
    mentions: OptionalField = None,
    csrf_token: OptionalField = None,
) -> Response:
    """Editors: the mentions in the given documents (codes) or at the given places
    ("CODE:START") become a new entity `split:N` (audited, undoable)."""
    ctx = editor(request, csrf_token, note)
    decision = ctx.archive.entity_decisions.split(
        entity.strip(),
        documents_=_words(documents),
        mentions_=_words(mentions),
        note=note.strip(),
        actor=ctx.actor,
    )
    return _to_entity(ctx, entity.strip(), decision)


@router.post(
    "/entities/decisions/{decision_id}/undo",
    tags=["edit"],
    summary="Undo a merge or split of entities",
)
def undo(
    request: Request,
    decision_id: int,
    note: Annotated[str, Form()],
    csrf_token: OptionalField = None,
) -> Response:
    """Editors: mark a decision undone; the entities are listed as before it (audited)."""
    ctx = editor(request, csrf_token, note)
    decision = ctx.archive.entity_decisions.undo(decision_id, note=note.strip(), actor=ctx.actor)
    kept = decision.target if decision.kind == "merge" else decision.entity
    return _to_entity(ctx, kept, decision)


def _words(value: str | None) -> list[str]:
    """Codes or "CODE:START" places typed one per line, or separated by spaces or commas."""
    return [word for word in (value or "").replace(",", " ").split() if word]

"""Editors' changes on the record page: restricted fields, metadata, verdicts on findings.

Every form carries the CSRF token and needs the editor role (admins too); every change goes
through an archive method that writes the audit entry (who, when, old and new value, why) in
the same transaction. A JSON client gets the record page back; a browser is sent to it.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

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

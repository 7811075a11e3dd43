"""What needs an account: logging in and out, reviewing, uploading and the audit log.

Every form carries the CSRF token; every change goes through an Archive method that writes
the audit entry (who, when, old and new value, why).
"""

from __future__ import annotations

import secrets
from dataclasses import asdict
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from dhakira.views import pages
from dhakira.views.web import render
from dhakira.views.web.context import CSRF_COOKIE, SESSION_COOKIE, Context
from dhakira.views.web.routes_read import record_view
from dhakira.views.web.upload import safe_name, status_page
from dhakira.views.web.upload_runner import UploadRunner

router = APIRouter()
OptionalField = Annotated[str | None, Form()]


def _safe_next(target: str | None) -> str:
    """Only a path on this site: never an address that sends the reader elsewhere."""
    # browsers read "//host" and "/\\host" as another site
    if target and target.startswith("/") and target[1:2] not in ("/", "\\"):
        return target
    return "/search"


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_form(request: Request, next: str | None = None) -> Response:
    ctx = Context.of(request)
    return render.html(ctx, "login.html", {"next": _safe_next(next), "message": None})


@router.post("/login", tags=["people"], summary="Log in (sets an HttpOnly session cookie)")
def login(
    request: Request,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    csrf_token: OptionalField = None,
    next: OptionalField = None,
) -> Response:
    ctx = Context.of(request)
    ctx.check_csrf(csrf_token)
    accounts = ctx.archive.accounts
    address = request.client.host if request.client else "unknown"
    limits = ctx.settings.login_limits
    if accounts.throttled(name, address, limits):
        return _login_refused(ctx, next, "throttled", 429)
    user = accounts.check_password(name, password, address)
    if user is None:
        return _login_refused(ctx, next, "login_failed", 401)
    token = accounts.new_session(user, ctx.settings.session_hours)
    response = RedirectResponse(_safe_next(next), status_code=303)
    secure = ctx.settings.secure_cookies
    age = ctx.settings.session_hours * 3600
    response.set_cookie(
        SESSION_COOKIE, token, max_age=age, httponly=True, samesite="lax", secure=secure
    )
    # a new CSRF token with the new session: one a page showed before login is no use after
    response.set_cookie(
        CSRF_COOKIE, secrets.token_urlsafe(32), httponly=True, samesite="lax", secure=secure
    )
    return response


def _login_refused(ctx: Context, target: str | None, message: str, status: int) -> Response:
    page = {"next": _safe_next(target), "message": message}
    return render.respond(ctx, "login.html", page, status)


@router.post("/logout", tags=["people"], summary="End this session")
def logout(request: Request, csrf_token: OptionalField = None) -> Response:
    ctx = Context.of(request)
    ctx.check_csrf(csrf_token)
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        ctx.archive.accounts.end_session(session)
    response = RedirectResponse("/search", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post("/doc/{code}/review", tags=["people"], summary="Set reliability or visibility")
def review(
    request: Request,
    code: str,
    note: Annotated[str, Form()],
    reliability: OptionalField = None,
    visibility: OptionalField = None,
    csrf_token: OptionalField = None,
) -> Response:
    """Editors: change a document's reliability and/or visibility with a note (audited)."""
    ctx = Context.of(request)
    ctx.require("editor")
    ctx.check_csrf(csrf_token)
    if not note.strip():
        raise HTTPException(status_code=400, detail="a review needs a note saying why")
    doc = ctx.archive.review(
        code,
        note=note.strip(),
        actor=ctx.actor,
        reliability=reliability or None,
        visibility=visibility or None,
    )
    if render.wants_json(request):
        return render.respond(ctx, "record.html", record_view(ctx, doc.code))
    return RedirectResponse(f"/doc/{quote(code)}", status_code=303)


def audit_view(ctx: Context, code: str | None) -> dict[str, Any]:
    ctx.require("admin")
    return pages.audit_page(ctx.archive.audit(code or None))


@router.get("/audit.json", tags=["people"], summary="The audit log (admins)")
def audit_json(request: Request, code: str | None = None) -> dict[str, Any]:
    return audit_view(Context.of(request), code)


@router.get("/audit", response_class=HTMLResponse, include_in_schema=False)
def audit_html(request: Request, code: str | None = None) -> Response:
    ctx = Context.of(request)
    return render.respond(ctx, "audit.html", audit_view(ctx, code))


@router.get("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_form(request: Request) -> Response:
    ctx = Context.of(request)
    ctx.require("editor")
    recent = [asdict(batch) for batch in ctx.archive.uploads.recent()]
    return render.html(ctx, "upload.html", {"recent": recent})


@router.post(
    "/upload",
    tags=["people"],
    summary="Ingest files (editors): kept at once, ingested in the background",
    status_code=202,
)
async def upload(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    csrf_token: OptionalField = None,
) -> Response:
    """Every file is stored before the answer; a browser is sent to the batch's progress page
    (303), a machine gets 202 with the batch id and the address of its JSON status."""
    limit = request.app.state.settings.max_upload_bytes
    received = [(file.filename or "upload", await file.read(limit + 1)) for file in files]
    return await run_in_threadpool(_upload_sync, request, received, csrf_token)


def _upload_sync(
    request: Request, received: list[tuple[str, bytes]], csrf_token: str | None
) -> Response:
    """In one worker thread: the context, its Archive and the storing all stay on it."""
    ctx = Context.of(request)
    ctx.require("editor")
    ctx.check_csrf(csrf_token)
    limit = ctx.settings.max_upload_bytes
    too_big = [name for name, data in received if len(data) > limit]
    if too_big:
        raise HTTPException(status_code=413, detail=f"larger than {limit} bytes: {too_big}")
    named = [(safe_name(name), data) for name, data in received]
    runner: UploadRunner = request.app.state.uploads
    batch = ctx.archive.uploads.receive(named, ctx.actor, runner.token)
    runner.submit(batch)
    page = f"/upload/{quote(batch)}"
    if render.wants_json(request):
        answer = {"batch": batch, "page_url": page, "status_url": f"{page}.json"}
        return JSONResponse(answer, status_code=202)
    return RedirectResponse(page, status_code=303)


def upload_status_view(ctx: Context, batch: str) -> dict[str, Any]:
    ctx.require("editor")
    return status_page(ctx.archive.uploads.batch(batch))


@router.get("/upload/{batch}.json", tags=["people"], summary="An upload's progress (editors)")
def upload_status_json(request: Request, batch: str) -> dict[str, Any]:
    return upload_status_view(Context.of(request), batch)


@router.get("/upload/{batch}", response_class=HTMLResponse, include_in_schema=False)
def upload_status_html(request: Request, batch: str) -> Response:
    ctx = Context.of(request)
    return render.respond(ctx, "upload_status.html", upload_status_view(ctx, batch))


@router.get("/api", response_class=HTMLResponse, include_in_schema=False)
def api_page(request: Request) -> Response:
    """The REST endpoints, listed from the OpenAPI schema (no scripts, no CDN)."""
    ctx = Context.of(request)
    schema = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": spec.get("summary", "")}
        for path, methods in schema["paths"].items()
        for method, spec in methods.items()
    ]
    return render.respond(ctx, "api.html", {"endpoints": endpoints})

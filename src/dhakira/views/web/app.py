"""The web application: `create_app(archive_path)` returns a FastAPI app over one archive.

Pages and their JSON twins are built by the same view functions (dhakira.views.pages). The
REST API is described by the OpenAPI schema at /openapi.json and listed on /api; the
interactive documentation pages of FastAPI are off because they load scripts from a CDN.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from dhakira import __version__
from dhakira.archive import Archive
from dhakira.config import Limits
from dhakira.errors import ArchiveError, ConfigError, DhakiraError, NotFound, QueryError
from dhakira.views.web import i18n, render
from dhakira.views.web.context import CSRF_COOKIE
from dhakira.views.web.counts import CountsCache
from dhakira.views.web.pool import ArchivePool
from dhakira.views.web.routes_connections import router as connections_router
from dhakira.views.web.routes_edit import router as edit_router
from dhakira.views.web.routes_people import router as people_router
from dhakira.views.web.routes_read import router as read_router
from dhakira.views.web.settings import WebSettings
from dhakira.views.web.upload_runner import UploadRunner

STATIC = Path(__file__).resolve().parent / "static"
LANG_COOKIE = "dhakira_lang"
DIGITS_COOKIE = "dhakira_digits"
_YEAR = 365 * 24 * 3600
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


def create_app(
    archive_path: Path,
    database_url: str | None = None,
    settings: WebSettings | None = None,
    migrate: bool = True,
) -> FastAPI:
    """The application over the archive at `archive_path` (migrated once, here, unless the
    caller has already done it: `dhakira serve --workers N` migrates before starting its
    worker processes, so none of them queues behind an ingest for the writers' lock)."""
    Archive.open(Path(archive_path), database_url, create=False, migrate=migrate).close()
    pool = ArchivePool(Path(archive_path), database_url)
    counts = CountsCache()
    settings = settings or WebSettings()
    limits = Limits(max_file_bytes=settings.max_upload_bytes)
    uploads = UploadRunner(Path(archive_path), database_url, limits)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        uploads.start()  # files an upload left waiting when the server stopped
        yield
        uploads.close()
        counts.close()
        pool.close_all()

    app = FastAPI(
        title="dhakira archive",
        version=__version__,
        description="Search and read the archive; review, upload and audit with an account.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.pool = pool
    app.state.counts = counts
    app.state.settings = settings
    app.state.uploads = uploads
    app.state.templates = render.environment()
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(read_router)
    app.include_router(people_router)
    app.include_router(edit_router)
    app.include_router(connections_router)
    app.middleware("http")(_reader_preferences)
    _add_error_pages(app)
    return app


SERVED_ARCHIVE = "DHAKIRA_SERVED_ARCHIVE"
SERVED_DATABASE_URL = "DHAKIRA_SERVED_DATABASE_URL"
SERVED_SECURE_COOKIES = "DHAKIRA_SERVED_SECURE_COOKIES"


def app_from_environment() -> FastAPI:
    """The application each worker process of `dhakira serve --workers N` makes for itself
    (a worker is a fresh interpreter, so what to serve reaches it in its environment, set by
    the parent, which has bound the socket and migrated the archive)."""
    archive = os.environ.get(SERVED_ARCHIVE)
    if not archive:
        raise ConfigError(
            "no archive to serve: a worker process was started on its own",
            item=SERVED_ARCHIVE,
            hint="start the server with `dhakira serve --workers N`, which sets it",
        )
    settings = WebSettings(secure_cookies=os.environ.get(SERVED_SECURE_COOKIES) == "1")
    database_url = os.environ.get(SERVED_DATABASE_URL) or None
    return create_app(Path(archive), database_url, settings, migrate=False)


async def _reader_preferences(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    """Language, digits and CSRF token of this reader, kept in cookies; security headers."""
    asked_lang = i18n.pick(request.query_params.get("lang"), i18n.LANGUAGES)
    lang = (
        asked_lang
        or i18n.pick(request.cookies.get(LANG_COOKIE), i18n.LANGUAGES)
        or i18n.from_accept_language(request.headers.get("accept-language", ""))
    )
    asked_digits = i18n.pick(request.query_params.get("digits"), i18n.DIGIT_STYLES)
    digits = (
        asked_digits
        or i18n.pick(request.cookies.get(DIGITS_COOKIE), i18n.DIGIT_STYLES)
        or i18n.default_digits(lang)
    )
    csrf = request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)
    request.state.lang, request.state.digits, request.state.csrf = lang, digits, csrf
    response = await call_next(request)
    secure = request.app.state.settings.secure_cookies
    if asked_lang:
        response.set_cookie(LANG_COOKIE, lang, max_age=_YEAR, samesite="lax", secure=secure)
    if asked_digits:
        response.set_cookie(DIGITS_COOKIE, digits, max_age=_YEAR, samesite="lax", secure=secure)
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="lax", secure=secure)
    for name, value in _SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


_STATUS: list[tuple[type[DhakiraError], int]] = [
    (NotFound, 404),
    (ConfigError, 400),
    (QueryError, 400),
    (ArchiveError, 500),
]


def _add_error_pages(app: FastAPI) -> None:
    """Errors as a page in the reader's language, or as JSON for machines."""

    @app.exception_handler(DhakiraError)
    async def dhakira_error(request: Request, exc: DhakiraError) -> Response:
        status = next((code for kind, code in _STATUS if isinstance(exc, kind)), 500)
        key = "not_found" if status == 404 else "error"
        return _error(request, status, key, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = str(exc.detail)
        if exc.status_code == 401 and not render.wants_json(request):
            target = request.url.path
            return RedirectResponse(f"/login?next={target}", status_code=303)
        key = {403: "forbidden", 404: "not_found"}.get(exc.status_code, "error")
        return _error(request, exc.status_code, key, detail)


def _error(request: Request, status: int, key: str, detail: str) -> Response:
    if render.wants_json(request):
        return JSONResponse({"error": key, "detail": detail}, status_code=status)
    page = {"error": key, "detail": detail, "status": status}
    body = render.render(request, "error.html", page)
    return Response(body, status_code=status, media_type="text/html; charset=utf-8")

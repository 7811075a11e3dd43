"""Who is asking, and in which language: the one place permissions are decided.

Every endpoint starts with `Context.of(request)`. It resolves the reader (API token first,
then session cookie), and gives `public_only`, the visibility scope every archive query of the
request is made with: True for anonymous readers, so restricted documents are excluded by the
SQL itself and never reach a page, a count or a JSON body. `hide_fields` is the second scope:
restricted fields of a document are masked for everyone below editor. Roles are checked with
`require`; forms with `check_csrf` (double-submit: the form field must equal the CSRF cookie;
requests authenticated by an API token carry no cookies and need no CSRF token).
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import HTTPException, Request

from dhakira.archive import Archive
from dhakira.archive.accounts import User
from dhakira.views.web.pool import ArchivePool
from dhakira.views.web.settings import WebSettings

SESSION_COOKIE = "dhakira_session"
CSRF_COOKIE = "dhakira_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass
class Context:
    request: Request
    archive: Archive
    settings: WebSettings
    user: User | None
    via_token: bool
    lang: str
    digits: str
    csrf: str

    @classmethod
    def of(cls, request: Request) -> Context:
        """The context of a request; call it inside the endpoint (its thread's Archive)."""
        pool: ArchivePool = request.app.state.pool
        archive = pool.get()
        user, via_token = _reader(request, archive)
        state = request.state
        return cls(
            request,
            archive,
            request.app.state.settings,
            user,
            via_token,
            state.lang,
            state.digits,
            state.csrf,
        )

    @property
    def public_only(self) -> bool:
        """The visibility scope: anyone logged in (viewer and above) sees restricted documents."""
        return self.user is None

    @property
    def hide_fields(self) -> bool:
        """Whether a document's restricted fields (a witness's name, an author who asked not to
        be named) are kept from this reader: from anonymous readers and viewers, who may read
        a restricted document but not the identities an editor has protected inside it."""
        return self.user is None or not self.user.can("editor")

    @property
    def actor(self) -> str:
        """How the audit log names the person acting through the web."""
        return f"web:{self.user.name}" if self.user else "web:anonymous"

    def require(self, role: str) -> User:
        """The user, when logged in with `role` or above; 401 or 403 otherwise."""
        if self.user is None:
            raise HTTPException(status_code=401, detail="login_needed")
        if not self.user.can(role):
            raise HTTPException(status_code=403, detail="forbidden")
        return self.user

    def check_csrf(self, submitted: str | None) -> None:
        """Refuse a cookie-authenticated change whose CSRF token is missing or wrong."""
        if self.via_token:
            return
        given = submitted or self.request.headers.get(CSRF_HEADER, "")
        cookie = self.request.cookies.get(CSRF_COOKIE, "")
        if not cookie or not hmac.compare_digest(given.encode(), cookie.encode()):
            raise HTTPException(status_code=403, detail="csrf")


def _reader(request: Request, archive: Archive) -> tuple[User | None, bool]:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        user = archive.accounts.token_user(token.strip())
        if user is None:
            raise HTTPException(status_code=401, detail="bad_token")
        return user, True
    session = request.cookies.get(SESSION_COOKIE)
    if session:
        return archive.accounts.session_user(session), False
    return None, False

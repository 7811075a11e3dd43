"""Sessions, CSRF, rate limiting, API tokens and inert payloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhakira.archive import Archive
from dhakira.views.web.context import CSRF_COOKIE, SESSION_COOKIE

from .conftest import PASSWORD, ClientFor, Codes, log_in


def test_the_session_cookie_is_httponly_and_samesite_lax(shared_client: ClientFor) -> None:
    client = shared_client(None)
    client.get("/login")
    response = client.post(
        "/login",
        data={"name": "viewer", "password": PASSWORD, "csrf_token": client.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    )
    cookie = next(
        value
        for value in response.headers.get_list("set-cookie")
        if value.startswith(SESSION_COOKIE)
    )
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http on loopback; --secure-cookies behind HTTPS


def test_a_login_form_without_the_csrf_token_is_refused(shared_client: ClientFor) -> None:
    client = shared_client(None)
    client.get("/login")
    response = client.post("/login", data={"name": "viewer", "password": PASSWORD})
    assert response.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_a_review_with_a_wrong_csrf_token_changes_nothing(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, codes = fresh_archive
    client = fresh_client("editor")
    response = client.post(
        f"/doc/{codes.restricted_en}/review",
        data={"visibility": "public", "note": "forged", "csrf_token": "not-the-token"},
    )
    assert response.status_code == 403
    with Archive.open(path) as archive:
        assert archive.get(codes.restricted_en).visibility == "restricted"


def test_an_editor_review_is_applied_and_audited_with_who_and_why(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, codes = fresh_archive
    client = fresh_client("editor")
    response = client.post(
        f"/doc/{codes.restricted_en}/review",
        data={
            "reliability": "correct",
            "visibility": "public",
            "note": "matches two sources",
            "csrf_token": client.cookies[CSRF_COOKIE],
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    with Archive.open(path) as archive:
        entries = [e for e in archive.audit(codes.restricted_en) if e.action == "review"]
    assert {(e.actor, e.field, e.old, e.new, e.why) for e in entries} == {
        ("web:editor", "reliability", "unspecified", "correct", "matches two sources"),
        ("web:editor", "visibility", "restricted", "public", "matches two sources"),
    }
    assert fresh_client(None).get(f"/doc/{codes.restricted_en}.json").status_code == 200


def test_logins_are_refused_after_repeated_failures_even_with_the_right_password(
    fresh_client: ClientFor,
) -> None:
    client = fresh_client(None)
    client.get("/login")
    token = client.cookies[CSRF_COOKIE]
    for _ in range(5):
        wrong = client.post(
            "/login", data={"name": "admin", "password": "guess", "csrf_token": token}
        )
        assert wrong.status_code == 401
    right = client.post("/login", data={"name": "admin", "password": PASSWORD, "csrf_token": token})
    assert right.status_code == 429
    assert SESSION_COOKIE not in client.cookies


def test_failures_for_one_name_do_not_lock_out_another(fresh_client: ClientFor) -> None:
    client = fresh_client(None)
    client.get("/login")
    token = client.cookies[CSRF_COOKIE]
    for _ in range(5):
        client.post("/login", data={"name": "admin", "password": "guess", "csrf_token": token})
    log_in(client, "viewer")


def test_logging_out_ends_the_session_on_the_server(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client("viewer")
    session = client.cookies[SESSION_COOKIE]
    client.post("/logout", data={"csrf_token": client.cookies[CSRF_COOKIE]})
    client.cookies.set(SESSION_COOKIE, session)  # a stolen copy of the old cookie
    assert client.get(f"/doc/{codes.restricted_en}.json").status_code == 404


def test_an_api_token_reads_restricted_documents_without_cookies_or_csrf(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, codes = fresh_archive
    with Archive.open(path) as archive:
        token = archive.accounts.new_token("editor", "importer", actor="test")
    client = fresh_client(None)
    bearer = {"authorization": f"Bearer {token}"}
    assert client.get(f"/doc/{codes.restricted_en}.json", headers=bearer).status_code == 200
    reviewed = client.post(
        f"/doc/{codes.restricted_en}/review",
        data={"reliability": "unverified", "note": "api"},
        headers=bearer,
    )
    assert reviewed.status_code == 200
    assert reviewed.json()["reliability"]["rating"] == "unverified"


def test_a_wrong_api_token_is_refused_not_treated_as_anonymous(shared_client: ClientFor) -> None:
    response = shared_client(None).get("/search.json", headers={"authorization": "Bearer nope"})
    assert response.status_code == 401


def test_script_and_html_in_a_document_render_as_inert_text(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client(None)
    pages = [
        client.get(f"/doc/{codes.payload}").text,
        client.get("/search?q=report+sednaya").text,
        client.get("/search?q=payload").text,
    ]
    for body in pages:
        assert "<script>" not in body and "<img" not in body and "<b " not in body
        assert 'href="javascript:' not in body
    assert "&lt;script&gt;alert(" in pages[0]
    assert "&lt;img src=x onerror=" in pages[0]


def test_pages_forbid_scripts_and_framing(shared_client: ClientFor) -> None:
    headers = shared_client(None).get("/search").headers
    assert "script-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_the_original_downloads_with_its_hash_and_never_inline(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    response = shared_client(None).get(f"/doc/{codes.payload}/original")
    assert (
        response.headers["x-content-sha256"]
        == shared_client(None).get(f"/doc/{codes.payload}.json").json()["provenance"]["sha256"]
    )
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["content-type"] == "application/octet-stream"
    assert b'<script>alert("x")</script>' in response.content  # untouched bytes


@pytest.mark.parametrize("target", ["//evil.example/", "/\\evil.example/", "https://evil.example/"])
def test_after_login_the_reader_stays_on_this_site(target: str, shared_client: ClientFor) -> None:
    client = shared_client(None)
    client.get("/login")
    response = client.post(
        "/login",
        data={
            "name": "viewer",
            "password": PASSWORD,
            "next": target,
            "csrf_token": client.cookies[CSRF_COOKIE],
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/search"


def test_cookies_are_secure_when_served_behind_https(fresh_archive: tuple[Path, Codes]) -> None:
    from fastapi.testclient import TestClient

    from dhakira.views.web import WebSettings, create_app

    app = create_app(fresh_archive[0], settings=WebSettings(secure_cookies=True))
    with TestClient(app, base_url="https://testserver") as client:
        client.get("/login")
        response = client.post(
            "/login",
            data={
                "name": "viewer",
                "password": PASSWORD,
                "csrf_token": client.cookies[CSRF_COOKIE],
            },
            follow_redirects=False,
        )
    cookies = response.headers.get_list("set-cookie")
    assert cookies and all("Secure" in cookie for cookie in cookies)

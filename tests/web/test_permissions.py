"""The permission matrix: every role × every page and endpoint × public and restricted
documents. Anonymous readers must never meet a restricted document or a restricted field in
any body (HTML or JSON), snippet, facet count, entity or claim listing; people with an account
read restricted documents; only editors upload and review, only admins read the audit log."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, unquote

import pytest

from .conftest import SECRET_FRAGMENTS, ClientFor, Codes

READER_ROLES = (None, "viewer", "editor", "admin")


def _everything(codes: Codes) -> list[str]:
    """Every GET address of the application, over public and restricted documents."""
    urls = [
        "/search",
        "/search.json",
        "/search?q=sednaya",
        "/search.json?q=sednaya",
        "/search.json?q=Zubayda",
        "/search?q=Marwan",
        "/search.json?q=شاهدةسرية",
        "/search.json?type=testimony",
        "/search.json?publisher=Secret%20Collective",
        "/search.json?from=2018&to=2018",
        "/search?q=sednaya&reliability=unspecified",
        "/entities",
        "/entities.json",
        "/entities.json?name=Marwan",
        "/entities.json?type=person",
        "/entities/facility:sednaya-prison",
        "/entities/facility:sednaya-prison.json",
        "/entities/" + quote("person:marwan haddad"),
        "/entities/" + quote("person:marwan haddad.json"),
        "/claims",
        "/claims.json",
        "/claims.json?place=Sednaya",
        "/claims.json?attributed_to=Zubayda",
        "/incidents",
        "/incidents.json",
        "/incidents.json?place=Sednaya",
        "/incidents.json?entity=Zubayda",
        "/timeline",
        "/timeline.json",
        "/timeline.json?entity=Marwan",
        "/timeline.json?from=2018&to=2018",
        "/audit",
        "/audit.json",
        "/upload",
        "/login",
        "/api",
        "/openapi.json",
        "/export.jsonl",
    ]
    for code in (*codes.public, *codes.restricted):
        urls += [
            f"/doc/{code}",
            f"/doc/{code}.json",
            f"/doc/{code}/original",
            f"/audit.json?code={code}",
            f"/incidents/{code}:0.json",
        ]
    return urls


def test_anonymous_bodies_never_hold_a_restricted_code_title_or_text(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client(None)
    secrets = (*SECRET_FRAGMENTS, *codes.restricted, "Witness Zubayda", "testimony")
    for url in _everything(codes):
        body = client.get(url, follow_redirects=True).text
        for secret in secrets:
            if secret.casefold() in unquote(url).casefold():
                continue  # the reader's own query is echoed back; what it finds is tested below
            assert secret not in body, f"{secret!r} leaked by {url}"


@pytest.mark.parametrize("words", ["Zubayda", "Marwan", "شاهدةسرية", "secretquote", "detainees"])
def test_searching_for_restricted_words_finds_nothing_anonymously(
    words: str, shared_client: ClientFor
) -> None:
    found = shared_client(None).get("/search.json", params={"q": words}).json()
    assert (found["total"], found["hits"]) == (0, [])
    assert all(counts == [] for counts in found["facets"].values())


@pytest.mark.parametrize("role", ["viewer", "editor", "admin"])
def test_people_with_an_account_read_restricted_documents(
    role: str, shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client(role)
    record = client.get(f"/doc/{codes.restricted_en}.json")
    assert record.status_code == 200
    assert record.json()["metadata"]["title"] == "Witness Zubayda Qarawi account"
    assert client.get(f"/doc/{codes.restricted_en}/original").status_code == 200
    found = client.get("/search.json?q=Zubayda").json()
    assert [hit["code"] for hit in found["hits"]] == [codes.restricted_en]


@pytest.mark.parametrize("role", READER_ROLES)
def test_everyone_reads_public_documents(
    role: str | None, shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client(role)
    for code in codes.public:
        assert client.get(f"/doc/{code}").status_code == 200
        assert client.get(f"/doc/{code}.json").json()["code"] == code
        assert client.get(f"/doc/{code}/original").status_code == 200


def test_a_restricted_document_is_missing_for_anonymous_readers_like_an_unknown_code(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client(None)
    hidden = client.get(f"/doc/{codes.restricted_en}.json")
    unknown = client.get("/doc/DHK-2018-000000.json")
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.json()["error"] == unknown.json()["error"]
    assert client.get(f"/doc/{codes.restricted_en}/original").status_code == 404


def test_facet_counts_and_totals_count_only_what_the_reader_may_see(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    anonymous = shared_client(None).get("/search.json?q=sednaya").json()
    viewer = shared_client("viewer").get("/search.json?q=sednaya").json()
    assert anonymous["total"] == 2  # the English report and the payload document
    assert viewer["total"] == 3  # and the restricted English testimony
    anonymous_types = {f["value"]: f["count"] for f in anonymous["facets"]["doc_type"]}
    viewer_types = {f["value"]: f["count"] for f in viewer["facets"]["doc_type"]}
    assert "testimony" not in anonymous_types
    assert viewer_types["testimony"] == 1
    assert sum(anonymous_types.values()) == anonymous["total"]


def test_entity_and_claim_listings_leave_out_restricted_documents(
    shared_client: ClientFor,
) -> None:
    anonymous = shared_client(None)
    sednaya = anonymous.get("/entities/facility:sednaya-prison.json").json()
    assert sednaya["entity"]["documents"] == 2
    assert {s for s in sednaya["entity"]["spellings"]} == {"Sednaya Prison", "سجن صيدنايا"}
    assert len(sednaya["documents"]) == 2
    assert [c["best"] for c in anonymous.get("/claims.json").json()["claims"]] == [13000]
    viewer = shared_client("viewer")
    assert viewer.get("/entities/facility:sednaya-prison.json").json()["entity"]["documents"] == 3
    assert len(viewer.get("/claims.json").json()["claims"]) == 2


def test_restricted_fields_of_a_public_document_are_removed_for_anonymous_readers(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    public = shared_client(None).get(f"/doc/{codes.public_en}.json").json()
    assert "source" not in public["provenance"]
    assert "supplied" not in public and "history" not in public
    assert public["provenance"]["sha256"]
    seen = shared_client("viewer").get(f"/doc/{codes.public_en}.json").json()
    assert seen["provenance"]["source"] == "collector-laila/phone/report.txt"
    assert seen["supplied"] == {"witness": "Hidden Witness Name"}


@pytest.mark.parametrize(
    ("role", "upload", "audit"),
    [(None, 401, 401), ("viewer", 403, 403), ("editor", 200, 403), ("admin", 200, 200)],
)
def test_upload_is_for_editors_and_the_audit_log_for_admins(
    role: str | None, upload: int, audit: int, shared_client: ClientFor
) -> None:
    client = shared_client(role)
    assert client.get("/upload", headers={"accept": "application/json"}).status_code == upload
    assert client.get("/audit.json").status_code == audit


def test_anonymous_html_pages_needing_an_account_send_the_reader_to_log_in(
    shared_client: ClientFor,
) -> None:
    response = shared_client(None).get("/audit", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/audit"


@pytest.mark.parametrize("role", [None, "viewer"])
def test_only_editors_review(
    role: str | None, fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    _path, codes = fresh_archive
    client = fresh_client(role)
    response = client.post(
        f"/doc/{codes.restricted_en}/review",
        data={
            "visibility": "public",
            "note": "try",
            "csrf_token": client.cookies.get("dhakira_csrf", ""),
        },
        headers={"accept": "application/json"},
    )
    assert response.status_code in (401, 403)
    assert fresh_client(None).get(f"/doc/{codes.restricted_en}.json").status_code == 404


def test_the_entity_facet_counts_only_visible_documents(shared_client: ClientFor) -> None:
    def sednaya(role: str | None) -> int:
        facets = shared_client(role).get("/search.json").json()["facets"]["entity"]
        return next(f["count"] for f in facets if f["value"] == "facility:sednaya-prison")

    assert (sednaya(None), sednaya("viewer")) == (2, 3)


def test_the_export_holds_what_the_reader_may_see(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    import json

    _path, codes = shared_archive

    def exported(role: str | None) -> dict[str, dict[str, object]]:
        body = shared_client(role).get("/export.jsonl").text
        return {record["code"]: record for record in map(json.loads, body.splitlines())}

    anonymous, viewer = exported(None), exported("viewer")
    assert set(anonymous) == set(codes.public)
    assert set(viewer) == {*codes.public, *codes.restricted}
    assert "source" not in anonymous[codes.public_en]
    assert viewer[codes.public_en]["supplied"] == {"witness": "Hidden Witness Name"}


def test_the_public_export_of_the_cli_is_the_anonymous_readers_export(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    from typer.testing import CliRunner

    from dhakira.views.cli import app

    path, _codes = shared_archive
    result = CliRunner().invoke(app, ["export", "--public", "--archive", str(path)])
    assert result.exit_code == 0, result.output
    web = shared_client(None).get("/export.jsonl").text
    assert sorted(result.stdout.splitlines()) == sorted(web.splitlines())


def test_a_restricted_copy_of_a_public_document_is_not_among_its_links_for_anonymous_readers(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    from dataclasses import replace

    from dhakira.archive import Archive

    from .conftest import fixture_documents

    path, codes = fresh_archive
    original, _ = fixture_documents()["public_en"]
    # the same text in other bytes (say, another file format): a copy of the same document
    copy_bytes = original.text.encode() + b"\n\n"
    copy = replace(original, item=replace(original.item, data=copy_bytes))
    with Archive.open(path) as archive:
        copy_code = archive.add(copy, archive.start_batch("copies")).code
        archive.links.linker().link(copy_code, copy)  # the fixtures are linked already
    seen = fresh_client("viewer").get(f"/doc/{codes.public_en}.json").json()["links"]
    assert copy_code in [d["code"] for d in seen["duplicates"]]
    assert copy_code in fresh_client("viewer").get(f"/doc/{codes.public_en}").text
    for body in (
        fresh_client(None).get(f"/doc/{codes.public_en}.json").text,
        fresh_client(None).get(f"/doc/{codes.public_en}").text,
    ):
        assert copy_code not in body


@pytest.mark.parametrize(
    ("role", "review", "upload"),
    [(None, 401, 401), ("viewer", 403, 403), ("editor", 200, 202), ("admin", 200, 202)],
)
def test_changes_by_role(
    role: str | None,
    review: int,
    upload: int,
    fresh_archive: tuple[Path, Codes],
    fresh_client: ClientFor,
) -> None:
    _path, codes = fresh_archive
    client = fresh_client(role)
    client.get("/login")
    token = {"csrf_token": client.cookies["dhakira_csrf"]}
    as_json = {"accept": "application/json"}
    reviewed = client.post(
        f"/doc/{codes.restricted_en}/review",
        data={"reliability": "unverified", "note": "matrix", **token},
        headers=as_json,
    )
    uploaded = client.post(
        "/upload",
        files={"files": ("m.txt", b"Matrix upload about a detention in Homs.", "text/plain")},
        data=token,
        headers=as_json,
    )
    assert (reviewed.status_code, uploaded.status_code) == (review, upload)
    if review != 200:
        assert "Zubayda" not in reviewed.text and "Zubayda" not in uploaded.text


_CHANGES = {
    "restrict": {"field": "author"},
    "edit": {"title": "Changed title"},
    "verdict": {"kind": "entity", "key": "facility:sednaya-prison", "verdict": "confirmed"},
}


@pytest.mark.parametrize(
    ("role", "status"), [(None, 401), ("viewer", 403), ("editor", 200), ("admin", 200)]
)
@pytest.mark.parametrize("change", sorted(_CHANGES))
def test_changes_on_a_record_are_for_editors_and_admins(
    role: str | None,
    status: int,
    change: str,
    fresh_archive: tuple[Path, Codes],
    fresh_client: ClientFor,
) -> None:
    _path, codes = fresh_archive
    client = fresh_client(role)
    data = {
        **_CHANGES[change],
        "note": "matrix",
        "csrf_token": client.cookies.get("dhakira_csrf", ""),
    }
    response = client.post(
        f"/doc/{codes.public_en}/{change}", data=data, headers={"accept": "application/json"}
    )
    assert response.status_code == status
    history = fresh_client("admin").get(f"/doc/{codes.public_en}.json").json()["history"]
    assert len(history) == (1 if status != 200 else 2)


@pytest.mark.parametrize(
    ("role", "status"), [(None, 401), ("viewer", 403), ("editor", 200), ("admin", 200)]
)
def test_merging_entities_is_for_editors_and_admins(
    role: str | None, status: int, fresh_client: ClientFor
) -> None:
    client = fresh_client(role)
    data = {
        "keep": "person:zubayda qarawi",
        "other": "person:marwan haddad",
        "note": "matrix",
        "csrf_token": client.cookies.get("dhakira_csrf", ""),
    }
    response = client.post("/entities/merge", data=data, headers={"accept": "application/json"})
    assert response.status_code == status

"""Every page and its JSON twin answers from the same view dict."""

from __future__ import annotations

from pathlib import Path

from dhakira.archive import Archive

from .conftest import ClientFor, Codes, upload_and_wait


def test_search_json_is_the_view_dict_with_hits_facets_and_paging(shared_client: ClientFor) -> None:
    page = shared_client(None).get("/search.json?q=sednaya").json()
    assert set(page) == {"query", "total", "took_ms", "hits", "facets", "page", "pages"}
    assert set(page["facets"]) == {
        "doc_type",
        "language",
        "publisher",
        "year",
        "reliability",
        "entity",
    }
    assert page["hits"][0]["highlights"]


def test_search_page_marks_the_words_found_inside_the_escaped_snippet(
    shared_client: ClientFor,
) -> None:
    body = shared_client(None).get("/search?q=hanged").text
    assert "<mark>hanged</mark>" in body
    assert "Sednaya hangings report" in body


def test_search_without_words_counts_the_whole_visible_archive_in_facets(
    shared_client: ClientFor,
) -> None:
    page = shared_client(None).get("/search.json").json()
    years = {f["value"]: f["count"] for f in page["facets"]["year"]}
    assert years == {"2016": 1, "2017": 1, "2019": 1}


def test_a_facet_link_narrows_the_search(shared_client: ClientFor) -> None:
    page = shared_client(None).get("/search.json?q=sednaya&type=ngo_report").json()
    assert [hit["title"] for hit in page["hits"]] == ["Sednaya hangings report"]


def test_the_record_page_shows_the_archive_record_block(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client(None)
    body = client.get(f"/doc/{codes.public_en}?lang=en").text
    record = client.get(f"/doc/{codes.public_en}.json").json()
    for shown in (
        codes.public_en,
        "2017-02-07",
        "NGO report",
        record["provenance"]["sha256"],
        f"/doc/{codes.public_en}/original",
        "Amnesty International",
    ):
        assert shown in body
    assert '<mark class="entity entity-facility" title="Sednaya Prison (Facility)">' in body
    assert "up to 13,000" in body  # the claim's figure, as a reader says it


def test_the_record_json_twin_is_the_cli_record_view(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    from dhakira.views import pages
    from dhakira.views.connections import with_connections

    path, codes = shared_archive
    code = codes.restricted_en
    with Archive.open(path) as archive:
        doc = archive.get(code)
        expected = pages.record_page(doc, archive.audit(code), archive.links.of(code))
        expected = pages.with_verdicts(expected, doc, archive.editing.verdicts(code), detailed=True)
        expected = with_connections(expected, archive, public_only=False)
    expected["original_withheld"] = False
    assert shared_client("viewer").get(f"/doc/{code}.json").json() == expected


def test_an_unknown_code_is_a_404_page(shared_client: ClientFor) -> None:
    response = shared_client(None).get("/doc/DHK-1999-000000?lang=en")
    assert response.status_code == 404
    assert "Not found" in response.text


def test_entity_listing_and_entity_page(shared_client: ClientFor) -> None:
    client = shared_client(None)
    listing = client.get("/entities.json?type=facility").json()
    assert [e["key"] for e in listing["entities"]] == ["facility:sednaya-prison"]
    assert "/entities/facility%3Asednaya-prison" in client.get("/entities").text
    page = client.get("/entities/facility:sednaya-prison").text
    assert "سجن صيدنايا" in page and "Sednaya hangings report" in page


def test_claims_listing_filters_by_place_in_either_script(shared_client: ClientFor) -> None:
    client = shared_client(None)
    claims = client.get("/claims.json", params={"place": "صيدنايا"}).json()["claims"]
    assert [c["best"] for c in claims] == [13000]
    assert "up to 13,000 people were hanged" in client.get("/claims").text


def test_the_audit_log_lists_every_change_for_admins(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client("admin")
    entries = client.get("/audit.json").json()["entries"]
    assert {e["action"] for e in entries} >= {"ingest", "user_add"}
    assert codes.restricted_en in client.get("/audit").text


def test_the_api_page_lists_the_endpoints_of_the_openapi_schema(shared_client: ClientFor) -> None:
    client = shared_client(None)
    schema = client.get("/openapi.json").json()
    for path in (
        "/search.json",
        "/doc/{code}.json",
        "/doc/{code}/original",
        "/entities.json",
        "/claims.json",
        "/audit.json",
        "/upload",
        "/login",
        "/doc/{code}/review",
    ):
        assert path in schema["paths"]
        assert path in client.get("/api").text


def test_the_home_page_is_the_search(shared_client: ClientFor) -> None:
    assert shared_client(None).get("/", follow_redirects=False).headers["location"] == "/search"


def test_an_upload_ingests_each_file_as_a_restricted_document_with_its_name_as_source(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, _codes = fresh_archive
    client = fresh_client("editor")
    text = b"Statement of 3 March 2019: families ask about detainees held in Sednaya.\n"
    page = upload_and_wait(client, [("../../etc/statement.txt", text, "text/plain")])
    [outcome] = page["outcomes"]
    assert outcome["status"] == "ingested"
    assert outcome["source"] == "upload:statement.txt"
    with Archive.open(path) as archive:
        stored = archive.get(outcome["code"])
    assert (stored.visibility, stored.source) == ("restricted", "upload:statement.txt")
    again = upload_and_wait(client, [("copy.txt", text, "text/plain")])
    assert [o["status"] for o in again["outcomes"]] == ["duplicate"]


def test_an_upload_page_shows_each_outcome(fresh_client: ClientFor) -> None:
    client = fresh_client("editor")
    note = ("note.txt", b"A short note about a detention in Aleppo.", "text/plain")
    status = upload_and_wait(client, [note])
    response = client.get(status["page_url"])
    assert response.status_code == 200
    assert "note.txt" in response.text and 'class="outcome-ingested"' in response.text


def test_an_upload_without_the_csrf_token_is_refused(fresh_client: ClientFor) -> None:
    client = fresh_client("editor")
    response = client.post("/upload", files={"files": ("x.txt", b"some words here", "text/plain")})
    assert response.status_code == 403


def test_the_entity_facet_names_the_entity_and_narrows_to_documents_naming_it(
    shared_client: ClientFor,
) -> None:
    client = shared_client(None)
    [facet] = client.get("/search.json").json()["facets"]["entity"]
    assert facet == {"value": "facility:sednaya-prison", "count": 2, "name": "Sednaya Prison"}
    narrowed = client.get("/search.json?entity=facility:sednaya-prison").json()
    assert sorted(hit["title"] for hit in narrowed["hits"]) == [
        "Sednaya hangings report",
        "بيان عن سجن صيدنايا",
    ]


def test_a_chosen_facet_is_marked_and_its_link_removes_it(shared_client: ClientFor) -> None:
    body = shared_client(None).get("/search?q=sednaya&type=ngo_report").text
    assert '<li class="active" aria-current="true"><a href="/search?q=sednaya">' in body


def test_the_app_refuses_a_folder_without_an_archive(tmp_path: Path) -> None:
    import pytest

    from dhakira.errors import NotFound
    from dhakira.views.web import create_app

    with pytest.raises(NotFound):
        create_app(tmp_path / "nothing here")

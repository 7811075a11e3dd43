"""Restricted fields: an editor hides a document's author or a person named in it (a witness),
and neither anonymous visitors nor viewers meet it in any page, JSON body, search hit,
snippet, facet count, listing or export; editors and admins still see it.

The archive here holds public documents whose witness and author names are invented and
found nowhere else, so finding one in a body is a leak.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from typer.testing import CliRunner

from dhakira.archive import Archive, SearchQuery
from dhakira.archive.masking import MARK
from dhakira.records import Claim, DateIssued, Document, Item, Mention
from dhakira.views.cli import app as cli_app

from .conftest import ROLES, ClientFor, _clients

WITNESS = "Samir Khoury"
WITNESS_AR = "سلمى الحداد"
AUTHOR = "Nadia Farouk"
LEAKS = (WITNESS, "Samir", "Khoury", WITNESS_AR, AUTHOR, "Farouk")
EN = (
    "Samir Khoury said that 40 detainees were executed at Sednaya Prison in 2015. "
    "Guards beat Samir Khoury daily, the report adds."
)
AR = "قالت سلمى الحداد إن معتقلين في سجن صيدنايا تعرضوا للتعذيب."


def _mention(text: str, whole: str, kind: str, entity_id: str | None = None) -> Mention:
    start = whole.index(text)
    name = "Sednaya Prison" if entity_id else None
    return Mention(text, start, start + len(text), kind, entity_id, name, "test")


def _documents() -> list[Document]:
    quote_en = "40 detainees were executed at Sednaya Prison"
    start = EN.index(quote_en)
    claim = Claim(
        "execution", None, None, 40, None, "Sednaya Prison", "2015", "2015", None,
        WITNESS, quote_en, start, start + len(quote_en),
    )  # fmt: skip
    english = Document(
        item=_item(EN),
        text=EN,
        raw_text=EN,
        title="Testimony of Samir Khoury on Sednaya",
        date=DateIssued("2017-03-01", "day", "header"),
        doc_type="testimony",
        publisher="Open Wire",
        author=AUTHOR,
        language="en",
        languages=["en"],
        entities=[
            _mention(WITNESS, EN, "person"),
            _mention("Sednaya Prison", EN, "facility", "facility:sednaya-prison"),
        ],
        claims=[claim],
    )
    arabic = Document(
        item=_item(AR),
        text=AR,
        raw_text=AR,
        title="شهادة عن سجن صيدنايا",
        date=DateIssued("2016-01-01", "day", "header"),
        doc_type="testimony",
        publisher="الشبكة",
        language="ar",
        languages=["ar"],
        entities=[_mention(WITNESS_AR, AR, "person")],
    )
    return [english, arabic]


def _item(text: str) -> Item:
    return Item(
        data=text.encode("utf-8"),
        source="fixtures/testimony.txt",
        media_type="text/plain",
        captured_at=datetime(2024, 5, 1, 12, 0, tzinfo=UTC),
    )


def build(path: Path) -> tuple[str, str]:
    """The archive with both documents public and their witness (and author) restricted."""
    with Archive.open(path) as archive:
        batch = archive.start_batch("restricted fields")
        en, ar = (archive.add(doc, batch, visibility="public").code for doc in _documents())
        hide = archive.restrictions.restrict
        hide(en, "author", note="asked not to be named", actor="test")
        hide(en, "entity:person:samir khoury", note="witness protection", actor="test")
        hide(ar, f"entity:person:{WITNESS_AR}", note="witness protection", actor="test")
        for role in ROLES:
            archive.accounts.add(role, "correct horse battery staple", role, actor="test")
    return en, ar


@pytest.fixture(scope="module")
def restricted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    path = tmp_path_factory.mktemp("restricted") / "archive"
    return (path, *build(path))


@pytest.fixture(scope="module")
def client(restricted: tuple[Path, str, str]) -> Iterator[ClientFor]:
    yield from _clients(restricted[0])


def _addresses(en: str, ar: str) -> list[str]:
    witness_key = quote("person:samir khoury")
    return [
        f"/doc/{en}",
        f"/doc/{en}.json",
        f"/doc/{ar}",
        f"/doc/{ar}.json",
        "/search?q=sednaya",
        "/search.json?q=sednaya",
        "/search.json?q=executed",
        "/search.json",
        "/search.json?q=صيدنايا",
        "/search.json?entity=facility:sednaya-prison",
        "/entities",
        "/entities.json",
        "/entities.json?type=person",
        f"/entities/{witness_key}.json",
        "/entities/facility:sednaya-prison",
        "/entities/facility:sednaya-prison.json",
        "/claims",
        "/claims.json",
        "/claims.json?place=Sednaya",
        "/export.jsonl",
    ]


@pytest.mark.parametrize("role", [None, "viewer"])
def test_no_body_holds_a_restricted_name_for_visitors_and_viewers(
    role: str | None, restricted: tuple[Path, str, str], client: ClientFor
) -> None:
    _path, en, ar = restricted
    reader = client(role)
    for url in _addresses(en, ar):
        body = reader.get(url).text.casefold()
        for secret in LEAKS:
            if secret.casefold() in unquote(url).casefold():
                continue  # the reader's own words, echoed back (the 404 of the witness's page)
            assert secret.casefold() not in body, f"{secret!r} leaked by {url} to {role}"


@pytest.mark.parametrize("role", [None, "viewer"])
def test_claims_asked_for_by_a_restricted_name_are_left_out(
    role: str | None, client: ClientFor
) -> None:
    found = client(role).get("/claims.json", params={"attributed_to": "Samir"}).json()
    assert found["claims"] == []
    assert client("editor").get("/claims.json", params={"attributed_to": "Samir"}).json()["claims"]


@pytest.mark.parametrize("role", [None, "viewer"])
@pytest.mark.parametrize("words", ["Samir", "khoury", "Nadia Farouk", "الحداد"])
def test_a_search_for_a_restricted_name_finds_nothing_and_counts_nothing(
    role: str | None, words: str, client: ClientFor
) -> None:
    found = client(role).get("/search.json", params={"q": words}).json()
    assert (found["total"], found["hits"]) == (0, [])
    assert all(counts == [] for counts in found["facets"].values())


@pytest.mark.parametrize("role", [None, "viewer"])
def test_the_document_is_still_found_by_its_other_words_with_the_name_marked_out(
    role: str | None, restricted: tuple[Path, str, str], client: ClientFor
) -> None:
    _path, en, _ar = restricted
    found = client(role).get("/search.json", params={"q": "detainees executed"}).json()
    [hit] = found["hits"]
    assert hit["code"] == en
    assert MARK in hit["title"] and MARK in hit["snippet"]
    for start, end in hit["highlights"]:
        assert hit["snippet"][start:end].lower() in ("detainees", "executed")


def test_the_entity_facet_does_not_count_a_restricted_person(client: ClientFor) -> None:
    facets = client(None).get("/search.json").json()["facets"]
    assert [f["value"] for f in facets["entity"]] == ["facility:sednaya-prison"]


@pytest.mark.parametrize("role", [None, "viewer"])
def test_the_witness_entity_page_is_missing(role: str | None, client: ClientFor) -> None:
    witness = quote("person:samir khoury.json")
    assert client(role).get(f"/entities/{witness}").status_code == 404


def test_the_masked_record_keeps_its_other_entities_highlighted_in_place(
    restricted: tuple[Path, str, str], client: ClientFor
) -> None:
    _path, en, _ar = restricted
    page = client("viewer").get(f"/doc/{en}.json").json()
    assert "author" not in page["metadata"] or page["metadata"]["author"] is None
    assert [group["key"] for group in page["entities"]] == ["facility:sednaya-prison"]
    [(start, end)] = page["entities"][0]["spans"]
    assert page["text"][start:end] == "Sednaya Prison"
    assert page["text"].count(MARK) == 2
    [claim] = page["claims"]
    assert claim["attributed_to"] == MARK
    assert page["text"][claim["start"] : claim["end"]] == claim["quote"]
    assert "restricted_fields" not in page


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_editors_and_admins_see_restricted_fields_and_which_they_are(
    role: str, restricted: tuple[Path, str, str], client: ClientFor
) -> None:
    _path, en, _ar = restricted
    reader = client(role)
    page = reader.get(f"/doc/{en}.json").json()
    assert page["metadata"]["author"] == AUTHOR
    assert WITNESS in page["text"]
    assert page["restricted_fields"] == ["author", "entity:person:samir khoury"]
    assert reader.get("/search.json?q=Samir").json()["total"] == 1
    exported = [json.loads(line) for line in reader.get("/export.jsonl").text.splitlines()]
    assert AUTHOR in {doc["author"] for doc in exported}


def test_the_record_page_offers_editors_the_restrict_control(
    restricted: tuple[Path, str, str], client: ClientFor
) -> None:
    _path, en, _ar = restricted
    body = client("editor").get(f"/doc/{en}?lang=en").text
    assert f'action="/doc/{en}/restrict"' in body
    assert 'value="entity:facility:sednaya-prison"' in body
    assert "/restrict" not in client("viewer").get(f"/doc/{en}").text


def _post_restrict(reader: TestClient, code: str, **data: str) -> Response:
    form = {"note": "witness protection", "csrf_token": reader.cookies.get("dhakira_csrf", "")}
    response: Response = reader.post(
        f"/doc/{code}/restrict",
        data={**form, **data},
        headers={"accept": "application/json"},
        follow_redirects=False,
    )
    return response


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("viewer", 403)])
def test_only_editors_restrict_fields(role: str | None, status: int, tmp_path: Path) -> None:
    en, _ar = build(tmp_path / "archive")
    for client_for in _clients(tmp_path / "archive"):
        response = _post_restrict(client_for(role), en, field="author", action="unrestrict")
        assert response.status_code == status
    with Archive.open(tmp_path / "archive") as archive:
        assert "author" in archive.restrictions.fields(en)


def test_an_editor_shows_a_field_again_and_the_change_is_audited(tmp_path: Path) -> None:
    en, _ar = build(tmp_path / "archive")
    for client_for in _clients(tmp_path / "archive"):
        response = _post_restrict(client_for("editor"), en, field="author", action="unrestrict")
        assert response.status_code == 200
        assert client_for(None).get(f"/doc/{en}.json").json()["metadata"]["author"] == AUTHOR
    with Archive.open(tmp_path / "archive") as archive:
        last = archive.audit(en)[-1]
    assert (last.action, last.field, last.actor, last.why) == (
        "unrestrict-field",
        "author",
        "web:editor",
        "witness protection",
    )


def test_a_restrict_form_without_the_csrf_token_is_refused(tmp_path: Path) -> None:
    en, _ar = build(tmp_path / "archive")
    for client_for in _clients(tmp_path / "archive"):
        editor = client_for("editor")
        response = editor.post(
            f"/doc/{en}/restrict",
            data={"field": "author", "action": "unrestrict", "note": "x"},
            follow_redirects=False,
        )
        assert response.status_code == 403


def test_restricting_an_entity_the_document_does_not_name_is_refused(tmp_path: Path) -> None:
    en, _ar = build(tmp_path / "archive")
    for client_for in _clients(tmp_path / "archive"):
        response = _post_restrict(client_for("editor"), en, field="entity:person:nobody")
        assert response.status_code == 404


def test_the_cli_restricts_and_shows_fields_with_an_audit_entry(tmp_path: Path) -> None:
    path = tmp_path / "archive"
    en, _ar = build(path)
    where = ["--archive", str(path), "--note", "cleared by the witness", "--actor", "rania"]
    result = CliRunner().invoke(
        cli_app, ["review", en, "--unrestrict-field", "entity:person:samir khoury", *where]
    )
    assert result.exit_code == 0, result.output
    assert "restricted fields author" in " ".join(result.output.split())
    with Archive.open(path) as archive:
        assert archive.restrictions.fields(en) == ["author"]
        last = archive.audit(en)[-1]
        assert (last.action, last.actor) == ("unrestrict-field", "rania")
        found = archive.search(SearchQuery(text="Samir", public_only=True, hide_restricted=True))
    assert found.total == 1


@pytest.mark.parametrize(("role", "status"), [(None, 403), ("viewer", 403), ("editor", 200)])
def test_the_original_of_a_document_with_restricted_fields_is_for_editors(
    role: str | None, status: int, restricted: tuple[Path, str, str], client: ClientFor
) -> None:
    _path, en, _ar = restricted
    assert client(role).get(f"/doc/{en}/original").status_code == status
    withheld = client(role).get(f"/doc/{en}.json").json()["original_withheld"]
    assert withheld is (status == 403)


def test_a_public_export_from_the_cli_holds_no_restricted_name(
    restricted: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, en, ar = restricted
    out = tmp_path / "public.jsonl"
    result = CliRunner().invoke(
        cli_app, ["export", "--public", "--archive", str(path), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    body = out.read_text(encoding="utf-8")
    exported = [json.loads(line) for line in body.splitlines()]
    assert {record["code"] for record in exported} >= {en, ar}
    assert all(record.get("visibility", "public") == "public" for record in exported)
    assert not any("source" in record for record in exported)
    for secret in LEAKS:
        assert secret.casefold() not in body.casefold(), f"{secret!r} in the public export"
    full = CliRunner().invoke(cli_app, ["export", "--archive", str(path)])
    assert WITNESS in full.output  # the operators' export keeps everything

"""Editors correct metadata and judge what the analysers found, on the record page; each
change is audited with who, when, old and new value and why, and shown in the history."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from dhakira.archive import Archive

from .conftest import ClientFor, Codes

JSON = {"accept": "application/json"}


def _post(client: TestClient, url: str, **data: str) -> Response:
    form = {"note": "checked against the printed report"} | data
    form.setdefault("csrf_token", client.cookies.get("dhakira_csrf", ""))
    response: Response = client.post(url, data=form, headers=JSON, follow_redirects=False)
    return response


def test_an_editor_corrects_title_and_date_and_the_history_shows_it(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    _path, codes = fresh_archive
    editor = fresh_client("editor")
    url = f"/doc/{codes.public_en}/edit"
    response = _post(editor, url, title="Sednaya executions report", date="2017-02")
    assert response.status_code == 200
    page = editor.get(f"/doc/{codes.public_en}.json").json()
    meta = page["metadata"]
    assert (meta["title"], meta["date"], meta["date_precision"], meta["date_source"]) == (
        "Sednaya executions report",
        "2017-02",
        "month",
        "editor",
    )
    edits = [h for h in page["history"] if h["action"] == "edit"]
    assert [(h["field"], h["old"], h["new"], h["actor"]) for h in edits] == [
        ("title", "Sednaya hangings report", "Sednaya executions report", "web:editor"),
        ("date", "2017-02-07", "2017-02", "web:editor"),
    ]
    assert {h["why"] for h in edits} == {"checked against the printed report"}


def test_an_edited_title_and_type_are_searched_and_counted_under_the_new_values(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    _path, codes = fresh_archive
    editor = fresh_client("editor")
    _post(editor, f"/doc/{codes.public_en}/edit", title="Tadmur memorial", doc_type="statement")
    anonymous = fresh_client(None)
    found = anonymous.get("/search.json?q=tadmur").json()
    assert [hit["code"] for hit in found["hits"]] == [codes.public_en]
    old_title_word = anonymous.get("/search.json?q=report").json()["hits"]
    assert codes.public_en not in [hit["code"] for hit in old_title_word]
    typed = anonymous.get("/search.json?q=sednaya&type=statement").json()
    assert [hit["code"] for hit in typed["hits"]] == [codes.public_en]


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"date": "7 Feb 2017"}, 400),
        ({"doc_type": "poem"}, 400),
        ({"title": "New", "note": " "}, 400),
    ],
)
def test_an_edit_with_a_bad_value_or_no_reason_is_refused(
    data: dict[str, str],
    status: int,
    fresh_archive: tuple[Path, Codes],
    fresh_client: ClientFor,
) -> None:
    _path, codes = fresh_archive
    editor = fresh_client("editor")
    assert _post(editor, f"/doc/{codes.public_en}/edit", **data).status_code == status
    title = editor.get(f"/doc/{codes.public_en}.json").json()["metadata"]["title"]
    assert title == "Sednaya hangings report"


def test_an_editor_rejects_a_claim_and_readers_see_the_verdict(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    _path, codes = fresh_archive
    editor = fresh_client("editor")
    [claim] = editor.get(f"/doc/{codes.public_en}.json").json()["claims"]
    response = _post(
        editor,
        f"/doc/{codes.public_en}/verdict",
        kind="claim",
        start=str(claim["start"]),
        end=str(claim["end"]),
        verdict="rejected",
    )
    assert response.status_code == 200
    page = editor.get(f"/doc/{codes.public_en}.json").json()
    assert page["claims"][0]["verdict"] == "rejected"
    assert [(v["verdict"], v["actor"]) for v in page["verdicts"]] == [("rejected", "web:editor")]
    assert page["history"][-1]["action"] == "verdict"
    public = fresh_client(None).get(f"/doc/{codes.public_en}.json").json()
    assert public["claims"][0]["verdict"] == "rejected"
    assert "verdicts" not in public  # who judged and why is for people with an account


def test_confirming_an_entity_judges_each_of_its_mentions(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, codes = fresh_archive
    editor = fresh_client("editor")
    url = f"/doc/{codes.public_en}/verdict"
    data = {"kind": "entity", "key": "facility:sednaya-prison", "verdict": "confirmed"}
    assert _post(editor, url, **data).status_code == 200
    page = editor.get(f"/doc/{codes.public_en}.json").json()
    assert [group["verdict"] for group in page["entities"]] == ["confirmed"]
    with Archive.open(path) as archive:
        assert [v.kind for v in archive.editing.verdicts(codes.public_en)] == ["mention"]


def test_a_verdict_on_nothing_found_there_is_refused(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    _path, codes = fresh_archive
    editor = fresh_client("editor")
    url = f"/doc/{codes.public_en}/verdict"
    assert _post(editor, url, kind="claim", start="0", end="3", verdict="rejected").status_code == (
        404
    )
    assert _post(
        editor, url, kind="entity", key="person:nobody", verdict="rejected"
    ).status_code == (404)


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("viewer", 403)])
@pytest.mark.parametrize("action", ["edit", "verdict", "restrict"])
def test_visitors_and_viewers_cannot_change_a_record(
    role: str | None,
    status: int,
    action: str,
    fresh_archive: tuple[Path, Codes],
    fresh_client: ClientFor,
) -> None:
    _path, codes = fresh_archive
    data = {
        "title": "Changed",
        "kind": "entity",
        "key": "facility:sednaya-prison",
        "verdict": "rejected",
        "field": "author",
    }
    url = f"/doc/{codes.public_en}/{action}"
    assert _post(fresh_client(role), url, **data).status_code == status
    page = fresh_client("admin").get(f"/doc/{codes.public_en}.json").json()
    assert [h["action"] for h in page["history"]] == ["ingest"]


@pytest.mark.parametrize("action", ["edit", "verdict"])
def test_a_change_without_the_csrf_token_is_refused(
    action: str, fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    _path, codes = fresh_archive
    data = {"title": "Changed", "kind": "entity", "key": "facility:sednaya-prison"}
    url = f"/doc/{codes.public_en}/{action}"
    response = _post(fresh_client("editor"), url, verdict="rejected", csrf_token="", **data)
    assert response.status_code == 403


def test_the_record_page_shows_editors_the_edit_and_verdict_forms_in_both_languages(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    editor = shared_client("editor")
    english = editor.get(f"/doc/{codes.public_en}?lang=en").text
    assert f'action="/doc/{codes.public_en}/edit"' in english
    assert f'action="/doc/{codes.public_en}/verdict"' in english
    assert "Correct the metadata" in english
    arabic = editor.get(f"/doc/{codes.public_en}?lang=ar").text
    assert 'dir="rtl"' in arabic and "تصحيح البيانات الوصفية" in arabic
    viewer = shared_client("viewer").get(f"/doc/{codes.public_en}").text
    assert "/edit" not in viewer and "/verdict" not in viewer


def test_the_cli_review_corrects_metadata_and_judges_a_claim(
    fresh_archive: tuple[Path, Codes],
) -> None:
    from typer.testing import CliRunner

    from dhakira.views.cli import app

    path, codes = fresh_archive
    with Archive.open(path) as archive:
        [claim] = archive.get(codes.public_en).claims
    args = ["review", codes.public_en, "--archive", str(path), "--actor", "rania"]
    args += ["--note", "per the printed copy", "--type", "statement", "--publisher", "Amnesty"]
    args += ["--reject", f"claim:{claim.start}-{claim.end}"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with Archive.open(path) as archive:
        doc = archive.get(codes.public_en)
        verdicts = archive.editing.verdicts(codes.public_en)
        actions = [(e.action, e.field, e.actor) for e in archive.audit(codes.public_en)[1:]]
    assert (doc.doc_type, doc.publisher) == ("statement", "Amnesty")
    assert [v.verdict for v in verdicts] == ["rejected"]
    assert actions == [
        ("edit", "doc_type", "rania"),
        ("edit", "publisher", "rania"),
        ("verdict", f"claim {claim.start}-{claim.end}", "rania"),
    ]

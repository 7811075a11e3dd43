"""Editors merge and split entities from the entity page and undo what they decided; every
decision and undo is in the audit log, and only editors and admins may make them."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from dhakira.archive import Archive

from .conftest import ClientFor, Codes

ZUBAYDA = "person:zubayda qarawi"
MARWAN = "person:marwan haddad"
SEDNAYA = "facility:sednaya-prison"


def _post(client: TestClient, url: str, **data: str) -> Response:
    form = {"note": "same person, two spellings"} | data
    form.setdefault("csrf_token", client.cookies.get("dhakira_csrf", ""))
    headers = {"accept": "application/json"}
    response: Response = client.post(url, data=form, headers=headers, follow_redirects=False)
    return response


def _entity(client: TestClient, key: str) -> dict[str, Any]:
    found: dict[str, Any] = client.get(f"/entities/{quote(key + '.json')}").json()
    return found


def test_an_editor_merges_two_entities_and_undoes_it(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, _codes = fresh_archive
    editor = fresh_client("editor")
    merged = _post(editor, "/entities/merge", keep=ZUBAYDA, other=MARWAN)
    assert merged.status_code == 200
    decision = merged.json()
    page = _entity(editor, ZUBAYDA)
    assert page["entity"]["mentions"] == 2
    assert [d["id"] for d in page["decisions"]] == [decision["id"]]
    undone = _post(editor, f"/entities/decisions/{decision['id']}/undo", note="two people")
    assert undone.status_code == 200 and undone.json()["undone_at"]
    assert _entity(editor, ZUBAYDA)["entity"]["mentions"] == 1
    with Archive.open(path) as archive:
        actions = [(e.action, e.actor) for e in archive.audit() if e.action.startswith("entity")]
    assert actions == [("entity-merge", "web:editor"), ("entity-undo", "web:editor")]


def test_an_editor_splits_mentions_off_into_a_new_entity(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    _path, codes = fresh_archive
    admin = fresh_client("admin")
    split = _post(admin, "/entities/split", entity=SEDNAYA, documents=codes.public_ar)
    assert split.status_code == 200
    target = split.json()["target"]
    assert _entity(admin, target)["entity"]["documents"] == 1
    assert _entity(admin, SEDNAYA)["entity"]["documents"] == 2


def test_the_entity_page_offers_editors_merge_split_and_undo(
    shared_client: ClientFor,
) -> None:
    english = shared_client("editor").get(f"/entities/{SEDNAYA}?lang=en").text
    assert 'action="/entities/merge"' in english and 'action="/entities/split"' in english
    arabic = shared_client("editor").get(f"/entities/{SEDNAYA}?lang=ar").text
    assert "دمج كيان آخر في هذا الكيان" in arabic
    viewer = shared_client("viewer")
    assert "/entities/merge" not in viewer.get(f"/entities/{SEDNAYA}").text
    assert "decisions" not in _entity(viewer, SEDNAYA)


@pytest.mark.parametrize(("role", "status"), [(None, 401), ("viewer", 403)])
def test_visitors_and_viewers_cannot_merge_split_or_undo(
    role: str | None, status: int, fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, codes = fresh_archive
    with Archive.open(path) as archive:
        made = archive.entity_decisions.merge(ZUBAYDA, MARWAN, note="test", actor="test")
    client = fresh_client(role)
    assert _post(client, "/entities/merge", keep=SEDNAYA, other=MARWAN).status_code == status
    split = _post(client, "/entities/split", entity=SEDNAYA, documents=codes.public_ar)
    assert split.status_code == status
    assert _post(client, f"/entities/decisions/{made.id}/undo").status_code == status
    with Archive.open(path) as archive:
        assert [d.id for d in archive.entity_decisions.decisions(active_only=True)] == [made.id]


def test_a_merge_without_the_csrf_token_is_refused(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    editor = fresh_client("editor")
    response = _post(editor, "/entities/merge", keep=ZUBAYDA, other=MARWAN, csrf_token="")
    assert response.status_code == 403

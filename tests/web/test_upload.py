"""A web upload keeps every file at once, ingests it in the background and shows its progress.

The answer comes before the ingest: a browser is sent to the batch's status page (which
reloads itself while files wait, with no script), a machine gets 202 and the JSON status. Each
file's outcome is read from the database, and files a stopped server left waiting are taken
up again when the server starts.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from dhakira.archive import Archive
from dhakira.views.web import create_app
from dhakira.views.web.context import CSRF_COOKIE

from .conftest import ClientFor, Codes, log_in, send_upload, upload_and_wait, wait_for_upload

NOTE = b"A note of 4 June 2020 about a detention at the Sednaya prison gate.\n"
REFRESH = '<meta http-equiv="refresh" content="2">'


def test_a_browser_upload_is_answered_at_once_with_the_batch_status_page(
    fresh_client: ClientFor,
) -> None:
    client = fresh_client("editor")
    response = client.post(
        "/upload",
        files={"files": ("note.txt", NOTE, "text/plain")},
        data={"csrf_token": client.cookies[CSRF_COOKIE]},
        follow_redirects=False,
    )
    assert response.status_code == 303
    batch = response.headers["location"].removeprefix("/upload/")
    wait_for_upload(client, batch)
    page = client.get(f"/upload/{batch}").text
    assert "upload:note.txt" not in page  # a single-item file is one row, named as sent
    assert '<bdi class="name">note.txt</bdi>' in page and 'class="outcome-ingested"' in page
    assert "1 of 1 file done" in page


def test_a_machine_gets_202_with_the_batch_and_where_to_follow_it(
    fresh_client: ClientFor,
) -> None:
    client = fresh_client("editor")
    response = client.post(
        "/upload",
        files={"files": ("note.txt", NOTE, "text/plain")},
        data={"csrf_token": client.cookies[CSRF_COOKIE]},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 202
    answer = response.json()
    assert answer["status_url"] == f"/upload/{answer['batch']}.json"
    assert wait_for_upload(client, answer["batch"])["done"] == 1


def test_each_file_gets_its_outcome_and_reason(fresh_client: ClientFor) -> None:
    client = fresh_client("editor")
    first = upload_and_wait(client, [("note.txt", NOTE, "text/plain")])
    status = upload_and_wait(
        client,
        [
            ("again.txt", NOTE, "text/plain"),
            ("broken.pdf", b"%PDF-1.4\nthis is not a PDF body", "application/pdf"),
            ("empty.txt", b"", "text/plain"),
        ],
    )
    again, broken, empty = status["files"]
    assert (again["status"], again["code"]) == ("duplicate", first["files"][0]["code"])
    assert broken["status"] == "failed" and broken["reason"]
    assert empty["status"] == "failed" and empty["reason"]
    assert (status["total"], status["done"]) == (3, 3)
    assert status["counts"] == {"duplicate": 1, "failed": 2}


def test_a_failed_file_is_kept_with_its_reason_in_the_archive(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, _codes = fresh_archive
    broken = b"%PDF-1.4\nthis is not a PDF body"
    status = upload_and_wait(fresh_client("editor"), [("broken.pdf", broken, "application/pdf")])
    with Archive.open(path) as archive:
        [kept] = archive.failures(status["batch"])
        assert kept.source == "upload:broken.pdf" and kept.reason == status["files"][0]["reason"]
        assert archive.blobs.get(status["files"][0]["sha256"]) == broken


def test_the_status_page_reloads_itself_only_while_files_wait(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, _codes = fresh_archive
    with Archive.open(path) as archive:  # kept by a runner that never comes: stays waiting
        waiting = archive.uploads.receive([("late.txt", NOTE)], "web:editor", "elsewhere")
    client = fresh_client("editor")
    page = client.get(f"/upload/{waiting}").text
    assert REFRESH in page and "0 of 1 file done" in page
    assert client.get(f"/upload/{waiting}.json").json()["files"][0]["status"] == "waiting"
    done = upload_and_wait(client, [("note.txt", NOTE, "text/plain")])
    assert REFRESH not in client.get(f"/upload/{done['batch']}").text


def test_the_status_page_speaks_arabic(fresh_client: ClientFor) -> None:
    client = fresh_client("editor")
    status = upload_and_wait(client, [("note.txt", NOTE, "text/plain")])
    page = client.get(f"/upload/{status['batch']}?lang=ar").text
    assert '<html lang="ar" dir="rtl">' in page
    assert "ملف واحد، انتهى العمل على ١ منها" in page and "أُرشفت" in page


def test_an_unknown_batch_is_not_found(fresh_client: ClientFor) -> None:
    client = fresh_client("editor")
    assert client.get("/upload/20200101T000000-000000.json").status_code == 404
    assert client.get("/upload/20200101T000000-000000").status_code == 404


def test_only_editors_follow_an_upload(fresh_client: ClientFor) -> None:
    batch = send_upload(fresh_client("editor"), [("note.txt", NOTE, "text/plain")])
    assert fresh_client("viewer").get(f"/upload/{batch}.json").status_code == 403
    assert fresh_client("viewer").get(f"/upload/{batch}").status_code == 403
    assert fresh_client(None).get(f"/upload/{batch}.json").status_code == 401
    anonymous = fresh_client(None).get(f"/upload/{batch}", follow_redirects=False)
    assert anonymous.headers["location"] == f"/login?next=/upload/{batch}"


def test_files_a_stopped_server_left_waiting_are_ingested_when_it_starts(
    fresh_archive: tuple[Path, Codes],
) -> None:
    path, _codes = fresh_archive
    with Archive.open(path) as archive:  # the server stopped after keeping the files
        batch = archive.uploads.receive(
            [("first.txt", NOTE), ("second.txt", b"Families ask about the detainees of 2013.")],
            "web:editor",
            "stopped-server",
        )
    with TestClient(create_app(path)) as client:
        log_in(client, "editor")
        status = wait_for_upload(client, batch)
    assert [f["status"] for f in status["files"]] == ["ingested", "ingested"]
    with Archive.open(path) as archive:
        stored = archive.get(status["files"][1]["code"])
    assert (stored.source, stored.visibility) == ("upload:second.txt", "restricted")


def test_another_server_process_shows_the_progress_from_the_database(
    fresh_archive: tuple[Path, Codes],
) -> None:
    # two apps over one archive stand for two worker processes of `dhakira serve --workers 2`
    path, _codes = fresh_archive
    with TestClient(create_app(path)) as uploader, TestClient(create_app(path)) as other:
        log_in(uploader, "editor")
        log_in(other, "editor")
        batch = send_upload(uploader, [("note.txt", NOTE, "text/plain")])
        status = wait_for_upload(other, batch)
    assert [f["status"] for f in status["files"]] == ["ingested"]


def test_an_uploaded_spreadsheet_keeps_its_original_in_the_verified_archive(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    # a CSV becomes one document per row, none with the file's own hash: the file is still
    # an original the archive keeps and verifies, not a stray blob
    path, _codes = fresh_archive
    rows = (
        b"title,text,date\n"
        b"Row one,Families report 12 detainees taken in Homs.,2019-02-01\n"
        b"Row two,A lawyer says 3 detainees were released in Aleppo.,2019-03-05\n"
    )
    status = upload_and_wait(fresh_client("editor"), [("list.csv", rows, "text/csv")])
    assert status["done"] == 1
    with Archive.open(path) as archive:
        report = archive.verify()
    assert report.unreferenced == [] and report.missing == [] and report.mismatched == []


def test_the_upload_page_lists_recent_batches_to_follow_again(fresh_client: ClientFor) -> None:
    client = fresh_client("editor")
    first = send_upload(client, [("one.txt", NOTE, "text/plain")])
    wait_for_upload(client, first)
    second = send_upload(client, [("two.txt", NOTE + b"Another line.\n", "text/plain")])
    wait_for_upload(client, second)
    page = client.get("/upload").text
    assert f'href="/upload/{second}"' in page and f'href="/upload/{first}"' in page
    assert "1 of 1 file done" in page
    arabic = client.get("/upload?lang=ar").text
    assert "آخر عمليات الرفع" in arabic


def test_a_failure_is_said_in_the_readers_language_with_its_detail_kept(
    fresh_client: ClientFor,
) -> None:
    client = fresh_client("editor")
    broken = ("broken.pdf", b"%PDF-1.4\nthis is not a PDF body", "application/pdf")
    status = upload_and_wait(client, [broken])
    [failed] = status["files"]
    assert failed["reason"].startswith("[DK104]")  # the JSON keeps the stored reason as it is
    arabic = client.get(f"/upload/{status['batch']}?lang=ar").text
    assert "ملف تالف أو ناقص — [DK104]" in arabic
    english = client.get(f"/upload/{status['batch']}?lang=en").text
    assert "[DK104]" in english and "ملف تالف" not in english


REPORT = (
    "Amnesty International said that as many as 13,000 people were hanged in secret at "
    "Saydnaya military prison near Damascus between 2011 and 2015. The report describes weekly "
    "mass hangings carried out in the middle of the night. Detainees were taken from their "
    "cells, told they would be transferred to civilian prisons, and instead were beaten and "
    "hanged. The organisation called for an independent investigation into the killings and "
    "for monitors to be given access to every detention facility run by the government.\n"
)


def test_uploaded_documents_are_linked_like_ingested_ones(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    # a republished copy sent through the web is found as a duplicate, as `dhakira ingest` does
    path, _codes = fresh_archive
    copy = REPORT.encode() + b"(Republished by an invented wire.)\n"
    status = upload_and_wait(
        fresh_client("editor"),
        [("report.txt", REPORT.encode(), "text/plain"), ("copy.txt", copy, "text/plain")],
    )
    first, second = (f["code"] for f in status["files"])
    with Archive.open(path) as archive:
        assert [d["code"] for d in archive.links.of(second)["duplicates"]] == [first]

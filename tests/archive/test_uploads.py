"""Files received by a web upload: kept before their ingest, taken over only when left behind.

Runs on SQLite and, with DHAKIRA_TEST_POSTGRES_URL, on PostgreSQL (migration 0009's table).
"""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from dhakira.archive import Archive
from dhakira.archive.schema import batches, documents
from dhakira.archive.uploads import now_precise
from dhakira.config import Limits
from dhakira.errors import NotFound
from dhakira.views.web.upload import ingest_batch

NOTE = b"A note of 4 June 2020 about a detention at the Sednaya prison gate.\n"
OTHER = "مذكرة عن معتقلي صيدنايا في عام 2013.".encode()


def test_received_files_are_kept_in_order_and_wait(archive: Archive) -> None:
    batch = archive.uploads.receive([("b.txt", NOTE), ("a.txt", OTHER)], "web:editor", "r1")
    files = archive.uploads.batch(batch).files
    assert [(f.position, f.name, f.status) for f in files] == [
        (0, "b.txt", "waiting"),
        (1, "a.txt", "waiting"),
    ]
    assert archive.blobs.get(files[1].sha256) == OTHER and files[1].size == len(OTHER)


def test_recent_batches_count_their_files_and_the_ones_done(archive: Archive) -> None:
    older = archive.uploads.receive([("n.txt", NOTE)], "web:editor", "r1")
    newer = archive.uploads.receive([("b.txt", NOTE), ("a.txt", OTHER)], "web:editor", "r1")
    with archive._write() as conn:  # batches are stamped to the second: set the older one apart
        conn.execute(
            batches.update().where(batches.c.id == older).values(started_at="2020-01-01T00:00:00Z")
        )
    upload = archive.uploads.next_waiting(newer, "r1")
    assert upload is not None
    archive.uploads.record(upload, "r1", [{"status": "failed", "reason": "test", "code": None}])
    recent = {batch.id: (batch.files, batch.done) for batch in archive.uploads.recent()}
    assert recent == {older: (1, 0), newer: (2, 1)}
    assert [batch.id for batch in archive.uploads.recent(limit=1)] == [newer]


def test_an_unknown_batch_is_not_found(archive: Archive) -> None:
    with pytest.raises(NotFound):
        archive.uploads.batch("20200101T000000-000000")


def test_a_runner_takes_only_its_own_files(archive: Archive) -> None:
    batch = archive.uploads.receive([("n.txt", NOTE)], "web:editor", "r1")
    assert archive.uploads.next_waiting(batch, "r2") is None
    upload = archive.uploads.next_waiting(batch, "r1")
    assert upload is not None and upload.name == "n.txt"


def test_the_first_outcome_written_is_kept(archive: Archive) -> None:
    batch = archive.uploads.receive([("n.txt", NOTE)], "web:editor", "r1")
    upload = archive.uploads.next_waiting(batch, "r1")
    assert upload is not None
    first = [{"source": "upload:n.txt", "status": "ingested", "code": "X1", "reason": None}]
    assert archive.uploads.record(upload, "r1", first)
    assert not archive.uploads.record(upload, "r1", [{**first[0], "status": "duplicate"}])
    [kept] = archive.uploads.batch(batch).files
    assert (kept.status, kept.code, kept.outcomes) == ("ingested", "X1", first)


def test_files_left_waiting_before_a_start_are_adopted_and_newer_ones_are_not(
    archive: Archive,
) -> None:
    left = archive.uploads.receive([("old.txt", NOTE)], "web:editor", "gone")
    started = now_precise()
    fresh = archive.uploads.receive([("new.txt", OTHER)], "web:editor", "sibling")
    assert archive.uploads.adopt("me", started) == [left]
    assert archive.uploads.next_waiting(left, "me") is not None
    assert archive.uploads.next_waiting(fresh, "sibling") is not None


def test_ingesting_a_batch_records_each_outcome_and_closes_it(archive: Archive) -> None:
    batch = archive.uploads.receive(
        [("n.txt", NOTE), ("copy.txt", NOTE), ("empty.txt", b"")], "web:editor", "r1"
    )
    ingest_batch(archive, batch, "r1", Limits(), threading.Event())
    state = archive.uploads.batch(batch)
    assert [f.status for f in state.files] == ["ingested", "duplicate", "failed"]
    assert state.files[0].code == state.files[1].code
    assert archive.get(str(state.files[0].code)).source == "upload:n.txt"
    assert state.finished_at is not None
    assert [f.source for f in archive.failures(batch)] == ["upload:empty.txt"]


def test_a_file_stored_before_a_stop_is_ingested_not_a_duplicate_of_itself(
    archive: Archive,
) -> None:
    batch = archive.uploads.receive([("n.txt", NOTE), ("copy.txt", NOTE)], "web:editor", "r1")
    # the first attempt stored the document, then the server stopped before writing the outcome
    stopped = archive.uploads.receive([("n.txt", NOTE)], "web:editor", "r0")
    ingest_batch(archive, stopped, "r0", Limits(), threading.Event())
    with archive._write() as conn:  # as if the stored document came from `batch` itself
        conn.execute(sa.update(documents).values(batch=batch))
    ingest_batch(archive, batch, "r1", Limits(), threading.Event())
    assert [f.status for f in archive.uploads.batch(batch).files] == ["ingested", "duplicate"]


def _statuses(archive: Archive, batch: str) -> list[str]:
    return [f.status for f in archive.uploads.batch(batch).files]


def test_a_server_thread_keeps_its_linker_from_batch_to_batch(archive: Archive) -> None:
    first = archive.uploads.receive([("n.txt", NOTE)], "web:editor", "r1")
    kept = ingest_batch(archive, first, "r1", Limits(), threading.Event())
    second = archive.uploads.receive([("copy.txt", NOTE), ("o.txt", OTHER)], "web:editor", "r1")
    again = ingest_batch(archive, second, "r1", Limits(), threading.Event(), kept)
    assert again is kept  # not rebuilt from the stored signatures
    assert _statuses(archive, second) == ["duplicate", "ingested"]


LONG = (
    "The families of men detained at the Sednaya prison gate in June 2020 say they have had no "
    "news of them since. Relatives who asked at the military police office were told to come "
    "back later, and a lawyer who tried to file a request was turned away. The documenters who "
    "recorded these visits list each family by an invented code, never by name, and keep the "
    "originals of every statement."
)


def test_a_kept_linker_is_rebuilt_when_another_writer_linked_since(archive: Archive) -> None:
    first = archive.uploads.receive([("n.txt", NOTE)], "web:editor", "r1")
    kept = ingest_batch(archive, first, "r1", Limits(), threading.Event())
    # another process (here: another runner, with its own linker) stores a document
    elsewhere = archive.uploads.receive([("long.txt", LONG.encode())], "web:editor", "r2")
    ingest_batch(archive, elsewhere, "r2", Limits(), threading.Event())
    assert kept is not None and not kept.current()
    near = LONG.replace("in June 2020", "in June")
    third = archive.uploads.receive([("near.txt", near.encode())], "web:editor", "r1")
    rebuilt = ingest_batch(archive, third, "r1", Limits(), threading.Event(), kept)
    assert rebuilt is not kept
    other, copy = (archive.uploads.batch(b).files[0].code for b in (elsewhere, third))
    # the other writer's document is known to the rebuilt linker: the near copy links to it
    assert [d["code"] for d in archive.links.of(str(copy))["duplicates"]] == [other]

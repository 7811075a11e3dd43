"""Counts many readers share are computed once, and never outlive a change that could hide
something: the cache is keyed on the archive's change mark."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from tests.web.conftest import ClientFor, Codes, _doc, log_in, upload_and_wait

from dhakira.archive import Archive
from dhakira.views.web import create_app
from dhakira.views.web.counts import STALE_FACTOR, CountsCache


def test_a_count_is_computed_once_under_one_mark() -> None:
    cache = CountsCache()
    calls: list[int] = []
    assert cache.get("k", 7, lambda: calls.append(1) or 3) == 3
    assert cache.get("k", 7, lambda: calls.append(1) or 4) == 3
    assert calls == [1]


def test_readers_asking_at_once_wait_for_one_computation() -> None:
    cache = CountsCache()
    calls: list[int] = []
    started = threading.Event()

    def slow() -> int:
        calls.append(1)
        started.set()
        time.sleep(0.2)
        return 9

    first = threading.Thread(target=cache.get, args=("k", 1, slow))
    first.start()
    started.wait()
    assert cache.get("k", 1, slow) == 9
    first.join()
    assert calls == [1]


def test_a_new_mark_or_an_old_entry_computes_again() -> None:
    cache = CountsCache(seconds=0.0)
    assert cache.get("k", 7, lambda: 3) == 3
    assert cache.get("k", 7, lambda: 4) == 4  # older than its time limit
    fresh = CountsCache()
    fresh.get("k", 7, lambda: 3)
    assert fresh.get("k", 8, lambda: 5) == 5


def test_the_cache_holds_a_bounded_number_of_entries() -> None:
    cache = CountsCache(entries=2)
    for key in ("a", "b", "c"):
        cache.get(key, 1, lambda key=key: key)
    assert cache.get("a", 1, lambda: "again") == "again"


def test_the_change_mark_moves_on_a_review_and_not_on_an_ingest(
    fresh_archive: tuple[Path, Codes],
) -> None:
    path, codes = fresh_archive
    with Archive.open(path) as archive:
        before, latest = archive.marks()
        batch = archive.start_batch("more")
        text = "A new statement on detention in Homs."
        archive.add(_doc(text, "New", "2020-01-01", "statement", "Invented Group"), batch)
        assert archive.marks() == (before, latest + 1)  # added: only the latest entry moves
        archive.review(codes.public_en, visibility="restricted", note="withdrawn", actor="t")
        assert archive.marks()[0] > before


def test_a_document_made_restricted_leaves_anonymous_facet_counts_at_once(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, codes = fresh_archive
    anonymous = fresh_client(None)

    def counted() -> int:
        facets = anonymous.get("/search.json").json()["facets"]["language"]
        return sum(f["count"] for f in facets)

    first = counted()
    assert counted() == first  # the second answer comes from the cache
    with Archive.open(path) as archive:
        archive.review(codes.public_en, visibility="restricted", note="withdrawn", actor="t")
    assert counted() == first - 1


def test_a_shorter_limit_for_one_answer() -> None:
    cache = CountsCache(seconds=30.0)
    assert cache.get("results", 1, lambda: 1, seconds=0.0) == 1
    assert cache.get("results", 1, lambda: 2, seconds=0.0) == 2
    assert cache.get("counts", 1, lambda: 3) == 3
    assert cache.get("counts", 1, lambda: 4) == 3


def test_a_document_made_restricted_leaves_anonymous_results_at_once(
    fresh_archive: tuple[Path, Codes], fresh_client: ClientFor
) -> None:
    path, codes = fresh_archive
    anonymous = fresh_client(None)

    def codes_found() -> set[str]:
        return {hit["code"] for hit in anonymous.get("/search.json?q=hanged").json()["hits"]}

    assert codes.public_en in codes_found()
    with Archive.open(path) as archive:
        archive.review(codes.public_en, visibility="restricted", note="withdrawn", actor="t")
    assert codes.public_en not in codes_found()


def _wait_until(check: Callable[[], bool], seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the background recount did not finish"
        time.sleep(0.01)


def test_an_answer_past_its_limit_is_given_at_once_and_made_afresh_behind() -> None:
    cache = CountsCache(seconds=0.05)
    assert cache.get("k", 1, lambda: "old", refresh=lambda: (1, None, "unused")) == "old"
    time.sleep(0.06)
    recounted = threading.Event()

    def refresh() -> tuple[int, int | None, str]:
        recounted.set()
        return 1, None, "new"

    # past its limit under the same mark: the reader gets the old answer without waiting
    assert cache.get("k", 1, lambda: "computed while waiting", refresh=refresh) == "old"
    assert recounted.wait(5)
    _wait_until(lambda: cache.get("k", 1, lambda: "again", refresh=refresh) == "new")
    cache.close()


def test_a_stale_answer_is_never_given_under_a_new_mark() -> None:
    cache = CountsCache(seconds=0.05)
    cache.get("k", 1, lambda: "before the review", refresh=lambda: (1, None, "x"))
    time.sleep(0.06)
    assert cache.get("k", 2, lambda: "after", refresh=lambda: (2, None, "x")) == "after"
    cache.close()


def test_an_answer_long_unused_is_made_afresh_before_answering() -> None:
    cache = CountsCache(seconds=0.01)
    cache.get("k", 1, lambda: "old", refresh=lambda: (1, None, "x"))
    time.sleep(0.01 * STALE_FACTOR + 0.02)
    assert cache.get("k", 1, lambda: "fresh", refresh=lambda: (1, None, "x")) == "fresh"
    cache.close()


def test_many_readers_of_a_stale_answer_start_one_recount() -> None:
    cache = CountsCache(seconds=0.01)
    cache.get("k", 1, lambda: 0, refresh=lambda: (1, None, 0))
    time.sleep(0.02)
    calls: list[int] = []
    release = threading.Event()

    def slow() -> tuple[int, int | None, int]:
        calls.append(1)
        release.wait(5)
        return 1, None, 1

    for _ in range(20):
        assert cache.get("k", 1, lambda: -1, refresh=slow) == 0
    release.set()
    _wait_until(lambda: cache.get("k", 1, lambda: -1, refresh=slow) == 1)
    assert calls == [1]
    cache.close()


def test_while_nothing_is_added_an_answer_holds_past_its_limit() -> None:
    cache = CountsCache(seconds=0.05)
    cache.get("k", 1, lambda: "counted", latest=40)
    time.sleep(0.06)
    # the last audit entry is still 40: nothing to recount, not even in the background
    assert cache.get("k", 1, lambda: "again", latest=40) == "counted"
    # one document was ingested meanwhile (entry 41): past its limit, counted afresh
    assert cache.get("k", 1, lambda: "again", latest=41) == "again"


def test_an_upload_shows_at_once_in_every_server_process(
    fresh_archive: tuple[Path, Codes],
) -> None:
    # two apps over one archive stand for two worker processes of `dhakira serve --workers 2`
    path, _codes = fresh_archive
    with TestClient(create_app(path)) as uploader, TestClient(create_app(path)) as reader:
        log_in(uploader, "editor")
        log_in(reader, "editor")

        def found() -> int:
            answer = reader.get("/search.json?q=quinceword").json()
            return int(answer["total"])

        assert found() == 0  # now cached by the reader's process
        note = ("note.txt", b"A quinceword note on a detention.", "text/plain")
        upload_and_wait(uploader, [note])  # ingested by the uploader's process
        assert found() == 1

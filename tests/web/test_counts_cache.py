"""Counts many readers share are computed once, and never outlive a change that could hide
something: the cache is keyed on the archive's change mark."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.web.conftest import ClientFor, Codes, _doc

from dhakira.archive import Archive
from dhakira.views.web.counts import CountsCache


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
        before = archive.changed_mark()
        batch = archive.start_batch("more")
        text = "A new statement on detention in Homs."
        archive.add(_doc(text, "New", "2020-01-01", "statement", "Invented Group"), batch)
        assert archive.changed_mark() == before
        archive.review(codes.public_en, visibility="restricted", note="withdrawn", actor="t")
        assert archive.changed_mark() > before


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


def test_a_shorter_limit_for_one_answer_and_clear() -> None:
    cache = CountsCache(seconds=30.0)
    assert cache.get("results", 1, lambda: 1, seconds=0.0) == 1
    assert cache.get("results", 1, lambda: 2, seconds=0.0) == 2
    assert cache.get("counts", 1, lambda: 3) == 3
    cache.clear()
    assert cache.get("counts", 1, lambda: 4) == 4


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

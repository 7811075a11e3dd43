"""Answers shared by many readers, computed once: facet counts of a search, the entity list, a page
of search results, the incidents and the chronicle.

On a large archive these aggregate every matching document (hundreds of milliseconds for a
common word), while many readers ask the same thing within seconds. A cached answer is keyed on
what was asked — the query with its visibility scope, so no reader ever gets counts made for
another scope — and on the archive's change mark (`Archive.marks`): a review, a
restriction, an edit, a verdict or an entity decision moves the mark, and from that request on
every count is made afresh, so nothing hidden is ever counted. Documents ingested meanwhile only
add to counts; they show once the entry is older than its time limit (a minute: a running
ingest's documents are found within about a minute, and recounting the common words of a large
archive more often would take the readers' processor time). An entry past its limit (but under
the same mark) is still answered at once while one background thread makes it afresh: readers
never queue behind a recount that only adds new documents. While nothing at all is added (the
archive's last audit entry has not moved) an answer is not recounted before `STALE_FACTOR` times
its limit, and then in the background; if documents were added, an answer older than that is
made afresh before answering. An upload through the web moves the change mark (every server
process then recounts), so the uploader finds what was just added.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, NamedTuple, TypeVar

if TYPE_CHECKING:
    from dhakira.archive import Archive
    from dhakira.views.web.context import Context

T = TypeVar("T")

DEFAULT_SECONDS = 60.0
DEFAULT_ENTRIES = 512
RESULTS_SECONDS = 60.0
STALE_FACTOR = 10.0
_log = logging.getLogger(__name__)


_MISSING = object()


class _Entry(NamedTuple):
    mark: int  # the change mark it was made under: valid only under the same one
    latest: int | None  # the last audit entry then: nothing was added while it is the same
    started: float
    value: object


class CountsCache:
    """A bounded, thread-safe cache of computed answers, checked against the change mark.

    One reader computes a missing answer while the others asking the same thing wait for it
    (on a large archive a common word's counts take a second; fifty readers computing them at
    once would take the server down with them)."""

    def __init__(self, seconds: float = DEFAULT_SECONDS, entries: int = DEFAULT_ENTRIES) -> None:
        self.seconds = seconds
        self.entries = entries
        self._lock = threading.Lock()
        self._found: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._computing: dict[tuple[Hashable, int], threading.Lock] = {}
        self._refresher = _Refresher()

    def get(
        self,
        key: Hashable,
        mark: int,
        compute: Callable[[], T],
        seconds: float | None = None,
        refresh: Callable[[], tuple[int, int | None, T]] | None = None,
        latest: int | None = None,
    ) -> T:
        """The value cached for `key` under this change mark and within the time limit (the
        cache's own, or `seconds`), else `compute()`, once for all readers asking at once.

        `latest` is the archive's last audit entry: while it has not moved nothing was added,
        and an answer stays good for `STALE_FACTOR` times its limit. With `refresh` (which
        recomputes on its own and says under which mark and latest entry), an answer past its
        limit under this mark is given as it is while the background thread calls `refresh`
        — unless something was added and it is older than `STALE_FACTOR` times the limit."""
        limit = self.seconds if seconds is None else min(seconds, self.seconds)
        entry = self._entry(key, mark)
        if entry is not None:
            age = time.monotonic() - entry.started
            unchanged = latest is not None and entry.latest == latest
            if age < limit or (unchanged and age < limit * STALE_FACTOR):
                return entry.value  # type: ignore[return-value]
            if refresh is not None and (unchanged or age < limit * STALE_FACTOR):
                self._refresher.ask(key, lambda: self._store(key, refresh))
                return entry.value  # type: ignore[return-value]
        with self._lock:
            flight = self._computing.setdefault((key, mark), threading.Lock())
        try:
            with flight:
                entry = self._entry(key, mark)  # another reader may have just made it
                if entry is not None and time.monotonic() - entry.started < limit:
                    return entry.value  # type: ignore[return-value]
                started = time.monotonic()
                value = compute()
                self._keep(key, _Entry(mark, latest, started, value))
                return value
        finally:
            with self._lock:
                self._computing.pop((key, mark), None)

    def _entry(self, key: Hashable, mark: int) -> _Entry | None:
        with self._lock:
            found = self._found.get(key)
            if found is None or found.mark != mark:
                return None
            self._found.move_to_end(key)
            return found

    def _keep(self, key: Hashable, entry: _Entry) -> None:
        with self._lock:
            self._found[key] = entry
            self._found.move_to_end(key)
            while len(self._found) > self.entries:
                self._found.popitem(last=False)

    def _store(self, key: Hashable, refresh: Callable[[], tuple[int, int | None, object]]) -> None:
        started = time.monotonic()
        mark, latest, value = refresh()
        self._keep(key, _Entry(mark, latest, started, value))

    def close(self) -> None:
        """Stop the background thread (when the server stops)."""
        self._refresher.stop()


class _Refresher:
    """One background thread that recomputes stale answers one at a time, each key once
    however many readers found it stale (so refreshing never takes more than one thread)."""

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Hashable, Callable[[], None]] | None] = (
            queue.SimpleQueue()
        )
        self._lock = threading.Lock()
        self._pending: set[Hashable] = set()
        self._thread: threading.Thread | None = None

    def ask(self, key: Hashable, job: Callable[[], None]) -> None:
        with self._lock:
            if key in self._pending:
                return
            self._pending.add(key)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="recount", daemon=True)
                self._thread.start()
        self._jobs.put((key, job))

    def _run(self) -> None:
        while (asked := self._jobs.get()) is not None:
            key, job = asked
            try:
                job()
            except Exception:  # a reader asking again recomputes and sees the error itself
                _log.exception("recounting %r in the background failed", key)
            finally:
                with self._lock:
                    self._pending.discard(key)

    def stop(self) -> None:
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None:
            self._jobs.put(None)
            thread.join(timeout=30)


def shared(
    ctx: Context,
    key: Hashable,
    compute: Callable[[Archive], T],
    seconds: float | None = None,
) -> T:
    """An answer many readers share, from the app's cache; the key must hold everything the
    answer depends on, the reader's visibility scope included. `compute` gets the Archive to
    read: the reader's own, or the background thread's when a stale answer is made afresh."""
    cache: CountsCache = ctx.request.app.state.counts
    pool = ctx.request.app.state.pool

    def refresh() -> tuple[int, int | None, T]:
        archive = pool.get()  # the background thread's own connection
        mark, latest = archive.marks()
        return mark, latest, compute(archive)

    archive = ctx.archive
    mark, latest = archive.marks()
    return cache.get(key, mark, lambda: compute(archive), seconds, refresh, latest)

"""Answers shared by many readers, computed once: facet counts of a search, the entity list,
and (for a shorter time) a page of search results.

On a large archive these aggregate every matching document (hundreds of milliseconds for a
common word), while many readers ask the same thing within seconds. A cached answer is keyed
on what was asked — the query with its visibility scope, so no reader ever gets counts made
for another scope — and on the archive's change mark (`Archive.changed_mark`): a review, a
restriction, an edit, a verdict or an entity decision moves the mark, and from that request on
every count is made afresh, so nothing hidden is ever counted. Documents ingested meanwhile
only add to counts; they show once the entry is older than its time limit (30 s for counts,
`RESULTS_SECONDS` for a page of results), and an upload through the web clears the cache so the
uploader finds what was just added.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from dhakira.views.web.context import Context

T = TypeVar("T")

DEFAULT_SECONDS = 30.0
DEFAULT_ENTRIES = 512
RESULTS_SECONDS = 15.0


_MISSING = object()


class CountsCache:
    """A bounded, thread-safe cache of computed answers, checked against the change mark.

    One reader computes a missing answer while the others asking the same thing wait for it
    (on a large archive a common word's counts take a second; fifty readers computing them at
    once would take the server down with them)."""

    def __init__(self, seconds: float = DEFAULT_SECONDS, entries: int = DEFAULT_ENTRIES) -> None:
        self.seconds = seconds
        self.entries = entries
        self._lock = threading.Lock()
        self._found: OrderedDict[Hashable, tuple[int, float, object]] = OrderedDict()
        self._computing: dict[tuple[Hashable, int], threading.Lock] = {}

    def get(
        self, key: Hashable, mark: int, compute: Callable[[], T], seconds: float | None = None
    ) -> T:
        """The value cached for `key` under this change mark and within the time limit (the
        cache's own, or `seconds`), else `compute()`, once for all readers asking at once."""
        limit = self.seconds if seconds is None else min(seconds, self.seconds)
        found = self._fresh(key, mark, limit)
        if found is not _MISSING:
            return found  # type: ignore[return-value]
        with self._lock:
            flight = self._computing.setdefault((key, mark), threading.Lock())
        try:
            with flight:
                found = self._fresh(key, mark, limit)  # another reader may have just made it
                if found is not _MISSING:
                    return found  # type: ignore[return-value]
                started = time.monotonic()
                value = compute()
                self._keep(key, mark, started, value)
                return value
        finally:
            with self._lock:
                self._computing.pop((key, mark), None)

    def _fresh(self, key: Hashable, mark: int, limit: float) -> object:
        with self._lock:
            found = self._found.get(key)
            if found is None or found[0] != mark or time.monotonic() - found[1] >= limit:
                return _MISSING
            self._found.move_to_end(key)
            return found[2]

    def _keep(self, key: Hashable, mark: int, started: float, value: object) -> None:
        with self._lock:
            self._found[key] = (mark, started, value)
            self._found.move_to_end(key)
            while len(self._found) > self.entries:
                self._found.popitem(last=False)

    def clear(self) -> None:
        """Forget every answer (after an upload, so its documents show at once)."""
        with self._lock:
            self._found.clear()


def shared(
    ctx: Context, key: Hashable, compute: Callable[[], T], seconds: float | None = None
) -> T:
    """An answer many readers share, from the app's cache; the key must hold everything the
    answer depends on, the reader's visibility scope included."""
    cache: CountsCache = ctx.request.app.state.counts
    return cache.get(key, ctx.archive.changed_mark(), compute, seconds)

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
from typing import TypeVar

T = TypeVar("T")

DEFAULT_SECONDS = 30.0
DEFAULT_ENTRIES = 512
RESULTS_SECONDS = 5.0


class CountsCache:
    """A bounded, thread-safe cache of computed counts, checked against the change mark."""

    def __init__(self, seconds: float = DEFAULT_SECONDS, entries: int = DEFAULT_ENTRIES) -> None:
        self.seconds = seconds
        self.entries = entries
        self._lock = threading.Lock()
        self._found: OrderedDict[Hashable, tuple[int, float, object]] = OrderedDict()

    def get(
        self, key: Hashable, mark: int, compute: Callable[[], T], seconds: float | None = None
    ) -> T:
        """The value cached for `key` under this change mark and within the time limit (the
        cache's own, or `seconds`), else `compute()` (outside the lock: two readers may both
        compute, neither waits)."""
        now = time.monotonic()
        limit = self.seconds if seconds is None else min(seconds, self.seconds)
        with self._lock:
            found = self._found.get(key)
            if found is not None and found[0] == mark and now - found[1] < limit:
                self._found.move_to_end(key)
                return found[2]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._found[key] = (mark, now, value)
            self._found.move_to_end(key)
            while len(self._found) > self.entries:
                self._found.popitem(last=False)
        return value

    def clear(self) -> None:
        """Forget every answer (after an upload, so its documents show at once)."""
        with self._lock:
            self._found.clear()

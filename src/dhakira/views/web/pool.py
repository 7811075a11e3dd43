"""One open Archive per server thread: an Archive holds one connection meant for one thread.

FastAPI runs each plain (`def`) endpoint in a worker thread; the endpoint asks the pool for
its thread's Archive, opened on first use and reused by later requests on that thread. The app
migrated the schema once at start, so these are opened without migrating: a migration check
takes the writers' lock, and a reader must never queue behind an ingest for it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from dhakira.archive import Archive


class ArchivePool:
    def __init__(self, path: Path, database_url: str | None) -> None:
        self.path = Path(path)
        self.database_url = database_url
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Archive] = []

    def get(self) -> Archive:
        """This thread's Archive."""
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            archive = Archive.open(self.path, self.database_url, create=False, migrate=False)
            self._local.archive = archive
            with self._lock:
                self._opened.append(archive)
        return archive

    def close_all(self) -> None:
        """Close every Archive the pool opened (at shutdown, when no request runs)."""
        with self._lock:
            opened, self._opened = self._opened, []
        for archive in opened:
            archive.close()

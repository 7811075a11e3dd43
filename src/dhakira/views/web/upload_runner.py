"""The server thread that ingests web uploads after the request has been answered.

One runner per server process, with its own Archive (an Archive is meant for one thread). It
takes batches from a queue one after another (writers are serialized anyway), and when the
server starts it first adopts the files an earlier process left waiting, so an upload
interrupted by a stop is finished from its stored originals. At shutdown it stops between two
files; what is left waits in the database for the next start.
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
from pathlib import Path

from dhakira.archive import Archive
from dhakira.archive.linkstore import Linker
from dhakira.archive.uploads import now_precise
from dhakira.config import Limits
from dhakira.views.web.upload import ingest_batch

log = logging.getLogger(__name__)
_ADOPT = ""  # the queue entry that asks for the files left waiting by an earlier process


class UploadRunner:
    """Ingest uploaded batches in one background thread of this server process."""

    def __init__(self, path: Path, database_url: str | None, limits: Limits) -> None:
        self.path = Path(path)
        self.database_url = database_url
        self.limits = limits
        self.token = secrets.token_hex(8)  # names this process on the rows it ingests
        self.started = now_precise()
        self._queue: queue.Queue[str] = queue.Queue()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._linker: Linker | None = None  # kept from batch to batch while current

    def start(self) -> None:
        """At server start: resume what an earlier process left waiting, in the background."""
        self._stop.clear()
        self.submit(_ADOPT)

    def submit(self, batch: str) -> None:
        """Ingest the batch (its files are already stored and waiting) after those queued."""
        self._queue.put(batch)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._work, name="dhakira-upload", daemon=True
                )
                self._thread.start()

    def close(self, seconds: float = 10.0) -> None:
        """At shutdown: let the file in hand finish (for up to `seconds`), leave the rest."""
        self._stop.set()
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join(seconds)

    def _work(self) -> None:
        archive = Archive.open(self.path, self.database_url, create=False, migrate=False)
        self._linker = None  # a linker belongs to the archive connection it was made with
        try:
            while not self._stop.is_set():
                with self._lock:
                    try:
                        batch = self._queue.get_nowait()
                    except queue.Empty:
                        self._thread = None
                        return
                self._run(archive, batch)
        finally:
            archive.close()

    def _run(self, archive: Archive, batch: str) -> None:
        """One queue entry; a failure to reach the database leaves the files waiting (they
        are taken up again at the next start) and is logged, never raised into nowhere."""
        try:
            if batch == _ADOPT:
                for adopted in archive.uploads.adopt(self.token, self.started):
                    self._queue.put(adopted)
                return
            self._linker = ingest_batch(
                archive, batch, self.token, self.limits, self._stop, self._linker
            )
        except Exception:
            log.exception("upload batch %s stopped; its waiting files resume at next start", batch)

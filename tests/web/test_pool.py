"""The server's per-thread archives: opening one must not wait for the writers' lock."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from dhakira.archive import Archive
from dhakira.archive.archive import DB_FILE
from dhakira.views.web.pool import ArchivePool


def test_a_thread_opens_its_archive_while_an_ingest_holds_the_write_lock(tmp_path: Path) -> None:
    Archive.open(tmp_path).close()  # created and migrated, as create_app does at start
    writer = sqlite3.connect(tmp_path / DB_FILE, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # an ingest in the middle of a write
    pool = ArchivePool(tmp_path, None)
    opened: list[int] = []
    reader = threading.Thread(target=lambda: opened.append(pool.get().count()))
    try:
        reader.start()
        reader.join(timeout=5)
        assert opened == [0]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        reader.join()
        pool.close_all()

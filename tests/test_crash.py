"""A killed ingest leaves a consistent archive, and running it again finishes the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from dhakira.archive import Archive

DOCS = 400


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for n in range(DOCS):
        body = (
            f"Statement number {n} on detainees\n\n"
            f"The documentation group recorded case {n} of a person held without charge. "
            "Families asked for news of their relatives held in Sednaya prison.\n"
        ) * 3
        (folder / f"doc-{n:04d}.txt").write_text(body, encoding="utf-8")


def _ingest_process(folder: Path, archive: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "dhakira", "ingest", str(folder), "--archive", str(archive)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stored(archive_path: Path) -> int:
    if not (archive_path / "archive.sqlite").exists():
        return 0
    with Archive.open(archive_path) as archive:
        return archive.count()


def _wait_for_some_documents(archive_path: Path, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if _stored(archive_path) >= 20:
                return
        except Exception:  # the archive may be mid-creation; look again
            pass
        time.sleep(0.05)


def test_sigkill_midway_leaves_a_consistent_archive_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "collected"
    archive_path = tmp_path / "archive"
    _corpus(folder)

    proc = _ingest_process(folder, archive_path)
    _wait_for_some_documents(archive_path, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with Archive.open(archive_path) as archive:
        stored_after_kill = archive.count()
        report = archive.verify()
        assert report.mismatched == [] and report.missing == [] and report.chain_ok
        for doc in archive.documents():  # every stored record is whole
            assert doc.text and doc.sha256 and doc.code
    assert 0 < stored_after_kill < DOCS, "the kill must land midway for this test to mean much"

    rerun = _ingest_process(folder, archive_path)
    assert rerun.wait(timeout=300) == 0
    with Archive.open(archive_path) as archive:
        assert archive.count() == DOCS
        shas = [doc.sha256 for doc in archive.documents()]
        assert len(shas) == len(set(shas))
        assert archive.verify().ok

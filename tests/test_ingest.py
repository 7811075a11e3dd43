"""Ingest as a documenter meets it: a folder in, every item accounted for, nothing twice."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from dhakira.archive import Archive
from dhakira.config import Limits
from dhakira.ingest import IngestOptions, ingest

ARABIC_STATEMENT = (
    "بيان صحفي\n\n"
    "طالبت منظمة حقوقية بالكشف عن مصير المعتقلين في سجن صيدنايا، "
    "وقالت إن آلاف العائلات ما زالت تنتظر أي خبر عن أبنائها.\n"
)
ENGLISH_NEWS = (
    "Families Still Wait for News of the Detained\n\n"
    "March 3, 2019\n\n"
    "Families of people held in Syrian prisons gathered on Sunday to ask for news of their "
    "relatives, a rights group said. Many have had no word for years.\n"
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "collected"
    (folder / "sub").mkdir(parents=True)
    (folder / "statement-ar.txt").write_text(ARABIC_STATEMENT, encoding="utf-8")
    (folder / "sub" / "news-en.txt").write_text(ENGLISH_NEWS, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(
        ARABIC_STATEMENT.replace("بيان صحفي", "بيان").encode("cp1256")
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.html.gz").write_bytes(gzip.compress(b"<html><body>" + b"x" * 5000)[:40])
    (folder / "random.pdf").write_bytes(os.urandom(2048))
    return folder


def test_a_folder_is_ingested_and_every_item_accounted_for(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with Archive.open(tmp_path / "archive") as archive:
        summary = ingest(archive, [folder])
        assert summary.counts == {"ingested": 3, "duplicate": 0, "needs_ocr": 0, "failed": 3}
        failed = {Path(o.source).name: o.reason for o in summary.outcomes if o.status == "failed"}
        assert set(failed) == {"empty.txt", "broken.html.gz", "random.pdf"}
        assert all(reason and reason.startswith("[DK") for reason in failed.values())
        assert archive.count() == 3
        assert len(archive.failures()) == 3


def test_ingesting_the_same_bytes_again_creates_nothing_new(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with Archive.open(tmp_path / "archive") as archive:
        first = ingest(archive, [folder])
        second = ingest(archive, [folder])
        assert second.counts["duplicate"] == first.counts["ingested"]
        assert second.counts["ingested"] == 0
        assert archive.count() == first.counts["ingested"]
        codes = {o.code for o in first.outcomes if o.status == "ingested"}
        assert {o.code for o in second.outcomes if o.status == "duplicate"} == codes


def test_a_copy_under_another_name_is_a_duplicate(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH_NEWS, encoding="utf-8")
    (folder / "b.txt").write_text(ENGLISH_NEWS, encoding="utf-8")
    with Archive.open(tmp_path / "archive") as archive:
        summary = ingest(archive, [folder])
    assert summary.counts["ingested"] == 1
    assert summary.counts["duplicate"] == 1


def test_a_file_over_the_size_limit_fails_clearly_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.txt").write_text(ENGLISH_NEWS, encoding="utf-8")
    with (folder / "huge.txt").open("wb") as handle:  # sparse: costs no disk and no time
        handle.truncate(200 * 1024 * 1024)
    options = IngestOptions(Limits(max_file_bytes=50 * 1024 * 1024))
    with Archive.open(tmp_path / "archive") as archive:
        summary = ingest(archive, [folder], options)
    assert summary.counts["ingested"] == 1
    (failure,) = [o for o in summary.outcomes if o.status == "failed"]
    assert failure.source.endswith("huge.txt")
    assert failure.reason is not None and "limit" in failure.reason


def test_parallel_ingest_gives_the_same_archive_as_serial(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with Archive.open(tmp_path / "serial") as archive:
        serial = ingest(archive, [folder])
        serial_codes = sorted(doc.code for doc in archive.documents())
    with Archive.open(tmp_path / "parallel") as archive:
        parallel = ingest(archive, [folder], IngestOptions(jobs=2))
        parallel_codes = sorted(doc.code for doc in archive.documents())
    assert parallel.counts == serial.counts
    assert parallel_codes == serial_codes


def test_provenance_is_recorded(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with Archive.open(tmp_path / "archive") as archive:
        summary = ingest(archive, [folder / "sub" / "news-en.txt"])
        (outcome,) = summary.outcomes
        assert outcome.code is not None
        doc = archive.get(outcome.code)
    assert doc.source.endswith("news-en.txt")
    assert doc.batch == summary.batch
    assert doc.captured_at
    assert doc.sha256 == __import__("hashlib").sha256(ENGLISH_NEWS.encode()).hexdigest()


@pytest.mark.parametrize("name", ["statement-ar.txt", "legacy.txt"])
def test_arabic_documents_keep_their_arabic_text(tmp_path: Path, name: str) -> None:
    folder = _folder(tmp_path)
    with Archive.open(tmp_path / "archive") as archive:
        (outcome,) = ingest(archive, [folder / name]).outcomes
        assert outcome.code is not None
        doc = archive.get(outcome.code)
    assert "صيدنايا" in doc.text
    assert doc.language == "ar"

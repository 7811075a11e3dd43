"""A batch of broken inputs beside good ones: each broken item gets its status and reason,
every good item is ingested, and nothing crashes."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from dhakira.archive import Archive
from dhakira.config import Limits
from dhakira.ingest import IngestOptions, ingest

ARABIC = "طالبت الشبكة بالكشف عن مصير آلاف المعتقلين في سجن صيدنايا العسكري قرب دمشق."
ENGLISH = "A rights group said that thousands of detainees held at Sednaya remain missing."


def _pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def _encrypted_pdf(text: str) -> bytes:
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf(text))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _batch(folder: Path) -> dict[str, str]:
    """Write the batch; returns file name → expected status."""
    folder.mkdir()
    files: dict[str, tuple[bytes, str]] = {
        "good-en.txt": (f"Detainees still missing\n\n{ENGLISH}\n".encode(), "ingested"),
        "good.pdf": (_pdf(ENGLISH), "ingested"),
        "good-page.html.gz": (
            gzip.compress(f"<html><body><h1>Report</h1><p>{ENGLISH}</p></body></html>".encode()),
            "ingested",
        ),
        "legacy-arabic.txt": (ARABIC.encode("cp1256"), "ingested"),
        "bad-utf8.txt": (ENGLISH.encode() + b" \xff\xfe broken \xc3\x28 bytes\n", "ingested"),
        "truncated.html.gz": (gzip.compress(("<p>" + ENGLISH * 50).encode())[:60], "failed"),
        "truncated.warc.gz": (
            gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" * 40)[:50],
            "failed",
        ),
        "random.pdf": (os.urandom(4096), "failed"),
        "locked.pdf": (_encrypted_pdf(ENGLISH), "failed"),
        "empty.txt": (b"", "failed"),
        "nested.html": (
            b"<html><body>" + b"<div>" * 100_000 + b"deep" + b"</div>" * 100_000,
            "failed",
        ),
    }
    expected = {}
    for name, (data, status) in files.items():
        (folder / name).write_bytes(data)
        expected[name] = status
    with (folder / "huge.txt").open("wb") as handle:  # 200 MB, sparse: no disk, no time
        handle.truncate(200 * 1024 * 1024)
    expected["huge.txt"] = "failed"
    return expected


def test_broken_inputs_fail_with_reasons_and_good_ones_are_ingested(tmp_path: Path) -> None:
    expected = _batch(tmp_path / "batch")
    options = IngestOptions(Limits(max_file_bytes=50 * 1024 * 1024))
    with Archive.open(tmp_path / "archive") as archive:
        summary = ingest(archive, [tmp_path / "batch"], options)
        failures = {Path(f.source.split("#")[0]).name: f.reason for f in archive.failures()}
    got: dict[str, str] = {}
    for outcome in summary.outcomes:
        got.setdefault(Path(outcome.source.split("#")[0]).name, outcome.status)
    assert got == expected
    assert set(failures) == {name for name, status in expected.items() if status == "failed"}
    assert "password" in failures["locked.pdf"]
    assert "limit" in failures["huge.txt"] and "50" in failures["huge.txt"]
    assert "empty" in failures["empty.txt"]
    assert "gzip" in failures["truncated.html.gz"].lower()
    assert all(reason.startswith("[DK") for reason in failures.values())


def test_legacy_arabic_and_damaged_utf8_keep_their_words(tmp_path: Path) -> None:
    _batch(tmp_path / "batch")
    with Archive.open(tmp_path / "archive") as archive:
        ingest(
            archive, [tmp_path / "batch" / "legacy-arabic.txt", tmp_path / "batch" / "bad-utf8.txt"]
        )
        texts = {Path(doc.source).name: doc.text for doc in archive.documents()}
    assert "صيدنايا" in texts["legacy-arabic.txt"]
    assert "Sednaya" in texts["bad-utf8.txt"]


def test_failed_items_keep_their_bytes(tmp_path: Path) -> None:
    _batch(tmp_path / "batch")
    with Archive.open(tmp_path / "archive") as archive:
        ingest(archive, [tmp_path / "batch" / "random.pdf"])
        (failure,) = archive.failures()
        assert failure.sha256 is not None
        blob = tmp_path / "archive" / "originals" / failure.sha256[:2] / failure.sha256[2:4]
        assert (blob / failure.sha256).read_bytes() == (
            tmp_path / "batch" / "random.pdf"
        ).read_bytes()

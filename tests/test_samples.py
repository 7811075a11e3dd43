"""The sample corpus in samples/: reproducible, complete across formats, and marked as samples.

These tests read the shipped files directly with the standard library and the format libraries
(pypdf, python-docx, warcio); they do not use dhakira's own readers, which are tested elsewhere.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pypdf
import pytest
from warcio.archiveiterator import ArchiveIterator

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SCRIPT = REPO / "scripts" / "make_samples.py"
MARKERS = ("dhakira sample document", "وثيقة نموذجية لمستودع ذاكرة")

# How each shipped file is read as text; the key is the end of the file name.
PLAIN_ENCODINGS = {
    ".utf16.txt": "utf-16",
    ".cp1256.txt": "cp1256",
    ".iso8859-6.txt": "iso8859_6",
}


def shipped_files() -> list[Path]:
    """Every sample document file, leaving out this README."""
    return sorted(
        path for path in SAMPLES.rglob("*") if path.is_file() and path.name != "README.md"
    )


def read_plain(path: Path) -> str:
    """Decode a plain text file with the encoding its name declares (UTF-8 by default)."""
    for suffix, encoding in PLAIN_ENCODINGS.items():
        if path.name.endswith(suffix):
            return path.read_bytes().decode(encoding)
    return path.read_text(encoding="utf-8")


def warc_pages(path: Path) -> Iterator[tuple[str, str]]:
    """(target URL, HTML) of each response record in a WARC file."""
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield url, record.content_stream().read().decode("utf-8")


def export_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV or JSONL export."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return list(csv.DictReader(io.StringIO(text, newline="")))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def documents() -> Iterator[tuple[str, str]]:
    """(label, text) of every document in the corpus; containers yield one per record or row."""
    for path in shipped_files():
        name = str(path.relative_to(SAMPLES))
        if path.name.endswith(".warc.gz"):
            for url, html in warc_pages(path):
                yield f"{name}#{url}", html
        elif path.suffix in (".csv", ".jsonl"):
            for number, row in enumerate(export_rows(path), start=1):
                yield f"{name}#row{number}", row["text"]
        elif path.suffix == ".pdf":
            reader = pypdf.PdfReader(path)
            yield name, "\n".join(page.extract_text() for page in reader.pages)
        elif path.suffix == ".docx":
            yield name, "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        elif path.name.endswith(".gz"):
            yield name, gzip.decompress(path.read_bytes()).decode("utf-8")
        else:
            yield name, read_plain(path)


def test_generator_reproduces_the_committed_files_byte_for_byte(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SCRIPT), "--out", str(tmp_path)], check=True, timeout=120)
    generated = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert len(generated) >= 9
    for path in generated:
        relative = path.relative_to(tmp_path)
        committed = SAMPLES / relative
        assert committed.exists(), f"{relative} is generated but not committed"
        assert path.read_bytes() == committed.read_bytes(), f"{relative} differs; rerun script"


@pytest.mark.parametrize(
    "ending",
    [
        ".txt",
        ".md",
        ".utf16.txt",
        ".cp1256.txt",
        ".iso8859-6.txt",
        ".html",
        ".html.gz",
        ".pdf",
        ".docx",
        ".warc.gz",
        ".jsonl",
        ".csv",
    ],
)
def test_every_promised_format_is_shipped(ending: str) -> None:
    assert any(path.name.endswith(ending) for path in shipped_files())


def test_the_corpus_holds_at_least_twelve_documents() -> None:
    assert len(list(documents())) >= 12


def test_both_languages_are_represented() -> None:
    texts = [text for _, text in documents()]
    assert sum(1 for t in texts if MARKERS[0] in t) >= 5
    assert sum(1 for t in texts if MARKERS[1] in t) >= 5


@pytest.mark.parametrize(("label", "text"), list(documents()), ids=lambda value: str(value)[:60])
def test_every_document_says_it_is_a_sample(label: str, text: str) -> None:
    assert any(marker in text for marker in MARKERS), f"{label} lacks the sample marker"


@pytest.mark.parametrize("ending", [".cp1256.txt", ".iso8859-6.txt"])
def test_legacy_arabic_files_are_really_not_utf8(ending: str) -> None:
    (path,) = [p for p in shipped_files() if p.name.endswith(ending)]
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")


def test_utf16_file_starts_with_a_byte_order_mark() -> None:
    (path,) = [p for p in shipped_files() if p.name.endswith(".utf16.txt")]
    assert path.read_bytes()[:2] == b"\xff\xfe"


def test_warc_records_carry_target_urls_and_capture_dates() -> None:
    (path,) = [p for p in shipped_files() if p.name.endswith(".warc.gz")]
    with path.open("rb") as stream:
        records = [r for r in ArchiveIterator(stream) if r.rec_type == "response"]
        headers = [
            (r.rec_headers.get_header("WARC-Target-URI"), r.rec_headers["WARC-Date"])
            for r in records
        ]
    assert len(headers) >= 2
    assert all(url.startswith("https://") and date.startswith("2024-") for url, date in headers)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_exports_have_the_agreed_columns(suffix: str) -> None:
    (path,) = [p for p in shipped_files() if p.suffix == suffix]
    for row in export_rows(path):
        assert {"title", "text", "url", "date", "source", "collector"} <= set(row)


def test_one_page_carries_an_archive_record_block_with_four_reliability_options() -> None:
    options = ("صحيحة", "غير صحيحة", "لم يتم التأكد من صحتها", "غير محدد")
    pages = [text for _, text in documents() if "درجة الموثوقية" in text]
    assert pages, "no page carries the archive record block"
    assert all(option in pages[0] for option in options)

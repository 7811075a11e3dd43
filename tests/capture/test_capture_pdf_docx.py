"""PDF and DOCX: text in reading order, document facts kept, and password-protected, damaged or
text-less files ending in a clear status instead of a crash."""

from __future__ import annotations

import io
import os
from pathlib import Path

import docx
import pytest
from capture_fixtures import ENGLISH
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from dhakira.capture import iter_items, read_item
from dhakira.config import Limits
from dhakira.errors import CorruptInput, EncryptedDocument, LimitExceeded
from dhakira.records import Document, Item

LIMITS = Limits()


def read_file(path: Path, limits: Limits = LIMITS) -> Document:
    (item,) = list(iter_items([path], limits))
    assert isinstance(item, Item), item
    return read_item(item, limits)


def make_pdf(pages: list[str], *, title: str = "Sednaya report") -> bytes:
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author("Rights Group")
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text)
    return bytes(pdf.output())


def test_pdf_text_of_each_page_is_joined_by_form_feeds(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(["First page about Sednaya.", "Second page."]))
    document = read_file(path)
    assert document.pages == 2
    first, second = document.raw_text.split("\f")
    assert "First page about Sednaya." in first
    assert "Second page." in second
    assert document.text_status == "ok"


def test_pdf_info_goes_into_format_meta(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([ENGLISH]))
    meta = read_file(path).format_meta
    assert meta["title"] == "Sednaya report"
    assert meta["author"] == "Rights Group"
    assert meta["date"].startswith("20")


def test_pdf_without_text_layer_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(["", ""]))
    document = read_file(path)
    assert document.text_status == "needs_ocr"
    assert document.raw_text == ""
    assert document.pages == 2


def test_encrypted_pdf_is_refused_with_what_to_do(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([ENGLISH]))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(EncryptedDocument, match="password-protected; decrypt it and ingest again"):
        read_file(path)


def test_pdf_with_empty_user_password_is_read(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([ENGLISH]))))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "restricted.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    assert "Sednaya" in read_file(path).raw_text


def test_pdf_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(["one", "two", "three"]))
    with pytest.raises(LimitExceeded, match="3 pages, above the limit of 2"):
        read_file(path, Limits(max_pages=2))


def test_random_bytes_named_pdf_are_corrupt_input(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(os.urandom(64) + b"\x00not a pdf")
    with pytest.raises(CorruptInput, match="not a PDF"):
        read_file(path)


def test_pdf_cut_short_is_corrupt_input(tmp_path: Path) -> None:
    whole = make_pdf([ENGLISH, ENGLISH])
    path = tmp_path / "half.pdf"
    path.write_bytes(whole[:200])
    with pytest.raises(CorruptInput, match="damaged PDF"):
        read_file(path)


def make_docx(path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Testimony summary"
    document.core_properties.author = "Documenter A"
    document.add_paragraph("First paragraph.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cell one"
    table.cell(0, 1).text = "سجن صيدنايا"
    document.add_paragraph("Last paragraph.")
    document.save(str(path))


def test_docx_paragraphs_and_cells_come_in_document_order(tmp_path: Path) -> None:
    path = tmp_path / "testimony.docx"
    make_docx(path)
    assert read_file(path).raw_text.split("\n\n") == [
        "First paragraph.",
        "Cell one",
        "سجن صيدنايا",
        "Last paragraph.",
    ]


def test_docx_core_properties_go_into_format_meta(tmp_path: Path) -> None:
    path = tmp_path / "testimony.docx"
    make_docx(path)
    meta = read_file(path).format_meta
    assert meta["title"] == "Testimony summary"
    assert meta["author"] == "Documenter A"
    assert "date" in meta


def test_corrupt_docx_zip_is_corrupt_input(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    make_docx(path)
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(CorruptInput, match="damaged DOCX"):
        read_file(path)


def test_password_protected_docx_is_encrypted_document(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500))
    with pytest.raises(EncryptedDocument, match="DOCX is password-protected"):
        read_file(path)

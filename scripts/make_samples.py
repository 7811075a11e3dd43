"""Build the encoded and binary sample files from hand-written texts in scripts/sample_sources/.

Why this exists: the sample corpus must exercise every input format dhakira reads (legacy Arabic
code pages, UTF-16, gzip, PDF, DOCX, WARC, CSV and JSONL exports), but reviewers can only read and
correct plain text. So the words live in scripts/sample_sources/ (outside samples/, which users
ingest, so they are not read twice) and this script turns them into the other formats. Every
output is deterministic (fixed timestamps, fixed record ids, fixed zip entry dates, sorted keys):
running it twice, or on another machine with the same library versions, gives byte-identical
files, which tests/test_samples.py checks against the committed copies.

Usage:
    python scripts/make_samples.py            # rewrite the derived files under samples/
    python scripts/make_samples.py --out DIR  # write them under DIR instead (used by the tests)
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = Path(__file__).resolve().parent / "sample_sources"

# Fixed instants for the timestamps the formats carry, close to each document's own date, as a
# real file's creation date would be. Capture dates of the WARC records are listed per page below.
PDF_CREATED = datetime(2023, 3, 14, 9, 30, 0, tzinfo=UTC)
DOCX_CREATED = datetime(2022, 11, 20, 8, 0, 0)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
SAMPLE_NAMESPACE = uuid.UUID("6f1c9a52-2d3e-4b8a-9d57-3c1a0e7f4b21")
EXPORT_COLUMNS = ["title", "text", "url", "date", "source", "collector"]


@dataclass(frozen=True)
class WarcPage:
    """One HTML page to store as a WARC response: which source file, at which URL, when."""

    source: str
    url: str
    captured: str  # WARC-Date, ISO 8601 in UTC


WARC_PAGES = [
    WarcPage(
        "warc/01_en_press_sednaya_opened_2024.html",
        "https://detention-monitor.example.org/press/2024-12-10-sednaya-open",
        "2024-12-10T09:14:03Z",
    ),
    WarcPage(
        "warc/02_ar_news_icrc_requests_2024.html",
        "https://akhbar-alsham.example.net/syria/icrc-requests",
        "2024-12-13T16:40:27Z",
    ),
    WarcPage(
        "warc/03_en_explainer_iiim.html",
        "https://syria-ledger.example.com/2024/12/16/explainer-iiim/",
        "2024-12-17T07:02:55Z",
    ),
]


def read_source(name: str) -> str:
    """Return a hand-written source text; sources are always UTF-8 with LF line ends."""
    return (SOURCES / name).read_text(encoding="utf-8")


def encode_text(name: str, encoding: str, bom: bytes = b"") -> bytes:
    """Encode a source in a legacy or wide encoding, failing loudly on any unencodable char."""
    text = read_source(name)
    if encoding.startswith("utf-16"):
        text = text.replace("\n", "\r\n")  # Windows Notepad habits travel with UTF-16
    return bom + text.encode(encoding, errors="strict")


def gzip_bytes(data: bytes) -> bytes:
    """Gzip without a file name and with mtime 0, so the header never changes."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def build_utf16() -> bytes:
    """Arabic statement as UTF-16 little-endian with a BOM (what Notepad calls "Unicode")."""
    return encode_text("ar_statement_disappearance_day_2019.txt", "utf-16-le", b"\xff\xfe")


def build_cp1256() -> bytes:
    """Arabic news page in windows-1256, the code page of older Arabic Windows sites."""
    return encode_text("ar_news_tadmur_prison_cp1256.txt", "cp1256")


def build_iso8859_6() -> bytes:
    """Arabic bulletin in ISO-8859-6, the oldest Arabic charset still met in mail archives."""
    return encode_text("ar_icrc_missing_iso8859_6.txt", "iso8859_6")


def build_html_gz() -> bytes:
    """Arabic statement page stored gzip-compressed, as crawlers often save pages."""
    return gzip_bytes(read_source("ar_statement_coi_deaths_in_detention_2016.html").encode())


def build_pdf() -> bytes:
    """English court-style submission as a PDF with a real text layer (core Helvetica font)."""
    from fpdf import FPDF

    lines = read_source("en_legal_submission_sample_tribunal.txt").split("\n")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(PDF_CREATED)
    pdf.set_title("Submission of documentary evidence (sample)")
    pdf.set_author("dhakira sample corpus")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    for line in lines:
        _write_pdf_line(pdf, line)
    return bytes(pdf.output())


def _write_pdf_line(pdf: object, line: str) -> None:
    """Headings (all capitals) in bold, blank lines as spacing, the rest as wrapped paragraphs."""
    is_heading = bool(line.strip()) and line.upper() == line and any(c.isalpha() for c in line)
    pdf.set_font("Helvetica", "B" if is_heading else "", 11)  # type: ignore[attr-defined]
    if not line.strip():
        pdf.ln(3)  # type: ignore[attr-defined]
        return
    pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")  # type: ignore[attr-defined]


def build_docx() -> bytes:
    """Arabic report chapter as DOCX: '#' lines are headings, '- ' lines bullets, right-to-left."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    props = document.core_properties
    props.author = "dhakira sample corpus"
    props.title = "دليل التوثيق (وثيقة نموذجية)"
    props.created = DOCX_CREATED
    props.modified = DOCX_CREATED
    props.last_modified_by = "dhakira"
    props.revision = 1
    for line in read_source("ar_ngo_report_documentation_method.txt").splitlines():
        paragraph = _add_docx_paragraph(document, line)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_to_left = True  # type: ignore[attr-defined]
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize_zip(buffer.getvalue())


def _add_docx_paragraph(document: object, line: str) -> object:
    """Map the small markup of the source onto Word styles."""
    if line.startswith("## "):
        return document.add_heading(line[3:], level=2)  # type: ignore[attr-defined]
    if line.startswith("# "):
        return document.add_heading(line[2:], level=1)  # type: ignore[attr-defined]
    if line.startswith("- "):
        return document.add_paragraph(line[2:], style="List Bullet")  # type: ignore[attr-defined]
    return document.add_paragraph(line)  # type: ignore[attr-defined]


def normalize_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates and attributes; python-docx stamps the current time."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename), compresslevel=9)
    return out.getvalue()


def build_warc() -> bytes:
    """Three HTML captures in one gzipped WARC, with fixed record ids and capture dates."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for page in WARC_PAGES:
        body = read_source(page.source).encode("utf-8")
        http_headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        record_id = f"<urn:uuid:{uuid.uuid5(SAMPLE_NAMESPACE, page.url)}>"
        record = writer.create_warc_record(
            page.url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Record-ID": record_id, "WARC-Date": page.captured},
        )
        writer.write_record(record)
    return out.getvalue()


def export_rows(kind: str) -> list[dict[str, str]]:
    """Rows of the CSV or JSONL export, as written by hand in export_rows.json."""
    rows: list[dict[str, str]] = json.loads(read_source("export_rows.json"))[kind]
    return rows


def build_jsonl() -> bytes:
    """One JSON object per line, keys sorted, Arabic kept as UTF-8 (not \\u escapes)."""
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in export_rows("jsonl")]
    return ("\n".join(lines) + "\n").encode("utf-8")


def build_csv() -> bytes:
    """RFC 4180 CSV (CRLF, quoted when needed) with a header row, as spreadsheet tools export."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(export_rows("csv"))
    return buffer.getvalue().encode("utf-8")


# Output path (relative to the samples folder) → builder.
BUILDERS: dict[str, Callable[[], bytes]] = {
    "encoded/ar_statement_disappearance_day_2019.utf16.txt": build_utf16,
    "encoded/ar_news_tadmur_prison.cp1256.txt": build_cp1256,
    "encoded/ar_icrc_missing_bulletin.iso8859-6.txt": build_iso8859_6,
    "html/ar_statement_coi_deaths_in_detention_2016.html.gz": build_html_gz,
    "pdf/en_legal_submission_sample_tribunal.pdf": build_pdf,
    "docx/ar_ngo_report_documentation_method.docx": build_docx,
    "warc/captures_2024-12.warc.gz": build_warc,
    "exports/digest_export.jsonl": build_jsonl,
    "exports/volunteer_sheet_export.csv": build_csv,
}


def build_all(out: Path) -> list[Path]:
    """Write every derived sample under `out` and return the paths written, in a fixed order."""
    written = []
    for relative, builder in sorted(BUILDERS.items()):
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(builder())
        written.append(target)
    return written


def main() -> None:
    """Command-line entry: build into samples/ or into --out."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "samples")
    args = parser.parse_args()
    for path in build_all(args.out):
        print(path)


if __name__ == "__main__":
    main()

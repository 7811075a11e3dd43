"""Deciding what format a file is: magic bytes first, the file name second.

Names lie (a PDF saved as .txt, an HTML page saved as .pdf), bytes rarely do; but many text
formats have no magic, so the extension decides when the bytes say nothing. `None` means no
reader exists and the file becomes a failure rather than a guess.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO
from pathlib import Path

TEXT = "text/plain"
MARKDOWN = "text/markdown"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
WARC = "application/warc"
JSONL = "application/x-ndjson"
CSV = "text/csv"
ROW = "application/x-dhakira-row"

# How many leading bytes detection looks at.
HEAD_BYTES = 4096

_SUFFIXES: dict[str, str] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".html.gz": HTML,
    ".htm.gz": HTML,
    ".pdf": PDF,
    ".docx": DOCX,
    ".warc": WARC,
    ".warc.gz": WARC,
    ".jsonl": JSONL,
    ".ndjson": JSONL,
    ".csv": CSV,
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_STARTS = (b"<!doctype html", b"<html")


def suffix_format(path: Path) -> str | None:
    """The format the file name announces (double suffixes such as .warc.gz first)."""
    name = path.name.lower()
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return _SUFFIXES[suffix]
    return None


def detect_format(path: Path, head: bytes) -> str | None:
    """The media type of a file from its first bytes and then its name; None if unsupported."""
    by_name = suffix_format(path)
    by_magic = _magic_format(head, by_name)
    return by_magic or by_name


def _magic_format(head: bytes, by_name: str | None) -> str | None:
    if head[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"WARC/"):
        return WARC
    if head.startswith(b"\x1f\x8b"):
        return _gzip_format(head, by_name)
    if head.startswith(b"PK\x03\x04"):
        return DOCX if by_name == DOCX or _zip_is_docx(head) else None
    if head.startswith(_OLE_MAGIC) and by_name == DOCX:
        return DOCX  # an encrypted DOCX is an OLE container; the reader says so
    if _looks_like_html(head):
        return HTML
    return None


def _gzip_format(head: bytes, by_name: str | None) -> str | None:
    """Peek inside a gzip stream: a WARC or an HTML page; other gzip files are unsupported."""
    if by_name in (WARC, HTML):
        return by_name
    try:
        inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 512)
    except zlib.error:
        return None
    if inner.startswith(b"WARC/"):
        return WARC
    return HTML if _looks_like_html(inner) else None


def _zip_is_docx(head: bytes) -> bool:
    """Only the head is at hand; a zip whose directory is not in it is not called a DOCX."""
    try:
        with zipfile.ZipFile(BytesIO(head)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return b"word/" in head


def _looks_like_html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    while start.startswith(b"<!--") and b"-->" in start:
        start = start.split(b"-->", 1)[1].lstrip()
    return start.startswith(_HTML_STARTS)

"""Reading PDF text layers with pypdf, page by page.

A scanned PDF without a text layer is kept as a document marked "needs_ocr" rather than failed:
the original is still evidence. Encrypted PDFs are opened only when the user password is empty
(common for "no printing" restrictions); otherwise they fail with what to do. Pages are joined
with form feeds so page boundaries survive into the text stage.
"""

from __future__ import annotations

from datetime import datetime
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PdfStreamError

from dhakira.config import Limits
from dhakira.errors import CorruptInput, EncryptedDocument, LimitExceeded
from dhakira.records import Document, Item, TextStatus

PAGE_BREAK = "\f"
_ENCRYPTED = "PDF is password-protected; decrypt it and ingest again"


def read_pdf(item: Item, limits: Limits) -> Document:
    """A Document with the text of every page, the page count and the PDF info facts."""
    if not item.data[:1024].lstrip().startswith(b"%PDF-"):
        raise CorruptInput(
            "not a PDF: the bytes do not start with %PDF-",
            item=item.source,
            hint="the file is damaged or misnamed; check what program opens it",
        )
    reader = _open(item)
    pages = _page_count(reader, item, limits)
    texts = [_page_text(reader, number, item) for number in range(pages)]
    raw_text = PAGE_BREAK.join(texts)
    status: TextStatus = "ok" if raw_text.strip() else "needs_ocr"
    return Document(
        item=item,
        raw_text=raw_text if status == "ok" else "",
        pages=pages,
        text_status=status,
        format_meta=_info(reader),
    )


def _open(item: Item) -> PdfReader:
    try:
        reader = PdfReader(BytesIO(item.data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocument(_ENCRYPTED, item=item.source)
    except (FileNotDecryptedError, DependencyError) as error:
        raise EncryptedDocument(_ENCRYPTED, item=item.source, hint=str(error)) from error
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, OSError) as error:
        raise CorruptInput(f"damaged PDF: {error}", item=item.source) from error
    return reader


def _page_count(reader: PdfReader, item: Item, limits: Limits) -> int:
    try:
        count = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise CorruptInput(f"damaged PDF page tree: {error}", item=item.source) from error
    if count > limits.max_pages:
        raise LimitExceeded(
            f"PDF has {count} pages, above the limit of {limits.max_pages}",
            item=item.source,
            hint="raise it with --max-pages",
        )
    return count


def _page_text(reader: PdfReader, number: int, item: Item) -> str:
    try:
        return reader.pages[number].extract_text() or ""
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise CorruptInput(
            f"text of page {number + 1} cannot be read: {error}", item=item.source
        ) from error


def _info(reader: PdfReader) -> dict[str, str]:
    """Title, author and creation date from the document info, where present and readable."""
    try:
        info = reader.metadata
        if info is None:
            return {}
        values: dict[str, str | datetime | None] = {
            "title": info.title,
            "author": info.author,
            "date": info.creation_date,
        }
    except (PdfReadError, ValueError, KeyError, TypeError):
        return {}  # a damaged info dictionary is no reason to lose the text
    return {key: _as_text(value) for key, value in values.items() if value and _as_text(value)}


def _as_text(value: str | datetime | None) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value or "").strip()

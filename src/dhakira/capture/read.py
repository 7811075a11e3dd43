"""Reading one captured `Item` into a `Document`, by format.

A reader either returns a fully read Document or raises a CaptureError that says why; nothing is
returned half-read. The ingest keeps the Item's bytes either way.
"""

from __future__ import annotations

from dhakira.capture import formats
from dhakira.capture.charset import decode_text
from dhakira.capture.html import read_html
from dhakira.capture.pdf import read_pdf
from dhakira.capture.word import read_docx
from dhakira.config import Limits
from dhakira.errors import CorruptInput, UnsupportedFormat
from dhakira.records import Document, Item

ROW_META = ("title", "date", "url", "source")


def read_item(item: Item, limits: Limits) -> Document:
    """The Document for `item`, or a CaptureError subclass naming the item and the reason."""
    if item.media_type in (formats.TEXT, formats.MARKDOWN):
        return read_text(item)
    if item.media_type == formats.HTML:
        return read_html(item, limits)
    if item.media_type == formats.PDF:
        return read_pdf(item, limits)
    if item.media_type == formats.DOCX:
        return read_docx(item)
    if item.media_type == formats.ROW:
        return read_row(item)
    raise UnsupportedFormat(
        f"no reader for {item.media_type}", item=item.source, hint="convert it to PDF or text"
    )


def read_text(item: Item) -> Document:
    """Plain text or Markdown, decoded whatever its charset; whitespace only counts as empty."""
    decoded = decode_text(item.data)
    if not decoded.text.strip():
        raise CorruptInput("file is empty", item=item.source, hint="it holds only whitespace")
    return Document(item=item, raw_text=decoded.text, format_meta=decoded.meta())


def read_row(item: Item) -> Document:
    """A CSV/JSONL row: its text column is the text, its other canonical columns are facts."""
    text = str(item.fields.get("text") or "")
    if not text.strip():
        raise CorruptInput("row has no text", item=item.source, hint="fill its text column")
    meta = {key: str(item.fields[key]) for key in ROW_META if item.fields.get(key)}
    return Document(item=item, raw_text=text, format_meta=meta)

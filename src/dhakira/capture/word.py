"""Reading DOCX files with python-docx: paragraphs and table cells in document order.

Named word.py so it does not shadow the `docx` package it uses. A password-protected DOCX is an
OLE container rather than a zip, so it is recognised by its magic bytes and reported as such.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from dhakira.errors import CorruptInput, EncryptedDocument
from dhakira.records import Document, Item

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_REPAIR_HINT = "open and re-save it in a word processor, then ingest again"
# What python-docx, zipfile and lxml raise on a damaged package or part.
_DAMAGE = (
    zipfile.BadZipFile,
    PackageNotFoundError,
    etree.XMLSyntaxError,
    KeyError,
    ValueError,
    OSError,
)


def read_docx(item: Item) -> Document:
    """A Document with the DOCX text (one paragraph per line block) and core properties."""
    if item.data.startswith(_OLE_MAGIC):
        raise EncryptedDocument(
            "DOCX is password-protected", item=item.source, hint="decrypt it and ingest again"
        )
    try:
        document = docx.Document(BytesIO(item.data))
        blocks = list(_blocks(document))
    except _DAMAGE as error:
        raise CorruptInput(f"damaged DOCX: {error}", item=item.source, hint=_REPAIR_HINT) from error
    text = "\n\n".join(block for block in blocks if block.strip())
    return Document(item=item, raw_text=text, format_meta=_core(document))


def _blocks(document: Any) -> Iterator[str]:
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _cells(block)


def _cells(table: Table) -> Iterator[str]:
    """Each cell once, even when merged cells repeat across the grid."""
    seen: set[int] = set()
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                yield cell.text


def _core(document: Any) -> dict[str, str]:
    props = document.core_properties
    found = {
        "title": (props.title or "").strip(),
        "author": (props.author or "").strip(),
        "date": props.created.isoformat() if props.created else "",
    }
    return {key: value for key, value in found.items() if value}

"""text.clean: the clean body text of a document, whatever format it came in.

For a web page the article is extracted from the HTML (navigation, adverts and comments left
out) and the page's own metadata is kept in `Document.format_meta`; for plain text, PDF, DOCX
and export rows the text capture read is freed of scraped-page residue (Markdown first loses
its markup). Both then get the same
normalisation: one kind of line ending, Unicode NFC, no trailing spaces. Arabic letters are
left exactly as written; folding spellings is the search index's job, not the record's.
"""

from __future__ import annotations

import re
import unicodedata

from dhakira.capture.formats import MARKDOWN
from dhakira.pipeline import Step
from dhakira.records import Document
from dhakira.text.html import extract_html
from dhakira.text.markdown import markdown_text, markdown_title
from dhakira.text.residue import strip_residue

_META_KEYS = ("title", "date", "author", "sitename", "description")
# three or more line breaks; written "\n\n\n+", not "\n{3,}", so that re searches for the
# three characters instead of trying the repeat at every position
_BLANK_LINES = re.compile("\n\n\n+")


def normalise(text: str) -> str:
    """Line endings to \\n, Unicode NFC, no trailing spaces, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def _keep_meta(doc: Document, found: dict[str, str]) -> None:
    """Add page metadata without overwriting what capture already recorded."""
    for key in _META_KEYS:
        if found.get(key) and not doc.format_meta.get(key):
            doc.format_meta[key] = found[key]


def clean_text(doc: Document) -> Document:
    """Fill `doc.text` with the document's clean body text."""
    if doc.text_status == "needs_ocr":
        doc.text = ""
        return doc
    if doc.html is not None:
        page = extract_html(doc.html, url=doc.item.url)
        _keep_meta(doc, page.meta.as_dict())
        doc.text = normalise(strip_residue(normalise(page.text)))
    elif doc.item.media_type == MARKDOWN:
        _keep_meta(doc, {"title": markdown_title(doc.raw_text) or ""})
        doc.text = normalise(strip_residue(normalise(markdown_text(doc.raw_text))))
    else:
        doc.text = normalise(strip_residue(normalise(doc.raw_text)))
    return doc


STEP = Step("text.clean", "v2", clean_text)  # v2: Markdown loses its markup

"""The document's headline, or an honest stand-in when the page has none.

A title comes, in order of trust, from what came with the item (a CSV/JSONL row's title,
HTML <title> or og:title, cleaned of the " | Site name" tail), an HTML heading, or the first
header line of plain text that reads as a headline (date lines, banners and type labels
such as "Press release" are passed over). A page that starts straight with its body gets a
title made from its first sentence, and `title_generated` says so.
"""

from __future__ import annotations

import re

from dhakira.analysis.header import header_lines, is_date_line, type_label
from dhakira.pipeline import Step
from dhakira.records import Document

GENERATED_MAX_CHARS = 80
_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|»|·)\s+")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?؟])(?=\s|$)", re.DOTALL)


def clean_page_title(title: str, sitename: str | None = None) -> str:
    """`title` without a trailing " | Site name" (or " - Site name") part."""
    title = " ".join(title.split())
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    head, tail = " ".join(parts[:-1]), parts[-1]
    site = (sitename or "").strip().lower()
    if site and (site in tail.lower() or tail.lower() in site):
        return head
    if "|" in title and len(tail.split()) <= 6:
        return _SEPARATORS.split(title, maxsplit=1)[0] if len(parts) > 2 else head
    return title


def _html_heading(html: str | None) -> str | None:
    if not html:
        return None
    found = _H1.search(html)
    if not found:
        return None
    heading = " ".join(_TAG.sub(" ", found.group(1)).split())
    return heading or None


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return 3 <= len(words) <= 30 and not line.endswith(":")


def headline(text: str) -> str | None:
    """The first header line of plain text that reads as a headline, if any."""
    for line in header_lines(text):
        if is_date_line(line) or type_label(line) is not None:
            continue
        if _looks_like_headline(line):
            return line
    return None


def generated_title(text: str, max_chars: int = GENERATED_MAX_CHARS) -> str | None:
    """A title made from the first sentence, cut at a word boundary with an ellipsis."""
    first = text.strip().split("\n", 1)[0].strip()
    if not first:
        return None
    found = _FIRST_SENTENCE.match(first)
    sentence = (found.group(1) if found else first).rstrip(".")
    if len(sentence) <= max_chars:
        return sentence
    cut = sentence[:max_chars].rsplit(" ", 1)[0].rstrip(",;:،-–— ")
    return cut + "…"


def run(doc: Document) -> Document:
    """Set `doc.title` (and `doc.title_generated` when it had to be made from the text)."""
    supplied = doc.format_meta.get("title") or doc.item.fields.get("title")
    sitename = doc.format_meta.get("sitename")
    title = clean_page_title(str(supplied), sitename) if supplied else None
    title = title or _html_heading(doc.html) or headline(doc.text)
    doc.title_generated = False
    if not title:
        title = generated_title(doc.text)
        doc.title_generated = title is not None
    doc.title = title
    return doc


STEP = Step("analysis.title", "v1", run)

"""The document's headline, or an honest stand-in when the page has none.

A title comes, in order of trust, from what came with the item (a CSV/JSONL row's title,
HTML <title> or og:title, cleaned of the " | Site name" tail), an HTML heading, or the first
header line of plain text that reads as a headline (date lines, banners and type labels
such as "Press release" are passed over). A page that starts straight with its body gets a
title made from its first sentence, and `title_generated` says so.
"""

from __future__ import annotations

import re

from dhakira.analysis.header import (
    header_lines,
    is_date_line,
    is_masthead,
    is_navigation,
    markup_free,
    type_label,
)
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


def _adjacent_lines(text: str) -> dict[str, str | None]:
    """Each header line → the line right below it when no blank line separates them."""
    below: dict[str, str | None] = {}
    raw = text.split("\n")
    for i, line in enumerate(raw):
        following = raw[i + 1].strip() if i + 1 < len(raw) else ""
        below.setdefault(line.strip(), following or None)
    return below


def _named_below(lines: list[str], index: int) -> bool:
    """The line comes back further down right under a type label: it is the publisher's name
    printed as "Press release / Name", so on top it is the site's masthead, not a headline."""
    return any(
        lines[j] == lines[index] and type_label(lines[j - 1]) is not None
        for j in range(index + 2, len(lines))
    )


def headline(text: str) -> str | None:
    """The first header line of plain text that reads as a headline, if any.

    A Markdown "# heading" wins; site mastheads, menus, breadcrumbs, date lines and type
    labels are passed over.
    """
    lines = header_lines(text)
    for line in lines:
        if line.startswith("# "):
            return markup_free(line)
    below = _adjacent_lines(text)
    for i, line in enumerate(lines):
        if is_navigation(line) or is_masthead(line, below.get(line)) or _named_below(lines, i):
            continue
        plain = markup_free(line)
        if is_date_line(plain) or type_label(plain) is not None:
            continue
        if _looks_like_headline(plain):
            return plain
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

"""Who published the document, which part of it issued it, and who wrote it.

Only places where a page states its own origin count: metadata that came with the item,
an organisation's name standing as a header line under the title (with the department on
the next line), and a "(Source: X's Media Office / date)" line. An organisation the text
merely talks about ("Amnesty said ...") is never taken as the publisher: when no origin
is stated, the publisher stays None.
"""

from __future__ import annotations

import re

from dhakira.analysis.header import header_lines, is_date_line, source_notes, type_label
from dhakira.analysis.organisations import display_name, match_anywhere, match_at_start
from dhakira.pipeline import Step
from dhakira.records import Document

_DEPARTMENT = re.compile(
    r"\b(?:department|office|commission|committee|unit|bureau|directorate|council|secretariat)\b"
    r"|دائرة|الدائرة|مكتب|المكتب|هيئة|الهيئة|لجنة|اللجنة|مديرية|وحدة|المفوضية",
    re.IGNORECASE,
)
_GENERIC_START = re.compile(
    r"^(?:media|press|information|communications?|public relations|legal|political)\b"
    r"|^(?:الدائرة|المكتب|الدائرة الإعلامية|المكتب الإعلامي)",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^\s*(?:['’]s\b)?\s*")
_BYLINE = re.compile(
    r"^(?:[Bb]y|[Ww]ritten by|[Aa]uthor:)\s+(?P<en>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4})\s*$"
    r"|^(?:بقلم|كتب|كتبت|إعداد)\s*:?\s*(?P<ar>\S+(?:\s+\S+){0,3})\s*$",
)
_SUPPLIED_KEYS = ("publisher", "source_name", "organisation", "organization")
_MAX_DEPARTMENT_WORDS = 14


def _department(line: str) -> bool:
    return bool(_DEPARTMENT.search(line)) and len(line.split()) <= _MAX_DEPARTMENT_WORDS


def _issuing_body(department: str, publisher: str) -> str:
    department = department.strip(" /-–—")
    if _GENERIC_START.search(department):
        return f"{publisher} {department}"
    return department


def from_header(text: str) -> tuple[str | None, str | None]:
    """(publisher, issuing body) from an organisation line under the headline."""
    lines = [line for line in header_lines(text) if not is_date_line(line) and not type_label(line)]
    for i, line in enumerate(lines):
        found = match_at_start(line)
        if found is None or found[2] < len(line.rstrip(" .:")):
            continue  # the line says more than the name: a headline, not a name line
        publisher = display_name(found[0], found[1], text)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        body = _issuing_body(following, publisher) if _department(following) else None
        return publisher, body
    return None, None


def from_source_line(text: str) -> tuple[str | None, str | None]:
    """(publisher, issuing body) from a "(Source: Syrian Coalition's Media Office / ...)" line."""
    for note in reversed(source_notes(text)):
        what = note.split("/")[0].strip()
        org = match_anywhere(what)
        if org is None:
            return (what, None) if 0 < len(what.split()) <= 8 else (None, None)
        publisher = display_name(org[0], org[1], text)
        rest = _POSSESSIVE.sub("", what[org[3] :], count=1).strip()
        if rest and _department(rest):
            return publisher, _issuing_body(rest, publisher)
        if _department(what[: org[2]]):  # "الدائرة الإعلامية في الائتلاف": the note names it
            return publisher, what
        return publisher, None
    return None, None


def from_supplied(doc: Document) -> str | None:
    """A publisher given with the item (CSV column, HTML site name), canonicalised if known."""
    given = next((doc.item.fields[k] for k in _SUPPLIED_KEYS if doc.item.fields.get(k)), None)
    given = given or doc.format_meta.get("sitename")
    if not given:
        return None
    found = match_at_start(str(given))
    return display_name(found[0], found[1], doc.text) if found else str(given).strip()


def byline(doc: Document) -> str | None:
    """The author from metadata or a "By ..." / "بقلم ..." line near the top."""
    if doc.format_meta.get("author"):
        return doc.format_meta["author"].strip()
    for line in [line.strip() for line in doc.text.split("\n") if line.strip()][:15]:
        found = _BYLINE.match(line)
        if found:
            return (found.group("en") or found.group("ar")).strip()
    return None


def run(doc: Document) -> Document:
    """Set `doc.publisher`, `doc.issuing_body` and `doc.author` from stated origins only."""
    header_pub, header_body = from_header(doc.text)
    source_pub, source_body = from_source_line(doc.text)
    doc.publisher = from_supplied(doc) or header_pub or source_pub
    doc.issuing_body = header_body or source_body
    doc.author = byline(doc)
    return doc


STEP = Step("analysis.publisher", "v1", run)

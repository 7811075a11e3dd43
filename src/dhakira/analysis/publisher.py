"""Who published the document, which part of it issued it, and who wrote it.

Only places where a page states its own origin count: metadata that came with the item,
an organisation's name standing as a header line under the title (with the department on
the next line), and a "(Source: X's Media Office / date)" line. An organisation the text
merely talks about ("Amnesty said ...") is never taken as the publisher: when no origin
is stated, the publisher stays None.
"""

from __future__ import annotations

import re

from dhakira.analysis.header import (
    header_lines,
    is_date_line,
    is_navigation,
    markup_free,
    source_notes,
    type_label,
)
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
_REPORTER = re.compile(r"\b(?:correspondent|reporter|staff)\b|مراسل", re.IGNORECASE)
_SUPPLIED_KEYS = ("publisher", "source_name", "organisation", "organization")
_MAX_DEPARTMENT_WORDS = 14


def _department(line: str) -> bool:
    return bool(_DEPARTMENT.search(line)) and len(line.split()) <= _MAX_DEPARTMENT_WORDS


def _issuing_body(department: str, publisher: str) -> str:
    department = department.strip(" /-–—")
    if re.search(r"[\u0600-\u06ff]", department) and len(department.split()) <= 3:
        return f"{department} - {publisher}"  # Arabic names the part before the whole
    if _GENERIC_START.search(department) or len(department.split()) <= 2:
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


def _name_lines(lines: list[str], title: str) -> list[str]:
    """The short lines between the headline and the first date line below it."""
    titled = [i for i, line in enumerate(lines) if markup_free(line) == title]
    if not titled:
        return []
    between: list[str] = []
    for index in range(titled[0] + 1, len(lines)):
        plain = markup_free(lines[index])
        if is_date_line(plain):
            after = lines[index + 1 : index + 3]
            if len(after) == 2 and is_date_line(after[1]) and not is_date_line(after[0]):
                return []  # "title / date / title / date": links to neighbouring articles
            return between
        if type_label(plain) or _BYLINE.match(plain) or is_navigation(plain) or not plain:
            continue
        if ":" in plain or _REPORTER.search(plain):
            return []  # a subtitle or a correspondent's line, not an organisation's name
        between.append(plain)
    return []  # no date line closes the block: these are not name lines


def from_name_block(text: str, title: str | None) -> tuple[str | None, str | None]:
    """(publisher, issuing body) from an unknown organisation's name lines above the date.

    Releases print "Press release / Organisation / Department / date" under the headline;
    one or two short lines there, closed by a date line, name who issued the document.
    """
    if not title:
        return None, None
    names = _name_lines(header_lines(text), title)
    if not 1 <= len(names) <= 2 or any(len(n.split()) > 12 or n.endswith(".") for n in names):
        return None, None
    publisher, _, department = re.sub(r",\s+", " - ", names[0], count=1).partition(" - ")
    if len(names) == 2 and _department(names[1]):
        department = names[1]
    if department and _department(department):
        return publisher.strip(), _issuing_body(department, publisher.strip())
    return publisher.strip(), None


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


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def from_supplied(doc: Document) -> str | None:
    """A publisher given with the item (CSV column, HTML site name), canonicalised if known."""
    given = next((doc.item.fields[k] for k in _SUPPLIED_KEYS if doc.item.fields.get(k)), None)
    given = given or doc.format_meta.get("source") or doc.format_meta.get("sitename")
    if not given or _fold(str(given)) == _fold(doc.title or ""):
        return None  # a site name that only repeats the headline names nobody
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
    if header_pub is None:
        header_pub, header_body = from_name_block(doc.text, doc.title)
    source_pub, source_body = from_source_line(doc.text)
    doc.publisher = from_supplied(doc) or header_pub or source_pub
    doc.issuing_body = header_body or source_body
    doc.author = byline(doc)
    return doc


STEP = Step("analysis.publisher", "v1", run)

"""When a document was issued: the strongest printed evidence wins, never a date it reports.

Candidates are gathered with their source and weighed by how much that source says about
the issue date: the archive's record block, a date supplied with the item, HTML metadata, a
date line in the page header or a "(Source: ... / 08.02.2017)" line, a dateline opening the
body, a day and month without a year ("on Monday (February 6)") whose year comes from the
rest of the page, and, weakest, a file's creation time or dates in neighbouring-article
links. Full dates inside the body's sentences describe events ("adopted on December 21,
2016") and are used only when nothing else is printed, taking the latest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from dhakira.analysis.date_mentions import DateMention, find_dates, years_mentioned
from dhakira.analysis.header import header_lines, is_date_line, source_notes
from dhakira.pipeline import Step
from dhakira.records import DateIssued, DatePrecision, Document

STRENGTH: dict[str, int] = {
    "record-block": 100,
    "supplied": 95,
    "html-meta": 90,
    "source-line": 85,
    "header": 80,
    "dateline": 70,
    "date-line": 60,
    "relative": 50,
    "body": 30,
    "context": 20,
    "file-created": 15,
}
_SUPPLIED_KEYS = ("date_issued", "date", "published", "published_at", "datePublished")
_CREATED_KEYS = ("created", "creation_date", "CreationDate", "creationDate")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")
_LOOKAHEAD_YEARS = 10
_FILE_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
_ROW_TYPE = "application/x-dhakira-row"


@dataclass(frozen=True)
class Candidate:
    """A possible issue date with the evidence it came from."""

    day: date
    precision: DatePrecision
    source: str
    position: int = 0

    @property
    def strength(self) -> int:
        return STRENGTH[self.source] - (1 if self.precision != "day" else 0)

    def issued(self) -> DateIssued:
        cut = {"day": 10, "month": 7, "year": 4}[self.precision]
        return DateIssued(self.day.isoformat()[:cut], self.precision, self.source)


def _from_mention(mention: DateMention, source: str, year: int | None = None) -> Candidate | None:
    day = mention.as_date(year)
    if day is None:
        return None
    precision: DatePrecision = "day" if mention.day is not None else "month"
    return Candidate(day, precision, source, mention.start)


def parse_value(value: Any) -> tuple[date, DatePrecision] | None:
    """A supplied date value (ISO string, "7 Feb 2017", PDF "D:2017...", a year) as a day."""
    text = str(value).strip()
    if not text:
        return None
    pdf = _PDF_DATE.match(text)
    if pdf:
        return date(int(pdf.group(1)), int(pdf.group(2)), int(pdf.group(3))), "day"
    for mention in find_dates(text):
        candidate = _from_mention(mention, "supplied")
        if candidate is not None:
            return candidate.day, candidate.precision
    if re.fullmatch(r"(?:19|20)\d\d", text):
        return date(int(text), 1, 1), "year"
    return _parse_with_dateparser(text)


def _parse_with_dateparser(text: str) -> tuple[date, DatePrecision] | None:
    """Fallback for the odd supplied format; dateparser is slow, so only single values use it."""
    import dateparser

    parsed = dateparser.parse(
        text, languages=["ar", "en"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"}
    )
    return (parsed.date(), "day") if parsed else None


def _first_value(values: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((values[k] for k in keys if values.get(k)), None)


def _meta_source(doc: Document) -> str:
    """A format's own date: page metadata for HTML, supplied for rows, weak for files."""
    media_type = doc.item.media_type
    if media_type in _FILE_TYPES:
        return "file-created"  # PDF/DOCX core properties: when the file was made
    return "supplied" if media_type == _ROW_TYPE else "html-meta"


def _supplied(doc: Document) -> list[Candidate]:
    found: list[Candidate] = []
    sources = (
        ("record-block", doc.record.get("date_issued")),
        ("supplied", _first_value(doc.item.fields, _SUPPLIED_KEYS)),
        (_meta_source(doc), doc.format_meta.get("date")),
        ("file-created", _first_value(doc.format_meta, _CREATED_KEYS)),
    )
    for source, value in sources:
        parsed = parse_value(value) if value else None
        if parsed is not None:
            found.append(Candidate(parsed[0], parsed[1], source))
    return found


def _listing_lines(lines: list[str], dated: set[int]) -> set[int]:
    """Date lines in a run of "link title / date" pairs: neighbouring articles, not this one."""
    return {
        i
        for i in dated
        if (i + 2 in dated and i + 1 not in dated) or (i - 2 in dated and i - 1 not in dated)
    }


def _date_lines(text: str) -> tuple[list[Candidate], set[int]]:
    """Candidates from lines that are only a date, and the character offsets of those lines.

    A date line in the header dates the page; one further down (a signature) still dates it;
    one in a run of "link title / date" pairs dates a neighbouring article and is context only.
    A line with a time of day ("26 December 2018 10:17") is usually the page's posting time,
    so it ranks after a plain date line of equal source.
    """
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    header_count = len(header_lines(text))
    dated = {i for i, (_, line) in enumerate(lines) if is_date_line(line)}
    listing = _listing_lines([line for _, line in lines], dated)
    found: list[Candidate] = []
    for i in sorted(dated):
        offset, line = lines[i]
        source = "context" if i in listing else "header" if i < header_count else "date-line"
        for mention in find_dates(line):
            candidate = _from_mention(mention, source)
            if candidate is not None:
                late = 100_000 if re.search(r"\d:\d\d", line) else 0
                found.append(Candidate(candidate.day, candidate.precision, source, late + offset))
    return found, {offset for i, (offset, _) in enumerate(lines) if i in dated}


def _on_date_line(mention: DateMention, text: str, line_starts: set[int]) -> bool:
    return text.rfind("\n", 0, mention.start) + 1 in line_starts


def _source_lines(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for note in source_notes(text):
        for mention in find_dates(note):
            candidate = _from_mention(mention, "source-line")
            if candidate is not None:
                found.append(candidate)
    return found


def _dateline(text: str) -> list[Candidate]:
    """A date opening the first body paragraph: "DAMASCUS, 5 March 2019 — ..."."""
    skipped = len(header_lines(text))
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    if len(paragraphs) <= skipped:
        return []
    opening = paragraphs[skipped][:80]
    for mention in find_dates(opening):
        if mention.kind == "full" and re.search(r"[—–\-:]", opening[mention.end : mention.end + 6]):
            candidate = _from_mention(mention, "dateline")
            return [candidate] if candidate else []
    return []


def _reference_year(full_years: list[int], text: str) -> tuple[list[int], bool]:
    """Years to try for a day-month without year, and whether they came from full dates."""
    if full_years:
        latest = max(full_years)
        return [latest, latest - 1, latest + 1], True
    mentioned = years_mentioned(text)
    if not mentioned:
        return [], False
    latest = max(mentioned)
    return list(range(latest, latest + _LOOKAHEAD_YEARS + 1)), False


def _resolve_partial(mention: DateMention, years: list[int], from_dates: bool) -> Candidate | None:
    """The year for "June 26": the page's year, or the first that fits "on Monday (February 6)"."""
    for year in years:
        candidate = _from_mention(mention, "relative", year)
        if candidate is None:
            continue
        if mention.weekday is None or candidate.day.weekday() == mention.weekday:
            return candidate
        if mention.weekday is None and not from_dates:
            return candidate
    if from_dates and years:
        return _from_mention(mention, "relative", years[0])
    return None


def candidates(doc: Document) -> list[Candidate]:
    """Every issue-date candidate for `doc`, unranked."""
    text = doc.text
    found = _supplied(doc) + _source_lines(text) + _dateline(text)
    from_lines, line_starts = _date_lines(text)
    found += from_lines
    mentions = find_dates(text)
    context_mentions = find_dates(doc.raw_text) if doc.raw_text and doc.raw_text != text else []
    for mention in context_mentions:
        candidate = _from_mention(mention, "context")
        if candidate is not None and mention.kind == "full":
            found.append(candidate)
    full_years = [m.year for m in mentions + context_mentions if m.kind == "full" and m.year]
    years, from_dates = _reference_year(full_years, text)
    for mention in mentions:
        if mention.kind == "partial":
            candidate = _resolve_partial(mention, years, from_dates)
        elif mention.kind == "full" and not _on_date_line(mention, text, line_starts):
            candidate = _from_mention(mention, "body")
        else:
            candidate = None
        if candidate is not None:
            found.append(candidate)
    return found


def choose(found: list[Candidate]) -> Candidate | None:
    """The strongest candidate; among body dates (events), the latest."""
    if not found:
        return None
    best = max(c.strength for c in found)
    top = [c for c in found if c.strength == best]
    if top[0].source in ("body", "context"):
        return max(top, key=lambda c: c.day)
    return min(top, key=lambda c: c.position)


_WEEKDAY_REF = re.compile(
    r"\b(?:on|last|this past)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|(?:يوم\s+)(?P<ar>الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)"
)
_WEEKDAY_INDEX = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "السبت": 5, "الأحد": 6,
}  # fmt: skip


def relative_dates(text: str, anchor: date) -> list[tuple[str, date]]:
    """Weekday references ("on Monday") as the latest such day on or before `anchor`."""
    found = []
    for m in _WEEKDAY_REF.finditer(text):
        weekday = _WEEKDAY_INDEX[(m.group("wd") or m.group("ar")).lower()]
        back = (anchor.weekday() - weekday) % 7
        found.append((m.group(0), anchor - timedelta(days=back)))
    return found


def run(doc: Document) -> Document:
    """Set `doc.date` from the strongest dated evidence on the page (None when there is none)."""
    chosen = choose(candidates(doc))
    doc.date = chosen.issued() if chosen else None
    return doc


STEP = Step("analysis.dates", "v1", run)

"""The header of a plain-text page: the short lines above the first body paragraph.

Press releases and statements print their headline, type label ("Press release", "بيان"),
publisher, department and date as short lines before the body starts. Title, date, type
and publisher all read from this region, so it is found once, the same way, here.
"""

from __future__ import annotations

import re

from dhakira.analysis.date_mentions import find_dates

MAX_HEADER_LINES = 12
_SENTENCE_END = re.compile(r"[.!?؟…]['\"”’)]*$")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm|AM|PM|ص|م)?\b")
_WEEKDAY_WORDS = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|posted|published|updated|on)"
    r"\b|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد|نشر في|بتاريخ|تاريخ",
    re.IGNORECASE,
)

# type labels printed on their own line; the value is dhakira's document type
TYPE_LABELS: tuple[tuple[str, str], ...] = (
    ("press release", "press_release"),
    ("press statement", "press_release"),
    ("news release", "press_release"),
    ("media release", "press_release"),
    ("for immediate release", "press_release"),
    ("بيان صحفي", "press_release"),
    ("بيان صحافي", "press_release"),
    ("joint statement", "statement"),
    ("public statement", "statement"),
    ("statement", "statement"),
    ("بيان مشترك", "statement"),
    ("بيان", "statement"),
    ("report", "ngo_report"),
    ("تقرير", "ngo_report"),
    ("testimony", "testimony"),
    ("witness statement", "testimony"),
    ("شهادة", "testimony"),
    ("judgment", "legal_document"),
    ("judgement", "legal_document"),
    ("verdict", "legal_document"),
    ("حكم", "legal_document"),
    ("news", "news_report"),
    ("خبر", "news_report"),
    ("أخبار", "news_report"),
)


def is_body_line(line: str) -> bool:
    """A line that reads as running text rather than a headline or label."""
    words = len(line.split())
    return words >= 30 or (words >= 12 and bool(_SENTENCE_END.search(line.strip())))


def header_lines(text: str) -> list[str]:
    """Non-empty lines before the first body paragraph (at most MAX_HEADER_LINES)."""
    found: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        if is_body_line(stripped) or len(found) >= MAX_HEADER_LINES:
            break
        found.append(stripped)
    return found


def is_date_line(line: str) -> bool:
    """A line that is only a date, perhaps with a weekday, a time or "Posted on"."""
    dates = find_dates(line)
    if not dates:
        return False
    rest = line
    for mention in reversed(dates):
        rest = rest[: mention.start] + rest[mention.end :]
    rest = _WEEKDAY_WORDS.sub("", _TIME.sub("", rest))
    return len(re.sub(r"[\W_]+", "", rest)) <= 3


def type_label(line: str) -> str | None:
    """The document type a short label line names ("Press Statement Original in arabic")."""
    lowered = line.strip().lower().rstrip(":")
    if len(lowered.split()) > 6:
        return None
    for label, doc_type in TYPE_LABELS:
        if lowered == label or lowered.startswith(label + " "):
            return doc_type
    return None


_SOURCE_NOTE = re.compile(
    r"[(\[]\s*(?:source|sources|المصدر)\s*:\s*(?P<paren>[^()\[\]\n]{1,160})[)\]]"
    r"|^[ \t]*(?:source|sources|المصدر)\s*:\s*(?P<line>[^\n]{1,160})$",
    re.IGNORECASE | re.MULTILINE,
)


def source_notes(text: str) -> list[str]:
    """What "(Source: X's Media Office / 08.02.2017)" notes name, in reading order.

    Such a note, usually closing the last paragraph, is where a reposted statement says whose
    it is and when it was issued.
    """
    return [(m.group("paren") or m.group("line")).strip() for m in _SOURCE_NOTE.finditer(text)]


_NAV_SEPARATORS = re.compile(r"\s(?:\||»|›|/|>)\s")
_MD_LINK = re.compile(r"\[[^\]]+\]\([^)]*\)")
_MASTHEAD = re.compile(r"^[A-Z][A-Z0-9 &.'-]{3,}\s+(?:\||—|–|-)\s+\S")


def is_navigation(line: str) -> bool:
    """A menu or breadcrumb line: "Home | About | Reports", "الرئيسية » بيانات » ..."."""
    return len(_NAV_SEPARATORS.findall(f" {line} ")) >= 2 or len(_MD_LINK.findall(line)) >= 2


def is_masthead(line: str, next_line: str | None) -> bool:
    """A site's name line: in capitals before a tagline, or standing right above its menu."""
    if line.startswith("<!--") or _MASTHEAD.match(line):
        return True
    return next_line is not None and is_navigation(next_line)


def markup_free(line: str) -> str:
    """`line` without Markdown heading marks, emphasis stars and quote marks."""
    return line.lstrip("#> ").strip().strip("*_").strip()

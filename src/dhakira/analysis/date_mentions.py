"""Find the dates a text prints, in English and Arabic, without parsing every word.

Date finding runs on every document, so it is done with a handful of compiled regular
expressions instead of a general date parser. The text is first mapped, character for
character, to a matching form (Arabic-Indic digits to ASCII, alef and teh-marbuta variants
folded), so every position found is a position in the original text.

A mention is "full" (day, month and year), "month" (month and year) or "partial" (day and
month without a year; the caller decides the year from the rest of the page).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

MentionKind = Literal["full", "month", "partial"]

# One character in, one character out: positions in the folded text are positions in the text.
_FOLD = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹أإآٱىة",
    "01234567890123456789اااايه",
)
# no character a pair folds to is itself folded, so the pairs can be applied in turn
_FOLD_PAIRS = tuple((chr(source), chr(target)) for source, target in _FOLD.items())

EN_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

# Levantine (Syriac) names, Egyptian/Gulf names and the Maghreb names, in folded spelling.
AR_MONTHS: dict[str, int] = {
    "كانون الثاني": 1, "يناير": 1, "جانفي": 1,
    "شباط": 2, "فبراير": 2, "فيفري": 2,
    "اذار": 3, "مارس": 3,
    "نيسان": 4, "ابريل": 4, "افريل": 4,
    "ايار": 5, "مايو": 5, "ماي": 5,
    "حزيران": 6, "يونيو": 6, "يونيه": 6, "جوان": 6,
    "تموز": 7, "يوليو": 7, "يوليه": 7, "جويليه": 7,
    "اب": 8, "اغسطس": 8, "اوت": 8,
    "ايلول": 9, "سبتمبر": 9,
    "تشرين الاول": 10, "اكتوبر": 10,
    "تشرين الثاني": 11, "نوفمبر": 11,
    "كانون الاول": 12, "ديسمبر": 12,
}  # fmt: skip

EN_WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
AR_WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5,
    "الاحد": 6,
}  # fmt: skip


def _alternation(names: dict[str, int]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_EN_M = rf"(?P<mon>{_alternation(EN_MONTHS)})\.?"
_CAPITALISED = {name.capitalize(): number for name, number in EN_MONTHS.items()}
_EN_M_CAPITAL = rf"(?P<mon>{_alternation(_CAPITALISED)})\.?"
_AR_M = rf"(?P<mon>{_alternation(AR_MONTHS)})(?:\s*[/(\-]\s*(?:{_alternation(AR_MONTHS)})\s*\)?)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_AR_YEAR_GLUE = r"\s*[،,]?\s*(?:(?:من\s+)?(?:عام|العام|سنه)\s+)?"
# A pattern that opens with a look-behind ("(?<!\d)", "\b") is tried at every position of a
# window; one that opens with a digit lets re skip ahead to the digits. So the number that
# opens a pattern is written as its first digit, then the look-behind for what must not
# stand before that digit: "(?<!\d)\d{1,2}" is "\d(?<!\d\d)\d?", "\b\d{1,2}" (a digit is a
# word character) is "\d(?<!\w\d)\d?".
_DAY_AFTER_NO_DIGIT = r"(?P<day>\d(?<!\d\d)\d?)(?:st|nd|rd|th)?"
_DAY_AFTER_NO_WORD = r"(?P<day>\d(?<!\w\d)\d?)(?:st|nd|rd|th)?"

# Full dates: (pattern, flags). Named groups: day, mon or month number, year.
_FULL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_EN_M}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_DAY_AFTER_NO_WORD}\s+(?:of\s+)?{_EN_M},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_DAY_AFTER_NO_DIGIT}\s*{_AR_M}{_AR_YEAR_GLUE}{_YEAR}(?!\d)"),
    # "(?<![\d.])(?:19|20)\d\d-\d{1,2}-\d{1,2}", opening with a digit as above
    re.compile(
        r"(?P<y>(?:1(?<![\d.]1)9|2(?<![\d.]2)0)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
        r"(?![\d.])"
    ),
    # "(?<![\d.])\d{1,2}.\d{1,2}.(?:19|20)\d\d", opening with a digit as above
    re.compile(r"(?P<a>\d(?<![\d.]\d)\d?)[./-](?P<b>\d{1,2})[./-](?P<year>(?:19|20)\d\d)(?![\d.])"),
)
_MONTH_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_EN_M}\s*,?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"(?<![\d\w]){_AR_M}{_AR_YEAR_GLUE}{_YEAR}(?!\d)"),
)
# Day and month without a year; English month names must be capitalised here ("may 5").
_PARTIAL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_EN_M_CAPITAL}\s+{_DAY}\b(?!\s*,?\s*\d)"),
    re.compile(rf"{_DAY_AFTER_NO_WORD}\s+(?:of\s+)?{_EN_M_CAPITAL}\b(?!\s*,?\s*\d)"),
    re.compile(rf"{_DAY_AFTER_NO_DIGIT}\s*{_AR_M}(?![\w/])(?!\s*[،,]?\s*\d)"),
)
_WEEKDAY_BEFORE = re.compile(
    rf"(?P<wd>{_alternation(EN_WEEKDAYS)}|{_alternation(AR_WEEKDAYS)})[\s,(]*(?:يوم\s+)?$",
    re.IGNORECASE,
)
# Every mention holds a digit, so only the stretches of text around digits are searched.
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
_FOLDABLE = re.compile("[\u0660-\u0669\u06f0-\u06f9أإآٱىة]")
_MARGIN = 80  # characters searched on each side of a digit: more than any mention spans
_TO_NEXT_CHAR = re.compile(r"\S*\s*\S?")  # a window ends after a word, its spaces, one char
# "(?<![\d.,/-])(?:19|20)\d\d", opening with a digit like the patterns above
_YEAR_WORD = re.compile(r"(?:1(?<![\d.,/-]1)9|2(?<![\d.,/-]2)0)\d\d(?![\d.,/-]\d)")


@dataclass(frozen=True)
class DateMention:
    """A date printed in a text, at [start, end)."""

    start: int
    end: int
    kind: MentionKind
    month: int
    year: int | None = None
    day: int | None = None
    weekday: int | None = None

    def as_date(self, year: int | None = None) -> date | None:
        """The calendar day, using `year` when the text printed none; None when impossible."""
        y = self.year if self.year is not None else year
        if y is None:
            return None
        try:
            return date(y, self.month, self.day or 1)
        except ValueError:
            return None


def fold(text: str) -> str:
    """The matching form of `text`: same length, ASCII digits, one spelling per Arabic letter.

    One str.replace per character present: on Arabic text str.translate looks up every
    character and is a hundred times slower."""
    if not _FOLDABLE.search(text):
        return text
    for old, new in _FOLD_PAIRS:
        if old in text:
            text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class _Window:
    """A stretch of text around digits, and which month names could occur in it."""

    pos: int
    endpos: int
    english: bool  # holds the first three letters of an English month name
    arabic: bool  # holds an Arabic letter


def _windows(folded: str) -> list[_Window]:
    """The stretches around the digits of a text, merged, in reading order.

    A window may start mid-word: the regular expressions still see the characters before it
    (look-behinds and \\b read the whole string). Its end is pushed past the next word and
    spaces, so the look-aheads after a mention see what follows it in the whole text.
    """
    spans: list[tuple[int, int]] = []
    for m in _DIGITS.finditer(folded):
        start = max(0, m.start() - _MARGIN)
        end = min(len(folded), m.end() + _MARGIN)
        tail = _TO_NEXT_CHAR.match(folded, end)
        end = tail.end() if tail else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    windows = []
    for pos, endpos in spans:
        lowered = folded[pos:endpos].lower()
        english = any(stem in lowered for stem in _EN_STEMS)
        arabic = _ARABIC_LETTER.search(folded, pos, endpos) is not None
        windows.append(_Window(pos, endpos, english, arabic))
    return windows


def _finditer(
    pattern: re.Pattern[str], folded: str, windows: list[_Window]
) -> Iterator[re.Match[str]]:
    """Matches inside the windows that hold what the pattern needs (a month name's letters).

    A pattern with an English month name cannot match where no month's first three letters
    are; one with an Arabic month name cannot match where there is no Arabic letter.
    """
    needs = _NEEDS.get(pattern)
    for window in windows:
        if needs is None or getattr(window, needs):
            yield from pattern.finditer(folded, window.pos, window.endpos)


_EN_STEMS = tuple(sorted({name[:3] for name in EN_MONTHS}))
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_NEEDS = {
    _FULL_PATTERNS[0]: "english",
    _FULL_PATTERNS[1]: "english",
    _FULL_PATTERNS[2]: "arabic",
    _MONTH_PATTERNS[0]: "english",
    _MONTH_PATTERNS[1]: "arabic",
    _PARTIAL_PATTERNS[0]: "english",
    _PARTIAL_PATTERNS[1]: "english",
    _PARTIAL_PATTERNS[2]: "arabic",
}


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return EN_MONTHS.get(key) or AR_MONTHS[key]


def _numeric_day_month(a: int, b: int) -> tuple[int, int]:
    """Day-first ("08.02.2017" is 8 February) unless only month-first makes sense."""
    if a <= 12 < b:
        return b, a
    return a, b


def _full(match: re.Match[str]) -> tuple[int, int, int]:
    groups = match.groupdict()
    if groups.get("y"):
        return int(groups["y"]), int(groups["m"]), int(groups["d"])
    if groups.get("a"):
        day, month = _numeric_day_month(int(groups["a"]), int(groups["b"]))
        return int(groups["year"]), month, day
    return int(groups["year"]), _month_number(groups["mon"]), int(groups["day"])


def _weekday_before(folded: str, start: int) -> int | None:
    found = _WEEKDAY_BEFORE.search(folded[max(0, start - 24) : start])
    if not found:
        return None
    name = found.group("wd").lower()
    return EN_WEEKDAYS.get(name, AR_WEEKDAYS.get(name))


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _full_mentions(
    folded: str, windows: list[_Window], taken: list[tuple[int, int]]
) -> list[DateMention]:
    found = []
    for pattern in _FULL_PATTERNS:
        for m in _finditer(pattern, folded, windows):
            if _overlaps(m.start(), m.end(), taken):
                continue
            year, month, day = _full(m)
            mention = DateMention(m.start(), m.end(), "full", month, year, day)
            if mention.as_date() is not None:
                found.append(mention)
                taken.append((m.start(), m.end()))
    return found


def _short_mention(m: re.Match[str], kind: MentionKind, folded: str) -> DateMention | None:
    """A month-year or day-month mention; None for an impossible day."""
    groups = m.groupdict()
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    weekday = _weekday_before(folded, m.start()) if kind == "partial" else None
    return DateMention(m.start(), m.end(), kind, _month_number(groups["mon"]), year, day, weekday)


def find_dates(text: str) -> list[DateMention]:
    """Every date printed in `text`, in reading order; impossible dates are left out."""
    if not _DIGITS.search(text):
        return []  # every mention holds a digit (folding only turns digits into digits)
    folded = fold(text)
    windows = _windows(folded)
    if not windows:
        return []
    taken: list[tuple[int, int]] = []
    found = _full_mentions(folded, windows, taken)
    short: tuple[tuple[MentionKind, tuple[re.Pattern[str], ...]], ...] = (
        ("month", _MONTH_PATTERNS),
        ("partial", _PARTIAL_PATTERNS),
    )
    for kind, patterns in short:
        for pattern in patterns:
            for m in _finditer(pattern, folded, windows):
                if _overlaps(m.start(), m.end(), taken):
                    continue
                mention = _short_mention(m, kind, folded)
                if mention is not None:
                    found.append(mention)
                    taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.start)


def years_mentioned(text: str) -> list[int]:
    """Four-digit years (1900-2099) standing alone in `text`, such as "since 2011"."""
    return [int(m.group()) for m in _YEAR_WORD.finditer(fold(text))]

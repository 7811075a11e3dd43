"""Organisations that publish human-rights documents about Syria, with the names they go by.

A short, hand-kept table: the canonical name first, then aliases in English and Arabic.
Matching a page against it tells the publisher apart from a mere mention, and lets the
archive group "SOC", "Etilaf" and "الائتلاف الوطني السوري" as one publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Organisation:
    """A publisher: its canonical name and every spelling it is printed under."""

    name: str
    aliases: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


KNOWN: tuple[Organisation, ...] = (
    Organisation(
        "Syrian Coalition",
        (
            "National Coalition of Syrian Revolution and Opposition Forces",
            "National Coalition for Syrian Revolutionary and Opposition Forces",
            "Syrian Opposition Coalition",
            "Syrian National Coalition",
            "SOC",
            "Etilaf",
            "الائتلاف الوطني لقوى الثورة والمعارضة السورية",
            "الائتلاف الوطني السوري",
        ),
    ),
    Organisation("Amnesty International", ("Amnesty", "منظمة العفو الدولية")),
    Organisation("Human Rights Watch", ("HRW", "هيومن رايتس ووتش")),
    Organisation(
        "Syrian Network for Human Rights", ("SNHR", "الشبكة السورية لحقوق الإنسان")
    ),
    Organisation(
        "Syrian Observatory for Human Rights", ("SOHR", "المرصد السوري لحقوق الإنسان")
    ),
    Organisation(
        "UN Office of the High Commissioner for Human Rights",
        ("OHCHR", "UN Human Rights Office", "مفوضية الأمم المتحدة السامية لحقوق الإنسان"),
    ),
    Organisation(
        "Independent International Commission of Inquiry on the Syrian Arab Republic",
        ("Commission of Inquiry on Syria", "لجنة التحقيق الدولية المستقلة بشأن سوريا"),
    ),
    Organisation("Violations Documentation Center", ("VDC", "مركز توثيق الانتهاكات")),
    Organisation(
        "Syria Justice and Accountability Centre", ("SJAC", "المركز السوري للعدالة والمساءلة")
    ),
    Organisation("Caesar Families Association", ("رابطة عائلات قيصر",)),
    Organisation(
        "Association of Detainees and the Missing in Sednaya Prison",
        ("ADMSP", "رابطة معتقلي ومفقودي سجن صيدنايا"),
    ),
)  # fmt: skip


def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 6


def _name_pattern(name: str) -> re.Pattern[str]:
    flags = 0 if _is_acronym(name) else re.IGNORECASE
    return re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])", flags)


_PATTERNS: tuple[tuple[Organisation, str, re.Pattern[str]], ...] = tuple(
    (org, name, _name_pattern(name))
    for org in KNOWN
    for name in sorted(org.names(), key=len, reverse=True)
)


def match_at_start(text: str) -> tuple[Organisation, str, int] | None:
    """The known organisation `text` starts with: (organisation, name as printed, its end)."""
    for org, _name, pattern in _PATTERNS:
        found = pattern.match(text.strip())
        if found:
            offset = len(text) - len(text.lstrip())
            return org, found.group(0), offset + found.end()
    return None


def match_anywhere(text: str) -> tuple[Organisation, str, int, int] | None:
    """The first known organisation named in `text`: (organisation, name, start, end)."""
    best: tuple[Organisation, str, int, int] | None = None
    for org, _name, pattern in _PATTERNS:
        found = pattern.search(text)
        if found and (best is None or found.start() < best[2]):
            best = (org, found.group(0), found.start(), found.end())
    return best


def display_name(org: Organisation, printed: str, page: str) -> str:
    """The name to show: as printed, but an acronym is replaced by a full name the page uses."""
    if not _is_acronym(printed):
        return printed
    used = [
        (found.start(), name)
        for name in org.names()
        if not _is_acronym(name) and (found := _name_pattern(name).search(page))
    ]
    return min(used)[1] if used else org.name

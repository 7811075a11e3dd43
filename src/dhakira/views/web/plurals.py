"""Counted nouns in English and Arabic: "1 incident", "3 incidents"; "حادثة واحدة", "حادثتان".

English has two forms (one, other). Arabic has five that a count shows: one and two are said
without a figure ("وثيقة واحدة", "وثيقتان"), 3 to 10 take the plural ("٣ وثائق"), 11 to 99
the singular in the accusative ("١١ وثيقة", "١٥ مصدرًا"), and 0, 100, 101... the singular
("١٠٠ وثيقة"); the last two digits decide, as Unicode CLDR's plural rules say. Every count a
page shows goes through `counted`, so no template joins a number and a noun by itself.
"""

from __future__ import annotations

from typing import NamedTuple

_ARABIC_INDIC = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")


class Forms(NamedTuple):
    """One noun's forms; "{n}" is where the figure goes."""

    en_one: str
    en_other: str
    ar_one: str
    ar_two: str
    ar_few: str  # 3-10
    ar_many: str  # 11-99
    ar_other: str  # 0, 100-102, ...


# fmt: off
_NOUNS: dict[str, Forms] = {
    "document": Forms("{n} document", "{n} documents",
                      "وثيقة واحدة", "وثيقتان", "{n} وثائق", "{n} وثيقة", "{n} وثيقة"),
    "incident": Forms("{n} incident", "{n} incidents",
                      "حادثة واحدة", "حادثتان", "{n} حوادث", "{n} حادثة", "{n} حادثة"),
    "result": Forms("{n} result", "{n} results",
                    "نتيجة واحدة", "نتيجتان", "{n} نتائج", "{n} نتيجة", "{n} نتيجة"),
    "mention": Forms("{n} mention", "{n} mentions",
                     "إشارة واحدة", "إشارتان", "{n} إشارات", "{n} إشارة", "{n} إشارة"),
    "entry": Forms("{n} entry", "{n} entries",
                   "مدخلة واحدة", "مدخلتان", "{n} مدخلات", "{n} مدخلة", "{n} مدخلة"),
    "source": Forms("{n} source", "{n} sources",
                    "مصدر واحد", "مصدران", "{n} مصادر", "{n} مصدرًا", "{n} مصدر"),
    "independent_source": Forms(
        "{n} independent source", "{n} independent sources",
        "مصدر مستقل واحد", "مصدران مستقلان", "{n} مصادر مستقلة", "{n} مصدرًا مستقلًا",
        "{n} مصدر مستقل"),
    "repeat": Forms("{n} repeat", "{n} repeats",
                    "تكرار واحد", "تكراران", "{n} تكرارات", "{n} تكرارًا", "{n} تكرار"),
    "file": Forms("{n} file", "{n} files",
                  "ملف واحد", "ملفان", "{n} ملفات", "{n} ملفًا", "{n} ملف"),
    "claim": Forms("{n} claim", "{n} claims",
                   "ادعاء واحد", "ادعاءان", "{n} ادعاءات", "{n} ادعاءً", "{n} ادعاء"),
}
# fmt: on


def arabic_form(n: int) -> str:
    """The Arabic plural category of a whole count: one, two, few, many or other."""
    if n == 1:
        return "one"
    if n == 2:
        return "two"
    rest = n % 100
    if 3 <= rest <= 10:
        return "few"
    if 11 <= rest <= 99:
        return "many"
    return "other"


def grouped(n: int, style: str) -> str:
    """A whole number with thousands grouped, in the reader's digits ("١٢٬٣٤٥" or "12,345")."""
    text = f"{n:,}"
    return text.translate(_ARABIC_INDIC) if style == "arab" else text


def counted(lang: str, noun: str, count: int | str | None, style: str) -> str:
    """`count` of `noun` as the language says it, with the reader's digits.

    An unknown noun is a programming error and raises KeyError, so a missing form is found by
    the tests rather than shown to a reader as a bare key.
    """
    forms = _NOUNS[noun]
    n = int(count or 0)
    if lang == "ar":
        form = {
            "one": forms.ar_one,
            "two": forms.ar_two,
            "few": forms.ar_few,
            "many": forms.ar_many,
            "other": forms.ar_other,
        }[arabic_form(n)]
    else:
        form = forms.en_one if n == 1 else forms.en_other
    return form.replace("{n}", grouped(n, style))


def nouns() -> set[str]:
    """The nouns `counted` knows (for tests)."""
    return set(_NOUNS)

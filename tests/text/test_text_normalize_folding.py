"""normalize_arabic folds exactly as the two translation tables it replaced did."""

from __future__ import annotations

import re

import pytest

from dhakira.text.normalize import normalize_arabic

_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640]")


def _reference(text: str) -> str:
    return _MARKS.sub("", text).translate(_LETTERS).translate(_DIGITS)


@pytest.mark.parametrize(
    "text",
    [
        "إعدام",
        "الأسد",
        "ٱلمعتقلين",
        "مستشفى",
        "مدرسةٌ",
        "قُتل ١٣٠٠٠ معتقل في سجن صيدنايا بين ۲۰۱۱ و٢٠١٥، حسب منظمة العفو الدولية.",
        "Sednaya Prison, 13,000 executions",
        "مـــعـــتـــقـــل",
        "",
    ],
)
def test_folding_matches_the_translation_tables(text: str) -> None:
    assert normalize_arabic(text) == _reference(text)

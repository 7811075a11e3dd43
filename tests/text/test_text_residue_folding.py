"""Residue keys fold Arabic spelling exactly as the plain one-table translation would."""

from __future__ import annotations

import re

import pytest

from dhakira.text.residue import _fold_arabic, strip_residue

_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def _reference(text: str) -> str:
    """The folding written the obvious way: marks removed, then one translation table."""
    return _MARKS.sub("", text).translate(_TABLE)


@pytest.mark.parametrize(
    "line",
    [
        "أضف تعليقاً",
        "إلغاء الرد",
        "آذار إلى مدينة حماة ومشفى",
        "قالت الشبكة إن آلاف المعتقلين ما زالوا مختفين قسرياً",
        "مــدرســة الـــقـــرية",
        "Share this article",
        "Comments (3) — تعليقات",
        "",
    ],
)
def test_folding_matches_the_translation_table(line: str) -> None:
    assert _fold_arabic(line) == _reference(line)


def test_a_widget_line_in_another_spelling_still_goes() -> None:
    body = "طالبت المنظمة بالإفراج الفوري عن جميع المعتقلين تعسفياً في سجون البلاد منذ سنوات طويلة."
    page = f"{body}\n\nاضف تعليقا\n\nإلغاء الرّد"
    assert strip_residue(page) == body

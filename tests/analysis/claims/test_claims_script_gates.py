"""The English number readers are skipped on text without Latin letters: they find nothing there."""

from __future__ import annotations

import pytest

from dhakira.analysis.claims import numbers

ARABIC = [
    "قتل عشرات الاف المدنيين، وقال المرصد إن ثلاثة آلاف معتقل ما زالوا في سجن صيدنايا منذ 2011.",
    "اعتقل ١٣٠٠٠ شخص بين عامي ٢٠١١ و٢٠١٥، حسب تقديرات 'منظمة العفو' (75%) - مئات الضحايا.",
    "خمسة وعشرون معتقلاً ... 3,000 - 5,000 / 12.5 ، ؛ ؟ «نحو مئتي شخص»",
]


@pytest.mark.parametrize("text", ARABIC)
def test_english_readers_find_nothing_without_latin_letters(text: str) -> None:
    assert numbers._LATIN_LETTER.search(text) is None
    assert numbers._english_word_atoms(text) == []
    assert numbers._vague_atoms(text, has_arabic=False, has_latin=True) == []


def test_english_figures_are_still_read_in_an_arabic_text() -> None:
    figures = numbers.find_figures("قتل عشرات المدنيين and thousands of detainees, three hundred")
    assert [f.qualifier for f in figures] == ["tens", "thousands", None]
    assert figures[-1].best == 300

"""Script counting shortcuts give the languages the plain counts would."""

from __future__ import annotations

import re

import pytest

from dhakira.text.language import _arabic_or_persian, captured_languages

ARABIC = "قالت الشبكة إن آلاف المعتقلين ما زالوا مختفين قسرياً في سجن صيدنايا العسكري."
PERSIAN = "گزارش‌ها نشان می‌دهد که هزاران نفر در زندان صیدنایا کشته شده‌اند و خانواده‌ها چیزی نمی‌دانند."
RUSSIAN = "Правозащитники сообщили о тысячах задержанных в тюрьме Сайдная."
KOREAN = "인권 단체는 사이드나야 교도소에서 수천 명이 구금되었다고 밝혔다."
CHINESE = "人权组织说，赛德纳亚监狱关押了数千名被拘留者。"
ENGLISH = "Rights groups said thousands of detainees were held in Sednaya prison."


def _reference_arabic_or_persian(text: str) -> str:
    persian = len(re.findall("[پچژگکی]", text))
    arabic = len(re.findall("[ةيىكإأ]", text))
    return "fa" if persian > arabic else "ar"


@pytest.mark.parametrize("text", [ARABIC, PERSIAN, ARABIC + PERSIAN, PERSIAN + " " + ARABIC, ""])
def test_arabic_or_persian_counts_like_the_pattern(text: str) -> None:
    assert _arabic_or_persian(text) == _reference_arabic_or_persian(text)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (ENGLISH, []),
        (ENGLISH + "\n" + ARABIC, ["ar"]),
        (ARABIC + "\n" + RUSSIAN, ["ar", "ru"]),
        (ENGLISH + "\n" + KOREAN + "\n" + CHINESE, ["ko", "zh"]),
        (PERSIAN, ["fa"]),
        (ARABIC, ["ar"]),
    ],
)
def test_captured_languages_of_each_script(raw: str, expected: list[str]) -> None:
    assert captured_languages(raw) == expected

"""Figures: digits, Arabic-Indic digits, number words, vague plurals, ranges and qualifiers;
and the numbers that are not counts (years, dates, times, ages, references, phones)."""

from __future__ import annotations

import pytest

from dhakira.analysis.claims.arabic import fold
from dhakira.analysis.claims.numbers import find_figures


def read(text: str) -> list[tuple[float | None, float | None, float | None, str | None]]:
    folded, _ = fold(text)
    return [(f.low, f.high, f.best, f.qualifier) for f in find_figures(folded.lower())]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5,000 people", 5000),
        ("5.000 people", 5000),
        ("13 000 people", 13000),
        ("٥٠٠٠ شخص", 5000),
        ("١٣٬٠٠٠ شخص", 13000),
        ("two million people", 2_000_000),
        ("seven detainees", 7),
        ("twenty-five detainees", 25),
        ("2.5 million people", 2_500_000),
        ("خمسة آلاف معتقل", 5000),
        ("ثلاثة عشر ألفاً", 13000),
        ("ألفين", 2000),
        ("مليون", 1_000_000),
        ("13 ألف معتقل", 13000),
        ("مئتي شخص", 200),
        # one number in two parts: thousands, "and" the rest
        ("15 ألفاً و 102 شخصاً", 15102),
        ("15 ألفاً و102 شخصاً", 15102),
        # a dual noun counts two people by itself
        ("بمقتل طفلين", 2),
        ("اعتقلت رجلين", 2),
        ("امرأتان", 2),
        # parts of a scale, dozens counted, a scale after digits
        ("half a million people", 500_000),
        ("a quarter of a million people", 250_000),
        ("two dozen people", 24),
        ("200k people", 200_000),
        # "m" glued to digits: millions in news ("1.2m", "2m people"); "mn" always
        ("1.2m people", 1_200_000),
        ("2m people", 2_000_000),
        ("3mn refugees", 3_000_000),
        ("نصف مليون شخص", 500_000),
        ("ربع مليون شخص", 250_000),
        ("مليون ونصف المليون سوري", 1_500_000),
        ("ثلاثة آلاف ونصف", 3500),
        ("أحد عشر شخصاً", 11),
        ("اثنا عشر معتقلاً", 12),
        ("إحدى عشرة امرأة", 11),
    ],
)
def test_exact_figures_fill_low_high_and_best(text: str, value: float) -> None:
    assert read(text) == [(value, value, value, None)]


def test_a_plural_that_looks_like_a_dual_is_no_figure() -> None:
    """ "مدنيين" is the plural (civilians) as often as the dual: only the number counts."""
    assert read("قتل مدنيين في القصف") == []


@pytest.mark.parametrize(
    ("text", "low", "qualifier"),
    [
        ("Thousands of Syrians", 1000, "thousands"),
        ("tens of thousands of detainees", 10_000, "tens of thousands"),
        ("hundreds of thousands of detainees", 100_000, "hundreds of thousands"),
        ("dozens of people", 12, "dozens"),
        ("hundreds of people", 100, "hundreds"),
        ("several thousand people", 1000, "several thousand"),
        ("عشرات الآلاف من المعتقلين", 10_000, "tens of thousands"),
        ("مئات الآلاف من المعتقلين", 100_000, "hundreds of thousands"),
        ("آلاف المعتقلين", 1000, "thousands"),
        ("عشرات المعتقلين", 10, "tens"),
        ("مئات المعتقلين", 100, "hundreds"),
        ("عشرات الألوف", 10_000, "tens of thousands"),
        ("مئات الألوف من المعتقلين", 100_000, "hundreds of thousands"),
    ],
)
def test_vague_plurals_give_their_smallest_value_as_low(
    text: str, low: int, qualifier: str
) -> None:
    assert read(text) == [(low, None, None, qualifier)]


@pytest.mark.parametrize(
    "text",
    [
        "between 5,000 and 13,000 people",
        "5,000–13,000 people",
        "5,000-13,000 people",
        "between 5,000 - 13,000 people",
        "from 5,000 to 13,000 people",
        "between 5 and 13 thousand people",
        "ما بين 5 آلاف و13 ألفاً",
    ],
)
def test_ranges_fill_low_and_high(text: str) -> None:
    assert read(text) == [(5000, 13000, None, "between")]


def test_between_to_is_a_range() -> None:
    assert read("groups of between 20 to 50 detainees") == [(20, 50, None, "between")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 16 people", (16, None, None, "at least")),
        ("16 people at least", (16, None, None, "at least")),
        ("as many as 13,000 prisoners", (None, 13000, None, "as many as")),
        ("up to 300 detainees", (None, 300, None, "up to")),
        ("over 117,000 people", (117000, None, None, "over")),
        ("more than 117,000 people", (117000, None, None, "over")),
        ("nearly 500 people", (None, None, 500, "nearly")),
        ("about 500 people", (None, None, 500, "about")),
        ("an estimated 215,000 detainees", (215000, 215000, 215000, "estimated")),
        ("أكثر من 100 شخص", (100, None, None, "over")),
        ("ما لا يقل عن 50 شخصاً", (50, None, None, "at least")),
        ("نحو 200 معتقل", (None, None, 200, "about")),
        ("ما لا يتجاوز 300 شخص", (None, 300, None, "up to")),
        ("no more than 300 people", (None, 300, None, "up to")),
        ("at most 300 people", (None, 300, None, "up to")),
        ("not less than 300 people", (300, None, None, "at least")),
        ("300-plus people", (300, None, None, "over")),
        ("a dozen or so detainees", (None, None, 12, "about")),
        ("a couple of dozen civilians", (None, None, 24, "about")),
        ("a couple of hundred detainees", (None, None, 200, "about")),
        ("ما يربو على 300 شخص", (300, None, None, "over")),
        ("300 ونيف من المدنيين", (300, None, None, "over")),
        ("حوالي 200 معتقل", (None, None, 200, "about")),
        ("قرابة 200 معتقل", (None, None, 200, "about")),
        ("ما يقارب 200 معتقل", (None, None, 200, "about")),
        ("يقدر عددهم بـ 3000 معتقل", (3000, 3000, 3000, "estimated")),
        ("قدّرت عددهم بنحو 112 ألف شخص", (None, None, 112000, "about")),
        ("وبأكثر من 100 شخص", (100, None, None, "over")),
    ],
)
def test_qualifiers_choose_the_figure_field(text: str, expected: tuple[object, ...]) -> None:
    assert read(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "adopted by the UN General Assembly on December 21, 2016",
        "on 21 December",
        "since 2011",
        "بين عامي 2011 و2015",
        "at 10:17",
        "a boy aged 17",
        "a 17-year-old boy",
        "for two years",
        "see page 12",
        "held in Branch 235",
        "الفرع 235",
        "resolution 71/248",
        "call +963 944 123 456",
        "40% of them",
        "a $5 million fund",
        "(Source: Media Office / 08.02.2017)",
        "the 3rd report",
        "2.1 Sources and their limits",  # a section heading's number
        "a prison about 30 kilometres north of the city",
        "killed 300m from the checkpoint",  # metres
        "behind a 2m wall",
        "fell 5m.",  # metres or millions: no figure rather than a wrong one
        "على بعد 30 كيلومترا من المدينة",
        "Introduction\n3. Detention since 2011",
    ],
)
def test_numbers_that_are_not_counts(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("between 5,000 and 13,000 may have been hanged", [(5000, 13000)]),
        ("in may 300 people were killed", [(300, 300)]),
        ("twenty may have died", [(20, 20)]),
        ("on 13 may 2015 the army shelled the town", []),
        ("last updated at jun 182016 beirut", []),
        ("roughly two-thirds of the 300 detainees", [(300, 300)]),
    ],
)
def test_a_month_name_marks_a_day_not_a_count(text: str, values: list[tuple[float, float]]) -> None:
    assert [(low, high) for low, high, _, _ in read(text)] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hundreds if not thousands of detainees", (100, None, None, "hundreds")),
        ("300 or even 400 people", (300, None, None, "at least")),
    ],
)
def test_a_figure_raised_by_another_keeps_the_first_as_its_floor(
    text: str, expected: tuple[object, ...]
) -> None:
    assert read(text) == [expected]


def test_one_of_them_is_no_count() -> None:
    assert read("قال أحد المعتقلين إن خمسة أشخاص قتلوا") == [(5, 5, 5, None)]


def test_a_count_may_still_open_a_line() -> None:
    assert [low for low, *_ in read("Report\n13,000 detainees were held there.")] == [13000]
    assert [low for low, *_ in read("Report\n40 detainees were freed.")] == [40]
    assert [low for low, *_ in read("Report\n2.5 million people fled.")] == [2_500_000]


@pytest.mark.parametrize("phrase", ["several dozen", "a few dozen", "many dozen"])
def test_a_vague_number_of_dozens_is_a_figure_not_a_crash(phrase: str) -> None:
    (figure,) = find_figures(f"Police said {phrase} detainees were released on Monday.")
    assert figure.low == 12


@pytest.mark.parametrize(
    "text",
    [
        "the number of those killed rose from 12 to 20",
        "the toll has climbed from 12 to 20 people",
        "ارتفع عدد القتلى من 12 إلى 20 شخصاً",
    ],
)
def test_a_count_that_rose_from_one_figure_to_another_is_the_second(text: str) -> None:
    """Not a range of 12 to 20: the count is now 20, and 12 is what it was."""
    assert read(text) == [(20, 20, 20, None)]

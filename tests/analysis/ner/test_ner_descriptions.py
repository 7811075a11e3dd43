"""The third pass: place adjectives and their plurals are no names; an observatory is no person."""

from __future__ import annotations

import pytest

from dhakira.analysis.ner.descriptions import drop_descriptions, is_place_adjective
from dhakira.text.normalize import normalize_arabic

# what a model's training text might say of some words (see `lexicon`): plain words
LEXICON = {"حقوق": "oORG", "مدني": "O", "ناشط": "oPERS"}


@pytest.mark.parametrize(
    "word", ["السورية", "السوري", "اللبنانية", "العراقية", "الروسية", "الأمريكية", "الحلبي"]
)
def test_an_adjective_of_a_listed_place_is_recognised(word: str) -> None:
    assert is_place_adjective(normalize_arabic(word))


@pytest.mark.parametrize("word", ["اللاذقية", "سورية", "العربية", "الرقة", "القاهرة", "الشمالية"])
def test_a_listed_place_or_another_word_is_not_a_place_adjective(word: str) -> None:
    assert not is_place_adjective(normalize_arabic(word))


def test_a_place_adjective_tagged_alone_as_a_place_is_untagged() -> None:
    sentences = [["الذاكرة", "السورية", "أرشيف", "مفتوح"]]
    tags = [["O", "B-LOC", "O", "O"]]
    assert drop_descriptions(sentences, tags, LEXICON) == [["O", "O", "O", "O"]]


def test_a_place_adjective_at_the_end_of_a_longer_name_keeps_its_tag() -> None:
    sentences = [["الجمهورية", "العربية", "السورية", "عضو"]]
    tags = [["B-LOC", "I-LOC", "I-LOC", "O"]]
    assert drop_descriptions(sentences, tags, LEXICON) == tags


def test_a_family_name_made_from_a_place_stays_a_person() -> None:
    sentences = [["وقال", "الحلبي", "إن"]]
    tags = [["O", "B-PERS", "O"]]
    assert drop_descriptions(sentences, tags, LEXICON) == tags


def test_a_plural_of_an_adjective_tagged_as_a_person_is_untagged() -> None:
    sentences = [["ويقول", "حقوقيون", "إن"], ["قتل", "عشرات", "المدنيين"]]
    tags = [["O", "B-PERS", "O"], ["O", "O", "B-PERS"]]
    assert drop_descriptions(sentences, tags, LEXICON) == [["O", "O", "O"], ["O", "O", "O"]]


def test_a_short_word_with_a_plural_ending_stays_a_name() -> None:
    sentences = [["زار", "ليون"]]
    tags = [["O", "B-PERS"]]
    assert drop_descriptions(sentences, tags, LEXICON) == tags


def test_a_name_with_a_plural_ending_and_nothing_plain_behind_it_stays_a_person() -> None:
    """Pygmalion: "ب" is its first letter, not a preposition before "جماليون" (of جمال)."""
    sentences = [["ويعتبر", "بجماليون", "أخا"], ["وقال", "نابليون", "إن"]]
    tags = [["O", "B-PERS", "O"], ["O", "B-PERS", "O"]]
    assert drop_descriptions(sentences, tags, {"جمال": "oPERS", **LEXICON}) == tags


def test_a_plural_whose_stem_the_training_text_never_saw_keeps_its_tag() -> None:
    sentences = [["ويقول", "حقوقيون", "إن"]]
    tags = [["O", "B-PERS", "O"]]
    assert drop_descriptions(sentences, tags, {}) == tags


def test_a_person_headed_by_an_organization_word_becomes_an_organization() -> None:
    sentences = [["نشر", "المرصد", "الشامي", "تقريرا"]]
    tags = [["O", "B-PERS", "I-PERS", "O"]]
    assert drop_descriptions(sentences, tags, LEXICON) == [["O", "B-ORG", "I-ORG", "O"]]


def test_recognize_gives_the_observatory_as_an_organization() -> None:
    """The shipped model alone tags it a person (its second word is a family name)."""
    from dhakira.analysis.ner import arabic

    text = "نشر المرصد الشامي تقريرا جديدا عن سجن تدمر. وقال المرصد الشامي إن الأدلة باقية."
    found = [(text[start:end], kind) for start, end, kind in arabic.recognize(text)]
    assert found == [("المرصد الشامي", "ORG"), ("المرصد الشامي", "ORG")]


@pytest.mark.parametrize(
    "sentence",
    [
        "توفي في شهر نيسان",
        "اعتقل يوم 3 نيسان 2013",
        "أفرج عنه في أيار الماضي",
        "منذ تشرين 2011",
        "في أبريل / نيسان عام",
    ],
)
def test_a_month_written_as_a_date_is_no_name(sentence: str) -> None:
    tokens = sentence.split()
    month = next(i for i, t in enumerate(tokens) if t in ("نيسان", "أيار", "تشرين"))
    tags = [["B-ORG" if i == month else "O" for i in range(len(tokens))]]
    assert drop_descriptions([tokens], tags, LEXICON) == [["O"] * len(tokens)]


def test_a_month_s_name_that_is_no_date_keeps_its_tag() -> None:
    sentences = [["أعلنت", "شركة", "نيسان", "عن", "سيارة"]]
    tags = [["O", "O", "B-ORG", "O", "O"]]
    assert drop_descriptions(sentences, tags, LEXICON) == tags

"""The Arabic tokenizer: tokens as ANERcorp writes them, with offsets into the original text."""

from __future__ import annotations

from dhakira.analysis.ner.tokenize import is_latin_word, tokenize


def test_every_token_is_the_text_at_its_offsets() -> None:
    text = "قالَ الشاهدُ (أحمد) إنّ 1,200 معتقلٍ نُقلوا إلى سجن صيدنايا، عام 2013."
    for start, end, token in tokenize(text):
        assert text[start:end] == token


def test_clitics_stay_on_their_word_and_punctuation_stands_alone() -> None:
    tokens = [token for _, _, token in tokenize("ووصل الوفد إلى دمشق، ثم غادر.")]
    assert tokens == ["ووصل", "الوفد", "إلى", "دمشق", "،", "ثم", "غادر", "."]


def test_vowel_marks_and_tatweel_stay_inside_the_word() -> None:
    tokens = [token for _, _, token in tokenize("مُحَمَّـد")]
    assert tokens == ["مُحَمَّـد"]


def test_a_number_with_separators_is_one_token() -> None:
    tokens = [token for _, _, token in tokenize("قتل 13,000 شخص، بنسبة ٢٫٥ بالمئة")]
    assert "13,000" in tokens and "٢٫٥" in tokens


def test_latin_words_are_told_from_arabic_ones() -> None:
    assert is_latin_word("Sednaya")
    assert not is_latin_word("صيدنايا")

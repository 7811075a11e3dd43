"""Search analysis: Arabic spelling variants and English inflections meet in one term."""

from __future__ import annotations

import pytest

from dhakira.text.normalize import analyze, normalize_arabic, word_spans


@pytest.mark.parametrize(
    ("written", "normalized"),
    [
        ("أحمد", "احمد"),
        ("إعدام", "اعدام"),
        ("آلاف", "الاف"),
        ("ٱلسجن", "السجن"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("مُعْتَقَلٌ", "معتقل"),
        ("صـــيدنايا", "صيدنايا"),
        ("٢٠١٧", "2017"),
        ("۱۳۹۶", "1396"),
        ("Sednaya", "Sednaya"),
    ],
)
def test_normalize_arabic_folds_variants(written: str, normalized: str) -> None:
    assert normalize_arabic(written) == normalized


def test_detainee_forms_share_one_stem() -> None:
    stems = {analyze(word)[0] for word in ("المعتقلين", "المعتقلون", "معتقل", "معتقلين")}
    assert len(stems) == 1


def test_conjunction_before_article_is_removed() -> None:
    assert analyze("والمعتقلين") == analyze("المعتقلين")


def test_english_is_casefolded_and_stemmed() -> None:
    assert analyze("Executions") == analyze("executed") == analyze("EXECUTE")


def test_digits_are_kept_as_terms() -> None:
    assert analyze("13,000 executed in ٢٠١٧") == ["13", "000", "execut", "in", "2017"]


def test_punctuation_and_operators_are_not_terms() -> None:
    assert analyze('("torture" OR -prison*)^2: NEAR') == ["tortur", "or", "prison", "2", "near"]


def test_word_spans_point_into_the_original_text() -> None:
    text = "قال: المُعتقلين!"
    spans = list(word_spans(text))
    assert [text[start:end] for start, end, _ in spans] == ["قال", "المُعتقلين"]
    assert spans[1][2] == "المعتقلين"

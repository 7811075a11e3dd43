"""Wording vocabularies: the script-gated halves, written for speed, find what one plain
alternation of both would (the same words where distinct words are counted, as many matches
where matches are counted)."""

from __future__ import annotations

import re

import pytest

from dhakira.analysis import doctype

# the Arabic halves written plainly, as one alternation each
PLAIN_ARABIC = {
    "_LEGAL_TERMS": r"المدعى عليه|المدعي العام|المتهمي?ن?|حكمت المحكمة|قضت المحكمة|قررت المحكمة|"
    r"باسم الشعب|الدعوى|هيئة المحكمة|منطوق الحكم|لهذه الأسباب|المادة \d+",
    "_REPORT_TERMS": r"ملخص تنفيذي|الملخص التنفيذي|المنهجية|منهجية التقرير|التوصيات|"
    r"جدول المحتويات|الملحق|(?:الجدول|جدول|الشكل)(?= \d)",
    "_WE_VOICE": r"\b(?:نحن|نطالب|ندين|ندعو|نؤكد|نحمّل|نحمل|نرفض)\b|(?:^|\s)(?:إننا|فإننا|وإننا)",
    "_FIRST_PERSON": r"(?:^|\s)(?:أنا|اعتقلوني|أخذوني|كنت|ضربوني)(?=\s|$)",
    "_ATTRIBUTION": r"(?:^|\s)(?:و?قال|و?قالت|و?أفاد|و?أفادت|و?ذكر|و?ذكرت|و?أكد|و?أكدت|و?أشار|"
    r"و?أشارت|و?أضاف|و?أضافت|و?شدد|و?شددت|وفقا ل|وفقاً ل|بحسب|حسب)(?=\s|$)",
}
DISTINCT_WORDS = ["_LEGAL_TERMS", "_REPORT_TERMS"]  # the others are only counted
VOCABULARIES = list(PLAIN_ARABIC)
TEXTS = [
    "Officials said on Monday that dozens of detainees had been released, according to a lawyer.",
    "We urge the release of all detainees. Our teams documented the cases; I was there.",
    "Case No. 2023/14: the Trial Chamber finds the accused guilty. Executive summary. Annex",
    "قال مدير الشبكة إن آلاف المعتقلين ما زالوا مختفين، وأضاف أن المحكمة قضت بإعدامهم.",
    "نطالب بالإفراج عن المعتقلين ونحمل النظام المسؤولية. إننا ندين هذه الجرائم.",
    "كنت في الزنزانة عندما اعتقلوني. أنا لم أر أهلي منذ ذلك اليوم.",
    "وفقاً ل تقرير الأمم المتحدة said the UN, قالت المنظمة: we ندعو to act; المادة 12 hereby.",
    "حكمت المحكمة-verdict-الدعوى indictment لهذه الأسباب the accused المتهمين",
    "",
    "قال وقال\nقالت\tبحسب وحسب وفقا لهم نحن ونحن فإننا إننا\nأنا كنت ### x###",
    "الجدول 3 جدول 4 جدول المحتويات الشكل 2 المنهجية منهجية التقرير",
]


@pytest.mark.parametrize("name", VOCABULARIES)
@pytest.mark.parametrize("text", TEXTS)
def test_halves_find_what_the_alternation_finds(name: str, text: str) -> None:
    vocabulary = getattr(doctype, name)
    both = re.compile(f"{vocabulary.english.pattern}|{PLAIN_ARABIC[name]}")
    for variant in (text, text.lower()):
        found = vocabulary.findall(variant, doctype._scripts(variant))
        if name in DISTINCT_WORDS:
            assert sorted(found) == sorted(both.findall(variant))
        else:
            assert len(found) == len(both.findall(variant))


PLAIN_PRESS_MARKERS = re.compile(
    r"\b(?:for immediate release|media contacts?|press contacts?|for more information,? "
    r"(?:please )?contact|-\s*ends\s*-|###)|للنشر الفوري|للتواصل الإعلامي",
)


@pytest.mark.parametrize("text", [*TEXTS, "بيان للنشر الفوري", "x### نص", "### نص", "-ends-"])
def test_press_markers_found_as_one_pattern_would(text: str) -> None:
    lowered = text.lower()
    expected = PLAIN_PRESS_MARKERS.search(lowered) is not None
    assert doctype._press_marked(lowered, doctype._scripts(lowered)) == expected

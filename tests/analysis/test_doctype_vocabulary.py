"""Wording vocabularies: the script-gated halves find what one alternation of both would."""

from __future__ import annotations

import re

import pytest

from dhakira.analysis import doctype

VOCABULARIES = ["_LEGAL_TERMS", "_REPORT_TERMS", "_WE_VOICE", "_FIRST_PERSON", "_ATTRIBUTION"]
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
]


@pytest.mark.parametrize("name", VOCABULARIES)
@pytest.mark.parametrize("text", TEXTS)
def test_halves_find_what_the_alternation_finds(name: str, text: str) -> None:
    vocabulary = getattr(doctype, name)
    both = re.compile(f"{vocabulary.english.pattern}|{vocabulary.arabic.pattern}")
    for variant in (text, text.lower()):
        assert sorted(vocabulary.findall(variant)) == sorted(both.findall(variant))

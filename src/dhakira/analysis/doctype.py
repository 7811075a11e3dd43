"""What kind of document this is: press release, statement, news report, NGO report, ...

The page usually says so itself: an archive record block ("نوع الوثيقة: بيان صحفي"), or a
type label line in the header ("Press release", "بيان"). When it does not, the wording
decides, in this order: court vocabulary (legal_document), a first-person account with
little quoting of others (testimony), report structure such as "Executive summary" and
"Methodology" (ngo_report), then the voice of the text: an organisation speaking as "we"
(statement) against a reporter attributing what others "said" (news_report).
"""

from __future__ import annotations

import re

from dhakira.analysis.header import TYPE_LABELS, header_lines, type_label
from dhakira.pipeline import Step
from dhakira.records import DOC_TYPES, Document

_LATIN_LETTER = re.compile("[A-Za-z]")
_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


class _Vocabulary:
    """Words that mark a kind of document, as an English and an Arabic pattern.

    Each half is only run over a text holding characters of its script: an Arabic news text
    is not scanned for "said" at every position. Every English match is Latin letters (and
    inner spaces or dots) and every Arabic match holds Arabic letters, so the two never
    overlap, and together they find exactly what the alternation of both would.
    """

    def __init__(self, english: str, arabic: str) -> None:
        self.english = re.compile(english)
        self.arabic = re.compile(arabic)

    def findall(self, text: str) -> list[str]:
        """Every match of either half, English ones first."""
        found: list[str] = []
        if _LATIN_LETTER.search(text):
            found += self.english.findall(text)
        if _ARABIC_CHAR.search(text):
            found += self.arabic.findall(text)
        return found


_LEGAL_TERMS = _Vocabulary(
    r"\b(?:judgment|judgement|verdict|defendants?|the accused|plaintiffs?|appellants?|"
    r"respondents?|case no\.?|trial chamber|appeals chamber|the court (?:finds|holds|orders|"
    r"rules)|hereby|sentences? (?:him|her|them|the accused)|pursuant to article|"
    r"indictment|in the name of the people)\b",
    r"المدعى عليه|المدعي العام|المتهمي?ن?|حكمت المحكمة|قضت المحكمة|قررت المحكمة|"
    r"باسم الشعب|الدعوى|هيئة المحكمة|منطوق الحكم|لهذه الأسباب|المادة \d+",
)
_REPORT_TERMS = _Vocabulary(
    r"\b(?:executive summary|methodology|recommendations|table of contents|"
    r"key findings|annex|appendix|(?:table|figure|section)(?= \d))\b",
    r"ملخص تنفيذي|الملخص التنفيذي|المنهجية|منهجية التقرير|التوصيات|جدول المحتويات|الملحق|"
    r"(?:الجدول|جدول|الشكل)(?= \d)",
)
_PRESS_MARKERS = re.compile(
    r"\b(?:for immediate release|media contacts?|press contacts?|for more information,? "
    r"(?:please )?contact|-\s*ends\s*-|###)|للنشر الفوري|للتواصل الإعلامي",
)
_WE_VOICE = _Vocabulary(
    r"\b(?:we|our|us)\b",
    r"\b(?:نحن|نطالب|ندين|ندعو|نؤكد|نحمّل|نحمل|نرفض)\b|(?:^|\s)(?:إننا|فإننا|وإننا)",
)
_FIRST_PERSON = _Vocabulary(
    r"\b(?:I|me|my|I'm|I was)\b",
    r"(?:^|\s)(?:أنا|اعتقلوني|أخذوني|كنت|ضربوني)(?=\s|$)",
)
_ATTRIBUTION = _Vocabulary(
    r"\b(?:said|says|told|according to|reported|added|tweeted|stated|stressed|underscored|"
    r"pointed out|noted|emphasi[sz]ed|urged|warned|announced)\b",
    r"(?:^|\s)(?:و?قال|و?قالت|و?أفاد|و?أفادت|و?ذكر|و?ذكرت|و?أكد|و?أكدت|و?أشار|و?أشارت|و?أضاف|"
    r"و?أضافت|و?شدد|و?شددت|وفقا ل|وفقاً ل|بحسب|حسب)(?=\s|$)",
)
_QUOTED = re.compile(r"[“\"«][^”\"»]{0,600}[”\"»]")
_LEGAL_MIN = 3
_REPORT_MIN = 3


def _distinct(vocabulary: _Vocabulary, text: str) -> int:
    return len({found.lower() for found in vocabulary.findall(text)})


def label_type(doc: Document) -> str | None:
    """The type the page or its archive record names, if any."""
    recorded = doc.record.get("doc_type")
    if recorded in DOC_TYPES and recorded != "other":
        return str(recorded)
    for line in header_lines(doc.text):
        found = type_label(line)
        if found is not None:
            return found
    return _title_prefix(doc.title or "")


def _title_prefix(title: str) -> str | None:
    """A type named at the head of the title: "بيان: ...", "Statement on ...", "بيان صحفي في"."""
    lowered = title.lower()
    for label, doc_type in TYPE_LABELS:
        spaced = lowered.startswith(label + " ") and doc_type in ("press_release", "statement")
        if spaced or lowered.startswith(label + ":"):
            return doc_type
    return None


def _is_testimony(unquoted: str) -> bool:
    words = max(1, len(unquoted.split()))
    return len(_FIRST_PERSON.findall(unquoted)) / words > 0.02


def wording_type(text: str) -> str:
    """The type the wording suggests when the page names none.

    The vocabulary patterns are written in lower case and run on the lower-cased text (one
    str.lower instead of case-insensitive matching at every position); "I" is matched as
    written, on the text itself.
    """
    lowered = text.lower()
    if _distinct(_LEGAL_TERMS, lowered) >= _LEGAL_MIN:
        return "legal_document"
    unquoted = _QUOTED.sub(" ", text)
    if _is_testimony(unquoted):
        return "testimony"
    if _distinct(_REPORT_TERMS, lowered) >= _REPORT_MIN:
        return "ngo_report"
    if _PRESS_MARKERS.search(lowered):
        return "press_release"
    we_voice = len(_WE_VOICE.findall(unquoted.lower()))
    attribution = len(_ATTRIBUTION.findall(lowered))
    if we_voice >= 2 and we_voice >= attribution:
        return "statement"
    if attribution >= 2:
        return "news_report"
    return "other"


def run(doc: Document) -> Document:
    """Set `doc.doc_type` to one of DOC_TYPES."""
    doc.doc_type = label_type(doc) or wording_type(doc.text)
    return doc


STEP = Step("analysis.doctype", "v2", run)

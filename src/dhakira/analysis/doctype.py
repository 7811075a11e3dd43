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
from typing import NamedTuple

from dhakira.analysis.header import TYPE_LABELS, header_lines, type_label
from dhakira.pipeline import Step
from dhakira.records import DOC_TYPES, Document

_LATIN_LETTER = re.compile("[A-Za-z]")
_ARABIC_CHAR = re.compile("[\u0600-\u06ff]")


class _Scripts(NamedTuple):
    """Which of the two scripts a text holds: looked for once per text, not per vocabulary
    (on an Arabic text, finding no Latin letter takes a scan of the whole text)."""

    latin: bool
    arabic: bool


def _scripts(text: str, latin_possible: bool = True) -> _Scripts:
    """The scripts of `text`; not looking for Latin letters when `latin_possible` is False."""
    latin = latin_possible and _LATIN_LETTER.search(text) is not None
    return _Scripts(latin, bool(_ARABIC_CHAR.search(text)))


class _Vocabulary:
    """Words that mark a kind of document, as an English pattern and Arabic patterns.

    Each half is only run over a text holding characters of its script: an Arabic news text
    is not scanned for "said" at every position. Every English match is Latin letters (and
    inner spaces or dots) and every Arabic match holds Arabic letters, so the two never
    overlap, and together they find exactly what the alternation of both would. The Arabic
    half may be split in patterns whose matches cannot overlap either, for speed: a pattern
    that opens with a letter lets re skip ahead to that letter, one that opens with a word
    boundary or a look-behind is tried at every position of the text.
    """

    def __init__(self, english: str, *arabic: str) -> None:
        self.english = re.compile(english)
        self.arabic = [re.compile(pattern) for pattern in arabic]

    def findall(self, text: str, scripts: _Scripts) -> list[str]:
        """Every match of either half, English ones first (`scripts` are the text's)."""
        found: list[str] = []
        if scripts.latin:
            found += self.english.findall(text)
        if scripts.arabic:
            for pattern in self.arabic:
                found += pattern.findall(text)
        return found


_LEGAL_TERMS = _Vocabulary(
    r"\b(?:judgment|judgement|verdict|defendants?|the accused|plaintiffs?|appellants?|"
    r"respondents?|case no\.?|trial chamber|appeals chamber|the court (?:finds|holds|orders|"
    r"rules)|hereby|sentences? (?:him|her|them|the accused)|pursuant to article|"
    r"indictment|in the name of the people)\b",
    r"المدعى عليه|المدعي العام|المتهمي?ن?|حكمت المحكمة|قضت المحكمة|قررت المحكمة|"
    r"باسم الشعب|الدعوى|هيئة المحكمة|منطوق الحكم|لهذه الأسباب|المادة \d+",
)
# the Arabic terms grouped by first letter (in their order within a group): every branch
# opens with a letter, so re skips ahead to those letters ("(?:الجدول|جدول|الشكل)(?= \d)"
# first would make it try every position)
_REPORT_TERMS = _Vocabulary(
    r"\b(?:executive summary|methodology|recommendations|table of contents|"
    r"key findings|annex|appendix|(?:table|figure|section)(?= \d))\b",
    r"ملخص تنفيذي|منهجية التقرير"
    r"|الملخص التنفيذي|المنهجية|التوصيات|الملحق|(?:الجدول|الشكل)(?= \d)"
    r"|جدول المحتويات|جدول(?= \d)",
)
# The English markers all hold a Latin letter but "###"; the Arabic ones open with letters.
_PRESS_MARKERS = re.compile(
    r"\b(?:for immediate release|media contacts?|press contacts?|for more information,? "
    r"(?:please )?contact|-\s*ends\s*-|###)",
)
_ARABIC_PRESS_MARKERS = re.compile("للنشر الفوري|للتواصل الإعلامي")
# "نحن", "نطالب"... written "ن(?<!\w.)حن": the word's first letter, then the `\b` before it
# (no word character before the letter), so re skips ahead to each "ن"
_WE_VOICE = _Vocabulary(
    r"\b(?:we|our|us)\b",
    r"ن(?<!\w.)(?:حن|طالب|دين|دعو|ؤكد|حمّل|حمل|رفض)\b",
    r"(?:^|\s)(?:إننا|فإننا|وإننا)",
)
# Only counted: a word between spaces, written with its first letter before the look-behind
# that says a space (or the start of the text) stands before it, as above
_FIRST_PERSON = _Vocabulary(
    r"\b(?:I|me|my|I'm|I was)\b",
    r"(?:أ(?<!\S.)(?:نا|خذوني)|ا(?<!\S.)عتقلوني|ك(?<!\S.)نت|ض(?<!\S.)ربوني)(?!\S)",
)
# Only counted: the reporting verbs between spaces; "و?" is written once for all of them
_ATTRIBUTION = _Vocabulary(
    r"\b(?:said|says|told|according to|reported|added|tweeted|stated|stressed|underscored|"
    r"pointed out|noted|emphasi[sz]ed|urged|warned|announced)\b",
    r"(?<!\S)(?:و?(?:قال|قالت|أفاد|أفادت|ذكر|ذكرت|أكد|أكدت|أشار|أشارت|أضاف|أضافت|شدد|شددت)"
    r"|وفقا ل|وفقاً ل|بحسب|حسب)(?!\S)",
)
_QUOTED = re.compile(r"[“\"«][^”\"»]{0,600}[”\"»]")
_LEGAL_MIN = 3
_REPORT_MIN = 3


def _distinct(vocabulary: _Vocabulary, text: str, scripts: _Scripts) -> int:
    return len({found.lower() for found in vocabulary.findall(text, scripts)})


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


def _is_testimony(unquoted: str, latin_possible: bool) -> bool:
    words = max(1, len(unquoted.split()))
    scripts = _scripts(unquoted, latin_possible)
    return len(_FIRST_PERSON.findall(unquoted, scripts)) / words > 0.02


def _press_marked(lowered: str, scripts: _Scripts) -> bool:
    if (scripts.latin or "###" in lowered) and _PRESS_MARKERS.search(lowered):
        return True
    return _ARABIC_PRESS_MARKERS.search(lowered) is not None


def wording_type(text: str) -> str:
    """The type the wording suggests when the page names none.

    The vocabulary patterns are written in lower case and run on the lower-cased text (one
    str.lower instead of case-insensitive matching at every position); "I" is matched as
    written, on the text itself.
    """
    lowered = text.lower()
    in_lowered = _scripts(lowered)
    if _distinct(_LEGAL_TERMS, lowered, in_lowered) >= _LEGAL_MIN:
        return "legal_document"
    unquoted = _QUOTED.sub(" ", text)
    # lower-casing keeps a Latin letter Latin: when the lower-cased text holds none, neither
    # does the text without its quotations, lower-cased or not
    latin_possible = in_lowered.latin
    if _is_testimony(unquoted, latin_possible):
        return "testimony"
    if _distinct(_REPORT_TERMS, lowered, in_lowered) >= _REPORT_MIN:
        return "ngo_report"
    if _press_marked(lowered, in_lowered):
        return "press_release"
    unquoted_lowered = unquoted.lower()
    in_unquoted = _scripts(unquoted_lowered, latin_possible)
    we_voice = len(_WE_VOICE.findall(unquoted_lowered, in_unquoted))
    attribution = len(_ATTRIBUTION.findall(lowered, in_lowered))
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

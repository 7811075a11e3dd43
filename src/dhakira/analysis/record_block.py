"""Read an archive's record block (e.g. Syrian Memory) off a page, then take it out of the text.

Archives such as the Syrian Memory print, under or beside a document, the fields a documenter
filled in: date of issue, document type, archive code, related entities, persons and diary
entries, and a reliability degree. These are metadata about the document, not its words, so
they go to `Document.record` and leave `Document.text`, together with the site banner.

A block is recognised only when at least three of its labels stand on lines of their own,
so a sentence in the body that happens to say "document type" is never taken for one.
"""

from __future__ import annotations

import re
from typing import Any

from dhakira.pipeline import Step
from dhakira.records import Document

# label as printed (lowercase for English) → record key
_LABELS: dict[str, str] = {
    "المعلومات الأساسية": "_heading",
    "تاريخ الصدور": "date_issued",
    "تاريخ النشر": "date_issued",
    "نوع الوثيقة": "doc_type_ar",
    "كود الذاكرة السورية": "archive_code",
    "كود الوثيقة": "archive_code",
    "كيانات متعلقة": "related_entities",
    "شخصيات مرتبطة": "related_persons",
    "يوميات مرتبطة": "related_diaries",
    "درجة الموثوقية": "reliability",
    "basic information": "_heading",
    "date of issue": "date_issued",
    "issue date": "date_issued",
    "date issued": "date_issued",
    "document type": "doc_type_ar",
    "type of document": "doc_type_ar",
    "syrian memory code": "archive_code",
    "archive code": "archive_code",
    "related entities": "related_entities",
    "related persons": "related_persons",
    "related people": "related_persons",
    "related diaries": "related_diaries",
    "related chronicles": "related_diaries",
    "reliability": "reliability",
    "degree of reliability": "reliability",
    "reliability degree": "reliability",
}
_LIST_KEYS = ("related_entities", "related_persons", "related_diaries")
_NOTHING_RECORDED = re.compile(
    r"^(?:لا\s*يوجد|لا\s*توجد)\s+(?:معلومات|بيانات)(?:\s+حالية)?$|^no (?:current )?information"
    r"(?: available)?$|^none(?: recorded)?$",
    re.IGNORECASE,
)
_RELIABILITY_VALUES: dict[str, str] = {
    "صحيحة": "correct",
    "غير صحيحة": "incorrect",
    "لم يتم التأكد من صحتها": "unverified",
    "غير محدد": "unspecified",
    "correct": "correct",
    "incorrect": "incorrect",
    "not verified": "unverified",
    "unverified": "unverified",
    "unspecified": "unspecified",
    "not specified": "unspecified",
}
_CHECK_MARKS = ("✓", "✔", "☑", "✅", "◉", "☒", "[x]", "[X]", "(x)", "(X)")
_BULLETS = "•·◦○●▪-*–"
_BANNERS = (
    re.compile(r"^الذاكرة السورية(?:\s+\S+)?\s+(?:هي|هو)\s.*لكل السوريين.*$", re.MULTILINE),
    re.compile(r"^the syrian memory (?:belongs to|is the property of) all syrians.*$",
               re.MULTILINE | re.IGNORECASE),
)  # fmt: skip
_ARCHIVE_HINTS = ("الذاكرة السورية", "syrian memory")

# document type as an archive names it → dhakira's DOC_TYPES
_DOC_TYPE_NAMES: tuple[tuple[str, str], ...] = (
    ("بيان صحفي", "press_release"),
    ("press release", "press_release"),
    ("press statement", "press_release"),
    ("بيان", "statement"),
    ("statement", "statement"),
    ("تقرير", "ngo_report"),
    ("report", "ngo_report"),
    ("خبر", "news_report"),
    ("news", "news_report"),
    ("مقال", "news_report"),
    ("article", "news_report"),
    ("شهادة", "testimony"),
    ("testimony", "testimony"),
    ("حكم", "legal_document"),
    ("قانون", "legal_document"),
    ("مرسوم", "legal_document"),
    ("judgment", "legal_document"),
    ("decree", "legal_document"),
    ("law", "legal_document"),
)
_MIN_LABELS = 3


def doc_type_from_name(name: str) -> str:
    """dhakira's document type for a type name an archive prints ("بيان صحفي" → press_release)."""
    lowered = name.strip().lower()
    for printed, doc_type in _DOC_TYPE_NAMES:
        if lowered.startswith(printed):
            return doc_type
    return "other"


def _split_label(line: str) -> tuple[str, str] | None:
    """(key, value on the same line) when `line` starts with a block label, else None."""
    stripped = line.strip()
    head, _, rest = stripped.partition(":")
    key = _LABELS.get(head.strip().lower())
    if key is not None:
        return key, rest.strip()
    return None


def _label_lines(lines: list[str]) -> list[tuple[int, str, str]]:
    found = []
    for number, line in enumerate(lines):
        split = _split_label(line)
        if split is not None:
            found.append((number, *split))
    return found


def _block_span(labels: list[tuple[int, str, str]]) -> tuple[int, int] | None:
    """First and last label line of the densest run of labels (gaps of at most 8 lines)."""
    best: tuple[int, int] | None = None
    run_start = 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i][0] - labels[i - 1][0] > 8:
            if i - run_start >= _MIN_LABELS and (best is None or i - run_start > best[1] - best[0]):
                best = (run_start, i)
            run_start = i
    return best


def _option_lines(values: list[str]) -> list[tuple[str, bool]]:
    """Reliability options printed as a list: (value, marked) for each known option."""
    options = []
    for raw in values:
        marked = any(mark in raw for mark in _CHECK_MARKS)
        text = raw
        for mark in _CHECK_MARKS:
            text = text.replace(mark, "")
        text = text.strip().strip(_BULLETS).strip().lower()
        if text in _RELIABILITY_VALUES:
            options.append((_RELIABILITY_VALUES[text], marked))
    return options


def _reliability(values: list[str]) -> str | None:
    options = _option_lines(values)
    if not options:
        return None
    marked = [value for value, is_marked in options if is_marked]
    if len(marked) == 1:
        return marked[0]
    if len(options) == 1:
        return options[0][0]
    return "unspecified"  # the form printed every option and marked none


def _read_fields(lines: list[str], labels: list[tuple[int, str, str]], end: int) -> dict[str, Any]:
    record: dict[str, Any] = {"empty_fields": [], "none_recorded": []}
    for position, (number, key, same_line) in enumerate(labels):
        stop = labels[position + 1][0] if position + 1 < len(labels) else end
        values = [same_line] if same_line else []
        values += [line.strip() for line in lines[number + 1 : stop] if line.strip()]
        if key == "_heading":
            continue
        printed = lines[number].strip().split(":")[0].strip()
        if not values:
            record[key] = [] if key in _LIST_KEYS else None
            record["empty_fields"].append(printed)
        elif len(values) == 1 and _NOTHING_RECORDED.match(values[0]):
            record[key] = [] if key in _LIST_KEYS else None
            record["none_recorded"].append(key)
        elif key == "reliability":
            record[key] = _reliability(values)
        elif key in _LIST_KEYS:
            record[key] = [v.strip(_BULLETS).strip() for v in values]
        else:
            record[key] = " ".join(values)
    return record


def _block_end(lines: list[str], labels: list[tuple[int, str, str]]) -> int:
    """The line after the block: the last label's values run until a blank gap or a non-option."""
    last_number, last_key, same_line = labels[-1]
    end = last_number + 1
    if same_line:
        return end
    seen_value = False
    for number in range(last_number + 1, len(lines)):
        stripped = lines[number].strip()
        if not stripped:
            if seen_value and last_key != "reliability":
                break
            continue
        if last_key == "reliability" and not _option_lines([stripped]):
            break
        seen_value = True
        end = number + 1
        if last_key != "reliability":
            break
    return end


def read_block(text: str) -> tuple[dict[str, Any], tuple[int, int] | None]:
    """The record fields of the block in `text` and its character span (None when there is none)."""
    lines = text.split("\n")
    labels = _label_lines(lines)
    span = _block_span(labels)
    if span is None:
        return {}, None
    block_labels = labels[span[0] : span[1]]
    end_line = _block_end(lines, block_labels)
    record = _read_fields(lines, block_labels, end_line)
    lowered = text.lower()
    record["archive"] = "Syrian Memory" if any(h in lowered for h in _ARCHIVE_HINTS) else None
    doc_type_ar = record.get("doc_type_ar")
    record["doc_type"] = doc_type_from_name(doc_type_ar) if doc_type_ar else None
    start_char = sum(len(line) + 1 for line in lines[: block_labels[0][0]])
    end_char = min(len(text), sum(len(line) + 1 for line in lines[:end_line]))
    return record, (start_char, end_char)


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def remove_banners(text: str) -> str:
    """`text` without the archive's site banner lines."""
    for banner in _BANNERS:
        text = banner.sub("", text)
    return text


def run(doc: Document) -> Document:
    """Fill `doc.record` from the page's record block; drop the block and banner from the text."""
    record, span = read_block(doc.text)
    text = doc.text
    if span is not None:
        text = text[: span[0]] + "\n" + text[span[1] :]
    elif doc.raw_text and doc.raw_text != doc.text:
        record, _ = read_block(doc.raw_text)  # the cleaner removed it: still worth reading
    without_banner = remove_banners(text)
    if span is not None or without_banner != text:
        doc.text = _tidy(without_banner)
    doc.record = record
    return doc


STEP = Step("analysis.record_block", "v1", run)

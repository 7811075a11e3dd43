"""The archive record block is read into Document.record and taken out of the text."""

from __future__ import annotations

from collections.abc import Callable

from dhakira.analysis import record_block
from dhakira.records import Document

MakeDoc = Callable[..., Document]

BODY = "قال المركز إن عشرات المعتقلين نقلوا إلى سجن صيدنايا خلال الشهر الماضي."

ARABIC_BLOCK = """المعلومات الأساسية

تاريخ الصدور

١٥ آذار ٢٠١٩

نوع الوثيقة

بيان

كود الذاكرة السورية


شخصيات مرتبطة

لايوجد معلومات حالية

درجة الموثوقية:

  • صحيحة
  • ✓ غير صحيحة
  • لم يتم التأكد من صحتها
  • غير محدد"""

UNMARKED_OPTIONS = """نوع الوثيقة

بيان صحفي

كيانات متعلقة

يوميات مرتبطة

لايوجد معلومات حالية

درجة الموثوقية:

  • صحيحة
  • غير صحيحة
  • لم يتم التأكد من صحتها
  • غير محدد"""

ENGLISH_BLOCK = """Basic information
Date of issue: 7 February 2017
Document type: Statement
Related persons:
Reliability: Not verified"""


def test_fields_are_read_with_english_keys(make_doc: MakeDoc) -> None:
    doc = record_block.run(make_doc(BODY + "\n\n" + ARABIC_BLOCK))
    assert doc.record["date_issued"] == "١٥ آذار ٢٠١٩"
    assert doc.record["doc_type_ar"] == "بيان"
    assert doc.record["doc_type"] == "statement"


def test_marked_reliability_is_the_one_ticked(make_doc: MakeDoc) -> None:
    doc = record_block.run(make_doc(BODY + "\n\n" + ARABIC_BLOCK))
    assert doc.record["reliability"] == "incorrect"


def test_options_printed_without_a_mark_mean_unspecified(make_doc: MakeDoc) -> None:
    doc = record_block.run(make_doc(BODY + "\n\n" + UNMARKED_OPTIONS))
    assert doc.record["reliability"] == "unspecified"


def test_a_label_with_nothing_after_it_is_empty_not_the_next_label(make_doc: MakeDoc) -> None:
    doc = record_block.run(make_doc(BODY + "\n\n" + ARABIC_BLOCK))
    assert doc.record["archive_code"] is None
    assert "كود الذاكرة السورية" in doc.record["empty_fields"]


def test_nothing_recorded_is_an_empty_list(make_doc: MakeDoc) -> None:
    doc = record_block.run(make_doc(BODY + "\n\n" + UNMARKED_OPTIONS))
    assert doc.record["related_diaries"] == []
    assert "related_diaries" in doc.record["none_recorded"]


def test_block_and_banner_leave_the_text(make_doc: MakeDoc) -> None:
    banner = "الذاكرة السورية هي ملك لكل السوريين. أرسلوا إلينا تعليقاتكم."
    doc = record_block.run(make_doc(banner + "\n\n" + BODY + "\n\n" + ARABIC_BLOCK))
    assert doc.text == BODY
    assert doc.record["archive"] == "Syrian Memory"


def test_english_labels_are_read_on_one_line(make_doc: MakeDoc) -> None:
    doc = record_block.run(make_doc("Officials said on Monday.\n\n" + ENGLISH_BLOCK))
    assert doc.record["date_issued"] == "7 February 2017"
    assert doc.record["doc_type"] == "statement"
    assert doc.record["related_persons"] == []
    assert doc.record["reliability"] == "unverified"
    assert doc.text == "Officials said on Monday."


def test_a_sentence_mentioning_labels_is_not_a_block(make_doc: MakeDoc) -> None:
    text = "The document type and its reliability were discussed.\n\nNo block here."
    doc = record_block.run(make_doc(text))
    assert doc.record == {}
    assert doc.text == text

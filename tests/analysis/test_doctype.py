"""Document types from labels, the archive record and the wording, in Arabic and English."""

from __future__ import annotations

from collections.abc import Callable

from dhakira.analysis import doctype
from dhakira.records import Document

MakeDoc = Callable[..., Document]

NEWS = (
    "Officials said on Monday that dozens of detainees had been released. A lawyer told "
    "reporters the releases were partial, according to families who said many remain held."
)


def test_press_release_label(make_doc: MakeDoc) -> None:
    doc = doctype.run(make_doc("Press release\nTitle Of Release\n\n" + NEWS))
    assert doc.doc_type == "press_release"


def test_arabic_statement_label(make_doc: MakeDoc) -> None:
    text = "بيان\n\nنطالب بالإفراج عن المعتقلين فوراً ونحمل النظام المسؤولية الكاملة عن حياتهم."
    assert doctype.run(make_doc(text)).doc_type == "statement"


def test_record_block_type_wins(make_doc: MakeDoc) -> None:
    doc = make_doc(NEWS)
    doc.record = {"doc_type": "testimony"}
    assert doctype.run(doc).doc_type == "testimony"


def test_court_judgment_is_a_legal_document(make_doc: MakeDoc) -> None:
    text = (
        "Case No. 2023/14\n\nThe Trial Chamber, having heard the parties, finds the accused "
        "guilty. The defendant was present when the verdict was read. "
        "The court orders his detention."
    )
    assert doctype.run(make_doc(text)).doc_type == "legal_document"


def test_arabic_court_ruling_is_a_legal_document(make_doc: MakeDoc) -> None:
    text = "باسم الشعب\n\nحكمت المحكمة حضورياً على المتهم بعد النظر في الدعوى وفق المادة 12."
    assert doctype.run(make_doc(text)).doc_type == "legal_document"


def test_first_person_account_is_testimony(make_doc: MakeDoc) -> None:
    text = (
        "I was arrested at a checkpoint in 2013. They took me to a branch where I stayed for "
        "months. My family did not know where I was until I was released."
    )
    assert doctype.run(make_doc(text)).doc_type == "testimony"


def test_report_structure_is_an_ngo_report(make_doc: MakeDoc) -> None:
    text = "Executive summary\n...\nMethodology\n...\nRecommendations\n..." + NEWS
    assert doctype.run(make_doc(text)).doc_type == "ngo_report"


def test_numbered_tables_figures_and_an_annex_make_an_ngo_report(make_doc: MakeDoc) -> None:
    text = (
        "We recorded 14,388 deaths of detainees between 2011 and 2020. Our researchers "
        "estimate the true number is higher.\n\nTable 1: Deaths by year\n\nFigure 3 shows "
        "the deaths per day in 2013.\n\nAnnex II lists the facilities we identified."
    )
    assert doctype.run(make_doc(text)).doc_type == "ngo_report"


def test_attributed_reporting_is_a_news_report(make_doc: MakeDoc) -> None:
    assert doctype.run(make_doc(NEWS)).doc_type == "news_report"


def test_arabic_attributed_reporting_is_a_news_report(make_doc: MakeDoc) -> None:
    text = "قال ناشطون إن قوات النظام اعتقلت شباناً، وأفادت مصادر محلية بأن بعضهم نقل إلى دمشق."
    assert doctype.run(make_doc(text)).doc_type == "news_report"


def test_organisation_speaking_as_we_is_a_statement(make_doc: MakeDoc) -> None:
    text = "We condemn the executions and we call on the Council to act. Our members demand it."
    assert doctype.run(make_doc(text)).doc_type == "statement"


def test_nothing_to_go_on_is_other(make_doc: MakeDoc) -> None:
    assert doctype.run(make_doc("A list of names and places.")).doc_type == "other"


def test_type_named_at_the_head_of_the_title(make_doc: MakeDoc) -> None:
    doc = make_doc("نص قصير عن المعتقلين.")
    doc.title = "بيان: اللجنة تؤكد نمط الوفيات في الاحتجاز"
    assert doctype.run(doc).doc_type == "statement"

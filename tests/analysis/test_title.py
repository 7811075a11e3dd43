"""The headline, cleaned page titles, and a generated title when a page has none."""

from __future__ import annotations

from collections.abc import Callable

from dhakira.analysis import title
from dhakira.records import Document

MakeDoc = Callable[..., Document]

BODY_EN = (
    "The families of detainees gathered in the square on Sunday to demand news of relatives "
    "held for years without trial, organisers said."
)


def test_date_and_type_lines_above_the_headline_are_skipped(make_doc: MakeDoc) -> None:
    text = (
        "Friday, 15 March 2019 09:30\n\nPress release\nFamilies Demand News of Detainees\n\n"
        + BODY_EN
    )
    doc = title.run(make_doc(text))
    assert doc.title == "Families Demand News of Detainees"
    assert not doc.title_generated


def test_arabic_headline_after_a_type_label(make_doc: MakeDoc) -> None:
    text = (
        "بيان صحفي\n\nالائتلاف يطالب بالكشف عن مصير المعتقلين\n\n"
        "طالب الائتلاف الوطني السوري اليوم المجتمع الدولي بالضغط للكشف عن مصير آلاف المعتقلين في "
        "سجون النظام."
    )
    assert title.run(make_doc(text)).title == "الائتلاف يطالب بالكشف عن مصير المعتقلين"


def test_page_starting_with_its_body_gets_a_generated_title(make_doc: MakeDoc) -> None:
    doc = title.run(make_doc(BODY_EN + "\n\nMore text follows here."))
    assert doc.title_generated
    assert doc.title is not None
    assert doc.title.endswith("…")
    assert len(doc.title) <= title.GENERATED_MAX_CHARS + 1
    assert BODY_EN.startswith(doc.title[:-1])


def test_generated_title_is_cut_at_a_word_boundary() -> None:
    made = title.generated_title("word " * 40)
    assert made == ("word " * 16).strip() + "…"


def test_short_first_sentence_is_the_whole_title() -> None:
    assert title.generated_title("Sednaya prison was visited. Then more.") == (
        "Sednaya prison was visited"
    )


def test_html_title_loses_its_site_suffix(make_doc: MakeDoc) -> None:
    meta = {"title": "Detainees Moved to Sednaya | Syria Monitor", "sitename": "Syria Monitor"}
    doc = title.run(make_doc(BODY_EN, format_meta=meta))
    assert doc.title == "Detainees Moved to Sednaya"


def test_supplied_row_title_is_used(make_doc: MakeDoc) -> None:
    doc = title.run(make_doc(BODY_EN, format_meta={"title": "Row headline"}))
    assert doc.title == "Row headline"


def test_html_first_heading_when_no_title(make_doc: MakeDoc) -> None:
    html = "<html><body><h1>Court <b>Rules</b> on Detention</h1><p>x</p></body></html>"
    assert title.run(make_doc(BODY_EN, html=html)).title == "Court Rules on Detention"


def test_site_masthead_and_menu_are_not_the_headline(make_doc: MakeDoc) -> None:
    text = (
        "رابطة نموذجية للعائلات\nالرئيسية | من نحن | بيانات | اتصل بنا\n\n"
        "العائلات تطالب بكشف مصير المعتقلين\n\n"
        "تطالب الرابطة بالكشف الفوري عن مصير جميع المعتقلين والمختفين قسراً في سجون النظام."
    )
    assert title.run(make_doc(text)).title == "العائلات تطالب بكشف مصير المعتقلين"


def test_masthead_repeated_under_the_type_label_is_skipped(make_doc: MakeDoc) -> None:
    text = (
        "Sample Families Group\n\nFamilies Ask for Access to Prisons\n\n"
        "Press release\nSample Families Group\nMarch 3, 2019\n\n" + BODY_EN
    )
    assert title.run(make_doc(text)).title == "Families Ask for Access to Prisons"


def test_markdown_heading_is_the_headline(make_doc: MakeDoc) -> None:
    text = "[Home](/) / [Reports](/r) / Missing\n\n# Ten Years of Missing\n\n" + BODY_EN
    assert title.run(make_doc(text)).title == "Ten Years of Missing"

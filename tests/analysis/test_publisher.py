"""Publisher, issuing body and author come from stated origins only, never from mentions."""

from __future__ import annotations

from collections.abc import Callable

from dhakira.analysis import publisher
from dhakira.records import Document

MakeDoc = Callable[..., Document]

BODY = (
    "The commission documented new cases of enforced disappearance and said families had "
    "received no information about their relatives."
)


def test_organisation_and_department_lines_under_the_title(make_doc: MakeDoc) -> None:
    text = "Title Of The Release\n\nPress release\nSyrian Coalition\nMedia Department\n\n" + BODY
    doc = publisher.run(make_doc(text))
    assert doc.publisher == "Syrian Coalition"
    assert doc.issuing_body == "Syrian Coalition Media Department"


def test_named_commission_is_the_issuing_body_as_printed(make_doc: MakeDoc) -> None:
    text = (
        "Title Of The Release\n\nSyrian Coalition\n"
        "National Commission on the Affairs of Detainees and Missing Persons\n\n" + BODY
    )
    doc = publisher.run(make_doc(text))
    assert doc.issuing_body == "National Commission on the Affairs of Detainees and Missing Persons"


def test_source_note_with_acronym_uses_the_full_name_the_page_uses(make_doc: MakeDoc) -> None:
    text = (
        "The Syrian Opposition Coalition issued an appeal.\n\n"
        "The SOC added that detainees must be freed. (Source: SOC’s Media Department)"
    )
    doc = publisher.run(make_doc(text))
    assert doc.publisher == "Syrian Opposition Coalition"


def test_arabic_source_note(make_doc: MakeDoc) -> None:
    text = BODY + "\n\n(المصدر: الدائرة الإعلامية في الائتلاف الوطني السوري)"
    doc = publisher.run(make_doc(text))
    assert doc.publisher == "الائتلاف الوطني السوري"
    assert doc.issuing_body == "الدائرة الإعلامية في الائتلاف الوطني السوري"


def test_an_organisation_quoted_in_the_body_is_not_the_publisher(make_doc: MakeDoc) -> None:
    text = "Amnesty International said on Monday that thousands were executed, Amnesty said."
    doc = publisher.run(make_doc(text))
    assert doc.publisher is None
    assert doc.issuing_body is None


def test_headline_starting_with_an_organisation_is_not_a_name_line(make_doc: MakeDoc) -> None:
    doc = publisher.run(make_doc("Amnesty International Condemns Executions\n\n" + BODY))
    assert doc.publisher is None


def test_site_name_from_html_metadata(make_doc: MakeDoc) -> None:
    doc = publisher.run(make_doc(BODY, format_meta={"sitename": "Human Rights Watch"}))
    assert doc.publisher == "Human Rights Watch"


def test_english_byline(make_doc: MakeDoc) -> None:
    doc = publisher.run(make_doc("Detainees Moved\n\nBy Sami Haddad\n\n" + BODY))
    assert doc.author == "Sami Haddad"


def test_arabic_byline(make_doc: MakeDoc) -> None:
    doc = publisher.run(make_doc("نقل المعتقلين\n\nبقلم: سامي حداد\n\n" + BODY))
    assert doc.author == "سامي حداد"


def test_unknown_organisation_in_the_name_block_above_the_date(make_doc: MakeDoc) -> None:
    text = (
        "Families Ask for Access to Prisons\n\nPress release\nSample Families Group\n"
        "Advocacy Unit\nMarch 3, 2019\n\n" + BODY
    )
    doc = make_doc(text)
    doc.title = "Families Ask for Access to Prisons"
    doc = publisher.run(doc)
    assert doc.publisher == "Sample Families Group"
    assert doc.issuing_body == "Sample Families Group Advocacy Unit"


def test_correspondent_line_is_not_a_publisher(make_doc: MakeDoc) -> None:
    text = "Prison Opened\n\nDamascus — our correspondent\nMonday 9 December 2024\n\n" + BODY
    doc = make_doc(text)
    doc.title = "Prison Opened"
    assert publisher.run(doc).publisher is None


def test_neighbour_article_links_are_not_a_name_block(make_doc: MakeDoc) -> None:
    text = (
        "Appeal To Save Detainees\n\nRefugees find more paid work\nJune 4, 2020\n"
        "Over 14,000 killed under torture\nJune 28, 2020\n\n" + BODY
    )
    doc = make_doc(text)
    doc.title = "Appeal To Save Detainees"
    assert publisher.run(doc).publisher is None

"""The issue date: printed evidence by strength, Arabic dates and digits, day-first numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from dhakira.analysis import dates
from dhakira.analysis.date_mentions import find_dates
from dhakira.records import Document, Item

MakeDoc = Callable[..., Document]

BODY = (
    "The committee said detainees were moved between prisons and families were not told, "
    "according to people who spoke to its members."
)


def test_arabic_statement_with_arabic_indic_digits(make_doc: MakeDoc) -> None:
    text = (
        "بيان حول المعتقلين\n\n١٥ آذار ٢٠١٩\n\n"
        "تطالب الرابطة بالإفراج الفوري عن جميع المعتقلين وكشف مصير المفقودين في السجون."
    )
    doc = dates.run(make_doc(text))
    assert doc.date is not None
    assert (doc.date.value, doc.date.precision, doc.date.source) == ("2019-03-15", "day", "header")


def test_levantine_and_egyptian_month_names_together() -> None:
    [mention] = find_dates("صدر في 3 كانون الثاني/يناير 2021 بيان")
    assert mention.as_date() == date(2021, 1, 3)


def test_persian_digits_are_read() -> None:
    [mention] = find_dates("۲۰ تشرين الأول ۲۰۲۰")
    assert mention.as_date() == date(2020, 10, 20)


def test_numeric_dates_are_day_first() -> None:
    [mention] = find_dates("(Source: Media Office / 08.02.2017)")
    assert mention.as_date() == date(2017, 2, 8)


def test_numeric_dates_are_month_first_when_day_first_is_impossible() -> None:
    [mention] = find_dates("on 02/25/2017")
    assert mention.as_date() == date(2017, 2, 25)


def test_source_note_beats_an_event_date_in_the_body(make_doc: MakeDoc) -> None:
    text = (
        "Council Renews Call for Justice\n\n"
        "The council recalled the mechanism adopted by the General Assembly on December 21, 2016 "
        "to investigate the gravest crimes committed in the country.\n\n"
        "(Source: Council Media Office / 08.02.2017)"
    )
    doc = dates.run(make_doc(text))
    assert doc.date is not None
    assert (doc.date.value, doc.date.source) == ("2017-02-08", "source-line")


def test_record_block_date_is_strongest(make_doc: MakeDoc) -> None:
    doc = make_doc("Headline Of The Statement\n\nMarch 3, 2019\n\n" + BODY)
    doc.record = {"date_issued": "١٥ آذار ٢٠١٩"}
    assert dates.run(doc).date == dates.DateIssued("2019-03-15", "day", "record-block")


def test_html_metadata_date(make_doc: MakeDoc) -> None:
    doc = dates.run(make_doc(BODY, format_meta={"date": "2019-03-15T10:00:00+02:00"}))
    assert doc.date == dates.DateIssued("2019-03-15", "day", "html-meta")


def test_weekday_and_day_month_take_the_year_that_fits(make_doc: MakeDoc) -> None:
    text = (
        "Investigators said on Monday (February 6) that the killings between 2011 and 2015 "
        "were systematic, according to a report."
    )
    doc = dates.run(make_doc(text))
    assert doc.date == dates.DateIssued("2017-02-06", "day", "relative")


def test_day_month_takes_the_year_of_the_pages_other_dates(make_doc: MakeDoc) -> None:
    raw = "Other article\nJune 4, 2020\nAnother article\nJune 28, 2020\n\nThe day falls on June 26."
    doc = dates.run(make_doc("The day falls on June 26, the group said.", raw_text=raw))
    assert doc.date == dates.DateIssued("2020-06-26", "day", "relative")


def test_neighbour_article_dates_are_not_the_issue_date(make_doc: MakeDoc) -> None:
    text = (
        "Appeal To Save Detainees\n\nOther article title here\nJune 4, 2020\n"
        "Another article title here\nJune 28, 2020\n\nThe appeal marks the day on June 26."
    )
    assert dates.run(make_doc(text)).date == dates.DateIssued("2020-06-26", "day", "relative")


def test_month_precision_as_printed(make_doc: MakeDoc) -> None:
    doc = dates.run(make_doc("Monthly Detention Report\n\nMarch 2019\n\n" + BODY))
    assert doc.date == dates.DateIssued("2019-03", "month", "header")


def test_only_body_dates_give_the_latest(make_doc: MakeDoc) -> None:
    text = "Arrests began on 3 May 2012 and the last transfer was on 9 June 2014, witnesses said."
    assert dates.run(make_doc(text)).date == dates.DateIssued("2014-06-09", "day", "body")


def test_no_date_at_all(make_doc: MakeDoc) -> None:
    assert dates.run(make_doc(BODY)).date is None


def test_on_monday_resolves_to_the_monday_before_the_anchor() -> None:
    found = dates.relative_dates("a report published on Monday", date(2018, 12, 25))
    assert found == [("on Monday", date(2018, 12, 24))]


def test_a_pdf_creation_date_is_weak(make_doc: MakeDoc) -> None:
    doc = make_doc(BODY, format_meta={"date": "2023-03-14T09:30:00+00:00"})
    doc.item = Item(data=b"", source="x.pdf", media_type="application/pdf")
    chosen = dates.run(doc).date
    assert chosen == dates.DateIssued("2023-03-14", "day", "file-created")


def test_dates_far_into_a_long_text_are_found_in_both_languages() -> None:
    filler = "Families waited outside the prison gate for news of their sons. " * 300
    text = filler + "It happened on 15 March 2019. " + filler + "ووقع ذلك في ٢ آذار ٢٠٢٠."
    found = [(m.year, m.month, m.day) for m in find_dates(text)]
    assert found == [(2019, 3, 15), (2020, 3, 2)]


def test_a_month_name_without_a_number_is_not_a_date() -> None:
    assert find_dates("In March the families marched again; in May they wrote letters.") == []

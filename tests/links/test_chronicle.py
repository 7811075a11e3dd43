"""The chronicle: dated entries from issue dates, claim periods and the dates texts cite."""

from __future__ import annotations

from dhakira.links.chronicle import (
    at_facility,
    at_place,
    chronicle,
    document_entries,
    in_period,
    with_entity,
)
from dhakira.records import Claim, DateIssued, Document, Item, Mention


def document(
    text: str,
    issued: str | None = "2017-02-08",
    names: tuple[tuple[str, str, str], ...] = (),
    claims: tuple[Claim, ...] = (),
    title: str = "A statement",
    publisher: str | None = "Invented Network",
) -> Document:
    """A document as analysis leaves it; `names` are (text, type, entity id) found in it."""
    doc = Document(Item(text.encode(), "test", "text/plain"), text=text)
    doc.date = DateIssued(issued, "day", "header") if issued else None
    doc.title, doc.publisher = title, publisher
    doc.claims = list(claims)
    for surface, kind, entity_id in names:
        start = text.index(surface)
        canonical = {"facility:sednaya-prison": "Sednaya Prison"}.get(entity_id, surface)
        doc.entities.append(
            Mention(surface, start, start + len(surface), kind, entity_id, canonical)
        )
    return doc


UNGA = ("UN General Assembly", "organization", "org:un-general-assembly")
SEDNAYA = ("Sednaya", "facility", "facility:sednaya-prison")


def test_issue_date_is_an_entry_with_publisher_and_title() -> None:
    entries = document_entries(document("Nothing dated here."), "d1")
    assert [(e.date, e.precision, e.what) for e in entries] == [
        ("2017-02-08", "day", "Invented Network: A statement")
    ]


def test_a_date_in_a_sentence_is_an_event_entry() -> None:
    text = "The mechanism was adopted by the UN General Assembly on December 21, 2016."
    entries = document_entries(document(text, names=(UNGA,)), "d1")
    cited = [e for e in entries if e.origin == "mentioned"]
    assert [(e.date, e.precision) for e in cited] == [("2016-12-21", "day")]
    assert cited[0].entities == ("org:un-general-assembly",)


def test_a_date_alone_on_its_line_is_not_an_event() -> None:
    text = "Wednesday, 26 December 2018 10:17\n\nThe prison is still full."
    entries = document_entries(document(text), "d1")
    assert [e.origin for e in entries] == ["issued"]


def test_monday_is_resolved_against_the_issue_date() -> None:
    text = "The report was released on Monday in Beirut."
    entries = document_entries(document(text, issued="2017-02-08"), "d1")
    assert [e.date for e in entries if e.origin == "mentioned"] == ["2017-02-06"]


def test_arabic_date_and_weekday() -> None:
    text = "اعتمدت الجمعية العامة الآلية في 21 كانون الأول 2016. وأفرج عنه يوم الاثنين الماضي."
    entries = document_entries(document(text, issued="2017-02-08"), "d1")
    assert sorted(e.date for e in entries if e.origin == "mentioned") == [
        "2016-12-21",
        "2017-02-06",
    ]


def test_month_without_day_keeps_month_precision() -> None:
    text = "Detentions were documented since March 2011 across the country."
    entries = document_entries(document(text), "d1")
    assert [(e.date, e.precision) for e in entries if e.origin == "mentioned"] == [
        ("2011-03", "month")
    ]


def test_claim_period_start_is_an_entry() -> None:
    text = "over 117,000 people detained since March 2011"
    claim = Claim(
        "detention", 117000, None, None, "over", None, "2011-03", None, None, None, text, 0,
        len(text),
    )  # fmt: skip
    entries = document_entries(document(text, claims=(claim,)), "d1")
    periods = [e for e in entries if e.origin == "period"]
    assert [(e.date, e.precision, e.event) for e in periods] == [("2011-03", "month", "detention")]


def test_one_event_cited_by_two_documents_is_one_entry() -> None:
    text = "It relies on the mechanism of the UN General Assembly on December 21, 2016."
    docs = {
        "d1": document(text, names=(UNGA,), issued="2017-02-07"),
        "d2": document(text, names=(UNGA,), issued="2017-02-08"),
    }
    cited = [e for e in chronicle(docs) if e.date == "2016-12-21"]
    assert len(cited) == 1
    assert cited[0].documents == ("d1", "d2")


def test_two_documents_issued_the_same_day_stay_two_entries() -> None:
    text = "Hangings at Sednaya continue."
    docs = {
        "d1": document(text, names=(SEDNAYA,), publisher="Pub A"),
        "d2": document(text, names=(SEDNAYA,), publisher="Pub B"),
    }
    assert len([e for e in chronicle(docs) if e.date == "2017-02-08"]) == 2


def test_mention_of_a_publication_joins_the_publication_entry() -> None:
    docs = {
        "report": document("Hangings at Sednaya.", names=(SEDNAYA,), issued="2017-02-06"),
        "news": document(
            "Amnesty said on Monday that hangings at Sednaya went on.",
            names=(SEDNAYA,),
            issued="2017-02-08",
        ),
    }
    entry = next(e for e in chronicle(docs) if e.date == "2017-02-06")
    assert (entry.origin, entry.documents) == ("issued", ("report", "news"))


def test_entries_are_in_date_order() -> None:
    text = "Adopted on December 21, 2016 by the UN General Assembly."
    dates = [e.date for e in chronicle({"d1": document(text, names=(UNGA,))})]
    assert dates == sorted(dates)


def test_filters_by_period_place_facility_and_entity() -> None:
    text = "Hangings at Sednaya on December 21, 2016 were reported."
    entries = chronicle({"d1": document(text, names=(SEDNAYA,), issued="2017-02-08")})
    assert [e.date for e in in_period(entries, "2016", "2016-12")] == ["2016-12-21"]
    assert len(at_facility(entries, "sednaya prison")) == 2
    assert len(at_place(entries, "Sednaya Prison")) == 2
    assert at_place(entries, "Aleppo") == []
    assert len(with_entity(entries, "facility:sednaya-prison")) == 2

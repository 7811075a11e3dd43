"""Filters narrow a text search inside the index, and stay exact for day-precise ranges."""

from __future__ import annotations

from dhakira.archive import Archive, SearchQuery
from dhakira.archive.facets import document_facets, filter_groups


def test_a_document_carries_its_filter_values_as_reserved_terms() -> None:
    terms = document_facets("2017-02-07", "press_release", ["en", "ar"], "Syrian Coalition")
    assert "qqftpressrelease" in terms and "qqfy2017" in terms
    assert "qqflen" in terms and "qqflar" in terms
    assert any(term.startswith("qqfp") for term in terms)
    assert all(term.isascii() and term.isalnum() for term in terms)


def test_a_year_range_becomes_one_group_of_years() -> None:
    groups = filter_groups("2015-03-01", "2017", None, None, None)
    assert groups == [["qqfy2015", "qqfy2016", "qqfy2017"]]


def test_an_open_range_is_left_to_sql() -> None:
    assert filter_groups("2015", None, None, None, None) == []


def test_filtered_text_search_is_exact_at_day_precision(  # type: ignore[no-untyped-def]
    archive: Archive, batch: str, make_doc
) -> None:
    for n, date in enumerate(["2017-02-06", "2017-02-08", "2018-01-01"]):
        doc = make_doc(
            f"Detainees held in prison, report {n}.",
            date=date,
            doc_type="statement",
            language="en",
            languages=["en"],
        )
        archive.add(doc, batch)
    result = archive.search(SearchQuery("prison", date_from="2017-02-07", date_to="2017-12-31"))
    assert [hit.date for hit in result.hits] == ["2017-02-08"]
    typed = archive.search(SearchQuery("prison", doc_type="statement", language="en"))
    assert typed.total == 3
    assert archive.search(SearchQuery("prison", doc_type="testimony")).total == 0

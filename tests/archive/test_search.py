"""Search: normalization across spellings, stemming, filters, hostile input and snippets."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dhakira.archive import Archive, SearchQuery
from dhakira.records import Document

MakeDoc = Callable[..., Document]


def _codes(archive: Archive, text: str = "", **filters: str) -> set[str]:
    return {hit.code for hit in archive.search(SearchQuery(text, **filters)).hits}


@pytest.fixture
def library(archive: Archive, batch: str, make_doc: MakeDoc) -> dict[str, str]:
    """A small bilingual archive; returns name → code."""
    docs = {
        "ar_detainees": make_doc(
            "أفادت الشبكة بأن المعتقلون في سجن صيدنايا تعرضوا للتعذيب عام ٢٠١٧.",
            title="بيان حول سجن صيدنايا",
            date="2017-02-07",
            language="ar",
            languages=["ar"],
            doc_type="statement",
            publisher="الشبكة السورية",
        ),
        "ar_detainee": make_doc(
            "أُفرج عن مُعْتَقَلٍ واحد بعد سنوات في الفرع، وقالت عائلته إن مدرسة القرية أغلقت.",
            date="2015-06",
            language="ar",
            languages=["ar"],
            doc_type="testimony",
        ),
        "ar_hamza": make_doc(
            "إعدام آلاف الأشخاص في المستشفى العسكري، ومنهم أحمد، بحسب الشهود.",
            date="2016",
            language="ar",
            languages=["ar", "en"],
            doc_type="ngo_report",
            publisher="Amnesty International",
        ),
        "en_exec": make_doc(
            "Amnesty International said as many as 13,000 people were executed in Saydnaya "
            "between 2011 and 2015. Families still do not know the fate of their relatives.",
            title="Human Slaughterhouse",
            date="2017-02-07",
            language="en",
            languages=["en"],
            doc_type="ngo_report",
            publisher="Amnesty International",
        ),
        "en_detention": make_doc(
            "An estimated 215,000 detainees are held in detention branches across the country.",
            date="2019-03-01",
            language="en",
            languages=["en"],
            doc_type="news_report",
            publisher="Example News",
        ),
    }
    return {name: archive.add(doc, batch).code for name, doc in docs.items()}


def test_detainee_forms_find_each_other(archive: Archive, library: dict[str, str]) -> None:
    expected = {library["ar_detainees"], library["ar_detainee"]}
    assert _codes(archive, "المعتقلين") == expected
    assert _codes(archive, "معتقل") == expected


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("اعدام", "ar_hamza"),  # hamza below alef in the text
        ("الاف", "ar_hamza"),  # madda in the text
        ("احمد", "ar_hamza"),  # hamza above alef in the text
        ("مستشفي", "ar_hamza"),  # alef maqsura in the text
        ("مدرسه", "ar_detainee"),  # taa marbuta in the text
        ("مُعتقل", "ar_detainee"),  # diacritics in the query
        ("صـيـدنايا", "ar_detainees"),  # tatweel in the query
        ("2017", "ar_detainees"),  # Arabic-Indic digits in the text
    ],
)
def test_arabic_spelling_variants_match(
    archive: Archive, library: dict[str, str], query: str, name: str
) -> None:
    assert library[name] in _codes(archive, query)


def test_english_stemming_matches_inflections(archive: Archive, library: dict[str, str]) -> None:
    assert _codes(archive, "executions") == {library["en_exec"]}
    assert _codes(archive, "DETAINEE") == {library["en_detention"]}


def test_all_terms_must_match(archive: Archive, library: dict[str, str]) -> None:
    assert _codes(archive, "executed Saydnaya") == {library["en_exec"]}
    assert _codes(archive, "executed detainees") == set()


def test_quoted_phrase_needs_the_words_in_order(archive: Archive, library: dict[str, str]) -> None:
    assert _codes(archive, '"as many as"') == {library["en_exec"]}
    assert _codes(archive, '"many as as"') == set()


def test_title_words_are_searchable(archive: Archive, library: dict[str, str]) -> None:
    assert _codes(archive, "slaughterhouse") == {library["en_exec"]}


def test_filters_narrow_a_text_query(archive: Archive, library: dict[str, str]) -> None:
    assert _codes(archive, "Amnesty", doc_type="ngo_report") == {library["en_exec"]}
    assert _codes(archive, "صيدنايا", date_from="2018") == set()


def test_date_range_uses_iso_prefixes(archive: Archive, library: dict[str, str]) -> None:
    found = _codes(archive, date_from="2015", date_to="2016")
    assert found == {library["ar_detainee"], library["ar_hamza"]}


def test_language_filter_uses_all_languages(archive: Archive, library: dict[str, str]) -> None:
    assert _codes(archive, language="en") == {
        library["en_exec"],
        library["en_detention"],
        library["ar_hamza"],
    }


def test_publisher_filter_ignores_case(archive: Archive, library: dict[str, str]) -> None:
    assert _codes(archive, publisher="amnesty INTERNATIONAL") == {
        library["en_exec"],
        library["ar_hamza"],
    }


def test_filters_alone_list_by_date_newest_first(archive: Archive, library: dict[str, str]) -> None:
    result = archive.search(SearchQuery("", language="ar"))
    assert [hit.date for hit in result.hits] == ["2017-02-07", "2016", "2015-06"]
    assert result.total == 3


def test_paging_keeps_the_total(archive: Archive, library: dict[str, str]) -> None:
    result = archive.search(SearchQuery("", language="en", limit=1, offset=1))
    assert result.total == 3
    assert len(result.hits) == 1


@pytest.mark.parametrize("query", ["", "   ", "!!! ***", '"', "AND OR NOT"])
def test_query_without_terms_finds_nothing(
    archive: Archive, library: dict[str, str], query: str
) -> None:
    result = archive.search(SearchQuery(query))
    assert (result.total, result.hits) == (0, [])


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "(Saydnaya", "NEAR(a b)", "-torture", "prison*", "title:x", "a^2", "'; DROP"],
)
def test_operator_characters_are_plain_text(
    archive: Archive, library: dict[str, str], query: str
) -> None:
    archive.search(SearchQuery(query))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=60))
def test_any_text_is_a_valid_query(archive: Archive, library: dict[str, str], text: str) -> None:
    result = archive.search(SearchQuery(text))
    assert result.total >= len(result.hits)


def test_snippet_highlights_the_matching_words(archive: Archive, library: dict[str, str]) -> None:
    (hit,) = archive.search(SearchQuery("executions")).hits
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["executed"]


def test_arabic_snippet_highlights_the_word_as_written(
    archive: Archive, library: dict[str, str]
) -> None:
    (hit,) = archive.search(SearchQuery("اعدام")).hits
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["إعدام"]


def test_long_text_snippet_is_a_window_around_the_match(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    text = "filler words here. " * 40 + "The tribunal heard witnesses. " + "more filler. " * 40
    archive.add(make_doc(text), batch)
    (hit,) = archive.search(SearchQuery("tribunal")).hits
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= 210
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["tribunal"]


def test_better_match_ranks_first(archive: Archive, batch: str, make_doc: MakeDoc) -> None:
    weak = archive.add(make_doc("A report on many things, torture among them. " * 5), batch).code
    strong = archive.add(make_doc("Torture. Torture in custody. Tortured detainees."), batch).code
    hits = archive.search(SearchQuery("torture")).hits
    assert [hit.code for hit in hits] == [strong, weak]

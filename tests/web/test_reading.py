"""Pages read right in both languages: counted nouns agree with their number, labels are
words (never stored keys), known entities are named in the page's language, and computed
reasons are said in it too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dhakira.archive import Archive
from dhakira.views.web import plurals, wording

from .conftest import ClientFor, Codes, _claim, _clients, _doc, _mention, build_archive

HRW = "Human Rights Watch said 13,000 people were executed at Sednaya Prison between 2011 and 2015."


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Codes, str]:
    """The web fixtures and one more public report of the Sednaya executions, linked: one
    incident reported by two independent sources."""
    path = tmp_path_factory.mktemp("reading") / "archive"
    codes = build_archive(path)
    sednaya = ("facility", "facility:sednaya-prison", "Sednaya Prison")
    hrw = _doc(
        HRW,
        "HRW on Sednaya executions",
        "2017-03-01",
        "ngo_report",
        "Human Rights Watch",
        entities=[_mention("Sednaya Prison", HRW, *sednaya)],
        claims=[_claim("13,000 people were executed", HRW, 13000, "Sednaya Prison", "")],
    )
    with Archive.open(path) as archive:
        code = archive.add(hrw, archive.start_batch("reading"), visibility="public").code
        archive.links.relink(archive.codes())
    return path, codes, code


@pytest.fixture(scope="module")
def client(linked: tuple[Path, Codes, str]) -> Iterator[ClientFor]:
    yield from _clients(linked[0])


# -- counted nouns -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "said"),
    [(0, "0 documents"), (1, "1 document"), (2, "2 documents"), (1200, "1,200 documents")],
)
def test_english_counts_take_the_singular_only_for_one(count: int, said: str) -> None:
    assert plurals.counted("en", "document", count, "latn") == said


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (1, "وثيقة واحدة"),
        (2, "وثيقتان"),
        (3, "٣ وثائق"),
        (10, "١٠ وثائق"),
        (11, "١١ وثيقة"),
        (99, "٩٩ وثيقة"),
        (100, "١٠٠ وثيقة"),
        (103, "١٠٣ وثائق"),
        (1200, "١٬٢٠٠ وثيقة"),
    ],
)
def test_arabic_counts_agree_with_their_number(count: int, said: str) -> None:
    assert plurals.counted("ar", "document", count, "arab") == said


def test_one_incident_is_said_in_the_singular(client: ClientFor) -> None:
    assert client(None).get("/incidents.json").json()["total"] == 1
    english = client(None).get("/incidents?lang=en").text
    assert "1 incident ·" in english and "1 incidents" not in english
    assert "حادثة واحدة" in client(None).get("/incidents?lang=ar").text


def test_one_search_result_is_said_in_the_singular(client: ClientFor) -> None:
    assert "1 result<" in client(None).get("/search?q=hanged&lang=en").text
    assert "نتيجة واحدة" in client(None).get("/search?q=hanged&lang=ar").text


# -- labels ----------------------------------------------------------------------------------------


def test_stored_values_are_shown_as_capitalised_labels_in_english(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    body = client(None).get(f"/doc/{linked[1].public_en}?lang=en").text
    assert "<td>Execution</td>" in body
    assert "<dd>Public</dd>" in body


def test_stored_values_are_shown_in_arabic_on_arabic_pages(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    body = client(None).get(f"/doc/{linked[1].public_en}?lang=ar").text
    assert "<td>إعدام</td>" in body and "<dd>عامة</dd>" in body
    assert ">execution<" not in body and ">public<" not in body


def test_the_history_names_actions_and_fields_in_the_readers_language(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    body = client("editor").get(f"/doc/{linked[1].public_en}?lang=ar").text
    assert ">أرشفة</td>" in body and ">ingest</td>" not in body


# -- entity names ----------------------------------------------------------------------------------


def test_an_arabic_page_names_a_known_entity_in_arabic(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    body = client(None).get(f"/doc/{linked[1].public_en}?lang=ar").text
    assert "<bdi>سجن صيدنايا</bdi>" in body
    assert "<bdi>Sednaya Prison</bdi>" not in body


def test_an_english_page_names_it_in_english_even_in_an_arabic_document(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    body = client(None).get(f"/doc/{linked[1].public_ar}?lang=en").text
    assert "<bdi>Sednaya Prison</bdi>" in body


def test_entity_lists_and_incidents_use_the_arabic_name(client: ClientFor) -> None:
    assert "<bdi>سجن صيدنايا</bdi>" in client(None).get("/entities?lang=ar").text
    incidents = client(None).get("/incidents?lang=ar").text
    assert '<bdi class="name">سجن صيدنايا</bdi>' in incidents
    assert "Sednaya Prison" not in incidents


def test_a_known_publisher_is_named_in_arabic(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    body = client(None).get(f"/doc/{linked[1].public_en}?lang=ar").text
    assert "<bdi>منظمة العفو الدولية</bdi>" in body


# -- computed reasons ------------------------------------------------------------------------------


def test_the_suggested_reliability_reason_is_arabic_on_arabic_pages(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    code = linked[2]
    english = client(None).get(f"/doc/{code}?lang=en").text
    assert "2 independent sources agree" in english
    arabic = client(None).get(f"/doc/{code}?lang=ar").text
    assert "يتفق عليه مصدران مستقلان" in arabic and "منظمة العفو الدولية" in arabic
    assert "independent sources agree" not in arabic


def test_the_json_twin_gives_each_reason_as_a_key_with_its_english_text(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    suggested = client(None).get(f"/doc/{linked[2]}.json").json()["reliability"]["suggested"]
    [why] = suggested["why"]
    assert why["key"] == "sources_agree" and why["count"] == 2
    assert suggested["reasons"] == [
        "2 independent sources agree: Amnesty International, Human Rights Watch"
    ]


def test_a_reason_counts_sources_the_arabic_way() -> None:
    why = {"key": "contradicted", "count": 3, "sources": ["document DHK-1", "Pub B", "Pub C"]}
    said = wording.reason("ar", why, "arab")
    assert said == "تناقضه ٣ مصادر مستقلة: الوثيقة DHK-1، Pub B، Pub C"


def test_a_reason_that_names_fewer_documents_than_it_counts_ends_with_an_ellipsis() -> None:
    why = {"key": "single_source", "count": 40, "source": "Pub A", "documents": ["D1", "D2"]}
    assert wording.reason("en", why, "latn").endswith("repeated by 40 documents (D1, D2, …)")
    assert wording.reason("ar", why, "arab").endswith("(D1، D2، …)")


def test_a_figure_is_qualified_in_the_readers_language() -> None:
    figure = {"low": 5000, "high": None, "best": None, "qualifier": "at least"}
    assert wording.figure("en", figure, "latn") == "at least 5,000"
    assert wording.figure("ar", figure, "arab") == "٥٬٠٠٠ على الأقل"


def test_an_entity_type_is_shown_as_a_label_in_arabic(
    client: ClientFor,
) -> None:
    body = client(None).get("/entities?lang=ar").text
    assert '<td class="label">منشأة</td>' in body


def test_a_record_naming_no_person_has_no_empty_persons_row(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    body = client(None).get(f"/doc/{linked[1].public_en}?lang=en").text
    assert "Related persons" not in body and "Related entities" in body


def test_the_audit_log_says_an_ingest_and_its_batch_in_arabic(client: ClientFor) -> None:
    body = client("admin").get("/audit?lang=ar").text
    assert ">أرشفة</td>" in body and "<td>الدفعة <code" in body
    assert ">ingest</td>" not in body


def test_a_conflict_is_explained_in_arabic_with_arabic_names() -> None:
    first = {"code": "DHK-1", "source": "Amnesty International", "best": 5000, "low": 5000,
             "high": 5000, "qualifier": None}  # fmt: skip
    second = {"code": "DHK-2", "source": "document DHK-2", "low": 20000, "high": None,
              "best": None, "qualifier": "at least"}  # fmt: skip
    said = wording.conflict("ar", first, second, "arab")
    assert said == (
        "لا يمكن أن يصحّ معًا DHK-1 (منظمة العفو الدولية: ٥٬٠٠٠) "
        "وDHK-2 (الوثيقة DHK-2: ٢٠٬٠٠٠ على الأقل)"
    )


def test_an_unknown_failure_code_is_shown_as_stored() -> None:
    from dhakira.views.web.wording import failure

    assert failure("ar", "[DK999] something new") == "[DK999] something new"
    assert failure("ar", "no code at all") == "no code at all"
    assert failure("ar", None) == ""

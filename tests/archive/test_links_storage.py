"""Links are stored with the documents: duplicates with one primary copy, stories, relinking."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.archive.conftest import MakeDoc

from dhakira.archive import Archive
from dhakira.archive.linkstore import LINK_VERSION
from dhakira.records import Mention

REPORT = (
    "Amnesty International said that as many as 13,000 people were hanged in secret at "
    "Saydnaya military prison near Damascus between 2011 and 2015. The report describes weekly "
    "mass hangings carried out in the middle of the night. Detainees were taken from their "
    "cells, told they would be transferred to civilian prisons, and instead were beaten and "
    "hanged. The organisation called for an independent investigation into the killings and "
    "for monitors to be given access to every detention facility run by the government."
)
OTHER = (
    "Heavy rain flooded several camps for displaced families in the north of the country this "
    "week. Aid workers said tents were washed away and roads to the camps were cut, leaving "
    "hundreds of families without shelter, blankets or clean water as temperatures fell."
)
SEDNAYA = Mention("Saydnaya", 0, 8, "facility", "facility:sednaya-prison", "Sednaya Prison", "kb")
REPORT_ID = Mention(
    "Human Slaughterhouse",
    0,
    20,
    "report",
    "report:human-slaughterhouse",
    "Human Slaughterhouse",
    "kb",
)


def _add(archive: Archive, batch: str, *docs: object) -> list[str]:
    linker = archive.links.linker()
    codes = []
    for doc in docs:
        code = archive.add(doc, batch).code  # type: ignore[arg-type]
        linker.link(code, doc)  # type: ignore[arg-type]
        codes.append(code)
    return codes


def test_an_html_copy_and_a_cut_short_copy_are_near_duplicates(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    original = make_doc(REPORT)
    html = make_doc(
        "Home | News | About\n" + REPORT + "\nShare this story. Comments are closed.",
        data=b"<html>" + REPORT.encode() + b"</html>",
        media_type="text/html",
    )
    cut = make_doc(REPORT[: int(len(REPORT) * 0.7)])
    first, second, third = _add(archive, batch, original, html, cut)
    kinds = {d["code"]: d["kind"] for d in archive.links.of(first)["duplicates"]}
    assert kinds == {second: "duplicate-near", third: "duplicate-near"}


def test_an_unrelated_document_is_not_linked(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    _first, other = _add(archive, batch, make_doc(REPORT), make_doc(OTHER))
    links = archive.links.of(other)
    assert links["duplicates"] == [] and links["story"] is None


def test_every_copy_is_kept_and_the_earliest_captured_is_primary(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    late = make_doc(REPORT, captured_at=datetime(2024, 6, 1, tzinfo=UTC))
    early = make_doc(REPORT + " ", data=b"early copy", captured_at=datetime(2020, 1, 1, tzinfo=UTC))
    late_code, early_code = _add(archive, batch, late, early)
    assert archive.count() == 2
    assert archive.links.of(late_code)["primary"] == early_code
    assert archive.links.of(early_code)["is_primary"] is True
    assert archive.links.of(late_code)["duplicates"][0]["kind"] == "duplicate-exact"


def test_documents_naming_one_report_are_one_story_across_languages(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    english = make_doc(
        OTHER + " Human Slaughterhouse.",
        date="2017-02-07",
        language="en",
        entities=[REPORT_ID, SEDNAYA],
    )
    arabic = make_doc(
        "قالت منظمة العفو الدولية إن آلاف المعتقلين أعدموا في سجن صيدنايا.",
        date="2017-02-08",
        language="ar",
        entities=[REPORT_ID, SEDNAYA],
    )
    apart = make_doc(OTHER, date="2017-02-07", language="en")
    en, ar, _apart = _add(archive, batch, english, arabic, apart)
    listed = archive.links.stories()
    assert [sorted(d["code"] for d in s["documents"]) for s in listed] == [sorted([en, ar])]
    assert archive.links.of(ar)["related"][0]["code"] == en


def test_stories_filter_by_date_and_entity(archive: Archive, batch: str, make_doc: MakeDoc) -> None:
    docs = [make_doc(f"{OTHER} {n}", date="2017-02-07", entities=[REPORT_ID]) for n in range(2)]
    _add(archive, batch, *docs)
    assert len(archive.links.stories(entity="slaughterhouse")) == 1
    assert archive.links.stories(entity="Aleppo") == []
    assert archive.links.stories(date_from="2018-01-01") == []
    assert len(archive.links.stories(date_from="2017-01-01", date_to="2017-12-31")) == 1


def test_a_linker_made_later_rebuilds_from_stored_signatures(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    (first,) = _add(archive, batch, make_doc(REPORT))
    (second,) = _add(archive, batch, make_doc(REPORT[: int(len(REPORT) * 0.8)]))
    assert [d["code"] for d in archive.links.of(second)["duplicates"]] == [first]


def test_pending_lists_unlinked_documents_and_forget_removes_links(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    unlinked = archive.add(make_doc(OTHER), batch).code
    first, second = _add(archive, batch, make_doc(REPORT), make_doc(REPORT + " More."))
    assert archive.links.pending() == [unlinked]
    archive.links.forget([second])
    assert archive.links.of(first)["duplicates"] == []
    assert archive.links.pending() == [unlinked, second]
    archive.links.forget()
    assert len(archive.links.pending()) == 3
    assert LINK_VERSION.startswith("links.")

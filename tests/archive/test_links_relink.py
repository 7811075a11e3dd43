"""Links follow a document's analysis: re-analysis relinks it, forgetting keeps a primary copy."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.archive.conftest import MakeDoc
from tests.archive.test_links_storage import OTHER, REPORT, _add

from dhakira.archive import Archive
from dhakira.ingest import reanalyze


def test_reanalysis_relinks_a_document_whose_text_changed(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    first = _add(archive, batch, make_doc(REPORT))[0]
    # stored with a stale analysis: the original holds the report, the stored text does not
    stale = make_doc(OTHER, data=REPORT.encode("utf-8") + b"\n")
    second = _add(archive, batch, stale)[0]
    assert archive.links.of(second)["duplicates"] == []
    summary = reanalyze(archive, [second], actor="tester")
    assert summary.results[0].changed
    assert [d["code"] for d in archive.links.of(second)["duplicates"]] == [first]


def test_forgetting_the_primary_copy_leaves_another_primary(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    early = make_doc(REPORT, captured_at=datetime(2020, 1, 1, tzinfo=UTC))
    late = make_doc(REPORT + " ", captured_at=datetime(2024, 1, 1, tzinfo=UTC))
    third = make_doc(REPORT + "  ", captured_at=datetime(2024, 6, 1, tzinfo=UTC))
    primary, late_code, third_code = _add(archive, batch, early, late, third)
    archive.links.forget([primary])
    assert archive.links.of(late_code)["is_primary"] is True
    assert archive.links.of(third_code)["primary"] == late_code


def test_relinking_a_document_finds_its_copies_again(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    first, second = _add(archive, batch, make_doc(REPORT), make_doc(REPORT + " "))
    archive.links.relink([second])
    assert [d["code"] for d in archive.links.of(first)["duplicates"]] == [second]

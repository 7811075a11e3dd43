"""Analysing stored originals again: machine-made values replaced, a person's decisions kept."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from dhakira.archive import Archive, SearchQuery
from dhakira.errors import IntegrityError
from dhakira.ingest import reanalyze
from dhakira.pipeline import default_steps
from dhakira.records import Claim, Document

MakeDoc = Callable[..., Document]

RELEASE = (
    "Syria: executions at Saydnaya prison\n\n"
    "Press release\n"
    "Amnesty International\n"
    "February 7, 2017\n\n"
    "Amnesty International said as many as 13,000 people were executed at Saydnaya prison "
    "between 2011 and 2015.\n"
)


@pytest.fixture
def stale(archive: Archive, batch: str, make_doc: MakeDoc) -> str:
    """A document stored by an older analysis: wrong title, nothing found in it."""
    doc = make_doc(RELEASE, title="Obsolete heading", doc_type="other", steps={"text.clean": "v0"})
    return archive.add(doc, batch).code


def test_reanalysis_replaces_the_machine_made_values(archive: Archive, stale: str) -> None:
    summary = reanalyze(archive, [stale], actor="tester")
    stored = archive.get(stale)
    assert summary.results[0].changed
    assert stored.title != "Obsolete heading"
    assert stored.doc_type == "press_release"
    assert any(m.entity_id == "facility:sednaya-prison" for m in stored.entities)
    assert any(c.high == 13000 for c in stored.claims)
    assert stored.steps.get("analysis.claims")


def test_reanalysis_keeps_provenance_and_the_code(archive: Archive, stale: str) -> None:
    before = archive.get(stale)
    reanalyze(archive, [stale], actor="tester")
    after = archive.get(stale)
    kept = ("code", "sha256", "source", "url", "captured_at", "ingested_at", "batch", "supplied")
    assert [getattr(after, name) for name in kept] == [getattr(before, name) for name in kept]
    assert after.date == "2017-02-07"  # the code keeps its year part even when a date is found


def test_reanalysis_keeps_a_persons_reliability_rating(archive: Archive, stale: str) -> None:
    archive.review(
        stale, note="checked", actor="reviewer", reliability="correct", visibility="public"
    )
    reanalyze(archive, [stale], actor="tester")
    stored = archive.get(stale)
    assert (stored.reliability, stored.reliability_by, stored.visibility) == (
        "correct",
        "reviewer",
        "public",
    )


def test_reanalysis_writes_one_audit_entry_listing_the_changes(
    archive: Archive, stale: str
) -> None:
    reanalyze(archive, [stale], actor="tester")
    entry = archive.audit(stale)[-1]
    assert (entry.action, entry.actor) == ("reanalyze", "tester")
    old = json.loads(entry.old or "{}")
    assert old["title"] == "Obsolete heading"
    assert old["steps"]["text.clean"] == "v0"  # only the step versions that differ
    assert "title" in (entry.why or "") and "entities" in (entry.why or "")
    assert archive.verify().chain_ok


def test_a_second_run_changes_nothing(archive: Archive, stale: str) -> None:
    reanalyze(archive, [stale], actor="tester")
    entries = len(archive.audit())
    second = reanalyze(archive, [stale], actor="tester")
    assert second.to_json()["changed"] == 0 and second.to_json()["unchanged"] == 1
    assert len(archive.audit()) == entries


def test_search_follows_the_new_analysis(archive: Archive, stale: str) -> None:
    assert archive.search(SearchQuery("obsolete")).total == 1
    reanalyze(archive, [stale], actor="tester")
    assert archive.search(SearchQuery("obsolete")).total == 0
    assert archive.search(SearchQuery("executions")).total == 1


def test_an_unknown_code_is_listed_as_failed(archive: Archive, stale: str) -> None:
    summary = reanalyze(archive, ["DHK-1999-000000", stale], actor="tester")
    assert summary.failed[0][0] == "DHK-1999-000000" and len(summary.results) == 1


def test_an_analysis_of_another_original_is_refused(
    archive: Archive, stale: str, make_doc: MakeDoc
) -> None:
    with pytest.raises(IntegrityError):
        archive.replace_analysis(stale, make_doc("some other text"), "tester")


def test_the_same_analysis_again_changes_nothing_whatever_the_order_of_its_claims(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    text = "Forty were killed in May; later 300 detainees were executed."
    later, earlier = (
        Claim(
            "execution",
            None,
            None,
            300.0,
            None,
            None,
            None,
            None,
            None,
            None,
            "300 detainees were executed",
            32,
            59,
        ),
        Claim(
            "killing",
            None,
            None,
            40.0,
            None,
            None,
            None,
            None,
            None,
            None,
            "Forty were killed",
            0,
            17,
        ),
    )
    code = archive.add(make_doc(text, claims=[later, earlier]), batch).code
    assert archive.get(code).claims == [earlier, later]
    assert (
        archive.replace_analysis(code, make_doc(text, claims=[later, earlier]), "t").changed == []
    )


def test_worker_processes_give_the_same_result(archive: Archive, stale: str) -> None:
    summary = reanalyze(archive, [stale, "DHK-1999-000000"], actor="tester", jobs=2)
    assert [r.code for r in summary.results] == [stale] and summary.results[0].changed
    assert [code for code, _ in summary.failed] == ["DHK-1999-000000"]
    assert archive.get(stale).doc_type == "press_release"


def test_outdated_lists_documents_made_by_other_step_versions(archive: Archive, stale: str) -> None:
    current = {step.name: step.version for step in default_steps()}
    assert archive.outdated(current) == [stale]
    reanalyze(archive, archive.outdated(current), actor="tester")
    assert archive.outdated(current) == []


def test_an_altered_original_is_not_analysed(archive: Archive, stale: str) -> None:
    blob = archive.blobs.path(archive.get(stale).sha256)
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes() + b" tampered")
    summary = reanalyze(archive, [stale], actor="tester")
    assert summary.results == [] and "verify" in summary.failed[0][1]
    assert archive.get(stale).title == "Obsolete heading"

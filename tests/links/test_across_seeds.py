"""gold.json's across_documents on the seeds: one story, one id per entity, the Sednaya
incident with one independent source, and every timeline date present."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dhakira.evaluation.across import check_timeline, evaluate_across_documents
from dhakira.links.chronicle import Entry

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds" / "gold.json"


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    if not GOLD.exists() or not SEEDS.exists():
        pytest.skip("../shared not present: seeds and gold.json are needed")
    return evaluate_across_documents(SEEDS, GOLD)


def test_story_001_003_004_and_no_other(report: dict[str, Any]) -> None:
    assert report["stories"]["ok"], report["stories"]


def test_each_same_entity_set_resolves_to_one_id(report: dict[str, Any]) -> None:
    assert [r["ids"] for r in report["same_entity"] if not r["ok"]] == []


def test_sednaya_executions_incident_is_one_source_without_conflict(
    report: dict[str, Any],
) -> None:
    (group,) = report["claim_groups"]
    assert group["ok"], group
    assert group["found"]["independent_sources"] == 1
    assert (group["found"]["low"], group["found"]["high"]) == (5000, 13000)


def test_every_timeline_date_is_an_entry(report: dict[str, Any]) -> None:
    assert report["timeline"]["missing"] == []


def test_a_finer_entry_date_covers_a_coarser_gold_date() -> None:
    entries = [Entry("detentions", "2011-03-15", "day", ("d1",))]
    gold = [{"date": "2011-03", "what": "detentions since"}, {"date": "2016-12-21", "what": "x"}]
    result = check_timeline(entries, gold)
    assert [g["date"] for g in result["present"]] == ["2011-03"]
    assert [g["date"] for g in result["missing"]] == ["2016-12-21"]


def test_a_coarser_entry_date_does_not_cover_a_day() -> None:
    entries = [Entry("the year", "2016", "year", ("d1",))]
    assert check_timeline(entries, [{"date": "2016-12-21", "what": "x"}])["ok"] is False

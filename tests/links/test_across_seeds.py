"""gold.json's across_documents on the seeds: one story, one id per entity, the Sednaya
incident with one independent source, and every timeline date present."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dhakira.evaluation.across import evaluate_across_documents

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

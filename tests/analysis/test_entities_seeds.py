"""Quality floor: entities on the five hand-annotated seed documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dhakira.evaluation.entities import evaluate_seed_entities

SHARED = Path(__file__).resolve().parents[3] / "shared"  # ../shared beside the repository


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    seeds, gold = SHARED / "corpus" / "seeds", SHARED / "eval" / "seeds" / "gold.json"
    if not gold.exists():
        pytest.skip("../shared not present: seed documents and gold annotations are needed")
    return evaluate_seed_entities(seeds, gold)


def test_entity_recall_floor(result: dict[str, Any]) -> None:
    missed = {d["file"]: d["missed"] for d in result["documents"] if d["missed"]}
    assert result["totals"]["recall"] >= 0.95, missed


def test_entity_precision_floor(result: dict[str, Any]) -> None:
    wrong = {d["file"]: d["false_positives"] for d in result["documents"] if d["false_positives"]}
    assert result["totals"]["precision"] >= 0.90, wrong


def test_every_spelling_of_sednaya_is_one_facility(result: dict[str, Any]) -> None:
    assert result["totals"]["sednaya_one_facility"]


def test_entity_step_is_fast(result: dict[str, Any]) -> None:
    assert result["totals"]["ms_per_document"] < 10

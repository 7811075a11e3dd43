"""Quality gate: the full pipeline gets every scored field right on the five seed documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dhakira.evaluation.seeds import evaluate_seeds

SHARED = Path(__file__).resolve().parents[3] / "shared"  # ../shared beside the repository


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    seeds, gold = SHARED / "corpus" / "seeds", SHARED / "eval" / "seeds" / "gold.json"
    if not gold.exists():
        pytest.skip("../shared not present: seed documents and gold annotations are needed")
    return evaluate_seeds(seeds, gold)


@pytest.mark.parametrize("field", ["title", "date", "doc_type", "publisher"])
def test_every_seed_field_is_right(result: dict[str, Any], field: str) -> None:
    wrong = [(d["file"], d["found"]) for d in result["documents"] if not d[field]]
    assert result["totals"][field] == 5, wrong


def test_all_residue_is_dropped(result: dict[str, Any]) -> None:
    assert result["totals"]["must_drop"] == "15/15"


def test_all_body_text_is_kept(result: dict[str, Any]) -> None:
    assert result["totals"]["must_keep"] == "10/10"

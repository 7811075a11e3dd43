"""Quality gate: every gold claim of the seed documents is found right; no not-claim reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dhakira.evaluation.claims import evaluate_seed_claims

SHARED = Path(__file__).resolve().parents[4] / "shared"  # ../shared beside the repository


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    seeds, gold = SHARED / "corpus" / "seeds", SHARED / "eval" / "seeds" / "gold.json"
    if not gold.exists():
        pytest.skip("../shared not present: seed documents and gold annotations are needed")
    return evaluate_seed_claims(seeds, gold)


def test_every_gold_claim_is_right(result: dict[str, Any]) -> None:
    wrong = [m for d in result["documents"] for m in d["claims"] if not m["right"]]
    assert not wrong
    assert result["totals"]["right"] == result["totals"]["gold_claims"] == 9


def test_no_not_claim_is_reported(result: dict[str, Any]) -> None:
    assert result["totals"]["not_claims_reported"] == 0


def test_extra_claims_stay_few(result: dict[str, Any]) -> None:
    assert result["totals"]["extra"] <= 4

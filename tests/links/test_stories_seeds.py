"""The seeds' story: 001, 003 and 004 are about one report; 000 and 002 stay alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhakira.evaluation.stories import evaluate_stories

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds" / "gold.json"


def test_seed_stories_are_exactly_the_gold_ones() -> None:
    if not GOLD.exists() or not SEEDS.exists():
        pytest.skip("../shared not present: seeds and gold.json are needed")
    report = evaluate_stories(SEEDS, GOLD)
    assert report["found"] == report["gold"]

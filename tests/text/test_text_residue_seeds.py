"""The five seed pages (../shared): gold residue goes, gold body text and record blocks stay."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dhakira.text.residue import strip_residue

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "eval" / "seeds" / "gold.json"
# Seed 001's must_drop lines are its Syrian Memory record block: analysis.record_block removes
# them after text.clean, so here they must survive intact instead.
RECORD_BLOCK_SEED = "001_bacd3ba7b0291112.txt"


def _fold(text: str) -> str:
    """Compare quotes loosely: gold strings use straight apostrophes, pages curly ones."""
    return text.replace("’", "'").replace("‘", "'")


def _documents() -> list[dict[str, Any]]:
    if not GOLD.is_file():
        return []
    return list(json.loads(GOLD.read_text(encoding="utf-8"))["documents"])


def _cleaned(doc: dict[str, Any]) -> str:
    return _fold(strip_residue((SEEDS / doc["file"]).read_text(encoding="utf-8")))


def _is_arabic(line: str) -> bool:
    first = line.strip().lstrip("• ")[:1]
    return "\u0600" <= first <= "\u06ff"


@pytest.fixture(autouse=True)
def _needs_shared() -> None:
    if not GOLD.is_file():
        pytest.skip("../shared not present: seed gold annotations are needed")


@pytest.mark.parametrize("doc", _documents(), ids=lambda d: d["file"][:3])
def test_seed_keeps_its_body(doc: dict[str, Any]) -> None:
    cleaned = _cleaned(doc)
    assert [k for k in doc["must_keep"] if _fold(k) not in cleaned] == []


@pytest.mark.parametrize(
    "doc", [d for d in _documents() if d["file"] != RECORD_BLOCK_SEED], ids=lambda d: d["file"][:3]
)
def test_seed_loses_its_residue(doc: dict[str, Any]) -> None:
    cleaned = _cleaned(doc)
    assert [d for d in doc["must_drop"] if _fold(d) in cleaned] == []


def test_record_block_lines_survive_for_the_record_block_step() -> None:
    original = (SEEDS / RECORD_BLOCK_SEED).read_text(encoding="utf-8")
    cleaned = strip_residue(original)
    arabic_lines = [line.strip() for line in original.splitlines() if _is_arabic(line)]
    assert arabic_lines, "the seed should hold its Arabic record block"
    assert [line for line in arabic_lines if line not in cleaned] == []

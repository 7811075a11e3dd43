"""The entity scorer and the CoNLL reader behind `dhakira eval ner` and `dhakira tag`."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhakira.evaluation.ner import entity_spans, read_conll, score, split_heldout


def test_spans_are_read_the_conlleval_way() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-LOC", "I-ORG", "B-MISC"]
    assert entity_spans(tags) == [
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
        (6, 7, "MISC"),
    ]


def test_known_precision_recall_and_f1() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    # right person; the place typed wrong; the organization cut short (a boundary error)
    predicted = [["B-PERS", "I-PERS", "O", "B-ORG"], ["B-ORG", "O", "O"]]
    result = score(gold, predicted)
    overall = result["overall"]
    assert (overall["correct"], overall["predicted"], overall["gold"]) == (1, 3, 3)
    assert overall["precision"] == pytest.approx(1 / 3)
    assert overall["recall"] == pytest.approx(1 / 3)
    assert overall["f1"] == pytest.approx(1 / 3)
    assert result["per_type"]["PERS"]["f1"] == 1.0
    assert result["per_type"]["LOC"]["recall"] == 0.0
    assert result["per_type"]["ORG"]["precision"] == 0.0


def test_perfect_tags_score_one() -> None:
    gold = [["B-LOC", "O", "B-PERS", "I-PERS"]]
    assert score(gold, gold)["overall"]["f1"] == 1.0


def test_reader_takes_tabs_spaces_and_missing_tags(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_text("دمشق\tB-LOC\nمدينة O\n\n\nسافر\n", encoding="utf-8")
    assert read_conll(path) == [[("دمشق", "B-LOC"), ("مدينة", "O")], [("سافر", None)]]


def test_heldout_is_the_last_sixth_in_order() -> None:
    sentences = [[(str(i), "O")] for i in range(12)]
    first, heldout = split_heldout(sentences)
    assert first == sentences[:10] and heldout == sentences[10:]

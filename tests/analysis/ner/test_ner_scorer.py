"""The entity scorer and the CoNLL reader behind `dhakira eval ner` and `dhakira tag`."""

from __future__ import annotations

from pathlib import Path

import pytest

from dhakira.errors import CorruptInput
from dhakira.evaluation.ner import entity_spans, evaluate_ner, read_conll, score, split_heldout


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


def test_a_file_that_is_not_utf8_is_refused_with_its_name(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    path.write_bytes("دمشق B-LOC\n".encode("cp1256"))
    with pytest.raises(CorruptInput, match=r"cp1256\.txt: not UTF-8 text .*save the file as UTF-8"):
        read_conll(path)


def test_a_gold_file_needs_a_tag_on_every_line_and_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("قال O\nسامي B-PERS\n\nزار O\nحلب\n", encoding="utf-8")
    assert read_conll(path)[1] == [("زار", "O"), ("حلب", None)]
    with pytest.raises(CorruptInput, match="line 5: no tag"):
        read_conll(path, tagged=True)


@pytest.mark.parametrize("tag", ["PERS", "X-PERS", "B-", "extra"])
def test_a_gold_file_with_something_else_than_a_tag_is_refused(tmp_path: Path, tag: str) -> None:
    path = tmp_path / "gold.txt"
    path.write_text(f"قال O\nسامي {tag}\n", encoding="utf-8")
    with pytest.raises(CorruptInput, match=f"line 2: '{tag}' is not a tag"):
        read_conll(path, tagged=True)


def test_bioes_tags_are_accepted_in_a_gold_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("سامي B-PERS\nنعمان E-PERS\nحلب S-LOC\nقال O\n", encoding="utf-8")
    assert [tag for _, tag in read_conll(path, tagged=True)[0]] == [
        "B-PERS",
        "E-PERS",
        "S-LOC",
        "O",
    ]


def test_an_empty_file_has_nothing_to_score(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(CorruptInput, match="no tokens to score"):
        evaluate_ner(path)

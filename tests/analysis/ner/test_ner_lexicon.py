"""The training-text lexicon: word classes, names of several words, and the jackknife."""

from __future__ import annotations

from pathlib import Path

from dhakira.analysis.ner.features import token_facts
from dhakira.analysis.ner.lexicon import (
    build_lexicon,
    jackknife_lexicons,
    phrase_kinds,
    read_lexicon,
    write_lexicon,
)

TAGGED = [
    (["قال", "رامي", "في", "حماة"], ["O", "B-PERS", "O", "B-LOC"]),
    (["قال", "نادي", "الوثبة", "أمس"], ["O", "B-ORG", "I-ORG", "O"]),
]


def test_words_get_the_class_the_training_text_gave_them() -> None:
    lexicon = build_lexicon(TAGGED)
    assert lexicon["قال"] == "O"  # seen twice, never a name
    assert lexicon["امس"] == "O1"  # seen once, plain (normalized: hamza folded)
    assert lexicon["رامي"] == "PERS"
    assert "غائب" not in lexicon


def test_a_name_of_several_words_is_marked_where_it_recurs() -> None:
    lexicon = build_lexicon(TAGGED)
    keys = [token_facts(token).light for token in ["زار", "نادي", "بالوثبة"]]
    assert phrase_kinds(keys, lexicon) == ["", "ORG:B", "ORG:I"]


def test_each_block_sees_only_the_lexicon_of_the_others() -> None:
    lexicons = jackknife_lexicons(TAGGED, folds=2)
    assert "رامي" not in lexicons[0]  # the first sentence's own name is unknown to it
    assert lexicons[1]["رامي"] == "PERS"


def test_a_written_lexicon_reads_back_the_same(tmp_path: Path) -> None:
    lexicon = build_lexicon(TAGGED)
    path = tmp_path / "lexicon.tsv"
    write_lexicon(lexicon, path)
    assert read_lexicon(path.read_text(encoding="utf-8")) == lexicon


def test_a_name_of_several_words_is_marked_with_a_lexicon_read_from_its_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "lexicon.tsv"
    write_lexicon(build_lexicon(TAGGED), path)
    lexicon = read_lexicon(path.read_text(encoding="utf-8"))
    keys = [token_facts(token).light for token in ["نادي", "الوثبة", "فاز"]]
    assert phrase_kinds(keys, lexicon) == ["ORG:B", "ORG:I", ""]

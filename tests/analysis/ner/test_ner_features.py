"""Feature strings of the Arabic tagger: the quoted-title marks."""

from __future__ import annotations

import os
import subprocess
import sys

from dhakira.analysis.ner.features import quote_marks, sentence_features


def test_a_quoted_title_is_marked_first_inside_and_last() -> None:
    tokens = ["رواية", '"', "أولاد", "حارتنا", "الشهيرة", '"', "صدرت"]
    assert quote_marks(tokens) == ["", "", "q=B", "q=I", "q=E", "", ""]


def test_a_single_bracketed_word_is_marked_alone() -> None:
    assert quote_marks(["صحيفة", "(", "الراية", ")"]) == ["", "", "br=S", ""]


def test_a_quote_that_never_closes_marks_nothing() -> None:
    assert quote_marks(['"', "قال", "إن", "الوفد", "وصل"]) == [""] * 5


def test_the_quote_mark_reaches_the_token_features() -> None:
    rows = sentence_features(["«", "الثلاثية", "»"])
    assert "q=S" in rows[1]


def test_features_come_in_the_same_order_whatever_the_hash_seed() -> None:
    # two cue words of different kinds near one name: their features once came out of a set
    script = (
        "from dhakira.analysis.ner.features import sentence_features\n"
        "print(sentence_features('قال الوزير ميشيل عون رئيس حزب التيار'.split()))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1

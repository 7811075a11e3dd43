"""A bracketed Latin gloss takes the type of the Arabic name before it."""

from __future__ import annotations

from dhakira.analysis.ner.gloss import align_glosses


def test_a_gloss_after_an_organization_becomes_that_organization() -> None:
    tokens = ["وقع", "معهد", "الدراسات", "(", "Study", "Institute", ")", "اتفاقا"]
    tags = ["O", "B-ORG", "I-ORG", "O", "B-PERS", "I-PERS", "O", "O"]
    expected = ["O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "O"]
    assert align_glosses([tokens], [tags]) == [expected]


def test_quotes_between_the_name_and_its_gloss_are_allowed() -> None:
    tokens = ["متجر", '"', "هارودز", '"', "(", "Harrods", ")"]
    tags = ["O", "O", "B-ORG", "O", "O", "O", "O"]
    assert align_glosses([tokens], [tags])[0][5] == "B-ORG"


def test_brackets_holding_arabic_words_are_left_alone() -> None:
    tokens = ["زار", "حلب", "(", "شمال", "سوريا", ")"]
    tags = ["O", "B-LOC", "O", "O", "B-LOC", "O"]
    assert align_glosses([tokens], [tags]) == [tags]

"""Name lists: a listed name is found with or without the clitics a word may carry."""

from __future__ import annotations

from dhakira.analysis.ner.features import token_facts
from dhakira.analysis.ner.gazetteer import phrase_marks


def _marks(text: str) -> list[list[str]]:
    return phrase_marks([token_facts(word).light for word in text.split()])


def test_a_country_is_found_bare() -> None:
    assert _marks("فرنسا") == [["world_place:B"]]


def test_a_country_whose_name_begins_like_a_clitic_is_found_after_one() -> None:
    assert _marks("وفرنسا") == [["world_place:B"]]
    assert _marks("لبيروت") == [["world_place:B"]]


def test_a_two_word_organization_is_found_after_a_preposition() -> None:
    assert _marks("للأمم المتحدة") == [["org_name:B"], ["org_name:I"]]


def test_a_plain_word_is_in_no_list() -> None:
    assert _marks("الطاولة") == [[]]

"""The second pass: a name tagged once is tagged at its bare mentions nearby."""

from __future__ import annotations

from dhakira.analysis.ner.consistency import spread_names


def test_a_surname_alone_is_tagged_from_the_persons_full_name() -> None:
    sentences = [["قال", "الوزير", "نادر", "الحلو", "."], ["وأضاف", "الحلو", "أن", "الوفد", "وصل"]]
    tags = [["O", "O", "B-PERS", "I-PERS", "O"], ["O", "O", "O", "O", "O"]]
    assert spread_names(sentences, tags)[1] == ["O", "B-PERS", "O", "O", "O"]


def test_the_last_word_of_an_organization_does_not_spread_alone() -> None:
    sentences = [["أعلنت", "جمعية", "الرحمة", "."], ["وقدمت", "الرحمة", "المساعدة"]]
    tags = [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O"]]
    assert spread_names(sentences, tags)[1] == ["O", "O", "O"]


def test_a_name_tagged_once_is_tagged_again_with_its_clitic() -> None:
    sentences = [["زار", "الوفد", "طرطوس", "."], ["وعاد", "من", "بطرطوس", "أمس"]]
    tags = [["O", "O", "B-LOC", "O"], ["O", "O", "O", "O"]]
    assert spread_names(sentences, tags)[1] == ["O", "O", "B-LOC", "O"]


def test_a_mention_already_tagged_keeps_its_tag() -> None:
    sentences = [["نادي", "الكرامة", "فاز"], ["الكرامة", "فاز"]]
    tags = [["B-ORG", "I-ORG", "O"], ["B-LOC", "O"]]
    assert spread_names(sentences, tags)[1] == ["B-LOC", "O"]


def test_a_two_word_name_is_spread_whole_with_the_majority_type() -> None:
    sentences = [["سامي", "نعمان", "قال"], ["سامي", "نعمان", "رد"], ["ثم", "سامي", "نعمان"]]
    tags = [["B-PERS", "I-PERS", "O"], ["B-ORG", "I-ORG", "O"], ["O", "O", "O"]]
    sentences.append(["سامي", "نعمان"])
    tags.append(["B-PERS", "I-PERS"])
    assert spread_names(sentences, tags)[2] == ["O", "B-PERS", "I-PERS"]


def test_a_name_made_of_a_plain_word_is_not_spread() -> None:
    sentences = [["استقبل", "الملك", "عبد", "الله", "الثاني"], ["في", "اليوم", "الثاني"]]
    tags = [["O", "O", "B-PERS", "I-PERS", "I-PERS"], ["O", "O", "O"]]
    lexicon = {"ثاني": "O", "يوم": "O"}
    assert spread_names(sentences, tags, lexicon)[1] == ["O", "O", "O"]


def test_a_name_the_training_text_never_saw_is_still_spread() -> None:
    sentences = [["قال", "الوزير", "نادر", "الحلو", "."], ["وأضاف", "الحلو", "أن"]]
    tags = [["O", "O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"]]
    assert spread_names(sentences, tags, {"وزير": "O"})[1] == ["O", "B-PERS", "O"]

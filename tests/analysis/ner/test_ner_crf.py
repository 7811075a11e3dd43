"""Tagging from the model's weights gives exactly crfsuite's tags, sentence by sentence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dhakira.analysis.ner.arabic import (
    HELDOUT_MODEL_NAME,
    MODEL_NAME,
    crfsuite_tagger,
    model_lexicon,
)
from dhakira.analysis.ner.context import document_features, document_parts
from dhakira.analysis.ner.crf import CrfWeights
from dhakira.evaluation.ner import read_conll, split_heldout

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
ANERCORP = SHARED / "eval" / "anercorp" / "train.txt"

# invented people and places; a name met again bare, a Latin gloss, figures, a lone token
SENTENCES = [
    "قال المحامي سامر الحلبي إن قوات الأمن اعتقلت موكله في حي الميدان بدمشق .",
    "وأضاف الحلبي أن منظمة العفو الدولية ( Amnesty International ) طالبت بالإفراج عنه .",
    "ونقلت وكالة الأنباء عن مصدر في محافظة حمص أن 12 شخصا قتلوا يوم 3 آذار 2013 .",
    "الحلبي",
    "وزار الوفد سجن صيدنايا ومطار المزة العسكري ثم عاد إلى بيروت عبر معبر جديدة يابوس .",
]


def _crfsuite_tags(model: str, sentences: list[list[str]]) -> list[list[str]]:
    tagger = crfsuite_tagger(model)
    rows = document_features(sentences, [model_lexicon(model)] * len(sentences))
    return [list(tagger.tag(features)) for features in rows]


def _weights(model: str) -> CrfWeights:
    return CrfWeights.from_tagger(crfsuite_tagger(model), model_lexicon(model))


@pytest.mark.parametrize("model", [MODEL_NAME, HELDOUT_MODEL_NAME])
def test_hand_written_sentences_get_crfsuites_tags(model: str) -> None:
    sentences = [sentence.split() for sentence in SENTENCES]
    assert _weights(model).tag(sentences) == _crfsuite_tags(model, sentences)


def test_heldout_anercorp_gets_crfsuites_tags() -> None:
    if not ANERCORP.is_file():
        pytest.skip(f"../shared not present: {ANERCORP}")
    _, heldout = split_heldout(read_conll(ANERCORP))
    sentences = [[token for token, _ in sentence] for sentence in heldout]
    expected = _crfsuite_tags(HELDOUT_MODEL_NAME, sentences)
    found = _weights(HELDOUT_MODEL_NAME).tag(sentences)
    assert found == expected
    assert sum(tag != "O" for row in found for tag in row) > 1000  # names, not only O


def test_empty_sentences_stay_empty_in_place() -> None:
    sentences = [[], ["زار", "الحلبي", "دمشق"], []]
    tags = _weights(MODEL_NAME).tag(sentences)
    assert [len(row) for row in tags] == [0, 3, 0]
    assert tags[1] == _crfsuite_tags(MODEL_NAME, [sentences[1]])[0]
    assert _weights(MODEL_NAME).tag([]) == []


def test_tags_do_not_depend_on_what_was_tagged_before() -> None:
    sentences = [sentence.split() for sentence in SENTENCES]
    fresh = _weights(MODEL_NAME).tag(sentences[2:])
    used = _weights(MODEL_NAME)
    used.tag(sentences[:2])
    assert used.tag(sentences[2:]) == fresh


@pytest.mark.parametrize("model", [MODEL_NAME, HELDOUT_MODEL_NAME])
def test_scores_are_the_weights_of_every_feature_string(model: str) -> None:
    # a new word's weights are found by its own features at every distance at once, without
    # writing the neighbours' strings: each token's label scores must still be the sum of
    # the weights of all the strings crfsuite would be handed
    sentences = [sentence.split() for sentence in SENTENCES]
    weights = _weights(model)
    rows = document_features(sentences, [model_lexicon(model)] * len(sentences))
    known = weights.attributes
    expected = [
        sum(
            (weights.by_attribute[known[name]] for name in row if name in known),
            start=np.zeros(len(weights.labels)),
        )
        for sentence in rows
        for row in sentence
    ]
    assert np.allclose(weights.scores(sentences), np.array(expected), rtol=0, atol=1e-9)


def test_only_the_pairs_and_neighbours_the_model_weighs_are_left_out() -> None:
    # a tagger builds the pair and other-occurrence features only for values its model has
    # weights for: what it leaves out must be exactly strings the model does not know
    if ANERCORP.is_file():
        _, heldout = split_heldout(read_conll(ANERCORP))
        sentences = [[token for token, _ in sentence] for sentence in heldout[:400]]
    else:
        sentences = [sentence.split() for sentence in SENTENCES]
    weights = _weights(MODEL_NAME)
    lexicons = [weights.lexicon] * len(sentences)
    every = document_parts(sentences, lexicons).extras
    kept = document_parts(sentences, lexicons, weights.known).extras
    attributes = weights.attributes
    left_out = 0
    for every_row, kept_row in zip(
        (row for sentence in every for row in sentence),
        (row for sentence in kept for row in sentence),
        strict=True,
    ):
        assert kept_row == [name for name in every_row if name in kept_row]
        dropped = [name for name in every_row if name not in kept_row]
        assert not any(name in attributes for name in dropped)
        assert all(name.startswith(("-1w|", "w|+1w", "o-1=", "o1=")) for name in dropped)
        left_out += len(dropped)
    assert left_out > 0

"""Find persons, organizations, places and other names in Arabic text with a CRF model.

The knowledge base knows the names that recur in Syrian documentation; this recognizer finds the
ones it does not know. The model (models/arabic-crf-v1.crfsuite, trained on all of ANERcorp's
train split by scripts/train_arabic_ner.py) tags each token B-/I- PERS, LOC, ORG, MISC or O;
`recognize` turns the tags back into character spans of the original text. Each model comes
with the lexicon of its training text (`<model>.lexicon.tsv`, see `lexicon`), and its tags get
passes that retype bracketed Latin glosses (`gloss`), untag place adjectives and retype
organizations tagged as persons (`descriptions`), and tag a name's untagged mentions nearby
(`consistency`). A second model with
the same features, trained without the last sixth of the corpus (models/arabic-crf-v1-heldout),
is what the figures and the test floor are measured with. Models are loaded once per process,
on first use, so importing this module costs nothing. Tagging reads the model's weights
(`crf.CrfWeights`): the same tags as crfsuite's, without building fifty strings per token;
crfsuite itself (`crfsuite_tagger`) trains the models and is the reference the tests compare to.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from dhakira.analysis.ner.bio import tag_spans
from dhakira.analysis.ner.consistency import spread_names
from dhakira.analysis.ner.crf import CrfWeights
from dhakira.analysis.ner.descriptions import drop_descriptions
from dhakira.analysis.ner.gloss import align_glosses
from dhakira.analysis.ner.lexicon import read_lexicon
from dhakira.analysis.ner.tokenize import tokenize
from dhakira.errors import ConfigError

MODEL_NAME = "arabic-crf-v1.crfsuite"
HELDOUT_MODEL_NAME = "arabic-crf-v1-heldout.crfsuite"
# Sentences longer than this are tagged in windows: CRF decoding cost grows with length and
# ANERcorp's longest training sentences are about this long.
MAX_TOKENS = 200
_SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})


def model_path(name: str = MODEL_NAME) -> Path:
    """Where a shipped model file lies inside the installed package."""
    return Path(str(resources.files("dhakira.analysis.ner") / "models" / name))


def lexicon_path(name: str = MODEL_NAME) -> Path:
    """Where the word classes of a model's training text lie (see `lexicon`)."""
    return model_path(name).with_suffix(".lexicon.tsv")


def _missing(path: Path) -> ConfigError:
    return ConfigError(
        f"the Arabic entity model file {path} is missing: reinstall dhakira, or run "
        "scripts/train_arabic_ner.py to rebuild it"
    )


def crfsuite_tagger(name: str = MODEL_NAME) -> pycrfsuite.Tagger:
    """crfsuite's own tagger for a shipped model: the reference `CrfWeights` is checked with."""
    path = model_path(name)
    if not path.is_file():
        raise _missing(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


@lru_cache(maxsize=2)
def _weights(name: str) -> CrfWeights:
    weights = CrfWeights.from_tagger(crfsuite_tagger(name), model_lexicon(name))
    # The weights are millions of objects that live as long as the process: moved out of the
    # garbage collector's reach, so its full passes no longer walk them again and again
    # (about a tenth of the Arabic analysis time went to those passes).
    gc.freeze()
    return weights


@lru_cache(maxsize=2)
def model_lexicon(name: str = MODEL_NAME) -> dict[str, str]:
    """The word classes a shipped model was trained with (read once per process)."""
    path = lexicon_path(name)
    if not path.is_file():
        raise _missing(path)
    return read_lexicon(path.read_text(encoding="utf-8"))


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (B-PERS, I-LOC, O, ...) for one sentence given as a list of tokens."""
    return tag_sentences([tokens])[0]


def tag_sentences(sentences: list[list[str]], model: str = MODEL_NAME) -> list[list[str]]:
    """BIO tags for consecutive sentences of one text, each word seen with its other mentions.

    A Latin gloss in brackets takes the type of the name it follows (`gloss`), a place
    adjective is no name and an organization is no person (`descriptions`), and a name
    tagged in one sentence is also tagged at its untagged mentions nearby (see
    `consistency.spread_names`). `model` names a file in models/; the default is the one
    trained on all the data.
    """
    return tag_with(_weights(model), sentences)


def tag_with(weights: CrfWeights, sentences: list[list[str]]) -> list[list[str]]:
    """`tag_sentences` with a model already loaded (cross-validation trains its own)."""
    pieces: list[list[str]] = []
    owners: list[int] = []
    for number, tokens in enumerate(sentences):
        for start in range(0, len(tokens), MAX_TOKENS):
            pieces.append(tokens[start : start + MAX_TOKENS])
            owners.append(number)
    tagged: list[list[str]] = [[] for _ in sentences]
    for owner, tags in zip(owners, weights.tag(pieces), strict=True):
        tagged[owner].extend(tags)
    glossed = align_glosses(sentences, tagged)
    described = drop_descriptions(sentences, glossed, weights.lexicon)
    return spread_names(sentences, described, weights.lexicon)


def _sentences(tokens: list[tuple[int, int, str]], text: str) -> list[list[tuple[int, int, str]]]:
    """Tokens grouped into sentences at end punctuation and blank lines."""
    groups: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    previous_end = 0
    for token in tokens:
        if current and "\n\n" in text[previous_end : token[0]]:
            groups.append(current)
            current = []
        current.append(token)
        previous_end = token[1]
        if token[2] in _SENTENCE_END:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def recognize(text: str) -> list[tuple[int, int, str]]:
    """Entities in `text` as (start, end, type) character spans, type one of PERS ORG LOC MISC.

    The whole text is tagged at once, so a name found in one paragraph helps find it in another.
    """
    sentences = _sentences(tokenize(text), text)
    tagged = tag_sentences([[token for _, _, token in sentence] for sentence in sentences])
    found: list[tuple[int, int, str]] = []
    for sentence, tags in zip(sentences, tagged, strict=True):
        found.extend(_spans(sentence, tags))
    return found


def _spans(sentence: list[tuple[int, int, str]], tags: list[str]) -> list[tuple[int, int, str]]:
    """Character spans of the names tagged in one sentence of (start, end, token)."""
    names = tag_spans(tags)
    return [(sentence[first][0], sentence[end - 1][1], kind) for first, end, kind in names]

"""Tag with a trained CRF by reading its weights, instead of handing crfsuite feature strings.

A linear-chain CRF scores each label of a token by summing the weights its feature strings have
for that label, adds a weight per pair of consecutive labels, and takes the best path (Viterbi).
Handing crfsuite the strings means building some fifty of them per token in Python, most of them
the same for every occurrence of a word: its own form, stem and affixes, and what it shows the
tokens up to two places away (`features.word_groups`, with its lexicon class from
`context.word_groups`). So `CrfWeights` reads the model's weights once, sums each word's groups
into one score vector per offset the first time it meets the word (a neighbour's feature is the
word's own feature with its offset written first, so each own feature is looked up once for
every offset: `WordHits`), and for every token adds the
vectors of the words around it plus the weights of its remaining strings (`context.document_parts`:
sentence edges, list marks, cue words, word pairs, other occurrences). The feature functions stay
the only description of the features; this module only knows how they are put together
(`features.attach`). The best path is found the way crfsuite finds it (the first label wins a
tie), so the tags are crfsuite's: tests/analysis/ner/test_ner_crf.py checks that on held-out
ANERcorp sentences. pycrfsuite still trains the models.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import chain, repeat
from typing import cast

import numpy as np
import numpy.typing as npt
import pycrfsuite

from dhakira.analysis.ner.context import (
    LEXICON_DISTANCES,
    LEXICON_FAMILY,
    document_parts,
    lexicon_kind,
)
from dhakira.analysis.ner.features import (
    GROUPS,
    PAIR_FAMILIES,
    KnownValues,
    own_features,
    token_facts,
)

Scores = npt.NDArray[np.float64]
Labels = npt.NDArray[np.intp]
# the farthest a word's features reach: a token is scored from the words REACH either side
REACH = max(abs(offset) for offset in (*GROUPS, *LEXICON_DISTANCES))
_DISTANCES_IN_ORDER = range(-REACH, REACH + 1)
MAX_WORDS = 50_000  # words whose score vectors are kept; the store starts afresh when full


class CrfWeights:
    """The weights of one crfsuite model with the lexicon it was trained with, ready to tag."""

    def __init__(
        self,
        labels: list[str],
        state_features: Mapping[tuple[str, str], float],
        transitions: Mapping[tuple[str, str], float],
        lexicon: Mapping[str, str],
    ) -> None:
        self.labels = labels
        self.lexicon = lexicon
        label_ids = {label: number for number, label in enumerate(labels)}
        self.attributes: dict[str, int] = {}
        for attribute, _ in state_features:
            self.attributes.setdefault(attribute, len(self.attributes))
        # one row of weights per attribute, one column per label
        self.by_attribute: Scores = np.zeros((len(self.attributes), len(labels)))
        for (attribute, label), weight in state_features.items():
            self.by_attribute[self.attributes[attribute], label_ids[label]] = weight
        self.transitions: Scores = np.zeros((len(labels), len(labels)))
        for (first, second), weight in transitions.items():
            self.transitions[label_ids[first], label_ids[second]] = weight
        self._words: dict[str, Scores] = {}
        self.known = _known_values(self.attributes)
        self._hits = WordHits.of(self.attributes)

    @classmethod
    def from_tagger(cls, tagger: pycrfsuite.Tagger, lexicon: Mapping[str, str]) -> CrfWeights:
        """The weights of the model an open pycrfsuite tagger holds."""
        info = tagger.info()
        return cls(list(tagger.labels()), info.state_features, info.transitions, lexicon)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """The labels crfsuite gives each token of consecutive sentences of one text, each
        sentence decoded on its own (as `tagger.tag` on its `context.document_features`)."""
        kept = [tokens for tokens in sentences if tokens]
        if not kept:
            return [[] for _ in sentences]
        paths = iter(self._best_paths(self.scores(kept), [len(tokens) for tokens in kept]))
        return [[self.labels[n] for n in next(paths)] if tokens else [] for tokens in sentences]

    def scores(self, sentences: list[list[str]]) -> Scores:
        """Per token of all the sentences in a row, the score of each label."""
        parts = document_parts(sentences, [self.lexicon] * len(sentences), self.known)
        words = self._words_of(sentences)
        sentence_of = np.repeat(np.arange(len(sentences)), [len(t) for t in sentences])
        scores: Scores = words[:, REACH].copy()
        size = len(scores)
        for distance in range(1, REACH + 1):
            # a token takes group d of the word d places after it (d = ±distance)
            same = sentence_of[distance:] == sentence_of[:-distance]
            scores[: size - distance][same] += words[distance:, REACH + distance][same]
            scores[distance:][same] += words[: size - distance, REACH - distance][same]
        rows = [extras for sentence in parts.extras for extras in sentence]
        names = list(chain.from_iterable(rows))
        return scores + self._sum_rows(names, list(map(len, rows)), size)

    def _sum_rows(self, names: list[str], counts: list[int], size: int) -> Scores:
        """A table of `size` rows, row r the summed weights of the next counts[r] `names`
        (names the model does not know weigh nothing, as in crfsuite)."""
        columns = np.fromiter(
            map(self.attributes.get, names, repeat(-1)), dtype=np.intp, count=len(names)
        )
        rows = np.repeat(np.arange(size), counts)
        known = columns >= 0
        return self._sum_columns(columns[known], rows[known], size)

    def _sum_columns(self, columns: Labels, rows: Labels, size: int) -> Scores:
        """A table of `size` rows, row r the summed weights of the attributes `columns[i]`
        whose rows[i] is r, added in the order given."""
        # one bincount for all labels: bin r * labels + l sums row r's weights for label l,
        # in the order given (the order crfsuite's sums are checked against)
        labels = self.by_attribute.shape[1]
        bins = (rows * labels)[:, None] + np.arange(labels)
        weights = self.by_attribute[columns].ravel()
        # with weights, bincount sums floats (its stubs say integers)
        sums = cast(Scores, np.bincount(bins.ravel(), weights=weights, minlength=size * labels))
        return sums.reshape(size, labels)

    def _words_of(self, sentences: list[list[str]]) -> Scores:
        """Per token, the scores its word gives the token d places before it (one row per d
        from -REACH to REACH); words met for the first time are weighed together. The store
        is only read with .get, so a thread that empties it cannot break another's call."""
        known = self._words
        tokens = [token for sentence in sentences for token in sentence]
        rows = [known.get(token) for token in tokens]
        new = list(dict.fromkeys(t for t, row in zip(tokens, rows, strict=True) if row is None))
        weighed = dict(zip(new, self._weigh(new), strict=True)) if new else {}
        if len(known) + len(new) > MAX_WORDS:
            known.clear()
        known.update(weighed)
        pairs = zip(tokens, rows, strict=True)
        found = [weighed[token] if row is None else row for token, row in pairs]
        # one concatenation of the (offsets, labels) rows: twice as fast as np.stack
        return np.concatenate(found).reshape(len(found), *found[0].shape)

    def _weigh(self, words: list[str]) -> Scores:
        """The score rows of some words: per word and distance d, the summed weights of the
        features `context.word_groups` gives it at d. Each of the word's own features names
        the same family and value at every distance ("w=سوريا" is also "-1:w=سوريا" to the
        token after it), so its weights at all distances are found with one look-up
        (`WordHits`) instead of one string per distance."""
        hits = self._hits
        names: list[str] = []
        counts: list[int] = []
        for word in words:
            fact = token_facts(word)
            own = own_features(fact)
            kind = lexicon_kind(fact, self.lexicon)
            if kind:
                own.append(f"{LEXICON_FAMILY}={kind}")
            names.extend(own)
            counts.append(len(own))
        span = len(_DISTANCES_IN_ORDER)
        entries = np.fromiter(map(hits.entries.get, names, repeat(-1)), np.intp, len(names))
        owners = np.repeat(np.arange(len(words)) * span, counts)
        known = entries >= 0
        entries, owners = entries[known], owners[known]
        # every entry's hits in a row, in the order of the names (and so of crfsuite's sums)
        lengths = hits.lengths[entries]
        firsts = np.cumsum(lengths) - lengths
        places = np.repeat(hits.starts[entries] - firsts, lengths) + np.arange(lengths.sum())
        bins = np.repeat(owners, lengths) + hits.slots[places]
        table = self._sum_columns(hits.columns[places], bins, len(words) * span)
        return table.reshape(len(words), span, len(self.labels))

    def _best_paths(self, scores: Scores, lengths: list[int]) -> list[list[int]]:
        """Viterbi over all sentences at once, breaking ties as crfsuite does (lowest label).

        Sentences are taken longest first, so the ones still running at a step are a prefix."""
        order = sorted(range(len(lengths)), key=lambda number: -lengths[number])
        sizes = [lengths[number] for number in order]
        longest, labels = sizes[0], len(self.labels)
        # running[t]: how many sentences are longer than t tokens (running[longest] = 0)
        running = np.searchsorted(-np.array(sizes), -np.arange(longest + 1), side="left")
        table = self._by_step(scores, lengths, order)
        alphas = np.empty((longest, len(sizes), labels))
        alphas[0] = table[0]
        back = np.zeros((longest, len(sizes), labels), dtype=np.intp)
        candidates = np.empty((len(sizes), labels, labels))
        for step in range(1, longest):
            active = running[step]
            here = candidates[:active]
            np.add(alphas[step - 1, :active, :, None], self.transitions, out=here)
            here.argmax(axis=1, out=back[step, :active])
            here.max(axis=1, out=alphas[step, :active])
            alphas[step, :active] += table[step, :active]
        ends = alphas[np.array(sizes) - 1, np.arange(len(sizes))].argmax(axis=1)
        path = _backtrack(back, ends, running)
        found: list[list[int]] = [[] for _ in lengths]
        for column, number in enumerate(order):
            found[number] = path[: lengths[number], column].tolist()
        return found

    @staticmethod
    def _by_step(scores: Scores, lengths: list[int], order: list[int]) -> Scores:
        """The scores laid out as [position in sentence, sentence (in `order`), label]."""
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        table = np.zeros((max(lengths), len(lengths), scores.shape[1]))
        for column, number in enumerate(order):
            table[: lengths[number], column] = scores[
                starts[number] : starts[number] + lengths[number]
            ]
        return table


@dataclass(frozen=True)
class WordHits:
    """Where a word's own features weigh: for own feature number e (`entries`, by its string
    at d = 0), its hits are slots[starts[e]:starts[e] + lengths[e]] (d + REACH of each
    distance the model has a weight for the family and value at) with the attribute number
    of each in `columns`."""

    entries: dict[str, int]
    starts: Labels
    lengths: Labels
    slots: Labels
    columns: Labels

    @classmethod
    def of(cls, attributes: Mapping[str, int]) -> WordHits:
        """The hits of every word feature among a model's attributes."""
        found: dict[str, list[tuple[int, int]]] = {}
        for name, column in attributes.items():
            parsed = _word_feature(name)
            if parsed is not None:
                offset, own = parsed
                found.setdefault(own, []).append((offset + REACH, column))
        entries = {own: number for number, own in enumerate(found)}
        lengths = np.fromiter(map(len, found.values()), np.intp, len(found))
        pairs = np.array([pair for row in found.values() for pair in row], dtype=np.intp)
        starts = np.cumsum(lengths) - lengths
        return cls(entries, starts, lengths, pairs[:, 0].copy(), pairs[:, 1].copy())


def _word_feature(name: str) -> tuple[int, str] | None:
    """(d, the feature as the word's own) for a feature a word shows at distance d
    (`features.GROUPS`, and its lexicon class): "-1:w=سوريا" gives (-1, "w=سوريا"); None for
    the features a token gets otherwise (pairs, list marks, other occurrences...)."""
    head, equals, value = name.partition("=")
    if not equals:
        return None
    offset_text, _, family = head.rpartition(":")
    try:
        offset = int(offset_text) if offset_text else 0
    except ValueError:
        return None
    if family == LEXICON_FAMILY:
        shown = offset in LEXICON_DISTANCES
    else:
        shown = offset == 0 or family in GROUPS.get(offset, ())
    return (offset, f"{family}={value}") if shown else None


def _known_values(attributes: Mapping[str, int]) -> KnownValues:
    """The pairs and other-occurrence neighbours a model has weights for (`KnownValues`)."""
    return KnownValues(
        tuple(_pairs(attributes, family) for family in PAIR_FAMILIES),
        {offset: _neighbours(attributes, f"o{offset}=") for offset in (-1, 1)},
    )


def _pairs(attributes: Mapping[str, int], family: str) -> dict[str, frozenset[str]]:
    """Left word → the right words (or shapes) a model has pairs of one family of
    (features.PAIR_FAMILIES) for: "-1w|w=a|b" gives "a" → {"b"}. A word may hold "|" itself,
    so every cut at a "|" counts: a few pairs too many, none missing."""
    found: dict[str, set[str]] = {}
    for name in attributes:
        if name.startswith(family):
            pair = name[len(family) :]
            for cut, char in enumerate(pair):
                if char == "|":
                    found.setdefault(pair[:cut], set()).add(pair[cut + 1 :])
    return {left: frozenset(rights) for left, rights in found.items()}


def _neighbours(attributes: Mapping[str, int], prefix: str) -> frozenset[str]:
    """The words a model weighs in the features that begin with `prefix` ("o-1=")."""
    return frozenset(name[len(prefix) :] for name in attributes if name.startswith(prefix))


def _backtrack(back: Labels, ends: Labels, running: Labels) -> Labels:
    """The best labels [position, sentence], read back from each sentence's best last label
    (`ends`) through the best previous label of each (`back`)."""
    longest, count = back.shape[0], back.shape[1]
    path = np.zeros((longest, count), dtype=np.intp)
    current = np.zeros(count, dtype=np.intp)
    columns = np.arange(count)
    for step in range(longest - 1, -1, -1):
        active = running[step]
        ending = slice(running[step + 1], active)  # sentences whose last token is here
        current[ending] = ends[ending]
        path[step, :active] = current[:active]
        current[:active] = back[step, columns[:active], current[:active]]
    return path

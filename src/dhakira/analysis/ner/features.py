"""Turn a sentence of Arabic tokens into the feature strings the CRF model reads.

Each token is described by its normalized form, its light stem (clitics off), the conjunction,
preposition and article it carries, its first and last one to four letters, its shape (Arabic,
Latin, digits, punctuation, length), its place in the sentence, list memberships (names,
places, organizations, cue words for persons, places, organizations and events), whether it
stands in a short quoted or bracketed run (titles and many organizations are written so), and
the same facts about its neighbours, fewer for those two tokens away. (Letter trigrams and the
full form of the words two away were dropped: on a validation slice of the training text the
model without them scored higher, and it tags faster.)
Training and tagging both reach this through `context.document_features`, so they cannot drift.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from dhakira.analysis.ner.gazetteer import (
    MISC_CUES,
    ORG_CUES,
    PERSON_CUES,
    PLACE_CUES,
    phrase_marks,
    strip_clitics,
)
from dhakira.analysis.ner.tokenize import is_arabic_word, is_latin_word
from dhakira.text.normalize import normalize_arabic, stem

_PROCLITICS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
NEAR = (-2, -1, 1, 2)
_CUES = (("PERS", PERSON_CUES), ("ORG", ORG_CUES), ("LOC", PLACE_CUES), ("MISC", MISC_CUES))
_QUOTE_PAIRS = {'"': '"', "«": "»", "»": "«", "“": "”", "(": ")", "[": "]"}
MAX_QUOTED = 8  # tokens a quoted or bracketed run may hold and still be read as one name
_PADS = tuple(f"{offset}:pad" for offset in NEAR)
# word pairs: the family, the left word, "|", then the right word or shape ("-1w|w=قال|إن")
PAIR_FAMILIES = ("-1w|w=", "-1w|sh=", "w|+1w=")
_WORD_WORD, _WORD_SHAPE, _WORD_NEXT = PAIR_FAMILIES
WORD_SHAPES = frozenset({"AR", "LC", "LL", "LU"})  # shapes of words (not digits, not signs)


class TokenFacts(NamedTuple):
    """What is known about one token on its own, before neighbours are considered (a named
    tuple: one is made for every new word, three times faster than a frozen dataclass)."""

    norm: str
    light: str
    stem: str
    shape: str
    clitics: str  # "conjunction|preposition|article" the word begins with ("||" for none)
    cues: tuple[str, ...]  # the cue types the word is ("PERS", "ORG", "LOC", "MISC")
    cue_sides: tuple[tuple[str, ...], tuple[str, ...]]  # cue features as a left/right neighbour


def _shape(token: str) -> str:
    if is_arabic_word(token):
        return "AR" if token.isalpha() or not any(ch.isdigit() for ch in token) else "ARD"
    if is_latin_word(token):
        if token.isupper() and len(token) > 1:
            return "LU"
        return "LC" if token[0].isupper() else "LL"
    if any(ch.isdigit() for ch in token):
        return "D" if all(ch.isdigit() for ch in token) else "DP"
    return "P" + token[:1] if len(token) == 1 else "SYM"


def _clitics(norm: str) -> tuple[str, str, str]:
    """(conjunction, preposition, article) the word begins with, each "" when absent."""
    rest = norm
    conj = prep = article = ""
    if len(rest) > 3 and rest.startswith(_PROCLITICS):
        conj, rest = rest[0], rest[1:]
    if rest.startswith("لل") and len(rest) > 4:
        return conj, "ل", "ال"
    if len(rest) > 3 and rest.startswith(_PREPOSITIONS):
        prep, rest = rest[0], rest[1:]
    if rest.startswith("ال") and len(rest) > 3:
        article = "ال"
    return conj, prep, article


@lru_cache(maxsize=100_000)
def token_facts(token: str) -> TokenFacts:
    """The facts of a token that do not depend on its neighbours (cached: tokens repeat)."""
    norm = normalize_arabic(token).lower()
    light = strip_clitics(norm)
    shape = _shape(token)
    word_stem = stem(norm) if shape in WORD_SHAPES else norm
    cues = tuple(kind for kind, words in _CUES if norm in words or light in words)
    clitics = "|".join(_clitics(norm))
    return TokenFacts(norm, light, word_stem, shape, clitics, cues, _cue_sides(cues))


def own_features(fact: TokenFacts) -> list[str]:
    """The features a word has itself, each written family "=" value: "w=" its normalized
    form, "l=" its light form, "sh=" its shape, "len=" its length, "p1=".."p4=" and
    "s1=".."s4=" the light form's first and the form's last letters, "np2=" the form's first
    two, "cl=" its clitics, "st=" its stem, "cue=" each cue type it is (the neighbours see
    some of these families: `GROUPS`)."""
    norm, light = fact.norm, fact.light
    own = [
        "w=" + norm,
        "l=" + light,
        "sh=" + fact.shape,
        _LENGTHS[min(len(light), 8)],
        "p1=" + light[:1],
        "p2=" + light[:2],
        "p3=" + light[:3],
        "s1=" + norm[-1:],
        "s2=" + norm[-2:],
        "s3=" + norm[-3:],
        "np2=" + norm[:2],
        "cl=" + fact.clitics,
    ]
    if fact.shape in WORD_SHAPES and len(light) > 3:
        own.append("p4=" + light[:4])
        own.append("s4=" + norm[-4:])
    own.append("st=" + fact.stem)
    if fact.cues:
        own.extend(["cue=" + kind for kind in fact.cues])
    return own


_LENGTHS = tuple(f"len={length}" for length in range(9))
_NEXT_TO = ("w", "l", "sh", "st", "s2", "cue")
_TWO_AWAY = ("l", "sh")
# The families of its own features (`own_features`, the part before "=") a word shows the
# token d places before it, per d of NEAR, in the order they are written: more to its
# neighbours next to it, fewer two tokens away. A neighbour's feature is written with its
# offset first: "-1:w=...".
GROUPS = {offset: _NEXT_TO if abs(offset) == 1 else _TWO_AWAY for offset in NEAR}
FEATURE_PREFIXES = {offset: f"{offset}:" if offset else "" for offset in (0, *GROUPS)}


@lru_cache(maxsize=64)
def _cue_sides(cues: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cue features a word gives the tokens after and before it (few distinct: cached)."""
    return tuple(f"cwL={kind}" for kind in cues), tuple(f"cwR={kind}" for kind in cues)


def sentence_features(tokens: list[str], marks: list[list[str]] | None = None) -> list[list[str]]:
    """The feature strings of every token of one sentence, in order.

    `marks` are the sentence's `phrase_marks` when the caller already has them.
    """
    facts = [token_facts(token) for token in tokens]
    if marks is None:
        marks = phrase_marks([fact.light for fact in facts])
    return attach([word_groups(fact) for fact in facts], sentence_extras(facts, marks))


def word_groups(fact: TokenFacts) -> dict[int, tuple[str, ...]]:
    """What a word tells the token `d` places before it, per d: its own features at d = 0,
    what a neighbour sees of it at each of NEAR's offsets (`GROUPS`), as feature strings.

    These depend on the word alone, so a tagger can weigh them once per word (see `crf`).
    """
    own = own_features(fact)
    by_family: dict[str, list[str]] = {}
    for name in own:
        by_family.setdefault(name.partition("=")[0], []).append(name)
    groups = {0: tuple(own)}
    for offset, families in GROUPS.items():
        prefix = FEATURE_PREFIXES[offset]
        groups[offset] = tuple(
            prefix + name for family in families for name in by_family.get(family, ())
        )
    return groups


def attach(groups: list[dict[int, tuple[str, ...]]], extras: list[list[str]]) -> list[list[str]]:
    """Feature rows of a sentence: each token gets group d of the word d places after it (its
    own at d = 0, its neighbours' for other d), then its `extras`."""
    size = len(groups)
    reach = max((abs(d) for row in groups for d in row), default=0)
    rows: list[list[str]] = []
    for index in range(size):
        row: list[str] = []
        for other in range(max(0, index - reach), min(size, index + reach + 1)):
            row.extend(groups[other].get(other - index, ()))
        row.extend(extras[index])
        rows.append(row)
    return rows


@dataclass(frozen=True)
class KnownValues:
    """What a tagger's model has weights for among the features built token by token from
    two words (a pair, a word and its neighbour at another occurrence): most such strings
    name a combination the model never weighed, so building and looking them up is wasted.

    `pairs`, per family of PAIR_FAMILIES, maps a left word to the right words (or shapes) the
    model has pairs of it with; `neighbours` holds, for "o-1=" and "o1=" (`context`), the
    words it has weights for. Supersets do no harm (a string the model does not know weighs
    nothing); training passes no KnownValues and gets every feature."""

    pairs: tuple[Mapping[str, Container[str]], ...]
    neighbours: Mapping[int, Container[str]]


def sentence_extras(
    facts: list[TokenFacts],
    marks: list[list[str]],
    known: KnownValues | None = None,
) -> list[list[str]]:
    """Per token, the features that are not a word's own (`word_groups`): the bias, sentence
    edges and pads, list marks of the token and its neighbours, cue words nearby, word pairs,
    place in a quoted run.

    Built feature by feature over the sentence, so the rare ones (marks, cues, pads) cost
    nothing where they are absent. With `known`, only the pairs a tagger's model has
    weights for are built (most pairs weigh nothing; training leaves it None and gets every
    pair)."""
    size = len(facts)
    extras: list[list[str]] = [["bias"] for _ in facts]
    if not size:
        return extras
    extras[0].append("BOS")
    extras[-1].append("EOS")
    for slot, offset in enumerate(NEAR):
        edge = range(min(size, -offset)) if offset < 0 else range(max(0, size - offset), size)
        for index in edge:  # the neighbour would fall outside the sentence
            extras[index].append(_PADS[slot])
    for index in [number for number, row in enumerate(marks) if row]:
        row = marks[index]
        extras[index].extend([f"g={mark}" for mark in row])
        if index + 1 < size:
            extras[index + 1].extend([f"-1:g={mark}" for mark in row])
        if index > 0:
            extras[index - 1].extend([f"1:g={mark}" for mark in row])
    for index, mark in _quoted([fact.norm for fact in facts]):
        extras[index].append(mark)
    cued = [index for index, fact in enumerate(facts) if fact.cues]
    near_cues = sorted({i for c in cued for i in range(max(0, c - 3), min(size, c + 4))})
    for index in near_cues:
        extras[index].extend(_cue_window(facts, cued, index))
    every = known is None  # training: every pair
    word_word, word_shape, word_next = known.pairs if known else ({}, {}, {})
    for index in range(1, size):
        before, fact = facts[index - 1], facts[index]
        left, right = before.light, fact.light
        if every or right in word_word.get(left, ()):
            extras[index].append(_WORD_WORD + left + "|" + right)
        if every or fact.shape in word_shape.get(left, ()):
            extras[index].append(_WORD_SHAPE + left + "|" + fact.shape)
        if every or right in word_next.get(left, ()):
            extras[index - 1].append(_WORD_NEXT + left + "|" + right)
    return extras


def quote_marks(tokens: list[str]) -> list[str]:
    """Per token, where it stands in a short quoted or bracketed run ("" outside one).

    Titles of books and films, and many organizations, are written in quotes or brackets
    («أولاد حارتنا», "( الراية )"), so being the whole of a short quoted run is a hint of a name.
    A run counts when it closes within MAX_QUOTED tokens; the marks say quote or bracket, and
    first/inside/last/single position.
    """
    marks = [""] * len(tokens)
    for index, mark in _quoted(tokens):
        marks[index] = mark
    return marks


def _quoted(tokens: list[str]) -> list[tuple[int, str]]:
    """The (position, mark) of `quote_marks` that are not "", found from the opening marks
    alone (most sentences have none)."""
    found: list[tuple[int, str]] = []
    after = 0  # where the last run found ends: runs do not nest
    for index in [number for number, token in enumerate(tokens) if token in _QUOTE_PAIRS]:
        if index < after:
            continue
        closer = _QUOTE_PAIRS[tokens[index]]
        limit = min(len(tokens), index + MAX_QUOTED + 2)
        end = next((j for j in range(index + 1, limit) if tokens[j] == closer), -1)
        if end <= index + 1:
            continue
        kind = "br" if tokens[index] in "([" else "q"
        inner = range(index + 1, end)
        for position in inner:
            place = "S" if len(inner) == 1 else "B" if position == index + 1 else "I"
            found.append(
                (position, f"{kind}={'E' if place == 'I' and position == end - 1 else place}")
            )
        after = end + 1
    return found


def _cue_window(facts: list[TokenFacts], cued: list[int], index: int) -> list[str]:
    """Cue words up to three tokens before or after: "وزير خارجية فرنسا ميشيل" still cues.

    `cued` lists the positions of the sentence's cue words, so a sentence without any costs
    nothing. Sorted, so features come in the same order in every process (a set's order
    changes with the interpreter's hash seed, and with it training and the last bits of a
    score)."""
    found: set[str] = set()
    for other in cued:
        if other != index and abs(other - index) <= 3:
            found.update(facts[other].cue_sides[0 if other < index else 1])
    return sorted(found)

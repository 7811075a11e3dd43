"""Features a token gets from the other places its word appears in the same document.

News names a person in full once ("اللاعب الكاميروني صامويل إيتو") and then bare ("إيتو"); a
model that sees one sentence at a time cannot tell that the bare word is a name. So each word
also carries the neighbours it has at its other occurrences within a window of sentences: the
words before and after it there, and the list memberships and cue words next to it. Training
and tagging both build features through `document_features`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dhakira.analysis.ner.features import (
    FEATURE_PREFIXES,
    WORD_SHAPES,
    KnownValues,
    TokenFacts,
    attach,
    sentence_extras,
    token_facts,
)
from dhakira.analysis.ner.features import word_groups as sentence_word_groups
from dhakira.analysis.ner.gazetteer import phrase_marks
from dhakira.analysis.ner.lexicon import phrase_kinds

WINDOW = 30  # sentences either side that count as the same document
MAX_OCCURRENCES = 12  # a word seen more often than this nearby is a common word: no features


def document_features(
    sentences: list[list[str]], lexicons: Sequence[Mapping[str, str]] | None = None
) -> list[list[list[str]]]:
    """Feature strings for every token of consecutive sentences of one text, in order.

    `lexicons` gives, per sentence, the word classes of the training text (see `lexicon`);
    without it the lexicon features are left out.
    """
    parts = document_parts(sentences, lexicons)
    each: Sequence[Mapping[str, str] | None] = lexicons or [None] * len(sentences)
    return [
        attach([word_groups(fact, lexicon) for fact in facts], extras)
        for facts, extras, lexicon in zip(parts.facts, parts.extras, each, strict=True)
    ]


@dataclass(frozen=True)
class DocumentParts:
    """The features of a text split the way `attach` puts them together: per sentence, the
    facts of each word (whose `word_groups` a tagger may weigh once per word) and each
    token's other features."""

    facts: list[list[TokenFacts]]
    extras: list[list[list[str]]]


def word_groups(fact: TokenFacts, lexicon: Mapping[str, str] | None) -> dict[int, tuple[str, ...]]:
    """`features.word_groups` with the word's lexicon class added (as itself at d = 0, as a
    neighbour at d = -1 and 1); `lexicon` None leaves the class out."""
    groups = sentence_word_groups(fact)
    if lexicon is not None:
        for offset, names in lexicon_groups(lexicon_kind(fact, lexicon)):
            groups[offset] = groups.get(offset, ()) + names
    return groups


def lexicon_kind(fact: TokenFacts, lexicon: Mapping[str, str]) -> str:
    """The word's class in the training text ("none" when never seen); "" for a non-word."""
    return lexicon.get(fact.light, "none") if fact.shape in WORD_SHAPES else ""


# the word's lexicon class is a feature family of its own, seen at these distances
LEXICON_FAMILY = "lex"
LEXICON_DISTANCES = (0, -1, 1)


@lru_cache(maxsize=32)
def lexicon_groups(kind: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """A word's lexicon class as its own feature (d = 0) and as its neighbours see it (d = -1
    and 1), as (d, features) in the groups of `word_groups`; nothing for a non-word. Cached:
    a lexicon has a handful of classes."""
    if not kind:
        return ()
    return tuple(
        (offset, (f"{FEATURE_PREFIXES[offset]}{LEXICON_FAMILY}={kind}",))
        for offset in LEXICON_DISTANCES
    )


def document_parts(
    sentences: list[list[str]],
    lexicons: Sequence[Mapping[str, str]] | None = None,
    known: KnownValues | None = None,
) -> DocumentParts:
    """Facts and extra features (sentence extras, other occurrences, lexicon phrases) of every
    token of consecutive sentences of one text; with `known` (a tagger's), only the pairs and
    the neighbours at other occurrences its model has weights for."""
    facts = [[token_facts(token) for token in tokens] for tokens in sentences]
    lights = [[fact.light for fact in row] for row in facts]
    marks = [phrase_marks(keys) for keys in lights]
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s, row in enumerate(facts):
        for i, fact in enumerate(row):
            if fact.shape in WORD_SHAPES and len(fact.light) >= 3:
                where[fact.light].append((s, i))
    extras = [
        sentence_extras(row, row_marks, known) for row, row_marks in zip(facts, marks, strict=True)
    ]
    clues: dict[tuple[int, int], tuple[str, ...]] = {}
    for occurrences in where.values():
        if len(occurrences) < 2:  # a word met once has no other occurrences to learn from
            continue
        if _one_window(occurrences):
            _add_all_others(occurrences, facts, marks, extras, known)
            continue
        for s, i in occurrences:
            extras[s][i].extend(_from_others(occurrences, s, i, facts, marks, clues, known))
    if lexicons is not None:
        for rows, keys, lexicon in zip(extras, lights, lexicons, strict=True):
            _add_phrases(rows, keys, lexicon)
    return DocumentParts(facts, extras)


def _clues(
    row: list[TokenFacts], marks: list[list[str]], index: int, known: KnownValues | None
) -> tuple[str, ...]:
    """What one occurrence says about its word: its neighbours (those `known` holds, when
    given) and their cues and list marks."""
    found: list[str] = []
    for offset in (-1, 1):
        other = index + offset
        if not 0 <= other < len(row):
            continue
        neighbour = row[other].light
        if known is None or neighbour in known.neighbours[offset]:
            found.append(f"o{offset}={neighbour}")
        if row[other].cues:
            found.extend([f"o{offset}cue={kind}" for kind in row[other].cues])
        if marks[other]:
            found.extend([f"o{offset}g={mark}" for mark in marks[other]])
    if marks[index]:
        found.extend([f"og={mark}" for mark in marks[index]])
    return tuple(found)


def _one_window(occurrences: list[tuple[int, int]]) -> bool:
    """True when each occurrence sees all the others (none of them too far, not too many)."""
    return (
        len(occurrences) <= MAX_OCCURRENCES + 1 and occurrences[-1][0] - occurrences[0][0] <= WINDOW
    )


def _add_all_others(
    occurrences: list[tuple[int, int]],
    facts: list[list[TokenFacts]],
    marks: list[list[list[str]]],
    extras: list[list[list[str]]],
    known: KnownValues | None,
) -> None:
    """`_from_others` for a word whose occurrences lie within one window (the common case):
    each occurrence gets the clues of all the others, with no window to look up."""
    found = [_clues(facts[s], marks[s], i, known) for s, i in occurrences]
    for number, (s, i) in enumerate(occurrences):
        seen: set[str] = set()
        for other, clues in enumerate(found):
            if other != number:
                seen.update(clues)
        extras[s][i].extend(["o:seen", *sorted(seen)])


def _from_others(
    occurrences: list[tuple[int, int]],
    s: int,
    i: int,
    facts: list[list[TokenFacts]],
    marks: list[list[list[str]]],
    clues: dict[tuple[int, int], tuple[str, ...]],
    known: KnownValues | None,
) -> list[str]:
    """Clues from the word's other occurrences within the window (found by bisection, since
    occurrences are in text order; a common word's long list is never walked). `clues` keeps
    each occurrence's clues once worked out."""
    low = bisect_left(occurrences, (s - WINDOW, -1))
    high = bisect_right(occurrences, (s + WINDOW, 1 << 30))
    if high - low <= 1 or high - low > MAX_OCCURRENCES + 1:
        return []
    seen: set[str] = set()
    for place in occurrences[low:high]:
        if place != (s, i):
            found = clues.get(place)
            if found is None:
                found = clues[place] = _clues(facts[place[0]], marks[place[0]], place[1], known)
            seen.update(found)
    return ["o:seen", *sorted(seen)]


def _add_phrases(rows: list[list[str]], keys: list[str], lexicon: Mapping[str, str]) -> None:
    """Marks of the tokens that lie in a name of several words the training text tagged
    (`keys`: the tokens' light forms)."""
    phrases = phrase_kinds(keys, lexicon)
    for index in [number for number, phrase in enumerate(phrases) if phrase]:
        rows[index].append(f"plex={phrases[index]}")

"""Turn a sentence of Arabic tokens into the feature strings the CRF model reads.

Each token is described by its normalized form, its light stem (clitics off), the conjunction,
preposition and article it carries, its first and last one to four letters and its letter
trigrams (transliterated foreign names have telltale spellings), its shape (Arabic, Latin,
digits, punctuation, length), its place in the sentence, list memberships (names, places,
organizations, cue words) and the same facts about its neighbours two tokens either side.
Training and tagging both reach this through `context.document_features`, so they cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dhakira.analysis.ner.gazetteer import (
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


@dataclass(frozen=True)
class TokenFacts:
    """What is known about one token on its own, before neighbours are considered."""

    norm: str
    light: str
    stem: str
    shape: str
    own: tuple[str, ...]
    cues: tuple[str, ...]  # the cue types among `own` ("PERS", "ORG", "LOC")


def _shape(token: str) -> str:
    if is_arabic_word(token):
        return "AR" if not any(ch.isdigit() for ch in token) else "ARD"
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
    """The features of a token that do not depend on its neighbours (cached: tokens repeat)."""
    norm = normalize_arabic(token).lower()
    light = strip_clitics(norm)
    shape = _shape(token)
    conj, prep, article = _clitics(norm)
    own = [
        f"w={norm}",
        f"l={light}",
        f"sh={shape}",
        f"len={min(len(light), 8)}",
        f"p1={light[:1]}",
        f"p2={light[:2]}",
        f"p3={light[:3]}",
        f"s1={norm[-1:]}",
        f"s2={norm[-2:]}",
        f"s3={norm[-3:]}",
        f"np2={norm[:2]}",
        f"cl={conj}|{prep}|{article}",
    ]
    if shape in ("AR", "LC", "LL", "LU") and len(light) > 3:
        own.append(f"p4={light[:4]}")
        own.append(f"s4={norm[-4:]}")
        padded = f"^{light}$"
        own.extend(f"c3={padded[i : i + 3]}" for i in range(len(padded) - 2))
    word_stem = stem(norm) if shape in ("AR", "LC", "LL", "LU") else norm
    own.append(f"st={word_stem}")
    if norm in PERSON_CUES or light in PERSON_CUES:
        own.append("cue=PERS")
    if norm in ORG_CUES or light in ORG_CUES:
        own.append("cue=ORG")
    if norm in PLACE_CUES or light in PLACE_CUES:
        own.append("cue=LOC")
    cues = tuple(item[4:] for item in own if item.startswith("cue="))
    return TokenFacts(norm, light, word_stem, shape, tuple(own), cues)


def sentence_features(tokens: list[str], marks: list[list[str]] | None = None) -> list[list[str]]:
    """The feature strings of every token of one sentence, in order.

    `marks` are the sentence's `phrase_marks` when the caller already has them.
    """
    facts = [token_facts(token) for token in tokens]
    if marks is None:
        marks = phrase_marks([fact.light for fact in facts])
    size = len(tokens)
    features: list[list[str]] = []
    for index, fact in enumerate(facts):
        row = ["bias", *fact.own, *(f"g={mark}" for mark in marks[index])]
        if index == 0:
            row.append("BOS")
        if index == size - 1:
            row.append("EOS")
        for offset in (-2, -1, 1, 2):
            other = index + offset
            if 0 <= other < size:
                row.extend(_neighbour(facts[other], marks[other], offset))
            else:
                row.append(f"{offset}:pad")
        row.extend(_cue_window(facts, index))
        if index > 0:
            row.append(f"-1w|w={facts[index - 1].light}|{fact.light}")
            row.append(f"-1w|sh={facts[index - 1].light}|{fact.shape}")
        if index + 1 < size:
            row.append(f"w|+1w={fact.light}|{facts[index + 1].light}")
        features.append(row)
    return features


def _neighbour(fact: TokenFacts, marks: list[str], offset: int) -> list[str]:
    row = [
        f"{offset}:w={fact.norm}",
        f"{offset}:l={fact.light}",
        f"{offset}:sh={fact.shape}",
    ]
    if abs(offset) == 1:
        row.append(f"{offset}:st={fact.stem}")
        row.append(f"{offset}:s2={fact.norm[-2:]}")
        row.extend(f"{offset}:cue={kind}" for kind in fact.cues)
        row.extend(f"{offset}:g={mark}" for mark in marks)
    return row


def _cue_window(facts: list[TokenFacts], index: int) -> set[str]:
    """Cue words up to three tokens before or after: "وزير خارجية فرنسا ميشيل" still cues."""
    found: set[str] = set()
    for offset in (-3, -2, -1, 1, 2, 3):
        other = index + offset
        if 0 <= other < len(facts):
            side = "L" if offset < 0 else "R"
            found.update(f"cw{side}={kind}" for kind in facts[other].cues)
    return found

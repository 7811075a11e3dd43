"""Words of a text as comparable keys, so names match across spelling, case and script.

Entity names are looked up word by word: "Bashar Al-Assad", "Bashar al Assad" and
"bashar el-Assad" must become the same key, and "صيدنايا" must meet "صيدنايا" written with a
hamza or vowel marks. `tokenize` yields every word with its offsets into the original text and
a normalized key (Latin: casefolded, accents, apostrophes and hyphens gone; Arabic: folded by
`normalize_arabic`); the Arabic definite-article prefixes written with a hyphen in Latin
transliteration ("al-", "el-", "ash-"...) are marked so the matcher can step over them.
`skeleton` gives the consonant outline that transliteration variants share ("Saydnaya",
"Sednaya" and "Saidnaya" all give "sdn"), used only to pick candidates for fuzzy comparison.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from dhakira.text.normalize import normalize_arabic

_MARK_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640"
_APOSTROPHES = "'’ʼʿʾ`"
# a word, with marks written inside it and apostrophes between letters ("Dar'a", "Amnesty’s")
_WORD = re.compile(f"[\\w{_MARK_CHARS}]+(?:[{_APOSTROPHES}][\\w{_MARK_CHARS}]+)*")
_ARABIC = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# Arabic article as it appears in Latin transliteration; "as", "at", "an" count only with a hyphen
_ARTICLES_ALWAYS = frozenset({"al", "el"})
_ARTICLES_HYPHEN = frozenset({"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ul", "es"})
_HYPHENS = "-‐‑–"
# what may stand between two words of one name: "Bashar al-Assad", "International, Impartial"
_GLUE = re.compile(r"[ \t\u00a0,\-‐‑–]*\n?[ \t\u00a0]*")
_GLUE_CHARS = frozenset(" \t\u00a0,-‐‑–\n")  # each one alone is a gap _GLUE allows
_LATIN_VOWELS = str.maketrans("", "", "aeiouyhw")
_ARABIC_VOWELS = str.maketrans("", "", "اويىءئؤه")


class Token(NamedTuple):
    """One word: its span in the text, its surface form and its comparison key."""

    start: int
    end: int
    surface: str
    key: str
    article: bool = False
    possessive: bool = False  # written with "’s": a name cannot run on past it
    arabic: bool = False
    glued: bool = False  # only spaces, hyphens, commas or one line break since the last word

    @property
    def capitalized(self) -> bool:
        return self.surface[:1].isupper()

    @property
    def upper(self) -> bool:
        return self.surface.isupper() and len(self.surface) > 1


# builds a Token from a tuple of its fields without NamedTuple's Python-level __new__ (hot path)
_new_token = tuple.__new__


@lru_cache(maxsize=100_000)
def word_key(word: str) -> str:
    """The comparison key of one word (pure, hence cached)."""
    if _ARABIC.search(word):
        return normalize_arabic(word)
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    kept = (c for c in decomposed if not unicodedata.combining(c) and c not in _APOSTROPHES)
    return "".join(kept)


# (surface, key, an article wherever it stands, an article before a hyphen, Arabic, written
# with "’s") of each word as matched: a memo of the pure `_word_facts`, emptied when it grows
# past _FACTS_SIZE. A dict lookup costs half an lru_cache call, and there is one per word.
_WordFacts = tuple[str, str, bool, bool, bool, bool]
_FACTS: dict[str, _WordFacts] = {}
_FACTS_SIZE = 100_000


def _word_facts(word: str) -> _WordFacts:
    """The facts of a word as `_WORD` matched it (a trailing "’s" is no part of its surface)."""
    possessive = len(word) > 2 and word[-2] in _APOSTROPHES and word[-1] in "sS"
    surface = word[:-2] if possessive else word
    key = word_key(surface)
    always, before_hyphen = key in _ARTICLES_ALWAYS, key in _ARTICLES_HYPHEN
    arabic = bool(_ARABIC.match(key))
    if len(_FACTS) >= _FACTS_SIZE:
        _FACTS.clear()
    facts = _FACTS[word] = (surface, key, always, before_hyphen, arabic, possessive)
    return facts


def tokenize(text: str) -> list[Token]:
    """Every word of `text` with offsets; a trailing possessive "’s" stays outside the word.

    Runs once per document over every word, so the per-word facts come from a memo and the
    usual one-character gap between two words is judged without the glue pattern.
    """
    tokens: list[Token] = []
    size = len(text)
    previous_end = -1
    for match in _WORD.finditer(text):
        word = match.group()
        facts = _FACTS.get(word) or _word_facts(word)
        surface, key, always, before_hyphen, arabic, possessive = facts
        start, end = match.span()
        glued = previous_end >= 0 and (
            (start - previous_end == 1 and text[previous_end] in _GLUE_CHARS)
            or _GLUE.fullmatch(text, previous_end, start) is not None
        )
        previous_end = end
        if possessive:
            end -= 2
        article = always or (before_hyphen and end < size and text[end] in _HYPHENS)
        fields = (start, end, surface, key, article, possessive, arabic, glued)
        tokens.append(_new_token(Token, fields))
    return tokens


@lru_cache(maxsize=100_000)
def name_keys(name: str) -> tuple[str, ...]:
    """The key sequence a name is indexed under: its word keys without article prefixes.

    Pure, and the same names come back in document after document: cached.
    """
    return tuple(t.key for t in tokenize(name) if not t.article)


@lru_cache(maxsize=100_000)
def skeleton(key: str) -> str:
    """The consonant outline of a joined key, shared by transliteration variants."""
    if _ARABIC.search(key):
        outline = key.translate(_ARABIC_VOWELS)
    else:
        outline = key.replace("q", "k").replace("j", "g").translate(_LATIN_VOWELS)
    collapsed: list[str] = []
    for char in outline:
        if char != " " and (not collapsed or collapsed[-1] != char):
            collapsed.append(char)
    return "".join(collapsed)

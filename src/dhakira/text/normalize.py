"""Search analysis for Arabic and English: one function turns text into comparable terms.

The index stores the term stream `analyze` makes from a document, and every query goes through
the same function, so spelling variants meet: hamza and madda forms of alef, alef maqsura and
yaa, taa marbuta and haa, vowel marks, tatweel and Arabic-Indic digits all fold together, and
snowball stemmers bring "المعتقلين" / "المعتقلون" / "معتقل" and "executions" / "executed" to one
stem. Entity matching reuses `normalize_arabic` so names compare the same way as search terms.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache

import snowballstemmer

# (variant, plain form): no plain form is itself a variant, so the order does not matter
_FOLDS = (
    *{"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"}.items(),
    *zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2, strict=True),
)
_FOLDABLE = re.compile("[أإآٱىة٠-٩۰-۹]")
# harakat, tanween, shadda, sukun, superscript alef, Quranic annotation marks, tatweel
_MARK_CHARS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640"
_MARKS = re.compile(f"[{_MARK_CHARS}]")
# a word: letters and digits, with any marks written inside it
_WORD = re.compile(f"(?:[^\\W_]|[{_MARK_CHARS}])+")
_PLAIN_WORD = re.compile(r"[^\W_]+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = re.compile("[a-z\u00c0-\u024f]")
# conjunction + article: "والمعتقلين" is "و" + "المعتقلين"; the snowball stemmer keeps the "و"
_CONJ_ARTICLE = ("وال", "فال")

_local = threading.local()


def normalize_arabic(text: str) -> str:
    """Fold the Arabic spelling variants that writers use interchangeably into one form.

    Hamza/madda alef forms become bare alef, alef maqsura becomes yaa, taa marbuta becomes haa,
    diacritics, Quranic marks and tatweel are removed, Arabic-Indic and Persian digits become
    ASCII digits. Latin text passes through unchanged.

    One `str.replace` per variant the text holds (str.translate looks every character up in a
    dict: twice as slow on a word, thirty times on a page).
    """
    text = _MARKS.sub("", text)
    if _FOLDABLE.search(text) is None:
        return text
    for variant, plain in _FOLDS:
        if variant in text:
            text = text.replace(variant, plain)
    return text


def _stemmers() -> tuple[snowballstemmer.Stemmer, snowballstemmer.Stemmer]:
    """Per-thread stemmers: snowball stemmer objects keep state while they work."""
    pair = getattr(_local, "stemmers", None)
    if pair is None:
        pair = (snowballstemmer.stemmer("arabic"), snowballstemmer.stemmer("english"))
        for stemmer in pair:
            # snowballstemmer hands out PyStemmer's compiled stemmers, whose own cache of
            # 10,000 words costs a new word more than its stemming (2.9 µs against 1.1):
            # `stem` keeps its own cache
            if hasattr(stemmer, "maxCacheSize"):
                stemmer.maxCacheSize = 0
        _local.stemmers = pair
    return pair


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search term for one already normalized, casefolded word (pure, hence cached)."""
    if word.isdigit():
        return word
    arabic, english = _stemmers()
    if _ARABIC_LETTER.search(word):
        if len(word) >= 6 and word.startswith(_CONJ_ARTICLE):
            word = word[1:]
        return normalize_arabic(arabic.stemWord(word))
    if _LATIN_LETTER.search(word):
        return str(english.stemWord(word))
    return word


def word_spans(text: str, containing: Iterable[str] = ()) -> Iterator[tuple[int, int, str]]:
    """Each word of `text` as (start, end, normalized form), offsets into the original text.

    Snippets use this to highlight the words the reader sees. With `containing`, only words
    whose normalized form contains one of those strings are yielded (found by one regex scan,
    which keeps snippets fast). The text is normalized once; only removed marks shift offsets,
    so positions map back with a bisect over them.
    """
    wanted = sorted(set(containing), key=len, reverse=True)
    pattern = _PLAIN_WORD
    if wanted:
        heads = "|".join(re.escape(part) for part in wanted)
        pattern = re.compile(rf"[^\W_]*(?:{heads})[^\W_]*")
    folded = text.casefold()
    if len(folded) != len(text):  # rare letters such as "ß" grow when casefolded
        yield from _word_spans_slow(text, wanted)
        return
    removed = [m.start() - k for k, m in enumerate(_MARKS.finditer(folded))]
    normalized = normalize_arabic(folded)
    for match in pattern.finditer(normalized):
        start, end = match.span()
        if removed:
            start += bisect_right(removed, start)
            end = end - 1 + bisect_right(removed, end - 1) + 1
        yield start, end, match.group()


def _word_spans_slow(text: str, wanted: list[str]) -> Iterator[tuple[int, int, str]]:
    for match in _WORD.finditer(text):
        word = normalize_arabic(match.group().casefold())
        if word and (not wanted or any(part in word for part in wanted)):
            yield match.start(), match.end(), word


def analyze(text: str) -> list[str]:
    """The terms of `text` in order: casefolded, Arabic normalized, words stemmed, digits kept."""
    folded = normalize_arabic(text.casefold())
    return [stem(word) for word in _PLAIN_WORD.findall(folded)]

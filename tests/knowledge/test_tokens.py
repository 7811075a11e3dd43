"""tokenize: the same words, keys, articles and glue as the word-by-word reading it speeds up."""

from __future__ import annotations

import re

import pytest

from dhakira.knowledge.matcher import _key_variants
from dhakira.knowledge.tokens import Token, tokenize, word_key

_WORD = re.compile(
    "[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640]+"
    "(?:['’ʼʿʾ`][\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640]+)*"
)
_GLUE = re.compile(r"[ \t\u00a0,\-‐‑–]*\n?[ \t\u00a0]*")
_HYPHEN_ARTICLES = {"ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az", "ul", "es"}


def _reference(text: str) -> list[Token]:
    """Every rule spelled out for each word, with the glue pattern asked about every gap."""
    tokens: list[Token] = []
    previous_end = -1
    for match in _WORD.finditer(text):
        start, end = match.span()
        surface = match.group()
        possessive = len(surface) > 2 and surface[-2] in "'’ʼʿʾ`" and surface[-1] in "sS"
        if possessive:
            end -= 2
            surface = surface[:-2]
        key = word_key(surface)
        hyphen_after = end < len(text) and text[end] in "-‐‑–"
        article = key in {"al", "el"} or (hyphen_after and key in _HYPHEN_ARTICLES)
        glued = previous_end >= 0 and _GLUE.fullmatch(text, previous_end, start) is not None
        arabic = bool(re.match("[\u0621-\u064a\u0671-\u06d3]", key))
        tokens.append(Token(start, end, surface, key, article, possessive, arabic, glued))
        previous_end = match.end()
    return tokens


@pytest.mark.parametrize(
    "text",
    [
        "Bashar al-Assad met Amnesty’s team in Dar'a; as-Suwayda, ash-Sham\tand el Mina.",
        "The International, Impartial and\nIndependent Mechanism.\n\nUN Security Council",
        "Sednaya – Saydnaya‐Prison (SNHR) said: 14,000 detainees.",
        "Families of the as yet unnamed men at Tadmur, an-Nabk and at-Tall.",
        "قالت الشبكة السورية لحقوق الإنسان إنّ سجن صيدنايا العسكري،\nوالأمم المتحدة - للصليب",
        "اعتُقل أحمد ٢٠١٢ في دمشق.\u00a0ثم نُقل إلى فرع فلسطين (235)،  ولم يُعرف مصيره",
        "",
        "Assad/Makhlouf and Tlass.Mustafa;Hama",
        "word",
    ],
)
def test_tokens_match_the_reference_reading(text: str) -> None:
    assert tokenize(text) == _reference(text)


def test_a_token_is_a_token() -> None:
    token = tokenize("Assad")[0]
    assert isinstance(token, Token)
    assert token.capitalized and not token.upper


def _variants_reference(key: str) -> tuple[tuple[str, int], ...]:
    """The prefix-stripping rules of the matcher, written as one loop over the skips."""
    variants = [(key, 0)]
    conj = 1 if key[:1] in ("و", "ف") and len(key) > 3 else 0
    for skip in sorted({0, conj}):
        rest = key[skip:]
        if rest.startswith("لل") and len(rest) > 3:
            variants.append(("ا" + rest[1:], skip))
        if rest[:1] in ("ب", "ل", "ك") and len(rest) > 3:
            variants.append((rest[1:], skip + 1))
        if skip:
            variants.append((rest, skip))
    return tuple(variants)


@pytest.mark.parametrize(
    "key",
    ["وللصليب", "للامم", "وبدمشق", "فصيدنايا", "بحلب", "ولل", "وحمص", "كالعاده", "سجن", "و", ""],
)
def test_arabic_prefix_variants_match_the_reference(key: str) -> None:
    assert _key_variants(key) == _variants_reference(key)

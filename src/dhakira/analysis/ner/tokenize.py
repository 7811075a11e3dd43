"""Split running text into the tokens the Arabic entity model was trained on, keeping offsets.

ANERcorp keeps clitics on their word ("والرئيس" is one token) and writes punctuation as separate
tokens, so the tokenizer does the same: a token is a run of letters, digits and the marks written
inside a word (a decimal point or thousands separator between digits stays inside the number),
or one punctuation character. Offsets point into the original text, marks included, so an entity
span cut from the text reads exactly as the writer wrote it.
"""

from __future__ import annotations

import re

# letters and digits with in-word marks (harakat, tatweel, Quranic signs), or digit groups
# joined by "." "," "٫" "٬", or any single non-space character
_TOKEN = re.compile(
    r"\d+(?:[.,\u066b\u066c]\d+)*"
    r"|(?:[^\W_]|[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d])+"
    r"|\S"
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Tokens of `text` as (start, end, token) with text[start:end] == token."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def is_latin_word(token: str) -> bool:
    """True when the token holds Latin letters and no Arabic ones."""
    return bool(_LATIN.search(token)) and not _ARABIC.search(token)


def is_arabic_word(token: str) -> bool:
    """True when the token holds at least one Arabic letter."""
    return bool(_ARABIC.search(token))

"""text.language: the language of each paragraph and of the whole document.

Documents in this archive are often mixed: an English statement scraped from an Arabic archive
page, an Arabic report quoting English names. Each paragraph therefore gets its own language
(a `Paragraph` span into `doc.text`), and the document gets its main language plus every
language that holds a meaningful share of its letters, main first.

The script of the letters decides cheaply when it is unambiguous (Arabic script, Hangul, Han)
or when a paragraph is too short for a statistical guess; lingua decides among languages that
share a script. The lingua detector is built once, on first use, from a modest set of
languages, which keeps it fast and its guesses stable.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from dhakira.pipeline import Step
from dhakira.records import Document, Paragraph

MIN_SHARE = 0.1  # a language must hold this share of the document's letters to be listed
LINGUA_MIN_LETTERS = 25  # shorter Latin/Cyrillic paragraphs are too short for lingua
ARABIC_LINGUA_LETTERS = 60  # below this, Arabic script is taken as Arabic
MAX_LINGUA_CHARS = 400  # a long paragraph is judged on its beginning (keeps lingua fast)

_LANGUAGES = (
    Language.ARABIC,
    Language.ENGLISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.SPANISH,
    Language.TURKISH,
    Language.RUSSIAN,
    Language.PERSIAN,
    Language.KOREAN,
    Language.CHINESE,
)
_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")  # lines up to a blank line
_SCRIPTS = {
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]"),
    "han": re.compile(r"[\u4e00-\u9fff]"),
}
# What a script alone says when lingua is not asked (short text) or not needed.
_SCRIPT_DEFAULT = {"arabic": "ar", "latin": "en", "cyrillic": "ru", "hangul": "ko", "han": "zh"}


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    """The lingua detector, built on first use (building takes a moment and some memory)."""
    return LanguageDetectorBuilder.from_languages(*_LANGUAGES).build()


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script a text holds."""
    return Counter({name: len(p.findall(text)) for name, p in _SCRIPTS.items()})


def script_guess(text: str) -> tuple[str | None, bool]:
    """(language the script suggests, whether lingua should decide instead)."""
    counts = script_counts(text)
    script, letters = counts.most_common(1)[0]
    if letters == 0:
        return None, False
    if script == "arabic":
        # Arabic script is shared with Persian: lingua decides only when there is enough text.
        return "ar", letters >= ARABIC_LINGUA_LETTERS
    ask = script in ("latin", "cyrillic") and letters >= LINGUA_MIN_LETTERS
    return _SCRIPT_DEFAULT[script], ask


def paragraph_languages(paragraphs: list[str]) -> list[str | None]:
    """ISO 639-1 code of each paragraph (None when it holds no letters), one lingua batch."""
    guesses = [script_guess(p) for p in paragraphs]
    asked = [i for i, (_, ask) in enumerate(guesses) if ask]
    found = detector().detect_languages_in_parallel_of(
        [paragraphs[i][:MAX_LINGUA_CHARS] for i in asked]
    )
    result = [guess for guess, _ in guesses]
    for i, language in zip(asked, found, strict=True):
        result[i] = _agree(result[i], language)
    return result


def paragraph_language(text: str) -> str | None:
    """ISO 639-1 code of one paragraph, or None when it holds no letters."""
    return paragraph_languages([text])[0]


def _agree(script_language: str | None, found: Language | None) -> str | None:
    """lingua's answer, unless it names a language of another script than the letters'."""
    if found is None:
        return script_language
    code = found.iso_code_639_1.name.lower()
    if script_language in ("ar", "fa"):
        return code if code in ("ar", "fa") else script_language
    return code if code not in ("ar", "fa", "ko", "zh") else script_language


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of a text (runs of non-blank lines)."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def detect_languages(doc: Document) -> Document:
    """Set doc.paragraphs, doc.language (main) and doc.languages (all with a real share)."""
    weights: Counter[str] = Counter()
    spans = paragraph_spans(doc.text)
    chunks = [doc.text[start:end] for start, end in spans]
    doc.paragraphs = []
    for (start, end), chunk, language in zip(
        spans, chunks, paragraph_languages(chunks), strict=True
    ):
        doc.paragraphs.append(Paragraph(start, end, language))
        if language is not None:
            weights[language] += sum(script_counts(chunk).values())
    total = sum(weights.values())
    ranked = [lang for lang, n in weights.most_common() if total and n / total >= MIN_SHARE]
    doc.language = ranked[0] if ranked else None
    doc.languages = ranked
    return doc


STEP = Step("text.language", "v1", detect_languages)

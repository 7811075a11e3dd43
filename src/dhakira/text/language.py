"""text.language: the language of each paragraph and of the whole document.

Documents in this archive are often mixed: an English statement scraped from an Arabic archive
page, an Arabic report quoting English names. Each paragraph therefore gets its own language
(a `Paragraph` span into `doc.text`), and the document gets its main language plus every
language that holds a meaningful share of its letters, main first — in the body, or, for a
language of another script, in the text as captured (see `captured_languages`).

The script of the letters decides cheaply when it is unambiguous (Arabic script — Persian told
apart by its own letters —, Hangul, Han) or when a paragraph is too short for a statistical
guess; lingua decides among the Latin-script languages (English, French, German, Spanish,
Turkish). lingua is asked about the document, not each paragraph: once on a sample from the
beginning of its Latin-script text and once on a sample from the end (once when both are the
same). When the two agree, every Latin-script paragraph takes that language; only a document
whose beginning and end disagree — truly mixed — is judged paragraph group by paragraph group.
The detector is built once, on first use, from that small set; its models load as they are
first needed, so a batch without Latin-script text never pays for them.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

from dhakira.pipeline import Step
from dhakira.records import Document, Paragraph

MIN_SHARE = 0.1  # a language must hold this share of the document's letters to be listed
LINGUA_MIN_LETTERS = 25  # shorter Latin paragraphs are too short for lingua: taken as English
GROUP_CHARS = 300  # shorter paragraphs are judged together with their Latin-script neighbours
MAX_LINGUA_CHARS = 400  # a long paragraph is judged on its beginning (keeps lingua fast)
QUICK_BELOW = 120  # lingua's own limit: longer texts are judged on trigram models alone
SAMPLE_CHARS = 400  # the document's Latin-script text is judged on its first and last 400

# lingua only chooses among the Latin-script languages of the set; Arabic, Persian, Russian,
# Korean and Chinese are each the only language of their script here, so the script decides.
_LATIN_LANGUAGES = (
    Language.ENGLISH,
    Language.FRENCH,
    Language.GERMAN,
    Language.SPANISH,
    Language.TURKISH,
)
_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")  # lines up to a blank line
_SCRIPTS = {
    "arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"),
    "latin": re.compile(r"[A-Za-z\u00c0-\u024f]+"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]+"),
    "hangul": re.compile(r"[\uac00-\ud7af\u1100-\u11ff]+"),
    "han": re.compile(r"[\u4e00-\u9fff]+"),
}
# any letter of the scripts other than Arabic and Latin: one scan tells whether to count them
_OTHER_SCRIPTS = re.compile("[\u0400-\u04ff\uac00-\ud7af\u1100-\u11ff\u4e00-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]+")  # patterns match runs: counting runs is cheaper
_PERSIAN_LETTERS = "پچژگکی"  # not used in Arabic words
_ARABIC_LETTERS = "ةيىكإأ"  # forms Persian spelling avoids (ي/ك vs ی/ک)
# What a script alone says when lingua is not asked (short text) or not needed.
_SCRIPT_DEFAULT = {"arabic": "ar", "latin": "en", "cyrillic": "ru", "hangul": "ko", "han": "zh"}


_loaded: list[LanguageDetector] = []  # the detector with every model loaded, once asked for


def detector() -> LanguageDetector:
    """The lingua detector: the one `load_models` built, else one built on first use whose
    models load when a text first needs them."""
    return _loaded[0] if _loaded else _lazy_detector()


@lru_cache(maxsize=1)
def _lazy_detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LATIN_LANGUAGES).build()


def load_models() -> None:
    """Load all of lingua's models for the Latin-script languages now (about a second, once).

    Left lazy (the default), a model loads when some text first needs it, which may be the
    250th document of a run: the same total, paid in the middle. benchmarks/analysis_bench.py
    calls this first so the load is timed with the first document, not inside its run."""
    if not _loaded:
        builder = LanguageDetectorBuilder.from_languages(*_LATIN_LANGUAGES)
        _loaded.append(builder.with_preloaded_language_models().build())


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of `text` the run pattern covers."""
    return sum(map(len, pattern.findall(text)))


@lru_cache(maxsize=1)
def quick_detector() -> LanguageDetector:
    """lingua in its low-accuracy mode: trigram models only, loaded in a few milliseconds."""
    return (
        LanguageDetectorBuilder.from_languages(*_LATIN_LANGUAGES).with_low_accuracy_mode().build()
    )


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script a text holds."""
    return Counter({name: _count(p, text) for name, p in _SCRIPTS.items()})


def main_script(text: str) -> tuple[str | None, int]:
    """The script most of a text's letters are written in, and how many letters it has.

    Arabic and Latin are counted first; the other scripts only when those two do not hold
    most of the letters (this runs on every paragraph, so it must be cheap).
    """
    letters = _count(_LETTER, text)
    if letters == 0:
        return None, 0
    arabic = _count(_SCRIPTS["arabic"], text)
    if 2 * arabic >= len(text):
        # Arabic holds half the characters: whatever the Latin count, it is at most the other
        # half (not more than Arabic), and the two hold at least all the letters
        return "arabic", letters
    latin = _count(_SCRIPTS["latin"], text)
    if 2 * (arabic + latin) >= letters:
        return ("arabic" if arabic >= latin else "latin"), letters
    script, count = script_counts(text).most_common(1)[0]
    return (script if count else None), letters


def script_guess(text: str) -> tuple[str | None, bool]:
    """(language the script suggests, whether lingua should decide instead)."""
    language, ask, _ = _guess(text)
    return language, ask


def _guess(text: str) -> tuple[str | None, bool, int]:
    """script_guess, and how many letters the text holds."""
    script, letters = main_script(text)
    if script is None:
        return None, False, 0
    if script == "arabic":
        return _arabic_or_persian(text), False, letters
    ask = script == "latin" and letters >= LINGUA_MIN_LETTERS
    return _SCRIPT_DEFAULT[script], ask, letters


def _arabic_or_persian(text: str) -> str:
    """Arabic script is shared with Persian; letters each language alone uses tell them apart.

    Counted with str.count, letter by letter: far cheaper than listing every match."""
    persian = sum(map(text.count, _PERSIAN_LETTERS))
    arabic = sum(map(text.count, _ARABIC_LETTERS))
    return "fa" if persian > arabic else "ar"


def paragraph_languages(paragraphs: list[str]) -> list[str | None]:
    """ISO 639-1 code of each paragraph (None when it holds no letters).

    lingua judges the beginning and the end of the Latin-script text; when they agree, that is
    the language of every Latin-script paragraph long enough to be asked about.
    """
    return _languages(paragraphs, [_guess(p) for p in paragraphs])


def _languages(
    paragraphs: list[str], guesses: list[tuple[str | None, bool, int]]
) -> list[str | None]:
    """paragraph_languages, given each paragraph's _guess."""
    result = [guess for guess, _, _ in guesses]
    asked = [i for i, (_, ask, _) in enumerate(guesses) if ask]
    if not asked:
        return result
    minor = 2 * sum(guesses[i][2] for i in asked) < sum(letters for _, _, letters in guesses)
    head, tail = _sample(paragraphs, asked), _sample(paragraphs, asked[::-1])
    first = _detect(head, minor)
    last = first if tail == head else _detect(tail, minor)
    if first == last:
        for i in asked:
            result[i] = _agree(result[i], first)
        return result
    return _by_groups(paragraphs, asked, result)


def _detect(text: str, minor: bool) -> Language | None:
    """lingua's answer; a short Latin-script minority of a document gets its quick mode.

    For a text of QUICK_BELOW characters or more lingua uses only its trigram models either
    way. Below that it would load every model (about a second, once) for what is then a stray
    Latin-script line in an Arabic, Russian or Chinese document; the quick mode judges that.
    """
    if minor and len(text) < QUICK_BELOW:
        return quick_detector().detect_language_of(text)
    return detector().detect_language_of(text)


def _sample(paragraphs: list[str], order: list[int]) -> str:
    """Up to SAMPLE_CHARS of the given paragraphs, taken in the given order."""
    parts: list[str] = []
    size = 0
    for i in order:
        parts.append(paragraphs[i][: SAMPLE_CHARS - size])
        size += len(parts[-1]) + 1
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(parts)


def _by_groups(
    paragraphs: list[str], asked: list[int], result: list[str | None]
) -> list[str | None]:
    """A mixed document: lingua judges each group of neighbouring paragraphs on its own."""
    groups = _lingua_groups(paragraphs, asked)
    texts = ["\n".join(paragraphs[i] for i in group)[:MAX_LINGUA_CHARS] for group in groups]
    found = detector().detect_languages_in_parallel_of(texts)
    for group, language in zip(groups, found, strict=True):
        for i in group:
            result[i] = _agree(result[i], language)
    return result


def _lingua_groups(paragraphs: list[str], asked: list[int]) -> list[list[int]]:
    """Paragraphs to ask lingua about, short neighbours joined until there is enough text.

    One call per short paragraph is both slow and unreliable; languages rarely switch among
    Latin-script languages from one short paragraph to the next.
    """
    groups: list[list[int]] = []
    size = MAX_LINGUA_CHARS
    for i in asked:
        length = len(paragraphs[i])
        if size >= GROUP_CHARS or length >= GROUP_CHARS:
            groups.append([])
            size = 0
        groups[-1].append(i)
        size += length
    return groups


def paragraph_language(text: str) -> str | None:
    """ISO 639-1 code of one paragraph, or None when it holds no letters."""
    return paragraph_languages([text])[0]


def _agree(script_language: str | None, found: Language | None) -> str | None:
    """lingua's answer when it has one, else what the script suggested."""
    return script_language if found is None else found.iso_code_639_1.name.lower()


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of a text (runs of non-blank lines)."""
    return [m.span() for m in _PARAGRAPH.finditer(text)]


def detect_languages(doc: Document) -> Document:
    """Set doc.paragraphs, doc.language (main) and doc.languages (all with a real share)."""
    weights: Counter[str] = Counter()
    spans = paragraph_spans(doc.text)
    chunks = [doc.text[start:end] for start, end in spans]
    guesses = [_guess(chunk) for chunk in chunks]
    doc.paragraphs = []
    for (start, end), (_, _, letters), language in zip(
        spans, guesses, _languages(chunks, guesses), strict=True
    ):
        doc.paragraphs.append(Paragraph(start, end, language))
        if language is not None:
            weights[language] += letters
    total = sum(weights.values())
    ranked = [lang for lang, n in weights.most_common() if total and n / total >= MIN_SHARE]
    doc.language = ranked[0] if ranked else None
    doc.languages = ranked + [
        lang for lang in captured_languages(doc.raw_text) if lang not in ranked
    ]
    return doc


def captured_languages(raw_text: str) -> list[str]:
    """Languages of other scripts that hold a real share of the text as it was captured.

    The body decides the main language, but a page can carry a large part in another script
    that is not body: the Arabic banner and record block of an English statement on the Syrian
    Memory archive, which analysis.record_block takes out of the text. Such a document still
    contains that language. Only the script is looked at here (Arabic, Cyrillic, Hangul, Han),
    so this costs one pass of a few regular expressions; Latin letters (the costly count) are
    only counted when another script is there at all.
    """
    others = _OTHER_SCRIPTS.search(raw_text) is not None  # else Cyrillic, Hangul and Han are 0
    counts = Counter(
        {
            name: _count(p, raw_text) if name == "arabic" or others else 0
            for name, p in _SCRIPTS.items()
            if name != "latin"
        }
    )
    if not any(counts.values()):
        return []
    counts["latin"] = _count(_SCRIPTS["latin"], raw_text)
    total = sum(counts.values())
    found = []
    for script, letters in counts.most_common():
        if script != "latin" and total and letters / total >= MIN_SHARE:
            language = _SCRIPT_DEFAULT[script]
            found.append(_arabic_or_persian(raw_text) if script == "arabic" else language)
    return found


STEP = Step("text.language", "v1", detect_languages)

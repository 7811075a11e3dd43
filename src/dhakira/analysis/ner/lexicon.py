"""What the training text says about a word: seen as a name, seen as a plain word, or never seen.

Arabic has no capital letters, so the strongest hint a reader of English gets ("a capitalised
word mid-sentence is a name") is missing. The nearest Arabic stand-in is memory: a word the
annotated news used only as an ordinary word is rarely a name, one it tagged as a person mostly
is a person, and a word never seen at all is much more likely a name than a common word is. The
lexicon maps each word (normalized, clitics stripped) to one of those classes.

So that the model learns how far to trust it, each training sentence gets the lexicon built
from the *other* blocks of the training text (jackknife), as new text will have words the
lexicon never saw. Tagging uses the lexicon of all the training text, stored beside the model.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from dhakira.analysis.ner.bio import tag_spans
from dhakira.analysis.ner.features import token_facts

FOLDS = 5  # training blocks for the jackknife
PHRASE = "="  # key prefix of a name of several words, "=ريال مدريد"
STARTS = "^"  # key prefix of a word that begins such a name, "^ريال", so others are skipped
MAX_PHRASE = 5
MAJORITY = 0.5  # share of a word's uses as a name above which it counts as that type

Tagged = tuple[list[str], list[str]]


def phrase_kinds(keys: list[str], lexicon: Mapping[str, str]) -> list[str]:
    """Per token, "TYPE:B" / "TYPE:I" when it lies in a name of several words the training
    text tagged (longest first), else ""."""
    marks = [""] * len(keys)
    free = 0  # where the last name found ends: a name starts at or after it
    for index in [i for i, key in enumerate(keys) if STARTS + key in lexicon]:
        if index < free:
            continue
        for length in range(min(MAX_PHRASE, len(keys) - index), 1, -1):
            kind = lexicon.get(PHRASE + " ".join(keys[index : index + length]))
            if kind:
                marks[index : index + length] = [f"{kind}:B"] + [f"{kind}:I"] * (length - 1)
                free = index + length
                break
    return marks


def _counts(sentences: Sequence[Tagged]) -> dict[str, Counter[str]]:
    """Per word, how often each type (or O) tagged it; per name of several words (keyed with
    the PHRASE mark), how often each type tagged the whole name."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for tokens, tags in sentences:
        keys = [token_facts(token).light for token in tokens]
        for key, tag in zip(keys, tags, strict=True):
            counts[key][tag.partition("-")[2] or "O"] += 1
        for start, end, kind in tag_spans(tags):
            if end - start > 1:
                counts[PHRASE + " ".join(keys[start:end])][kind] += 1
    return counts


def _classes(counts: Mapping[str, Counter[str]]) -> dict[str, str]:
    lexicon: dict[str, str] = {}
    for word, seen in counts.items():
        total = sum(seen.values())
        kind, often = max(((k, n) for k, n in seen.items() if k != "O"), default=("", 0))
        if not often:
            lexicon[word] = "O" if total > 1 else "O1"
        elif often / total >= MAJORITY:
            lexicon[word] = kind
        else:
            lexicon[word] = "o" + kind
    return _with_starts(lexicon)


def _with_starts(lexicon: dict[str, str]) -> dict[str, str]:
    """The lexicon with a STARTS key for the first word of each name of several words."""
    starts = [STARTS + word[1:].split(" ")[0] for word in lexicon if word.startswith(PHRASE)]
    lexicon.update(dict.fromkeys(starts, "1"))
    return lexicon


def build_lexicon(sentences: Sequence[Tagged]) -> dict[str, str]:
    """Each word's class from annotated sentences: O, O1 (once, plain), PERS, oPERS (minority)..."""
    return _classes(_counts(sentences))


def jackknife_lexicons(sentences: Sequence[Tagged], folds: int = FOLDS) -> list[dict[str, str]]:
    """Per training sentence, the lexicon of the other contiguous blocks of the text."""
    size = len(sentences)
    bounds = [size * part // folds for part in range(folds + 1)]
    blocks = [_counts(sentences[bounds[p] : bounds[p + 1]]) for p in range(folds)]
    result: list[dict[str, str]] = []
    for part in range(folds):
        merged: dict[str, Counter[str]] = defaultdict(Counter)
        for other, counts in enumerate(blocks):
            if other != part:
                for word, seen in counts.items():
                    merged[word].update(seen)
        lexicon = _classes(merged)
        result.extend([lexicon] * (bounds[part + 1] - bounds[part]))
    return result


def write_lexicon(lexicon: Mapping[str, str], path: Path) -> None:
    """One `word<TAB>class` line per word, sorted, so rebuilds compare equal."""
    lines = [
        f"{word}\t{kind}"
        for word, kind in sorted(lexicon.items())
        if word and not word.startswith(STARTS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_lexicon(text: str) -> dict[str, str]:
    """The lexicon from the text of a file written by `write_lexicon`."""
    lexicon: dict[str, str] = {}
    for line in text.splitlines():
        word, _, kind = line.partition("\t")
        if word and kind:
            lexicon[word] = kind
    return _with_starts(lexicon)

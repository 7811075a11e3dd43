"""Score named-entity tagging on any corpus in the one-token-per-line (CoNLL) format.

`dhakira tag FILE` and `dhakira eval ner PATH` rest on this module, so that an annotated corpus
from anyone (ANERcorp, a user's own hand-tagged file) can be tagged and measured the same way.
The scorer follows conlleval: an entity counts as found only when its first token, its last
token and its type all match; an `I-X` that does not continue an `X` opens a new entity.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dhakira.analysis.ner.arabic import tag_sentences as tag_arabic
from dhakira.analysis.ner.tokenize import is_latin_word
from dhakira.errors import CorruptInput

TYPES = ("PERS", "LOC", "ORG", "MISC")
ENGLISH_MODULE = "dhakira.analysis.english_ner"

Sentence = list[tuple[str, str | None]]
Span = tuple[int, int, str]


def read_conll(path: str | Path, *, tagged: bool = False) -> list[Sentence]:
    """Sentences of (token, tag) from a file of one token per line; tag None when absent.

    Columns may be separated by a tab or by spaces; the token is the first column and the tag
    the last. Blank lines separate sentences; several blank lines in a row are one break.
    With `tagged` (a file to score against), every token must have a tag that is O or a
    B-/I-/E-/S- prefix with a type: a line without one is an error naming the line, since
    scoring it as O would give a figure that looks right and is not.
    """
    sentences: list[Sentence] = []
    current: Sentence = []
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CorruptInput(
            f"not UTF-8 text (byte {error.object[error.start]:#04x} at offset {error.start})",
            item=str(path),
            hint="save the file as UTF-8",
        ) from None
    # split at line feeds only: str.splitlines would also cut at characters such as U+2028
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip("\r")
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        fields = line.split("\t") if "\t" in line else line.split()
        fields = [field.strip() for field in fields if field.strip()]
        tag = fields[-1] if len(fields) > 1 else None
        if tagged and not _is_tag(tag):
            raise CorruptInput(
                f"line {number}: {tag!r} is not a tag" if tag else f"line {number}: no tag",
                item=str(path),
                hint="write the token, a space or tab, and O, B-TYPE or I-TYPE",
            )
        current.append((fields[0], tag))
    if current:
        sentences.append(current)
    return sentences


def _is_tag(tag: str | None) -> bool:
    """True for O and for a B-, I-, E- or S- prefix followed by a type."""
    if tag == "O":
        return True
    prefix, dash, kind = (tag or "").partition("-")
    return bool(dash and kind) and prefix.upper() in ("B", "I", "E", "S")


def _english_tagger() -> Callable[[list[str]], list[str]] | None:
    """The English tagger when that module is installed, else None (its tokens then stay O)."""
    if importlib.util.find_spec(ENGLISH_MODULE) is None:
        return None
    module = importlib.import_module(ENGLISH_MODULE)
    tagger: Callable[[list[str]], list[str]] = module.tag_tokens
    return tagger


def mostly_latin(tokens: Sequence[str]) -> bool:
    """True when most of the tokens that hold letters are written in Latin script."""
    worded = [token for token in tokens if any(ch.isalpha() for ch in token)]
    if not worded:
        return False
    latin = sum(1 for token in worded if is_latin_word(token))
    return latin * 2 > len(worded)


def tag_sentences(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
    """BIO tags for each sentence: Arabic ones by the Arabic model, Latin ones by the English.

    The Arabic sentences are tagged together, in order, so a name mentioned several times in
    the file is recognised from all its mentions (see dhakira.analysis.ner.context).
    """
    english = _english_tagger()
    tagged: list[list[str]] = [["O"] * len(tokens) for tokens in sentences]
    arabic = [number for number, tokens in enumerate(sentences) if not mostly_latin(tokens)]
    for number, tags in zip(arabic, tag_arabic([list(sentences[n]) for n in arabic]), strict=True):
        tagged[number] = tags
    if english is not None:
        for number, tokens in enumerate(sentences):
            if mostly_latin(tokens):
                tagged[number] = list(english(list(tokens)))
    return tagged


def tag_file(path: str | Path) -> list[list[tuple[str, str]]]:
    """Each sentence of the file as (token, predicted tag) pairs; tags in the file are ignored."""
    sentences = [[token for token, _ in sentence] for sentence in read_conll(path)]
    predicted = tag_sentences(sentences)
    return [
        list(zip(tokens, tags, strict=True))
        for tokens, tags in zip(sentences, predicted, strict=True)
    ]


def _split(tag: str | None) -> tuple[str, str]:
    """(prefix, type) of a tag; anything not B-/I-/E-/S- with a type reads as outside."""
    if not tag or tag == "O" or "-" not in tag:
        return "O", ""
    prefix, _, kind = tag.partition("-")
    return prefix.upper(), kind


def entity_spans(tags: Sequence[str | None]) -> list[Span]:
    """Entities as (first token, end token exclusive, type), read the way conlleval reads them."""
    spans: list[Span] = []
    start = -1
    current = ""
    for index, tag in enumerate(tags):
        prefix, kind = _split(tag)
        continues = prefix in ("I", "E") and kind == current and start >= 0
        if start >= 0 and not continues:
            spans.append((start, index, current))
            start, current = -1, ""
        if prefix != "O" and not continues:
            start, current = index, kind
        if prefix in ("E", "S") and start >= 0:
            spans.append((start, index + 1, current))
            start, current = -1, ""
    if start >= 0:
        spans.append((start, len(tags), current))
    return spans


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "gold": gold,
        "predicted": predicted,
        "correct": correct,
    }


def score(
    gold: Sequence[Sequence[str | None]], predicted: Sequence[Sequence[str | None]]
) -> dict[str, Any]:
    """Entity-level precision, recall and F1 per type and overall (micro) for aligned tag lists."""
    if len(gold) != len(predicted):
        raise ValueError(
            f"gold has {len(gold)} sentences but the prediction has {len(predicted)}: "
            "score only tag lists made from the same sentences"
        )
    counts: dict[str, list[int]] = {}
    for gold_tags, predicted_tags in zip(gold, predicted, strict=True):
        if len(gold_tags) != len(predicted_tags):
            raise ValueError(
                "a predicted sentence has a different number of tokens than the gold one"
            )
        gold_spans = set(entity_spans(gold_tags))
        predicted_spans = set(entity_spans(predicted_tags))
        for kind in {span[2] for span in gold_spans | predicted_spans}:
            row = counts.setdefault(kind, [0, 0, 0])
            row[0] += sum(1 for span in predicted_spans & gold_spans if span[2] == kind)
            row[1] += sum(1 for span in predicted_spans if span[2] == kind)
            row[2] += sum(1 for span in gold_spans if span[2] == kind)
    kinds = list(TYPES) + sorted(set(counts) - set(TYPES))
    per_type = {kind: _prf(*counts.get(kind, [0, 0, 0])) for kind in kinds}
    totals = [sum(row[i] for row in counts.values()) for i in range(3)]
    return {"overall": _prf(*totals), "per_type": per_type}


def evaluate_ner(path: str | Path) -> dict[str, Any]:
    """Tag the tokens of an annotated file and score the tags against the file's own."""
    sentences = read_conll(path, tagged=True)
    if not sentences:
        raise CorruptInput(
            "no tokens to score", item=str(path), hint="give a file of token and tag per line"
        )
    tokens = [[token for token, _ in sentence] for sentence in sentences]
    gold = [[tag or "O" for _, tag in sentence] for sentence in sentences]
    result = score(gold, tag_sentences(tokens))
    result["sentences"] = len(sentences)
    result["tokens"] = sum(len(sentence) for sentence in sentences)
    return result


def split_heldout(
    sentences: Sequence[Sentence], share: int = 6
) -> tuple[list[Sentence], list[Sentence]]:
    """(first part, held-out last 1/share of the sentences), in file order.

    The shipped Arabic model is trained on the first part of ANERcorp's train split only, and
    the held-out floor test scores it on the last part, as the official split cuts the corpus.
    """
    cut = len(sentences) * (share - 1) // share
    return list(sentences[:cut]), list(sentences[cut:])

"""Turning what a person typed into search terms, and finding the snippet that shows a hit.

Nothing a user types is syntax: quotes mark a phrase when they pair up and are ignored
otherwise; FTS operators, brackets and punctuation are dropped by the analyzer; the words AND,
OR, NOT and NEAR written in capitals are read as would-be operators and skipped. The backend
query is then built from analyzed terms only, so no input can produce an invalid query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dhakira.text.normalize import analyze, stem, word_spans

SNIPPET_CHARS = 200
_LEAD_CHARS = 40
_PHRASE = re.compile(r'"([^"]*)"')
_OPERATOR_WORDS = re.compile(r"\b(?:AND|OR|NOT|NEAR)\b")
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class ParsedQuery:
    """Distinct analyzed terms (all must match) and phrases (term sequences that must match)."""

    terms: list[str]
    phrases: list[list[str]]

    @property
    def empty(self) -> bool:
        return not self.terms


def parse_query(text: str) -> ParsedQuery:
    """Analyze a query string; phrases are "paired quotes", everything else single terms."""
    phrases = [analyze(match) for match in _PHRASE.findall(text)]
    phrases = [phrase for phrase in phrases if len(phrase) > 1]
    loose = _OPERATOR_WORDS.sub(" ", _PHRASE.sub(" ", text))
    terms: list[str] = []
    for term in analyze(loose) + [term for phrase in phrases for term in phrase]:
        if term not in terms:
            terms.append(term)
    return ParsedQuery(terms=terms, phrases=phrases)


def _matches(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """Spans of words in `text` whose analyzed form is one of `terms`."""
    heads = {term[:2] for term in terms}
    found = []
    for start, end, word in word_spans(text, heads):
        term = stem(word)
        if term in terms:
            found.append((start, end, term))
    return found


def _best_start(matches: list[tuple[int, int, str]]) -> int:
    """Start of the window of SNIPPET_CHARS holding the most distinct terms, then most words."""
    best, best_key = matches[0][0], (0, 0)
    for i, (start, _end, _term) in enumerate(matches):
        inside = [m for m in matches[i:] if m[1] <= start + SNIPPET_CHARS]
        key = (len({m[2] for m in inside}), len(inside))
        if key > best_key:
            best, best_key = start, key
    return best


def _word_boundary(text: str, index: int, forward: bool) -> int:
    """Move `index` to the nearest whitespace so a snippet does not cut a word."""
    step = 1 if forward else -1
    limit = len(text) if forward else 0
    moved = index
    while moved != limit and not text[moved - (0 if forward else 1)].isspace():
        moved += step
        if abs(moved - index) > 30:
            return index
    return moved


def snippet(text: str, terms: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """About SNIPPET_CHARS of `text` around the matching words, and their spans in the snippet."""
    matches = _matches(text, set(terms)) if terms else []
    if matches:
        first = _best_start(matches)
        begin = _word_boundary(text, max(0, first - _LEAD_CHARS), forward=False)
    else:
        begin = 0
    end = min(len(text), begin + SNIPPET_CHARS)
    if end < len(text):
        end = _word_boundary(text, end, forward=False) or end
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(text) else ""
    body = _SPACE.sub(" ", text[begin:end])
    shift = len(prefix) - begin
    spans = [(s + shift, e + shift) for s, e, _t in matches if s >= begin and e <= end]
    return prefix + body + suffix, spans

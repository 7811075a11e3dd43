"""A Latin gloss in brackets after a name is the same name: «معهد الدراسات العلمية (ICSS)».

Arabic news gives a foreign name's original spelling in brackets right after the Arabic one,
and the annotated news tags the gloss with the Arabic name's type. The tagger, seeing Latin
words alone, mostly calls them persons; this pass gives the bracketed run of Latin words the
type of the name just before it (quotes between them allowed).
"""

from __future__ import annotations

from dhakira.analysis.ner.bio import tag_spans
from dhakira.analysis.ner.tokenize import is_latin_word

_OPEN = frozenset({"(", "["})
_CLOSE = frozenset({")", "]"})
_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})
_INSIDE = frozenset({".", "-", "&"})  # "C.S.M", "Rolls-Royce", "AT&T"


def align_glosses(sentences: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """The tags with each bracketed Latin gloss tagged as the name it follows."""
    result = [list(row) for row in tags]
    for tokens, row in zip(sentences, result, strict=True):
        for _, end, kind in tag_spans(row):
            _retype(tokens, row, end, kind)
    return result


def _retype(tokens: list[str], row: list[str], end: int, kind: str) -> None:
    """Tag tokens[first:last] as `kind` when they are a Latin run in brackets at `end`."""
    at = end
    while at < len(tokens) and tokens[at] in _QUOTES:
        at += 1
    if at >= len(tokens) or tokens[at] not in _OPEN:
        return
    first = last = at + 1
    while last < len(tokens) and tokens[last] not in _CLOSE:
        if not (is_latin_word(tokens[last]) or tokens[last] in _INSIDE):
            return
        last += 1
    if first < last < len(tokens):
        row[first:last] = [f"B-{kind}"] + [f"I-{kind}"] * (last - first - 1)

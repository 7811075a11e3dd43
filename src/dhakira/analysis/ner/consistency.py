"""Second pass: a name tagged somewhere in a text is tagged the same at its untagged mentions.

A CRF decides each sentence on its own evidence, so a name it recognised once after a title
("الرئيس جاك شيراك") it may miss three sentences later where it stands bare ("شيراك"). This pass
collects the token sequences tagged as entities within a window of sentences and tags the same
sequences, compared clitics stripped, wherever they stand untagged in that window; the last
word of a person's full name counts as a name too, since news goes on with the surname alone.
A sequence tagged with different types keeps the type most of its mentions got.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from dhakira.analysis.ner.bio import tag_spans
from dhakira.analysis.ner.features import token_facts

WINDOW = 30  # sentences either side that count as the same document
MIN_LETTERS = 3  # a one- or two-letter word is too ambiguous to spread
# lexicon classes of words used mostly as plain words: "O" (never a name), "oPERS"... (minority)
PLAIN = ("O", "o")


def spread_names(
    sentences: list[list[str]],
    tags: list[list[str]],
    lexicon: Mapping[str, str] | None = None,
) -> list[list[str]]:
    """The tags with every untagged mention of a name tagged elsewhere nearby filled in.

    With the `lexicon` of the model's training text, a name made only of words that text used
    mostly as plain words ("على", which normalizes like the name "علي"; "الثاني" of "عبد الله
    الثاني") is not spread: its bare mentions are more likely the plain word.
    """
    keys = [[token_facts(token).light for token in tokens] for tokens in sentences]
    found: list[list[tuple[tuple[str, ...], str]]] = []
    for row, tag_row in zip(keys, tags, strict=True):
        names = [(tuple(row[s:e]), kind) for s, e, kind in tag_spans(tag_row)]
        names += _surnames(names)
        if lexicon is not None:
            names = [(name, kind) for name, kind in names if not _plain(name, lexicon)]
        found.append(names)
    result = [list(row) for row in tags]
    votes: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for other in range(min(len(keys), WINDOW)):
        _count(votes, found[other], 1)
    longest: dict[str, int] = _longest(votes)
    for number, row in enumerate(keys):
        changed = False
        if number + WINDOW < len(keys) and found[number + WINDOW]:
            _count(votes, found[number + WINDOW], 1)
            changed = True
        if number - WINDOW - 1 >= 0 and found[number - WINDOW - 1]:
            _count(votes, found[number - WINDOW - 1], -1)
            changed = True
        if changed:
            longest = _longest(votes)
        if votes:
            _fill(row, result[number], votes, longest)
    return result


def _longest(votes: dict[tuple[str, ...], Counter[str]]) -> dict[str, int]:
    """Per first word, the length of its longest name in the window."""
    longest: dict[str, int] = {}
    for name in votes:
        if len(name) > longest.get(name[0], 0):
            longest[name[0]] = len(name)
    return longest


def _plain(name: tuple[str, ...], lexicon: Mapping[str, str]) -> bool:
    """True when the training text used every word of the name mostly as a plain word."""
    return all(lexicon.get(word, "").startswith(PLAIN) for word in name)


def _surnames(names: list[tuple[tuple[str, ...], str]]) -> list[tuple[tuple[str, ...], str]]:
    """A person named in full is named again by the last word alone ("نجيب محفوظ", "محفوظ")."""
    return [
        ((name[-1],), kind)
        for name, kind in names
        if kind == "PERS" and len(name) > 1 and len(name[-1]) >= MIN_LETTERS
    ]


def _count(
    votes: dict[tuple[str, ...], Counter[str]], names: list[tuple[tuple[str, ...], str]], step: int
) -> None:
    """Add (step 1) or take back (step -1) one sentence's names as the window slides."""
    for name, kind in names:
        seen = votes[name]
        seen[kind] += step
        if seen[kind] <= 0:
            del seen[kind]
            if not seen:
                del votes[name]


def _fill(
    row: list[str],
    tags: list[str],
    votes: dict[tuple[str, ...], Counter[str]],
    longest: dict[str, int],
) -> None:
    """Tag the untagged mentions in one sentence of the names in `votes` (`longest` per
    first word, worked out once while the window stays the same)."""
    free = 0  # where the last name filled in ends: the next one starts at or after it
    for index in [number for number, key in enumerate(row) if key in longest]:
        if index < free:
            continue
        for length in range(min(longest[row[index]], len(row) - index), 0, -1):
            name = tuple(row[index : index + length])
            if name not in votes or any(tags[i] != "O" for i in range(index, index + length)):
                continue
            if length == 1 and len(name[0]) < MIN_LETTERS:
                continue
            kind = votes[name].most_common(1)[0][0]
            tags[index : index + length] = [f"B-{kind}"] + [f"I-{kind}"] * (length - 1)
            free = index + length
            break

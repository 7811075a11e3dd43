"""Find the knowledge base's names in a text: exact alias lookup, then fuzzy variants.

Exact matching walks a word trie built from every name's key sequence (see `tokens`), once
over the text, taking the longest name that starts at each word: "UN Security Council" wins
over "UN". Case guards keep common words out: an all-capitals alias ("UN", "SOC") matches only
words written in capitals, a one-word Latin name ("Amnesty", "Assad") only a capitalized word,
and a longer name needs at least one capitalized word ("international Criminal Court" is fine,
"military intelligence" is not). Arabic words may carry a conjunction or preposition prefix
("وصيدنايا", "للأمم المتحدة"): it is stripped for lookup and left outside the mention.

Fuzzy matching then looks at capitalized word runs nothing matched: candidates come from the
consonant skeleton ("Seydnaya" → "sdn", like "Sednaya") or from the first word of a longer name,
and are kept only when rapidfuzz's similarity ratio clears a threshold.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from dhakira.knowledge.base import Entity
from dhakira.knowledge.tokens import Token, name_keys, skeleton, tokenize

_END = "\x00"
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# words allowed inside a capitalized name run ("Commission of Inquiry", "Day in Support of")
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "in", "to", "de", "du", "la"})
# Arabic proclitics: conjunction, then preposition; "لل" is "ل" + "ال" with the alef dropped
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
# what ends an adjective or plural built on an Arabic name, normalized (ة → ه, tanween gone);
# the last four follow a name's own final yaa ("بريطاني" + "ه")
_NISBA_ENDINGS = frozenset({"", "ي", "يه", "يا", "يون", "يين", "يات", "يان", "ه", "ون", "ين", "ات"})
_NAME_ENDINGS = frozenset("اهي")  # dropped before the ending: "فرنسا" → "فرنسي"
# English endings that make another word of a stem ("minist-er" / "minist-ry")
_LATIN_SUFFIXES = frozenset(
    {"er", "ers", "ry", "ries", "ory", "atory", "or", "ors", "ion", "ions", "ist", "ists", "al"}
)
_MAX_FUZZY_WORDS = 6
_MIN_FUZZY_CHARS = 5
_MEMO_SIZE = 65_536
_UNKNOWN = object()  # a word the fuzzy memo does not hold yet


@dataclass(frozen=True)
class Match:
    """A name of `entity` at text[start:end], covering tokens[first:last]."""

    first: int
    last: int
    start: int
    end: int
    entity: Entity
    how: str  # "kb" or "kb-fuzzy"


@dataclass(frozen=True)
class _Alias:
    entity: Entity
    rule: str  # "upper", "capital" or "any"
    joined: str
    words: int


def _rule(name: str) -> str:
    """How a name's case must show in the text: Arabic any, acronyms in capitals."""
    if _ARABIC_LETTER.search(name):
        return "any"
    letters = [c for c in name if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "upper"
    return "capital"


def _case_ok(rule: str, words: Sequence[Token]) -> bool:
    content = [t for t in words if not t.article]
    if rule == "upper":
        return all(t.upper or t.key.isdigit() for t in content)
    if rule == "capital":
        if len(content) == 1:
            return content[0].capitalized
        return any(t.capitalized for t in content)
    return True


@lru_cache(maxsize=65_536)
def _key_variants(key: str) -> tuple[tuple[str, int], ...]:
    """Lookup keys for an Arabic word's key with its prefix letters stripped, and how many
    letters were stripped (pure, and words recur: cached)."""
    variants = [(key, 0), *_preposition_variants(key, 0)]
    if key[:1] in _CONJ and len(key) > 3:
        rest = key[1:]
        variants += [*_preposition_variants(rest, 1), (rest, 1)]
    return tuple(variants)


def _preposition_variants(rest: str, skip: int) -> list[tuple[str, int]]:
    """Variants of a word (after `skip` conjunction letters) without a preposition prefix."""
    if len(rest) <= 3:
        return []
    found = []
    if rest.startswith("لل"):
        found.append(("ا" + rest[1:], skip))  # "للصليب": the whole word is the name
    if rest[:1] in _PREP:
        found.append((rest[1:], skip + 1))
    return found


def _letter_offset(surface: str, letters: int) -> int:
    """Characters of `surface` spanned by its first `letters` letters (marks follow them)."""
    seen = 0
    for index, char in enumerate(surface):
        if char.isalpha():
            if seen == letters:
                return index
            seen += 1
    return len(surface)


def _derived(word: str, name: str) -> bool:
    """A form built on the name ("Israeli", "Palestinian", "German"), not a spelling of it."""
    # two words on one stem: "Minister" is not "Ministry", "Observer" not "Observatory"
    stem = len(os.path.commonprefix([word, name]))
    if stem >= 5 and word[stem:] in _LATIN_SUFFIXES and name[stem:] in _LATIN_SUFFIXES:
        return True
    shorter, longer = sorted((word, name), key=len)
    if longer == shorter + "s" or len(word) == len(name):
        return False  # a plural is the same name ("Right" / "Rights")
    if longer.startswith(shorter):
        return True  # "Israel" → "Israeli", "York" → "Yorker"
    return shorter[-1] in "aeiouy" and longer.startswith(shorter[:-1])  # "Germany" → "German"


def _comparable(joined: str, name: str, words: int) -> bool:
    """A one-word spelling variant, or a longer name whose every word is close to the other's."""
    if words == 1:
        return not _derived(joined, name)
    pairs = zip(joined.split(" "), name.split(" "), strict=False)
    return all(a == b or (fuzz.ratio(a, b) >= 70 and not _derived(a, b)) for a, b in pairs)


def _without_article(key: str) -> str:
    """An Arabic word key without its article ("العراق" → "عراق"), when enough remains."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


def _arabic_adjective(word: str, name: str) -> bool:
    """An adjective or plural built on an Arabic name ("عراقيه" on "عراق", "فرنسيا" on
    "فرنسا", "سعودي" on "سعوديه"): the name, its last long vowel or haa dropped, then a
    nisba ending. Both keys are normalized and without the article."""
    for base in {name, name[:-1] if name[-1:] in _NAME_ENDINGS else name}:
        if word.startswith(base) and word[len(base) :] in _NISBA_ENDINGS:
            return True
    return False


class Matcher:
    """Index of every entity name; `find` returns non-overlapping matches, longest first."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._trie: dict[str, Any] = {}
        self._by_skeleton: dict[str, list[_Alias]] = {}
        self._by_first_word: dict[str, list[_Alias]] = {}
        self._by_last_word: dict[str, list[_Alias]] = {}
        # per Arabic word key, the one-word alias it fuzzily matches and its prefix letters; a
        # memo of a pure function of the index, emptied when it grows past _MEMO_SIZE
        self._fuzzy_memo: dict[str, tuple[_Alias, int] | None] = {}
        # per Arabic word key, whether it or one of its prefix-stripped variants begins a name
        # (the same kind of memo, for the exact pass)
        self._starts_memo: dict[str, bool] = {}
        for entity in entities:
            for name in entity.names():
                self._add(entity, name)

    def _add(self, entity: Entity, name: str) -> None:
        keys = name_keys(name)
        if not keys or sum(len(k) for k in keys) < 2:
            return
        alias = _Alias(entity, _rule(name), " ".join(keys), len(keys))
        node: dict[str, Any] = self._trie
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(_END, []).append(alias)
        if entity.source == "places.json" and alias.words > 1:
            return
        if len(alias.joined) >= _MIN_FUZZY_CHARS and alias.words <= 2:
            outline = skeleton(alias.joined)
            if len(outline) >= 3:
                self._by_skeleton.setdefault(outline, []).append(alias)
        if alias.words >= 2:
            self._by_first_word.setdefault(keys[0], []).append(alias)
            self._by_last_word.setdefault(keys[-1], []).append(alias)

    def lookup(self, text: str) -> Entity | None:
        """The entity a whole name denotes, exactly (used to link recognizer spans)."""
        node: dict[str, Any] | None = self._trie
        for key in name_keys(text):
            node = node.get(key) if node is not None else None
        if node is None:
            return None
        entries = node.get(_END)
        return entries[0].entity if entries else None

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[Match]:
        """Exact and then fuzzy matches of known names in `text`, in text order."""
        tokens = tokenize(text) if tokens is None else tokens
        exact = self._exact(tokens)
        covered = {i for m in exact for i in range(m.first, m.last)}
        fuzzy = self._fuzzy(tokens, covered)
        return sorted(exact + fuzzy, key=lambda m: m.start)

    def _exact(self, tokens: Sequence[Token]) -> list[Match]:
        found: list[Match] = []
        trie = self._trie
        starts_memo = self._starts_memo
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if token.arabic:  # the memo read here: this runs for every word of every text
                starts = starts_memo.get(token.key)
                if starts is None:
                    starts = self._starts_arabic(token.key)
            else:
                starts = token.key in trie
            if not starts:  # most words begin no name: skip them without the full walk
                i += 1
                continue
            match = self._longest_at(tokens, i)
            if match is None:
                i += 1
                continue
            found.append(match)
            i = match.last
        return found

    def _starts_arabic(self, word: str) -> bool:
        """Whether an Arabic word, or the word without its prefix letters, begins a name."""
        known = self._starts_memo.get(word)
        if known is None:
            if len(self._starts_memo) >= _MEMO_SIZE:
                self._starts_memo.clear()
            known = self._starts_memo[word] = any(
                key in self._trie for key, _ in _key_variants(word)
            )
        return known

    def _longest_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        first = tokens[i]
        if first.article:
            return None
        starts = _key_variants(first.key) if first.arabic else ((first.key, 0),)
        best: Match | None = None
        for key, prefix in starts:
            node = self._trie.get(key)
            j = i + 1
            while node is not None:
                for alias in node.get(_END, ()):
                    if _case_ok(alias.rule, tokens[i:j]):
                        if best is None or j > best.last:
                            best = self._match(tokens, i, j, prefix, alias.entity, "kb")
                        break
                if tokens[j - 1].possessive:
                    break
                while j < len(tokens) and tokens[j].article and tokens[j].glued:
                    j += 1
                if j >= len(tokens) or not tokens[j].glued:
                    break
                node = node.get(tokens[j].key)
                j += 1
        return best

    @staticmethod
    def _match(
        tokens: Sequence[Token], i: int, j: int, prefix: int, entity: Entity, how: str
    ) -> Match:
        start = tokens[i].start + _letter_offset(tokens[i].surface, prefix)
        before = tokens[i - 1] if i > 0 else None
        if before is not None and before.article and tokens[i].start - before.end == 1:
            start = before.start  # "al-Assad": the article belongs to the name
        return Match(i, j, start, tokens[j - 1].end, entity, how)

    def _fuzzy(self, tokens: Sequence[Token], covered: set[int]) -> list[Match]:
        found: list[Match] = []
        memo = self._fuzzy_memo
        i = 0
        while i < len(tokens):
            token = tokens[i]
            if i in covered or token.article or not (token.arabic or token.capitalized):
                i += 1
                continue
            if token.arabic and memo.get(token.key, _UNKNOWN) is None:
                i += 1  # the usual Arabic word: already known to misspell no name
                continue
            match = self._fuzzy_at(tokens, i, covered)
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.last
        return found

    def _fuzzy_at(self, tokens: Sequence[Token], i: int, covered: set[int]) -> Match | None:
        if tokens[i].arabic:
            return self._fuzzy_arabic(tokens, i)
        ends = self._run_ends(tokens, i, covered)
        for j in reversed(ends):
            words = [t for t in tokens[i:j] if not t.article]
            joined = " ".join(t.key for t in words)
            alias = self._best_alias(joined, len(words))
            if alias is not None and _case_ok(alias.rule, words):
                return self._match(tokens, i, j, 0, alias.entity, "kb-fuzzy")
        return None

    @staticmethod
    def _run_ends(tokens: Sequence[Token], i: int, covered: set[int]) -> list[int]:
        """Ends of capitalized word runs from i (connectors inside, never at the end)."""
        ends: list[int] = []
        j = i
        while j < len(tokens) and j - i < _MAX_FUZZY_WORDS and j not in covered:
            token = tokens[j]
            if j > i and not token.glued:
                break  # a bracket, quote or full stop ends a name
            if token.capitalized and not token.arabic:
                ends.append(j + 1)
                if token.possessive:
                    break
            elif not (token.article or token.key in CONNECTORS):
                break
            j += 1
        return ends

    def _best_alias(self, joined: str, words: int) -> _Alias | None:
        if len(joined) < _MIN_FUZZY_CHARS:
            return None
        candidates = list(self._by_skeleton.get(skeleton(joined), ()))
        if words >= 2:
            split = joined.split(" ")
            candidates += self._by_first_word.get(split[0], ())
            candidates += self._by_last_word.get(split[-1], ())
        best, best_score = None, 0.0
        for alias in candidates:
            if alias.words != words or not _comparable(joined, alias.joined, words):
                continue
            need = 80.0 if alias.entity.source != "places.json" else 88.0
            if words >= 3 or len(joined) < 7:
                need = max(need, 88.0 if words == 1 else 90.0)
            score = fuzz.ratio(joined, alias.joined)
            if score >= need and score > best_score:
                best, best_score = alias, score
        return best

    def _fuzzy_arabic(self, tokens: Sequence[Token], i: int) -> Match | None:
        word = tokens[i].key
        if word in self._fuzzy_memo:
            found = self._fuzzy_memo[word]
        else:
            if len(self._fuzzy_memo) >= _MEMO_SIZE:
                self._fuzzy_memo.clear()
            found = self._fuzzy_memo[word] = self._arabic_alias(word)
        if found is None:
            return None
        alias, prefix = found
        return self._match(tokens, i, i + 1, prefix, alias.entity, "kb-fuzzy")

    def _arabic_alias(self, word: str) -> tuple[_Alias, int] | None:
        """The one-word alias an Arabic word is a misspelling of, and its prefix letters.

        Compared without the article, each side at least _MIN_FUZZY_CHARS letters: in short
        Arabic words one letter more or less makes another word ("السيد" is not "السويد",
        "الأسود" not "الأسد", "القارة" not "القاهرة"), while the long names foreign to
        Arabic are the ones written with a letter more or less ("يونيسيف", "صدنايا"). An
        adjective of the name ("العراقية", "إسرائيلي", "فرنسيا") is not the name either.
        """
        for key, prefix in _key_variants(word):
            bare = _without_article(key)
            if len(bare) < _MIN_FUZZY_CHARS:
                continue
            for alias in self._by_skeleton.get(skeleton(key), ()):
                if alias.entity.source == "places.json" or alias.words != 1:
                    continue
                name = _without_article(alias.joined)
                if len(name) < _MIN_FUZZY_CHARS or _arabic_adjective(bare, name):
                    continue
                if fuzz.ratio(bare, name) >= 85.0:
                    return alias, prefix
        return None

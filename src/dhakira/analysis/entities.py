"""Who and what a document names: people, organizations, places, facilities, reports, events.

Four passes over the clean text, each only where the earlier ones found nothing:

1. the knowledge base (`dhakira.knowledge`): exact names and aliases in English and Arabic, then
   fuzzy transliteration variants ("Seydnaya" → Sednaya Prison), found_by "kb" / "kb-fuzzy";
2. recognizers for names the knowledge base does not know: English rules (`english_ner`,
   "ner-en") and, when it is installed, the Arabic model `dhakira.analysis.ner.arabic`
   ("ner-ar") on Arabic paragraphs; a recognized span whose text the knowledge base knows is
   linked to it;
3. within the document, a later surname of a person already named ("Maalouf" after
   "Lyn Maalouf"), even with a typo ("Maaloud"), is the same person ("coref");
4. a name used as a modifier ("the Assad regime", "نظام الأسد") names a government, not the
   person, and is dropped.

Names the knowledge base does not know get a document-local id ("doc-person:lyn-maalouf").
Mentions come out sorted, non-overlapping, with `text == doc.text[start:end]`.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from dhakira.analysis import english_ner
from dhakira.knowledge import load_knowledge
from dhakira.knowledge.matcher import Match, Matcher
from dhakira.knowledge.tokens import Token, name_keys, tokenize, word_key
from dhakira.pipeline import Step
from dhakira.records import Document, Mention, Paragraph

ARABIC_MODULE = "dhakira.analysis.ner.arabic"
ARABIC_TYPES = {"PERS": "person", "ORG": "organization", "LOC": "place"}
_ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
_PART_BREAK = "\n\n"  # between Arabic paragraphs tagged together
# words after a person's name that make it a modifier of something else
_MODIFIED = frozenset({"regime", "government", "administration", "forces", "family", "era"})
_MODIFIER_BEFORE = frozenset({"نظام", "حكومه", "قوات"})
_PRIORITY = {"kb": 0, "kb-fuzzy": 1, "ner-ar": 2, "ner-en": 2, "coref": 3}
_NEXT_WORD = re.compile(r"\s+(\w+)")
_MODIFIER_REACH = 20  # characters after a name searched for "regime", "forces"...


@lru_cache(maxsize=65_536)
def _slug(name: str) -> str:
    """The document-local id part of a name (pure, and names recur: cached)."""
    words = [word_key(t.surface) for t in tokenize(name)]
    return "-".join(w for w in words if w)


def _from_match(text: str, match: Match) -> Mention:
    entity = match.entity
    return Mention(
        text[match.start : match.end],
        match.start,
        match.end,
        entity.type,
        entity.id,
        entity.canonical_name,
        match.how,
    )


def _recognized(
    matcher: Matcher, text: str, start: int, end: int, kind: str, found_by: str
) -> Mention:
    """A recognizer's span, linked to the knowledge base when its text is a known name."""
    surface = text[start:end]
    entity = matcher.lookup(surface)
    if entity is not None:
        return Mention(surface, start, end, entity.type, entity.id, entity.canonical_name, found_by)
    local = f"doc-{kind}:{_slug(surface)}"
    return Mention(surface, start, end, kind, local, surface, found_by)


def _arabic_recognizer() -> Callable[[str], list[tuple[int, int, str]]] | None:
    """The Arabic model's `recognize`, or None while it is not installed."""
    if importlib.util.find_spec("dhakira.analysis.ner") is None:
        return None
    if importlib.util.find_spec(ARABIC_MODULE) is None:
        return None
    module = importlib.import_module(ARABIC_MODULE)
    recognize: Callable[[str], list[tuple[int, int, str]]] = module.recognize
    return recognize


def _arabic_parts(text: str, paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    if paragraphs:
        return [(p.start, p.end) for p in paragraphs if p.language == "ar"]
    letters = len(_ARABIC_LETTERS.findall(text))
    return [(0, len(text))] if letters * 3 > len(text.strip()) else []


def _arabic_mentions(matcher: Matcher, text: str, paragraphs: Sequence[Paragraph]) -> list[Mention]:
    parts = _arabic_parts(text, paragraphs)
    recognize = _arabic_recognizer() if parts else None
    if recognize is None:
        return []
    found: list[Mention] = []
    for start, end, label in _recognize_together(recognize, text, parts):
        if not _ARABIC_LETTERS.search(text, start, end):
            continue  # markup or Latin words inside an Arabic paragraph
        kind = ARABIC_TYPES.get(label)
        mention = _recognized(matcher, text, start, end, kind or "misc", "ner-ar")
        if kind is not None or mention.entity_id and not mention.entity_id.startswith("doc-"):
            found.append(mention)
    return found


def _recognize_together(
    recognize: Callable[[str], list[tuple[int, int, str]]],
    text: str,
    parts: list[tuple[int, int]],
) -> list[tuple[int, int, str]]:
    """The recognizer's spans over all Arabic parts at once, in the document's offsets.

    The parts are joined with blank lines (a sentence break) and tagged in one call, so a name
    recognised in one paragraph helps find its bare mentions in the others.
    """
    pieces: list[str] = []
    origins: list[tuple[int, int, int]] = []  # (joined start, joined end, document start)
    position = 0
    for start, end in parts:
        pieces.append(text[start:end])
        origins.append((position, position + end - start, start))
        position += end - start + len(_PART_BREAK)
    spans: list[tuple[int, int, str]] = []
    for s, e, label in recognize(_PART_BREAK.join(pieces)):
        for low, high, origin in origins:
            if low <= s and e <= high:
                spans.append((origin + s - low, origin + e - low, label))
                break
    return spans


def _resolve(candidates: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions: earlier passes first, then longer spans."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []  # the chosen spans, sorted
    ordered = sorted(candidates, key=lambda m: (_PRIORITY.get(m.found_by, 9), m.start - m.end))
    for mention in ordered:
        if _overlaps_taken(mention.start, mention.end, taken):
            continue
        chosen.append(mention)
        insort(taken, (mention.start, mention.end))
    return sorted(chosen, key=lambda m: m.start)


def _overlaps_taken(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    """Whether start..end overlaps a span of `taken` (sorted spans, none overlapping another).

    Such spans also end in order, so of those that start before `end` the last one ends
    latest: it alone decides (a bisect, where testing every span made _resolve quadratic).
    """
    before_end = bisect_left(taken, (end,))
    return before_end > 0 and taken[before_end - 1][1] > start


def _covered(tokens: Sequence[Token], mentions: Sequence[Mention]) -> set[int]:
    """Indexes of the tokens any mention overlaps (a bisect per mention, not a full scan)."""
    starts = [t.start for t in tokens]
    covered: set[int] = set()
    for mention in mentions:
        i = max(0, bisect_right(starts, mention.start) - 1)
        while i < len(tokens) and tokens[i].start < mention.end:
            if tokens[i].end > mention.start:
                covered.add(i)
            i += 1
    return covered


def _surnames(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """Last word of each person named with two or more words → that person's mention."""
    known: dict[str, Mention] = {}
    for mention in mentions:
        if mention.type != "person":
            continue
        words = name_keys(mention.text)
        if len(words) >= 2:
            known.setdefault(words[-1], mention)
    return known


def _as_named_before(mention: Mention, people: dict[str, Mention]) -> Mention:
    """A person the recognizer found by one word that is the surname of a person named in
    full ("وأضاف الحسين" after "أحمد خليل الحسين") is that person, not one of their own."""
    if mention.type != "person" or not (mention.entity_id or "").startswith("doc-"):
        return mention
    words = name_keys(mention.text)
    person = people.get(words[0]) if len(words) == 1 else None
    if person is None or person is mention:
        return mention
    return replace(mention, entity_id=person.entity_id, canonical_name=person.canonical_name)


def _coref(tokens: Sequence[Token], covered: set[int], people: dict[str, Mention]) -> list[Mention]:
    found: list[Mention] = []
    for i, token in enumerate(tokens):
        if token.arabic or i in covered or not token.capitalized or token.upper:
            continue
        person = people.get(token.key) or _typo_of(token.key, people)
        if person is not None:
            found.append(
                Mention(
                    token.surface,
                    token.start,
                    token.end,
                    "person",
                    person.entity_id,
                    person.canonical_name,
                    "coref",
                )
            )
    return found


def _typo_of(key: str, people: dict[str, Mention]) -> Mention | None:
    """A surname written with one slip ("Maaloud" for "Maalouf")."""
    if len(key) < 5:
        return None
    for surname, mention in people.items():
        close = surname[0] == key[0] and abs(len(surname) - len(key)) <= 1
        if close and fuzz.ratio(surname, key) >= 80:
            return mention
    return None


def _is_modifier(
    text: str, mention: Mention, tokens: Sequence[Token], index: dict[int, int]
) -> bool:
    """A person's name used to name a government or force: "the Assad regime"."""
    if mention.type != "person":
        return False
    after = _NEXT_WORD.match(text, mention.end, mention.end + _MODIFIER_REACH)
    # "the Assad regime", "the Assad regime's channel", "the Assad regimes channel" (an
    # apostrophe lost)
    word = after.group(1).lower() if after is not None else ""
    if word in _MODIFIED or word.removesuffix("s") in _MODIFIED:
        return True
    i = index.get(mention.start)
    return i is not None and i > 0 and tokens[i - 1].key in _MODIFIER_BEFORE


def find_mentions(text: str, paragraphs: Sequence[Paragraph] = ()) -> list[Mention]:
    """Every named entity in `text`, linked where known (see the module docstring)."""
    tokens = tokenize(text)
    matcher = load_knowledge().matcher
    mentions = [_from_match(text, m) for m in matcher.find(text, tokens)]
    covered = _covered(tokens, mentions)
    for start, end, kind in english_ner.recognize(text, tokens, covered):
        mentions.append(_recognized(matcher, text, start, end, kind, "ner-en"))
    mentions = _resolve(mentions + _arabic_mentions(matcher, text, paragraphs))
    people = _surnames(mentions)
    if people:
        mentions = [_as_named_before(m, people) for m in mentions]
        mentions = _resolve(mentions + _coref(tokens, _covered(tokens, mentions), people))
    index = {t.start: i for i, t in enumerate(tokens)}
    return [m for m in mentions if not _is_modifier(text, m, tokens, index)]


def find_entities(doc: Document) -> Document:
    """The pipeline step: fill `doc.entities` from the clean text."""
    doc.entities = find_mentions(doc.text, doc.paragraphs)
    return doc


# v2: the Arabic model's third pass (`ner.descriptions`) drops place adjectives and their
# plurals and retypes organizations tagged as persons
# v3: an Arabic word one letter from a short name ("السيد" / "السويد") or an adjective of a
# name ("العراقية") is no fuzzy match of it
# v4: knowledge base with Ahrar al-Sham, Jaysh al-Islam, Faylaq al-Rahman, the YPG (Ahrar
# al-Sham was matched to Hay'at Tahrir al-Sham)
# v5: Syrian towns, neighbourhoods, camps and regions, and the press spellings of places
# ("Deir Ezzor", "Palmyra") in the knowledge base
# v6: English names ending in "Command", "Governorate", "Hospital" are no persons;
# "Committees", "Coalition", "Corps" head organizations
# v7: "Foreign Minister" is no fuzzy match of "Foreign Ministry"
# v8: "the Assad regimes channel" (apostrophe lost) is no person mention; "the stronghold of
# Urum al-Joz reported" names a place, not a person
# v9: Reporters Without Borders in the knowledge base; names ending in River, Africa,
# Affairs, Rights, House... are no persons
STEP = Step("analysis.entities", "v16", find_entities)

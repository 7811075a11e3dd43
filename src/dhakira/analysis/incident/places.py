"""Which governorate a place name in a news report belongs to.

The names come from two sources. The shipped knowledge base (`dhakira.knowledge`, whose
`places.json` holds Syria's governorates, districts and subdistricts with OCHA p-codes and
their alternate spellings, built from OpenSyria data-geography, CC BY 4.0): each place is walked
up its parents to its governorate; besides OpenSyria's units it holds the towns,
neighbourhoods, camps and regions that recur in war reporting (Eastern Ghouta, Jobar, Houla)
and the spellings the press uses ("Deir Ezzor", "Palmyra"). The second source is a short list,
written here, of names the knowledge base does not hold as places.

Governorates are named as documenters using FA-KES do: twelve lower-case names, with Rif Dimashq
counted as "damascus" (the dataset has no separate label for it). As-Sweida (SY13) is not among
FA-KES's twelve; it is kept as its own label, "sweida", rather than folded into a neighbour
(Daraa), because an incident in Sweida is in Sweida: a documenter's record must not move it,
and a FA-KES score only loses the rare article whose main incident is there.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from dhakira.knowledge import Entity, KnowledgeBase, load_knowledge

# OCHA p-code of a governorate → the label documenters use.
GOVERNORATE_LABELS: dict[str, str] = {
    "SY01": "damascus",
    "SY02": "aleppo",
    "SY03": "damascus",  # Rif Dimashq
    "SY04": "homs",
    "SY05": "hama",
    "SY06": "lattakia",
    "SY07": "idlib",
    "SY08": "hasakeh",
    "SY09": "deir ezzor",
    "SY10": "tartous",
    "SY11": "raqqa",
    "SY12": "daraa",
    "SY13": "sweida",  # As-Suwayda: not one of FA-KES's twelve, kept as itself
    "SY14": "quneitra",
}

# Names the knowledge base does not hold as places: neighbourhoods and roads of a frontline
# ("Castello", "Salah al-Din", which is also a man's name), villages and an airbase the press
# names in passing. Towns, camps, regions and the press spellings of districts are in the
# knowledge base (entities.json, and places.json's added aliases), where entity linking finds
# them too. Public geographic facts.
EXTRA_PLACES: dict[str, str] = {
    "saqba": "damascus", "hamouria": "damascus", "zahraa": "homs", "zahraa nubl": "aleppo",
    "castello": "aleppo", "salah al-din": "aleppo", "rashidin": "aleppo", "rashideen": "aleppo",
    "urum al-kubra": "aleppo", "hamadaniyeh": "aleppo", "hamdaniyeh": "aleppo",
    "quriyah": "deir ezzor", "quriya": "deir ezzor", "tel hamis": "hasakeh",
    "tal hamis": "hasakeh", "shayrat": "homs",
}  # fmt: skip


_LATIN = re.compile(r"[A-Za-z]")


def fold(name: str) -> str:
    """Lower case without diacritics, apostrophes or doubled spaces: one key per spelling."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\u2018\u2019'`ʿʾ]", "", text.lower())
    return re.sub(r"[\s-]+", " ", text).strip()


def governorate_label(kb: KnowledgeBase, place: Entity) -> str | None:
    """The documenters' governorate of a place, found by walking up its parents."""
    seen: set[str] = set()
    current: Entity | None = place
    while current is not None and current.level != "governorate" and current.id not in seen:
        seen.add(current.id)
        current = kb.get(current.parent) if current.parent else None
    if current is None or current.level != "governorate":
        return None
    return GOVERNORATE_LABELS.get(current.ids.get("ocha_pcode", ""))


# Gazetteer names that, once "Subdistrict" is cut off, are everyday words or given names in
# English prose ("sarin", "hole", "Dana"): a report using them rarely means the place.
NOT_PLACES = frozenset(
    {
        "sarin", "hole", "dana", "dara", "shin", "mari", "hamra", "karama", "rawda", "nasra",
        "jalaa", "al jalaa", "milh", "bulbul", "hanadi", "jasim", "sabka", "ziyara", "basira",
        "tabni", "center", "centre", "markaz", "tell", "sheikh", "old",
    }
)  # fmt: skip
_LEVEL_SUFFIX = re.compile(r"\s+(?:governorate|district|subdistrict)$", re.IGNORECASE)
# finest first: the knowledge base's curated towns, neighbourhoods, camps and regions, then
# OpenSyria's administrative levels
_LEVELS = ("neighbourhood", "camp", "town", "region", "subdistrict", "district", "governorate")


@lru_cache(maxsize=1)
def gazetteer_names() -> dict[str, str]:
    """Folded Latin-script name or alias → governorate label, from the shipped knowledge base.

    Coarser levels are written last, so a name shared by a subdistrict and its district or
    governorate ("Idlib") resolves at the coarser level.
    """
    kb = load_knowledge()
    names: dict[str, str] = {}
    for level in _LEVELS:
        for place in kb:
            if place.type != "place" or place.level != level:
                continue
            gov = governorate_label(kb, place)
            if gov is None:
                continue
            for spelling in place.names():
                if not _LATIN.search(spelling):
                    continue
                key = fold(_LEVEL_SUFFIX.sub("", spelling))
                if len(key) >= 4 and key not in NOT_PLACES:
                    names[key] = gov
    return names


@lru_cache(maxsize=1)
def place_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One alternation of every known name (longest first) and its table, keyed by `fold`.

    An Arabic article glued to a name the table holds without it ("al-Hassakeh") is allowed.
    """
    names = dict(gazetteer_names())
    names.update((fold(name), gov) for name, gov in EXTRA_PLACES.items())
    body = _trie_pattern(names)
    pattern = rf"(?<![\w-])(?:(?:al|el|ar|as|ad|ash|at|an|az)-)?(?P<name>{body})(?![\w-])"
    return re.compile(pattern, re.IGNORECASE), names


_END = ""
_SEPARATOR = " "


def _trie_pattern(names: Iterable[str]) -> str:
    """The names as one regular expression factored by common prefixes (a trie), so a word
    that starts no name is rejected at its first letters rather than tried 1,000 times."""
    trie: dict[str, Any] = {}
    for name in names:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [
        (r"[\s-]+" if char == _SEPARATOR else re.escape(char)) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
    return body


# A web page's list of keywords ("Tags Syria Idlib Russia airstrikes Zabadani ..."): it runs
# until the article resumes with a determiner or a figure, or for at most 160 characters.
_TAG_LIST = re.compile(
    r"\bTags\b(?:(?!\s(?:The|A|An|At least|More than|Some|\d+)\b)[^.]){0,160}",
)


def blank_tag_lists(text: str) -> str:
    """The text with keyword lists blanked (same length), so their places are not read as
    where the incident happened."""
    return _TAG_LIST.sub(lambda m: " " * len(m.group(0)), text)


# "evacuees from the towns of Foua and Kefraya", "martyrs from Kefraya": where people came
# from, not where the incident happened.
_FROM = re.compile(r"\bfrom\b(?P<between>[^.;]{0,50})$", re.IGNORECASE)
_PLACED_AGAIN = re.compile(
    r"\b(?:in|at|on|near|into|to|inside|outside|towards?|across|hit|hits|struck|killing|"
    r"killed|kills)\b",
    re.IGNORECASE,
)


def is_origin(text: str, m: re.Match[str]) -> bool:
    """Whether a place is named as where people came from ("evacuated from Foua")."""
    before = _FROM.search(text[max(0, m.start() - 60) : m.start()])
    return before is not None and not _PLACED_AGAIN.search(before.group("between"))


def find_places(text: str, *, origins: bool = True) -> Iterator[tuple[re.Match[str], str]]:
    """Each place name in a text with the governorate it belongs to, in order; without the
    places people came from when `origins` is False."""
    pattern, names = place_pattern()
    for m in pattern.finditer(text):
        gov = names.get(fold(m.group(0))) or names.get(fold(m.group("name")))
        if gov and (origins or not is_origin(text, m)):
            yield m, gov

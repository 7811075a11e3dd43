"""A later sentence that breaks the headline toll down into who the dead were.

Reports often give a total first ("a suicide bomber killed four people") and say who they were
a few sentences on ("two women and two soldiers were killed in the attack", "at least 14 of
the dead were rebels", "twelve children and 11 fighters were among the dead", "15 people died
including five policemen"). Documenters record the breakdown: the fighters named are
non-civilians and the rest of the total civilians. A sentence counts as a breakdown of the
total when its parts add up to it, when it repeats the total with a part ("including",
"among"), or when it says the fighters were "among the dead" / "of the dead".

Two more ways a report splits its headline toll: place by place, the parts adding up to the
total (their children and women are the headline's, `add_sub_tolls`), and over several
governorates at once ("10 civilians killed in Aleppo and Deir Ezzor"), which is several
incidents: the first one told is the main one (`first_place_of_a_summed_toll`).

Children and women named only in a later sentence "among the dead" are not added: FA-KES
documenters recorded what the lead says (adding them lost more articles than it won on dev).
"""

from __future__ import annotations

from dataclasses import dataclass

from dhakira.analysis.incident.counts import (
    BREAKDOWN,
    Counts,
    count_victims,
    figures,
    sentences,
    split_total,
)
from dhakira.analysis.incident.places import find_places


@dataclass(frozen=True)
class _Parts:
    """The people a sentence names by kind, other than a plain total of "people"."""

    civilians: int = 0
    noncivilians: int = 0
    children: int = 0
    women: int = 0

    @property
    def named(self) -> int:
        return self.civilians + self.noncivilians + self.children + self.women


def _parts(found: list[tuple[str, int, int]]) -> _Parts:
    sums = {"civilians": 0, "noncivilians": 0, "children": 0, "women": 0}
    for kind, value, _ in found:
        if kind in sums:
            sums[kind] += value
    return _Parts(**sums)


def _headline_total(found_by_sentence: list[tuple[str, list[tuple[str, int, int]]]]) -> int:
    """The first toll of "people" (or a bare "kills 18") in the opening, or 0."""
    for _, found in found_by_sentence:
        for kind, value, _ in found:
            if kind == "people":
                return value
    return 0


def _from_breakdown(total: int, sentence: str, found: list[tuple[str, int, int]]) -> Counts | None:
    """The counts a sentence gives when it breaks `total` down, else None."""
    parts = _parts(found)
    repeated = any(kind == "people" and value == total for kind, value, _ in found)
    split = split_total(sentence, found) if repeated else {}
    if parts.civilians and parts.noncivilians and parts.named != total:
        return None  # "12 killed including two fighters and five civilians": the rest unknown
    if split:
        fighters = split.get("noncivilians", parts.noncivilians)
    elif parts.named == total or (BREAKDOWN.search(sentence) and 0 < parts.noncivilians < total):
        fighters = parts.noncivilians
    else:
        return None
    if not fighters:
        return None
    return Counts(total - fighters, fighters, parts.children, parts.women)


def refine_with_breakdown(counts: Counts, lead: str, opening: str) -> Counts:
    """`counts` corrected by the first sentence of `opening` that breaks the headline toll of
    "people" in `lead` down into fighters and others; unchanged when there is none, or when
    the counts name civilians or fighters other than that breakdown's."""
    total = _headline_total([(s, figures(s)) for _, s in sentences(lead)])
    if not total or counts.civilians not in (0, total, counts.children + counts.women):
        return counts
    for sentence, found in [(s, f) for _, s in sentences(opening) if (f := figures(s))]:
        better = _from_breakdown(total, sentence, found)
        if better is None:
            continue
        if counts.noncivilians not in (0, better.noncivilians):
            return counts
        return Counts(
            better.civilians,
            better.noncivilians,
            better.children or counts.children,
            better.women or counts.women,
        )
    return counts


def _sentence_toll(found: list[tuple[str, int, int]]) -> tuple[int, int, int]:
    """(toll, children, women) of one sentence: its first figure of people or civilians (else
    its children and women), with the children and women it names, each counted once."""
    adults = [value for kind, value, _ in found if kind in ("people", "civilians")]
    named = {(kind, value) for kind, value, _ in found}
    children = sum(value for kind, value in named if kind == "children")
    women = sum(value for kind, value in named if kind == "women")
    return (adults[0] if adults else children + women), children, women


def add_sub_tolls(counts: Counts, opening: str) -> Counts:
    """The children and women of a headline toll told again place by place ("Seven people
    were killed ... claiming the life of a woman ... killing 2 people ... 4 people were killed
    including 3 children"): when the sentences after the headline add up to its total, or
    their children add up to its children, their women and children are the headline's."""
    total = counts.civilians
    if not total or (counts.children and counts.women):
        return counts
    found_by_sentence = [f for _, s in sentences(opening) if (f := figures(s))]
    start = next(
        (i for i, found in enumerate(found_by_sentence) if _sentence_toll(found)[0] == total), None
    )
    if start is None:
        return counts
    running = children = women = told = 0
    for found in found_by_sentence[start + 1 :]:
        toll, kids, wives = _sentence_toll(found)
        if running + toll > total:
            break
        running, children, women, told = running + toll, children + kids, women + wives, told + 1
    adds_up = running == total and told >= 2
    same_children = bool(counts.children) and children == counts.children
    if not (adds_up or same_children):
        return counts
    children, women = counts.children or children, counts.women or women
    return Counts(max(total, children + women), counts.noncivilians, children, women)


_SAME_SIDE = {"people": "civilians"}


def first_place_of_a_summed_toll(lead: str) -> tuple[Counts, str] | None:
    """A headline toll over several governorates ("10 civilians killed in attacks on Aleppo
    and Deir Ezzor") sums several incidents, and an incident happens in one place: the counts
    and governorate of the first part the body tells (a smaller toll of the same side, in a
    sentence naming one of the headline's governorates), else None."""
    found_by_sentence = [(s, f) for _, s in sentences(lead) if (f := figures(s))]
    if not found_by_sentence:
        return None
    head, found = found_by_sentence[0]
    places = {gov for _, gov in find_places(head, origins=False)}
    if len(places) < 2:
        return None
    kind, total, _ = found[0]
    side = _SAME_SIDE.get(kind, kind)
    # the headline may run into the body when no full stop ends it: its own later figures
    rest = [(head[at:], [(k, v, 0)]) for k, v, at in found[1:]]
    for sentence, later in [*rest, *found_by_sentence[1:]]:
        if not any(_SAME_SIDE.get(k, k) == side and v < total for k, v, _ in later):
            continue
        named = {gov for _, gov in find_places(sentence, origins=False)}
        if len(named) == 1 and named <= places:
            return count_victims(sentence), named.pop()
        return None
    return None

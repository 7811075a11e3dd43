"""The chronicle (يوميات): dated entries built from documents, their claims and the dates they cite.

A documenter asks "what happened when": the day a report came out, the day a statement
answered it, the day the General Assembly voted, the month detentions began. Entries come from:

- a document's issue date ("issued"): what = publisher and title;
- a claim's period ("period"): "since March 2011" → 2011-03, the start of what the claim counts;
- a date the text prints inside a sentence ("mentioned"): "the UN General Assembly on
  December 21, 2016" → 2016-12-21, a day and month whose year is the document's, and weekday
  references resolved against the issue date ("released ... on Monday"). Dates that stand alone
  on a line are the page's own dates (header, print time), not events, and are left out.

Each entry has its date cut to its precision, the documents, places, facilities and entity ids
named in its sentence. `build_chronicle` merges the same event told by several documents into one
entry (same date and precision, and a shared specific entity or the same period claim), and the
filters (`in_period`, `at_place`, `at_facility`, `with_entity`) make it browsable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from dhakira.analysis.date_mentions import DateMention, find_dates
from dhakira.analysis.dates import relative_dates
from dhakira.analysis.header import is_date_line
from dhakira.links.stories import is_generic
from dhakira.records import Document, Mention

PLACE_TYPES = frozenset({"place"})
FACILITY_TYPES = frozenset({"facility"})
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_MAX_WHAT = 240
_Day = date  # `Entry.date` is the ISO text; this is the calendar day


@dataclass(frozen=True)
class Entry:
    """One dated entry: what happened, when (ISO cut to `precision`), where, who, told by whom.

    `origin` says how the entry was found: "issued", "period" or "mentioned" (a merged entry
    keeps the first; `origins` lists them all).
    """

    what: str
    date: str
    precision: str
    documents: tuple[str, ...]
    places: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    origin: str = "mentioned"
    origins: tuple[str, ...] = ()
    event: str | None = None  # the claim's event, for "period" entries

    @property
    def day(self) -> _Day:
        """The first day the entry's date covers (for sorting and period filters)."""
        parts = [int(p) for p in self.date.split("-")] + [1, 1]
        return _Day(parts[0], parts[1], parts[2])


def _cut(day: date, precision: str) -> str:
    iso = day.isoformat()
    return {"day": iso, "month": iso[:7], "year": iso[:4]}[precision]


def _named(mentions: Iterable[Mention]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Places, facilities (canonical names) and entity ids of some mentions, in order."""
    places: dict[str, None] = {}
    facilities: dict[str, None] = {}
    entities: dict[str, None] = {}
    for m in mentions:
        name = m.canonical_name or m.text
        if m.type in PLACE_TYPES:
            places.setdefault(name, None)
        elif m.type in FACILITY_TYPES:
            facilities.setdefault(name, None)
        if m.entity_id:
            entities.setdefault(m.entity_id, None)
    return tuple(places), tuple(facilities), tuple(entities)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or line) holding [start, end)."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.end() if after else len(text))


def _issued_day(doc: Document) -> date | None:
    if doc.date is None or doc.date.precision != "day":
        return None
    return date.fromisoformat(doc.date.value)


def _alone_on_line(text: str, mention: DateMention) -> bool:
    """A date that is its line's only content (weekday, time, "Posted on" aside)."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    return is_date_line(text[line_start : line_end if line_end >= 0 else len(text)])


def _mention_entry(
    doc: Document, doc_id: str, start: int, end: int, day: date, precision: str
) -> Entry:
    s_start, s_end = _sentence(doc.text, start, end)
    inside = [m for m in doc.entities if m.start >= s_start and m.end <= s_end]
    places, facilities, entities = _named(inside)
    what = " ".join(doc.text[s_start:s_end].split())[:_MAX_WHAT]
    return Entry(
        what, _cut(day, precision), precision, (doc_id,), places, facilities, entities,
        "mentioned", ("mentioned",),
    )  # fmt: skip


def mentioned_entries(doc: Document, doc_id: str) -> list[Entry]:
    """Entries for the dates a document's sentences print, and its weekday references."""
    issued = _issued_day(doc)
    found: list[Entry] = []
    for mention in find_dates(doc.text):
        if _alone_on_line(doc.text, mention):
            continue
        year = mention.year or (issued.year if issued else None)
        day = mention.as_date(year)
        if day is None:
            continue
        precision = "month" if mention.kind == "month" else "day"
        found.append(_mention_entry(doc, doc_id, mention.start, mention.end, day, precision))
    if issued is not None:
        cursor = 0
        for phrase, day in relative_dates(doc.text, issued):
            start = doc.text.find(phrase, cursor)
            if start < 0:
                continue
            cursor = start + len(phrase)
            found.append(_mention_entry(doc, doc_id, start, cursor, day, "day"))
    return found


def issued_entry(doc: Document, doc_id: str) -> Entry | None:
    """The document's own entry on its issue date: "Publisher: title"."""
    if doc.date is None:
        return None
    places, facilities, entities = _named(doc.entities)
    title = doc.title or doc_id
    what = f"{doc.publisher}: {title}" if doc.publisher else title
    return Entry(
        what, doc.date.value, doc.date.precision, (doc_id,), places, facilities, entities,
        "issued", ("issued",),
    )  # fmt: skip


def _precision(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def period_entries(doc: Document, doc_id: str) -> list[Entry]:
    """Entries for the start of each claim's period: "since March 2011" → 2011-03."""
    found = []
    for claim in doc.claims:
        if not claim.period_start or claim.kind != "victims":
            continue
        span = claim.period_start + (f" to {claim.period_end}" if claim.period_end else "")
        where = f" at {claim.place}" if claim.place else ""
        inside = [m for m in doc.entities if m.start >= claim.start and m.end <= claim.end]
        places, facilities, entities = _named(inside)
        if claim.place and claim.place not in places + facilities:
            places = (*places, claim.place)
        found.append(
            Entry(
                f"start of {claim.event} documented{where} ({span}): {claim.quote}"[:_MAX_WHAT],
                claim.period_start[:10], _precision(claim.period_start[:10]), (doc_id,),
                places, facilities, entities, "period", ("period",), claim.event,
            )
        )  # fmt: skip
    return found


def document_entries(doc: Document, doc_id: str) -> list[Entry]:
    """Every entry one analysed document gives: its issue, its claims' periods, dates it cites."""
    issued = issued_entry(doc, doc_id)
    return (
        ([issued] if issued else []) + period_entries(doc, doc_id) + mentioned_entries(doc, doc_id)
    )


@lru_cache(maxsize=65_536)
def _specific(entities: tuple[str, ...]) -> frozenset[str]:
    """The entities that say something about one story (cached: a busy day compares each new
    entry with every entry of that day, and the same lists come back)."""
    return frozenset(e for e in entities if not is_generic(e))


def _same_event(a: Entry, b: Entry) -> bool:
    """Two entries on one date that tell one event (never two documents' own issues)."""
    if (a.date, a.precision) != (b.date, b.precision):
        return False
    if a.origin == "issued" and b.origin == "issued":
        return False
    if a.origin == "period" and b.origin == "period":
        return a.event == b.event and set(a.places + a.facilities) == set(b.places + b.facilities)
    if "period" in (a.origin, b.origin):
        # the sentence that states the period ("since March 2011") in the same document
        return bool(set(a.documents) & set(b.documents))
    if "issued" in (a.origin, b.origin):
        return not _specific(a.entities).isdisjoint(_specific(b.entities))
    return not _named_alike(a.entities).isdisjoint(_named_alike(b.entities))


@lru_cache(maxsize=65_536)
def _named_alike(entities: tuple[str, ...]) -> frozenset[str]:
    """Entities two mentions of one day may share to be one event (any but a country)."""
    return frozenset(e for e in entities if not (e.startswith("place:") and "-" not in e))


def _merge(a: Entry, b: Entry) -> Entry:
    def union(x: tuple[str, ...], y: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x + y))

    return replace(
        a,
        documents=union(a.documents, b.documents),
        places=union(a.places, b.places),
        facilities=union(a.facilities, b.facilities),
        entities=union(a.entities, b.entities),
        origins=union(a.origins, b.origins),
    )


_ORIGIN_RANK = {"issued": 0, "period": 1, "mentioned": 2}


def build_chronicle(entries: Iterable[Entry]) -> list[Entry]:
    """Entries merged (one event told by several documents is one entry) and in date order.

    An issue entry absorbs the mentions of that document's publication by others, so the
    entry reads "Publisher: title" and lists every document that tells of it.
    """
    merged: list[Entry] = []
    # only entries of one date can merge; per date, the entries an issue opened (an issue
    # never merges with another) and the others, each in the order they were opened
    on_date: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for entry in sorted(entries, key=lambda e: _ORIGIN_RANK.get(e.origin, 3)):
        issued, others = on_date.setdefault((entry.date, entry.precision), ([], []))
        # issues come first, so `issued + others` is the order the entries were opened in
        candidates = others if entry.origin == "issued" else issued + others
        home = next((i for i in candidates if _same_event(merged[i], entry)), None)
        if home is None:
            (issued if entry.origin == "issued" else others).append(len(merged))
            merged.append(entry)
        else:
            merged[home] = _merge(merged[home], entry)
    return sorted(merged, key=lambda e: (e.day, len(e.date), e.what))


def chronicle(documents: Mapping[str, Document]) -> list[Entry]:
    """The chronicle of some analysed documents, keyed by document id."""
    return build_chronicle(
        entry for doc_id, doc in documents.items() for entry in document_entries(doc, doc_id)
    )


# --- browsing --------------------------------------------------------------------------------


def in_period(entries: Iterable[Entry], start: str | None, end: str | None) -> list[Entry]:
    """Entries whose date falls within [start, end] (ISO of any precision; None is open)."""
    low = start or "0000"
    high = end or "9999"
    return [e for e in entries if e.date[: len(low)] >= low and e.date[: len(high)] <= high]


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def at_place(entries: Iterable[Entry], name: str) -> list[Entry]:
    """Entries at a place or a facility (canonical name, any case)."""
    key = _fold(name)
    return [e for e in entries if key in {_fold(p) for p in e.places + e.facilities}]


def at_facility(entries: Iterable[Entry], name: str) -> list[Entry]:
    """Entries at a facility (a prison, a branch) by canonical name, any case."""
    key = _fold(name)
    return [e for e in entries if key in {_fold(f) for f in e.facilities}]


def with_entity(entries: Iterable[Entry], entity_id: str) -> list[Entry]:
    """Entries naming an entity, by its id ("facility:sednaya-prison")."""
    return [e for e in entries if entity_id in e.entities]

"""Group documents that tell one story: the same event or the same report, in any language.

A story is not a duplicate: a press statement reacting to an Amnesty report, a news wire about
it and an Arabic article quoting it share few words but one subject. The evidence comes from what
the analysis already found in each document (`StoryDoc`, made by `summarize`):

- specific entities linked to the knowledge base — a named report or event counts most, then a
  facility, then a person; organisations and places count little, and generic ones (a country,
  the UN bodies, an entity named in a large share of everything seen) not at all. Entity ids are
  the same in Arabic and English, which is what carries a story across languages;
- figures: two claims about the same kind of event with a shared number (13,000 executions);
- wording: TF-IDF cosine over the search terms of `dhakira.text.normalize.analyze` (stemmed,
  Arabic folded), with document frequencies from the documents seen so far;
- the main incident (`Document.incident`): the same governorate and cause with incident dates at
  most a day apart counts like a specific entity, and the same death toll adds to it — this is
  what links wire reports of one attack that name no facility or person;
- time: two dated documents more than `WINDOW_DAYS` apart are never one story, however alike.

Two documents link when they share a report or event inside the window, or when the weighted
sum of the rest reaches `LINK_SCORE` with at least one specific entity shared. Stories are the
connected groups of links, built incrementally (`StoryGrouper.add`); a document that links two
stories merges them, and the merge is reported.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from dhakira.records import Document, Incident
from dhakira.text.normalize import analyze

WINDOW_DAYS = 14
STORY_SPAN_DAYS = 30  # a story's dated documents never spread wider (no endless chains)
LINK_SCORE = 4.0
ANCHOR_TYPES = frozenset({"report", "event"})  # one shared is enough inside the window
TYPE_WEIGHTS: Mapping[str, float] = {
    "report": 4.0,
    "event": 4.0,
    "facility": 2.0,
    "person": 1.5,
    "organization": 0.5,
    "place": 0.5,
}
SPECIFIC_MIN = 1.5  # a link needs a shared entity at least this weighty (facility, person...)
FIGURE_WEIGHT = 1.5
TEXT_WEIGHT = 5.0
MIN_FIGURE = 10  # "2 killed" is shared by countless unrelated reports
INCIDENT_WEIGHT = 2.0  # same governorate, cause and incident day (±1)
TOLL_WEIGHT = 1.5  # ... and the same number of dead
# named in almost every document of this archive's field: never evidence of one story
GENERIC_IDS = frozenset(
    {
        "org:united-nations",
        "org:un-security-council",
        "org:un-general-assembly",
        "org:un-secretary-general",
        "person:bashar-al-assad",
    }
)
GENERIC_SHARE = 0.05  # an entity in more than this share of the documents seen is generic ...
GENERIC_AFTER = 50  # ... once this many documents have been seen


@dataclass(frozen=True)
class StoryDoc:
    """What story grouping needs of one analysed document."""

    doc_id: str
    date: date | None
    entities: Mapping[str, str]  # entity id → type
    figures: frozenset[tuple[str, int]]  # (event, number)
    terms: Mapping[str, int]  # search term → count
    language: str | None = None
    incident: Incident | None = None


@dataclass(frozen=True)
class StoryLink:
    """Why two documents are one story: the score and the shared evidence."""

    doc_id: str
    other_id: str
    score: float
    shared_entities: tuple[str, ...]
    shared_figures: tuple[tuple[str, int], ...]
    text_similarity: float


@dataclass(frozen=True)
class StoryAssignment:
    """The story a new document joined, the stories merged into it, and the links found."""

    doc_id: str
    story_id: str
    merged: tuple[str, ...] = ()
    links: tuple[StoryLink, ...] = ()


def summarize(doc: Document, doc_id: str) -> StoryDoc:
    """The story evidence of an analysed document (entities, figures, date, terms)."""
    entities = {m.entity_id: m.type for m in doc.entities if m.entity_id}
    figures = {
        (claim.event, int(value))
        for claim in doc.claims
        if claim.kind == "victims"
        for value in (claim.low, claim.high, claim.best)
        if value is not None and value >= MIN_FIGURE
    }
    issued = _story_date(doc)
    return StoryDoc(
        doc_id=doc_id,
        date=issued,
        entities=entities,
        figures=frozenset(figures),
        terms=Counter(analyze(doc.text)),
        language=doc.language,
        incident=doc.incident if _placed(doc.incident) else None,
    )


def _placed(incident: Incident | None) -> bool:
    """An incident says something only with a governorate, a date and a cause."""
    return bool(incident and incident.governorate and incident.date and incident.cause)


def _incident_key(incident: Incident) -> str:
    return f"incident:{incident.governorate}/{incident.cause}"


def incident_evidence(a: Incident | None, b: Incident | None) -> float:
    """Weight of two documents reporting the same incident (0 when they do not)."""
    if a is None or b is None or _incident_key(a) != _incident_key(b):
        return 0.0
    day_a, day_b = _day(a.date or ""), _day(b.date or "")
    if day_a is None or day_b is None or not within_window(day_a, day_b, days=1):
        return 0.0
    toll_a, toll_b = a.civilians + a.noncivilians, b.civilians + b.noncivilians
    return INCIDENT_WEIGHT + (TOLL_WEIGHT if toll_a == toll_b and toll_a > 0 else 0.0)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _story_date(doc: Document) -> date | None:
    """The day a document is placed at: its issue day, or the middle of its issue month (so a
    month-dated document stays within the window of that month). A year alone places nothing."""
    if doc.date is None or doc.date.precision == "year":
        return None
    if doc.date.precision == "month":
        return date.fromisoformat(doc.date.value + "-15")
    return date.fromisoformat(doc.date.value)


def within_window(a: date | None, b: date | None, days: int = WINDOW_DAYS) -> bool:
    """True unless both dates are known and further apart than the window."""
    return a is None or b is None or abs((a - b).days) <= days


def is_generic(entity_id: str) -> bool:
    """Countries ("place:sy") and the ids in `GENERIC_IDS` say nothing about one story."""
    kind, _, name = entity_id.partition(":")
    return entity_id in GENERIC_IDS or (kind == "place" and "-" not in name)


_Span = tuple[date | None, date | None]


def _widen(a: _Span, b: _Span) -> _Span:
    """The smallest span covering both (unknown ends ignored)."""
    starts = [d for d in (a[0], b[0]) if d is not None]
    ends = [d for d in (a[1], b[1]) if d is not None]
    return (min(starts) if starts else None, max(ends) if ends else None)


def _days(span: _Span) -> int:
    return 0 if span[0] is None or span[1] is None else (span[1] - span[0]).days


@dataclass
class _Terms:
    """Document frequencies of terms over the documents seen (for IDF)."""

    documents: int = 0
    frequency: Counter[str] = field(default_factory=Counter)

    def add(self, terms: Iterable[str]) -> None:
        self.documents += 1
        self.frequency.update(set(terms))

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.frequency[term] + 1)) + 1.0

    def cosine(self, a: Mapping[str, int], b: Mapping[str, int]) -> float:
        shared = a.keys() & b.keys()
        if not shared:
            return 0.0
        weights = {t: self.idf(t) ** 2 for t in a.keys() | b.keys()}
        dot = sum(a[t] * b[t] * weights[t] for t in shared)
        norm_a = math.sqrt(sum(n * n * weights[t] for t, n in a.items()))
        norm_b = math.sqrt(sum(n * n * weights[t] for t, n in b.items()))
        return dot / (norm_a * norm_b)


class StoryGrouper:
    """Incremental story grouping: `add` a document summary, get the story it belongs to.

    Candidates come from an inverted index of specific entities (a link always needs one shared),
    so a new document is compared only with documents that name one of its entities.
    """

    def __init__(self, window_days: int = WINDOW_DAYS) -> None:
        self.window_days = window_days
        self._docs: dict[str, StoryDoc] = {}
        self._rank: dict[str, int] = {}
        self._spans: dict[str, _Span] = {}  # story id → earliest and latest known date
        self._parent: dict[str, str] = {}
        self._by_entity: dict[str, list[str]] = {}
        self._entity_docs: Counter[str] = Counter()
        self._terms = _Terms()

    def story_of(self, doc_id: str) -> str:
        """The story id of a document: the id of the first document of its story."""
        node = doc_id
        while self._parent[node] != node:
            self._parent[node] = self._parent[self._parent[node]]
            node = self._parent[node]
        return node

    def stories(self) -> list[set[str]]:
        """Every story with more than one document, largest first."""
        groups: dict[str, set[str]] = {}
        for doc_id in self._docs:
            groups.setdefault(self.story_of(doc_id), set()).add(doc_id)
        return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), min(g)))

    def add(self, doc: StoryDoc) -> StoryAssignment:
        """Link `doc` to the documents seen so far and return its story."""
        if doc.doc_id in self._docs:
            raise ValueError(f"document {doc.doc_id!r} is already grouped into a story")
        self._terms.add(doc.terms)
        links = tuple(
            link
            for other in self._candidates(doc)
            if (link := self.compare(doc, self._docs[other])) is not None
        )
        self._remember(doc)
        roots, span = self._joinable(doc, links)
        kept = tuple(link for link in links if self.story_of(link.other_id) in roots)
        story = roots[0] if roots else doc.doc_id
        for root in roots[1:]:
            self._parent[root] = story
        self._parent[doc.doc_id] = story
        self._spans[story] = span
        return StoryAssignment(doc.doc_id, story, tuple(roots[1:]), kept)

    def _remember(self, doc: StoryDoc) -> None:
        """Index a document under its entities and incident, alone in its own story."""
        self._docs[doc.doc_id] = doc
        self._rank[doc.doc_id] = len(self._rank)
        self._parent[doc.doc_id] = doc.doc_id
        for entity_id in doc.entities:
            self._by_entity.setdefault(entity_id, []).append(doc.doc_id)
            self._entity_docs[entity_id] += 1
        if doc.incident is not None:
            self._by_entity.setdefault(_incident_key(doc.incident), []).append(doc.doc_id)

    def _joinable(self, doc: StoryDoc, links: Iterable[StoryLink]) -> tuple[list[str], _Span]:
        """The linked stories the document can join, earliest first, and the joint date span.

        A story that would stretch the span beyond `STORY_SPAN_DAYS` stays apart: without this
        limit, a chain of documents each a week apart would become one endless story.
        """
        ranked = sorted(
            {self.story_of(link.other_id) for link in links}, key=self._rank.__getitem__
        )
        roots: list[str] = []
        span: _Span = (doc.date, doc.date)
        for root in ranked:
            joined = _widen(span, self._spans[root])
            if _days(joined) <= STORY_SPAN_DAYS:
                roots.append(root)
                span = joined
        return roots, span

    def _candidates(self, doc: StoryDoc) -> list[str]:
        seen: dict[str, None] = {}
        for entity_id in doc.entities:
            if self._weight(entity_id, doc.entities[entity_id]) >= SPECIFIC_MIN:
                for other in self._by_entity.get(entity_id, ()):
                    seen.setdefault(other, None)
        if doc.incident is not None:
            for other in self._by_entity.get(_incident_key(doc.incident), ()):
                seen.setdefault(other, None)
        return [o for o in seen if within_window(doc.date, self._docs[o].date, self.window_days)]

    def _weight(self, entity_id: str, kind: str) -> float:
        if is_generic(entity_id):
            return 0.0
        seen = len(self._docs)
        if seen >= GENERIC_AFTER and self._entity_docs[entity_id] > GENERIC_SHARE * seen:
            return 0.0
        return TYPE_WEIGHTS.get(kind, 0.5)

    def compare(self, a: StoryDoc, b: StoryDoc) -> StoryLink | None:
        """The story link between two documents, or None when the evidence is too thin."""
        if not within_window(a.date, b.date, self.window_days):
            return None
        shared = sorted(
            (e for e in a.entities.keys() & b.entities.keys() if self._weight(e, a.entities[e])),
            key=lambda e: (-self._weight(e, a.entities[e]), e),
        )
        weights = [self._weight(e, a.entities[e]) for e in shared]
        incident = incident_evidence(a.incident, b.incident)
        if incident:
            shared.append(_incident_key(a.incident))  # type: ignore[arg-type]
            weights.append(incident)
        if not weights or max(weights) < SPECIFIC_MIN:
            return None
        figures = tuple(sorted(a.figures & b.figures))
        text = self._terms.cosine(a.terms, b.terms)
        score = sum(weights) + FIGURE_WEIGHT * min(len(figures), 2) + TEXT_WEIGHT * text
        anchored = any(a.entities.get(e) in ANCHOR_TYPES for e in shared)
        if not anchored and score < LINK_SCORE:
            return None
        return StoryLink(
            a.doc_id, b.doc_id, round(score, 3), tuple(shared), figures, round(text, 3)
        )

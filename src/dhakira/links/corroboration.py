"""Incidents and corroboration: claims from different documents about one event, side by side.

Ten documents that repeat one Amnesty figure are one source, not ten. This module groups the
claims of analysed documents (`records.Claim`) into incidents and says, for each incident, how
many independent sources stand behind its figures, what they amount to and where they
disagree. Everything works on plain records; storing and showing is the archive's work.

- Grouping: two claims can be one incident when they count the same kind of event (`event`)
  at the same canonical place, in periods that overlap (a claim without a period is placed at
  its document's issue date, with `GAP_DAYS` of slack), with figures of the same order of
  magnitude (a weekly batch of "20 to 50" is not the total of "5,000 to 13,000"). A claim joins
  the first incident whose every member it is compatible with (no chaining).
- Independence: a member's source is who the figure is attributed to (canonical), else the
  publisher, else the document itself. Members with the same source are one source, and a
  document that repeats another (duplicate or copy pairs given by the caller) shares its source.
- Consolidation: the envelope over the members — the lowest stated minimum, the highest stated
  maximum, the median of point estimates.
- Conflicts: two figures from different documents whose possible values cannot overlap
  (exact 5,000 against at least 20,000). A vague "thousands" reads as "1,000 or more", so it
  does not conflict with 13,000.
- Suggested reliability (`suggest_claims`, `suggest_documents`): a value of
  `records.RELIABILITIES` with its reasons (`links.reasons.Reason`: a key and its values, so
  each reader is told them in their language). It is a suggestion kept beside a person's
  rating, which is passed through untouched and never replaced.
"""

from __future__ import annotations

import hashlib
import math
import statistics
from bisect import bisect_left, insort
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache

from dhakira.links.reasons import NO_CLAIM_ELSEWHERE, Reason
from dhakira.records import Claim, Document

GAP_DAYS = 183  # slack between two periods (or a period and an undated claim's issue date)
MAGNITUDE = 10.0  # figures further apart than this factor count different things
# documents a single-source reason names (it counts them all): an incident repeated by hundreds
# of documents would otherwise repeat their hundreds of codes in every member's reason
REASON_DOCUMENTS = 5
APPROXIMATE = {"about": 0.25, "estimated": 0.25, "nearly": 0.25}  # relative slack of a figure
_OPEN = math.inf


@dataclass(frozen=True)
class SourcedClaim:
    """A claim with what corroboration needs of its document.

    `index` is the claim's position in `Document.claims`; `issued` the document's issue date
    (ISO, any precision); `rating` a person's reliability rating of the claim, if any.
    """

    doc_id: str
    index: int
    claim: Claim
    publisher: str | None = None
    issued: str | None = None
    rating: str | None = None

    @property
    def key(self) -> tuple[str, int]:
        return (self.doc_id, self.index)


@dataclass(frozen=True)
class Member:
    """One claim of an incident as shown side by side, with the source it was counted under."""

    doc_id: str
    index: int
    low: float | None
    high: float | None
    best: float | None
    qualifier: str | None
    publisher: str | None
    attributed_to: str | None
    source: str
    quote: str

    @property
    def figure(self) -> str:
        """The figure as a reader would say it: "5,000-13,000", "as many as 13,000"."""
        return describe_figure(self.low, self.high, self.best, self.qualifier)


@dataclass(frozen=True)
class Conflict:
    """Two members (indexes into `Incident.members`) whose figures cannot both be true."""

    first: int
    second: int
    reason: str


@dataclass(frozen=True)
class Incident:
    """Claims about one event from several documents, with sources, consolidation, conflicts."""

    incident_id: str
    event: str
    place: str | None
    period_start: str | None
    period_end: str | None
    members: tuple[Member, ...]
    sources: tuple[tuple[str, ...], ...]  # each independent source: the source names merged
    low: float | None
    best: float | None
    high: float | None
    conflicts: tuple[Conflict, ...]

    @property
    def independent_sources(self) -> int:
        return len(self.sources)

    @property
    def consistent(self) -> bool:
        return not self.conflicts

    @cached_property
    def documents(self) -> tuple[str, ...]:
        """The member documents in order, each once (worked out once: pages ask per member)."""
        return tuple(dict.fromkeys(m.doc_id for m in self.members))


@dataclass(frozen=True)
class Suggestion:
    """A suggested reliability with its reasons; `rating` is the person's own, untouched."""

    suggested: str
    why: tuple[Reason, ...]
    rating: str | None = None

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons in English."""
        return tuple(reason.text for reason in self.why)


def sourced_claims(
    doc: Document, doc_id: str, ratings: Mapping[int, str] | None = None
) -> list[SourcedClaim]:
    """The claims of an analysed document with its id, publisher and issue date."""
    issued = doc.date.value if doc.date else None
    return [
        SourcedClaim(doc_id, i, claim, doc.publisher, issued, (ratings or {}).get(i))
        for i, claim in enumerate(doc.claims)
    ]


def describe_figure(
    low: float | None, high: float | None, best: float | None, qualifier: str | None
) -> str:
    """A figure in words: "5,000-13,000", "as many as 13,000", "thousands"."""

    def n(value: float) -> str:
        return f"{value:,.0f}"

    if low is not None and high is not None and low != high:
        return f"{n(low)}-{n(high)}"
    value = next((v for v in (best, low, high) if v is not None), None)
    if value is None:
        return qualifier or "?"
    if qualifier and qualifier not in ("between",) and low is not None and high is None:
        if qualifier in ("at least", "over"):
            return f"{qualifier} {n(value)}"
        return qualifier  # a vague plural: "thousands"
    return f"{qualifier} {n(value)}" if qualifier else n(value)


# --- time ------------------------------------------------------------------------------------


@lru_cache(maxsize=65_536)
def _bounds(value: str) -> tuple[date, date] | None:
    """First and last day of an ISO date cut to year, month or day (pure, and the same dates
    come back claim after claim: cached)."""
    try:
        parts = [int(p) for p in value[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, following - timedelta(days=1)
        day = date(parts[0], parts[1], parts[2])
        return day, day
    except (ValueError, IndexError):
        return None


def claim_period(item: SourcedClaim) -> tuple[date, date] | None:
    """When a claim's events happened: its period, else its document's issue date; None unknown."""
    start = _bounds(item.claim.period_start) if item.claim.period_start else None
    end = _bounds(item.claim.period_end) if item.claim.period_end else None
    issued = _bounds(item.issued) if item.issued else None
    if start and end:
        return start[0], end[1]
    if start:
        return start[0], (issued[1] if issued else start[1])
    if end:
        return end[0], end[1]
    return issued


def _periods_meet(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    if a is None or b is None:
        return True
    gap = max(a[0], b[0]) - min(a[1], b[1])
    return gap.days <= GAP_DAYS


# --- figures ---------------------------------------------------------------------------------


def possible_values(claim: Claim) -> tuple[float, float] | None:
    """The values a figure allows: exact 5,000 → [5000, 5000]; at least 20,000 → [20000, ∞)."""
    slack = APPROXIMATE.get(claim.qualifier or "", 0.0)
    if claim.low is not None or claim.high is not None:
        low = claim.low if claim.low is not None else 0.0
        high = claim.high if claim.high is not None else _OPEN
        return low * (1 - slack), high * (1 + slack)
    if claim.best is not None:
        return claim.best * (1 - slack), claim.best * (1 + slack)
    return None


def _magnitude(claim: Claim) -> tuple[float, float] | None:
    """The order of magnitude a figure speaks of ("as many as 13,000" is not about 20)."""
    values = possible_values(claim)
    if values is None:
        return None
    low, high = values
    if claim.low is None and claim.high is not None:
        low = claim.high / MAGNITUDE
    if high == _OPEN:
        high = low * MAGNITUDE
    return max(low, 1.0), max(high, 1.0)


def _same_magnitude(a: Claim, b: Claim) -> bool:
    return _magnitudes_meet(_magnitude(a), _magnitude(b))


def _magnitudes_meet(ma: tuple[float, float] | None, mb: tuple[float, float] | None) -> bool:
    if ma is None or mb is None:
        return False
    if ma[1] >= mb[0] and mb[1] >= ma[0]:
        return True
    gap = max(ma[0], mb[0]) / min(ma[1], mb[1])
    return gap <= MAGNITUDE


def _values_conflict(va: tuple[float, float] | None, vb: tuple[float, float] | None) -> bool:
    """True when two figures cannot both be true: their possible values do not overlap."""
    if va is None or vb is None:
        return False
    return va[1] < vb[0] or vb[1] < va[0]


# --- grouping --------------------------------------------------------------------------------


def _fold(name: str | None) -> str:
    return " ".join((name or "").casefold().split())


def compatible(a: SourcedClaim, b: SourcedClaim) -> bool:
    """Could these two claims be about the same event? (kind, event, place, time, magnitude)"""
    ca, cb = a.claim, b.claim
    return (
        ca.kind == cb.kind == "victims"
        and ca.event == cb.event
        and bool(ca.place)
        and _fold(ca.place) == _fold(cb.place)
        and _periods_meet(claim_period(a), claim_period(b))
        and _same_magnitude(ca, cb)
    )


@dataclass(frozen=True)
class _Prepared:
    """A claim with what grouping compares, worked out once (not once per comparison)."""

    item: SourcedClaim
    days: tuple[int, int] | None  # the claim's period as day ordinals
    magnitude: tuple[float, float] | None


class _Group:
    """Claims grouped so far, with the bounds a new claim must meet to be compatible with
    every member: checking the bounds is the same test as checking each member (the period
    gap and the magnitude ratio are both worst at the extreme members), in constant time.
    Checked equal to the member-by-member test on 20,000 generated claims; only a figure whose
    low exceeds its high (a data error) can be grouped differently."""

    def __init__(self, number: int) -> None:
        self.number = number  # its place among the groups of its bucket
        self.members: list[_Prepared] = []
        self.latest_start: int | None = None  # over members with a period
        self.earliest_end: int | None = None
        self.worst_span = -math.inf  # start minus end, over members (> 0: an inverted period)
        self.highest_low = 0.0
        self.lowest_high = math.inf
        self.worst_ratio = 0.0  # low over high, over members (> 1: an inverted figure)
        self.unsized = False  # a member without a figure: nothing else is compatible

    def accepts(self, claim: _Prepared) -> bool:
        if claim.magnitude is None or self.unsized:
            return False
        if not self._meets_period(claim.days):
            return False
        low, high = claim.magnitude
        return (
            low / self.lowest_high <= MAGNITUDE
            and self.highest_low / high <= MAGNITUDE
            and (low / high <= MAGNITUDE and self.worst_ratio <= MAGNITUDE)
        )

    def _meets_period(self, days: tuple[int, int] | None) -> bool:
        if days is None or self.latest_start is None or self.earliest_end is None:
            return True
        return (
            days[0] - self.earliest_end <= GAP_DAYS
            and self.latest_start - days[1] <= GAP_DAYS
            and (days[0] - days[1] <= GAP_DAYS and self.worst_span <= GAP_DAYS)
        )

    def add(self, claim: _Prepared) -> None:
        self.members.append(claim)
        if claim.days is not None:
            start, end = claim.days
            self.latest_start = max(start, self.latest_start or start)
            self.earliest_end = min(end, self.earliest_end or end)
            self.worst_span = max(self.worst_span, start - end)
        if claim.magnitude is None:
            self.unsized = True
        else:
            low, high = claim.magnitude
            self.highest_low = max(self.highest_low, low)
            self.lowest_high = min(self.lowest_high, high)
            self.worst_ratio = max(self.worst_ratio, low / high)


class _Bucket:
    """The groups of one event at one place, in the order they were opened, indexed by how
    early their periods end: a claim can only join a dated group whose period ends no more
    than GAP_DAYS before the claim's begins, and in an archive read in date order those are
    the few recent ones. The group a claim joins is the first opened that `_Group.accepts`
    it, exactly as a scan of all the groups would find (only faster)."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.undated: list[int] = []  # groups with no dated member: any period meets them
        self.ends: list[tuple[int, int]] = []  # (earliest end, group number), sorted

    def first_accepting(self, claim: _Prepared) -> _Group | None:
        if claim.magnitude is None:
            return None
        if claim.days is None:  # meets every period: every group is a candidate
            return next((g for g in self.groups if g.accepts(claim)), None)
        first, last = claim.days
        candidates = list(self.undated)
        if first - last <= GAP_DAYS:  # an inverted period meets no dated group
            cut = bisect_left(self.ends, (first - GAP_DAYS, -1))
            candidates.extend(number for _, number in self.ends[cut:])
        for number in sorted(candidates):
            if self.groups[number].accepts(claim):
                return self.groups[number]
        return None

    def open(self) -> _Group:
        group = _Group(number=len(self.groups))
        self.undated.append(group.number)
        self.groups.append(group)
        return group

    def add(self, group: _Group, claim: _Prepared) -> None:
        number = group.number
        before = group.earliest_end
        group.add(claim)
        if group.earliest_end is None or group.earliest_end == before:
            return
        if before is None:
            self.undated.remove(number)
        else:
            del self.ends[bisect_left(self.ends, (before, number))]
        insort(self.ends, (group.earliest_end, number))


def _prepare(item: SourcedClaim) -> _Prepared:
    period = claim_period(item)
    days = (period[0].toordinal(), period[1].toordinal()) if period else None
    return _Prepared(item, days, _magnitude(item.claim))


def group_claims(
    claims: Iterable[SourcedClaim],
    repeats: Iterable[tuple[str, str]] = (),
    min_documents: int = 2,
) -> list[Incident]:
    """Incidents: compatible claims from at least `min_documents` documents, grouped.

    `repeats` are pairs of document ids where one repeats the other (duplicates, copies);
    they count as one source.
    """
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Bucket] = {}  # only same event and place
    for item in claims:
        if item.claim.kind != "victims" or not item.claim.place:
            continue
        prepared = _prepare(item)
        bucket = by_key.setdefault((item.claim.event, _fold(item.claim.place)), _Bucket())
        home = bucket.first_accepting(prepared)
        if home is None:
            home = bucket.open()
            groups.append(home)
        bucket.add(home, prepared)
    partners = _partners(repeats)
    return [
        _build([p.item for p in group.members], partners)
        for group in groups
        if len({p.item.doc_id for p in group.members}) >= min_documents
    ]


def _partners(repeats: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Each document's repeat partners, both ways."""
    found: dict[str, set[str]] = {}
    for a, b in repeats:
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return found


def source_of(item: SourcedClaim) -> str:
    """Who stands behind a figure: the attributed source, else the publisher, else the document."""
    return item.claim.attributed_to or item.publisher or f"document {item.doc_id}"


def _independent(items: Sequence[SourcedClaim], partners: dict[str, set[str]]) -> list[int]:
    """A source number per member: same source or a repeated document → same number."""
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    first_of_source: dict[str, int] = {}
    by_doc: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        join(i, first_of_source.setdefault(_fold(source_of(item)), i))
        by_doc.setdefault(item.doc_id, []).append(i)
    for doc, members in by_doc.items():
        for other in partners.get(doc, ()):
            for j in by_doc.get(other, ()):
                for i in members:  # a repeated document and its repeat: one source
                    join(i, j)
    return [find(i) for i in range(len(items))]


def _build(items: Sequence[SourcedClaim], partners: dict[str, set[str]]) -> Incident:
    """One incident from compatible claims: members, sources, consolidation and conflicts."""
    roots = _independent(items, partners)
    sources: dict[int, list[str]] = {}
    for root, item in zip(roots, items, strict=True):
        names = sources.setdefault(root, [])
        if source_of(item) not in names:
            names.append(source_of(item))
    members = tuple(
        Member(
            item.doc_id,
            item.index,
            item.claim.low,
            item.claim.high,
            item.claim.best,
            item.claim.qualifier,
            item.publisher,
            item.claim.attributed_to,
            " / ".join(sources[root]),
            item.claim.quote,
        )
        for root, item in zip(roots, items, strict=True)
    )
    values = [possible_values(item.claim) for item in items]
    conflicts = tuple(
        Conflict(j, i, f"{_said(members[j])} cannot be true with {_said(members[i])}")
        for i in _may_conflict(values)
        for j in range(i)
        if items[j].doc_id != items[i].doc_id and _values_conflict(values[j], values[i])
    )
    low, best, high = consolidate(item.claim for item in items)
    first = items[0].claim
    starts = [i.claim.period_start for i in items if i.claim.period_start]
    ends = [i.claim.period_end for i in items if i.claim.period_end]
    keys = sorted(f"{i.doc_id}#{i.index}" for i in items)
    return Incident(
        incident_id="incident:" + hashlib.sha1("|".join(keys).encode()).hexdigest()[:12],
        event=first.event,
        place=first.place,
        period_start=min(starts) if starts else None,
        period_end=max(ends) if ends else None,
        members=members,
        sources=tuple(tuple(names) for names in sources.values()),
        low=low,
        best=best,
        high=high,
        conflicts=conflicts,
    )


def _may_conflict(values: Sequence[tuple[float, float] | None]) -> list[int]:
    """The members whose figure conflicts with some earlier member's, in order, or may: a
    figure meets every earlier one when it reaches below the lowest high and above the
    highest low so far, and then the pairs need not be looked at (incidents of hundreds of
    members agree nearly everywhere)."""
    found: list[int] = []
    lowest_high, highest_low = math.inf, -math.inf
    for i, value in enumerate(values):
        if value is None:
            continue
        if value[0] > lowest_high or value[1] < highest_low:
            found.append(i)
        lowest_high = min(lowest_high, value[1])
        highest_low = max(highest_low, value[0])
    return found


def _said(member: Member) -> str:
    return f"{member.doc_id} ({member.source}: {member.figure})"


def consolidate(claims: Iterable[Claim]) -> tuple[float | None, float | None, float | None]:
    """Low / best / high over figures: lowest minimum, median point estimate, highest maximum."""
    lows, highs, bests = [], [], []
    for claim in claims:
        if claim.low is not None:
            lows.append(claim.low)
        if claim.high is not None:
            highs.append(claim.high)
        if claim.best is not None:
            bests.append(claim.best)
    return (
        min(lows) if lows else None,
        statistics.median(bests) if bests else None,
        max(highs) if highs else None,
    )


# --- suggested reliability -------------------------------------------------------------------


def _opponents(incident: Incident) -> list[set[str]]:
    """Per member, the sources of the members its figure conflicts with."""
    found: list[set[str]] = [set() for _ in incident.members]
    for conflict in incident.conflicts:
        found[conflict.first].add(incident.members[conflict.second].source)
        found[conflict.second].add(incident.members[conflict.first].source)
    return found


def _member_suggestion(
    incident: Incident, position: int, rating: str | None, against: set[str], sources: set[str]
) -> Suggestion:
    """Corroborated, contradicted or single-source: what this incident says of one member
    (`against`: the sources it conflicts with; `sources`: every member's source)."""
    member = incident.members[position]
    others = sources - {member.source}
    agreeing = others - against
    if against and not agreeing and len(against) >= 2:
        reason = Reason("contradicted", count=len(against), sources=tuple(sorted(against)))
        return Suggestion("incorrect", (reason,), rating)
    if against:
        reasons = [Reason("conflicts_with", sources=tuple(sorted(against)))]
        if agreeing:
            reasons.append(Reason("agrees_with", sources=tuple(sorted(agreeing))))
        return Suggestion("unverified", tuple(reasons), rating)
    if agreeing:
        names = tuple(sorted(agreeing | {member.source}))
        reason = Reason("sources_agree", count=len(names), sources=names)
        return Suggestion("correct", (reason,), rating)
    documents = incident.documents
    reason = Reason(
        "single_source",
        count=len(documents),
        source=member.source,
        documents=documents[:REASON_DOCUMENTS],
    )
    return Suggestion("unverified", (reason,), rating)


def suggest_claims(
    claims: Iterable[SourcedClaim], incidents: Iterable[Incident]
) -> dict[tuple[str, int], Suggestion]:
    """A suggested reliability for every claim, keyed by (document id, claim index).

    A claim in no incident is "unspecified" (nothing to weigh it against). The person's
    rating (`SourcedClaim.rating`) is carried in `Suggestion.rating`, never changed.
    """
    ratings = {item.key: item.rating for item in claims}
    found: dict[tuple[str, int], Suggestion] = {
        key: Suggestion("unspecified", (Reason("no_other_report"),), rating)
        for key, rating in ratings.items()
    }
    for incident in incidents:
        opponents = _opponents(incident)
        sources = {m.source for m in incident.members}
        for position, member in enumerate(incident.members):
            key = (member.doc_id, member.index)
            found[key] = _member_suggestion(
                incident, position, ratings.get(key), opponents[position], sources
            )
    return found


def suggest_documents(
    suggestions: Mapping[tuple[str, int], Suggestion], ratings: Mapping[str, str] | None = None
) -> dict[str, Suggestion]:
    """A document's suggestion from its claims': incorrect or unverified ones weigh first.

    "correct" only when every weighed claim is corroborated; "unspecified" when none of its
    claims could be weighed. `ratings` (a person's, per document) are passed through.
    """
    by_doc: dict[str, list[Suggestion]] = {}
    for (doc_id, _), suggestion in sorted(suggestions.items()):
        by_doc.setdefault(doc_id, []).append(suggestion)
    result: dict[str, Suggestion] = {}
    for doc_id, items in by_doc.items():
        weighed = [s for s in items if s.suggested != "unspecified"]
        reasons = tuple(dict.fromkeys(r for s in weighed for r in s.why))
        rating = (ratings or {}).get(doc_id)
        if not weighed:
            result[doc_id] = Suggestion("unspecified", (NO_CLAIM_ELSEWHERE,), rating)
        elif any(s.suggested == "incorrect" for s in weighed):
            result[doc_id] = Suggestion("incorrect", reasons, rating)
        elif all(s.suggested == "correct" for s in weighed):
            result[doc_id] = Suggestion("correct", reasons, rating)
        else:
            result[doc_id] = Suggestion("unverified", reasons, rating)
    return result

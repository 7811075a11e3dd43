"""View functions for what connects documents: incidents with their sources, and the chronicle.

Like `pages.py`, each function builds one plain dict that the command line prints (as text or
JSON) and the web pages render (as HTML and as their JSON twin). Incidents are computed from
the stored claims when asked (`dhakira.links.corroboration`); chronicle entries are stored per
document when it is linked and merged here. Every function takes `public_only`: a reader who
may see only public documents gets incidents and entries built from public documents alone, so
a restricted document never appears, and never moves a consolidated figure or a count either.

An incident's id is its first member claim, "CODE:START" (document code, character offset of
the claim). Any member's key finds the incident again, so a link keeps working when documents
join the incident later.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from dhakira.archive.linkreads import ClaimScope, EntryHint, LinkReader, fold, split_key
from dhakira.errors import NotFound
from dhakira.links.chronicle import Entry, build_chronicle, in_period
from dhakira.links.corroboration import (
    Incident,
    SourcedClaim,
    Suggestion,
    claim_period,
    describe_figure,
    group_claims,
    suggest_claims,
    suggest_documents,
)
from dhakira.links.reasons import NO_CLAIM_ELSEWHERE

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

Documents = dict[str, dict[str, Any]]


# -- incidents ------------------------------------------------------------------------------------


def _incidents(
    reader: LinkReader, scope: ClaimScope
) -> tuple[list[Incident], list[SourcedClaim], Documents]:
    claims, docs = reader.claims(scope)
    repeats = reader.repeats(c.doc_id for c in claims)
    return group_claims(claims, repeats), claims, docs


def _span(incident: Incident, claims: dict[tuple[str, int], SourcedClaim]) -> tuple[str, str]:
    """First and last day the incident's claims speak of (their periods, else issue dates)."""
    days = [claim_period(claims[(m.doc_id, m.index)]) for m in incident.members]
    known = [d for d in days if d is not None]
    if not known:
        return "", ""
    return min(d[0] for d in known).isoformat(), max(d[1] for d in known).isoformat()


def _overlaps(span: tuple[str, str], date_from: str | None, date_to: str | None) -> bool:
    start, end = span
    if not start:
        return not (date_from or date_to)
    if date_from and end < date_from:
        return False
    return not (date_to and start > date_to + "~")


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _suggestion(found: Suggestion | None) -> dict[str, Any] | None:
    if found is None:
        return None
    return {
        "value": found.suggested,
        "reasons": list(found.reasons),
        "why": [reason.to_json() for reason in found.why],
    }


def incident_id(incident: Incident) -> str:
    """The incident's id: its first member claim as "CODE:START"."""
    first = incident.members[0]
    return f"{first.doc_id}:{first.index}"


def _members(
    incident: Incident, docs: Documents, suggestions: dict[tuple[str, int], Suggestion] | None
) -> list[dict[str, Any]]:
    """The members side by side; with `suggestions`, each with its suggested reliability."""
    firsts: dict[str, str] = {}
    shown = []
    for member in incident.members:
        doc = docs[member.doc_id]
        repeat_of = firsts.setdefault(member.source, member.doc_id)
        shown.append(
            {
                "claim": f"{member.doc_id}:{member.index}",
                "code": member.doc_id,
                "title": doc["title"],
                "date": doc["date"],
                "publisher": member.publisher,
                "attributed_to": member.attributed_to,
                "source": member.source,
                "repeat_of": repeat_of if repeat_of != member.doc_id else None,
                "figure": describe_figure(member.low, member.high, member.best, member.qualifier),
                "qualifier": member.qualifier,
                "low": _number(member.low),
                "high": _number(member.high),
                "best": _number(member.best),
                "quote": member.quote,
                "rating": doc["reliability"],
            }
        )
        if suggestions is not None:
            found = suggestions.get((member.doc_id, member.index))
            shown[-1]["suggested"] = _suggestion(found)
    return shown


def incident_dict(
    incident: Incident,
    docs: Documents,
    claims: dict[tuple[str, int], SourcedClaim],
    suggestions: dict[tuple[str, int], Suggestion] | None = None,
) -> dict[str, Any]:
    """One incident side by side: figures with qualifier, document, publisher, attribution;
    independent sources and repeats; consolidated low / best / high; conflicts; with
    `suggestions`, each member's suggested reliability (the incident's own page; a list of
    incidents leaves them out: in an incident of hundreds of documents they are most of it)."""
    members = _members(incident, docs, suggestions)
    start, end = _span(incident, claims)
    return {
        "id": incident_id(incident),
        "event": incident.event,
        "place": incident.place,
        "period_start": incident.period_start,
        "period_end": incident.period_end,
        "first_day": start or None,
        "last_day": end or None,
        "documents": list(incident.documents),
        "independent_sources": incident.independent_sources,
        "sources": [
            {
                "names": list(names),
                "documents": list(
                    dict.fromkeys(m["code"] for m in members if m["source"] == " / ".join(names))
                ),
            }
            for names in incident.sources
        ],
        "repeats": sum(1 for m in members if m["repeat_of"]),
        "consolidated": {
            "low": _number(incident.low),
            "best": _number(incident.best),
            "high": _number(incident.high),
            "figure": describe_figure(incident.low, incident.high, incident.best, None),
        },
        "consistent": incident.consistent,
        "conflicts": [
            {
                "first": members[c.first]["claim"],
                "second": members[c.second]["claim"],
                "reason": c.reason,
            }
            for c in incident.conflicts
        ],
        "members": members,
    }


def _keyed(claims: Iterable[SourcedClaim]) -> dict[tuple[str, int], SourcedClaim]:
    return {c.key: c for c in claims}


def incidents_view(
    archive: Archive,
    *,
    event: str | None = None,
    place: str | None = None,
    entity: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    public_only: bool,
    limit: int = 500,
) -> dict[str, Any]:
    """The incidents page: claims grouped across documents, most documents first.

    `place` matches a name or any spelling of it; `entity` an entity id, name or spelling that
    a member document mentions (or the incident's place); dates keep incidents whose claims
    speak of a day in [date_from, date_to].
    """
    reader = LinkReader(archive)
    places = reader.places_named(place, public_only) if place else None
    named: set[str] = set()
    entity_places: frozenset[str] = frozenset()
    if entity:
        _ids, named = reader.mentioning(entity, public_only)
        entity_places = reader.places_named(entity, public_only)
        named_places = entity_places | reader.places_of_documents_naming(entity, public_only)
        places = named_places if places is None else places & named_places
    incidents, claims, docs = _incidents(reader, ClaimScope(public_only, event, places))
    keyed = _keyed(claims)
    shown = []
    for incident in incidents:
        if entity and not (
            set(incident.documents) & named or fold(incident.place) in entity_places
        ):
            continue
        line = incident_dict(incident, docs, keyed)
        if _overlaps((line["first_day"] or "", line["last_day"] or ""), date_from, date_to):
            shown.append(line)
    shown.sort(key=lambda i: (-len(i["documents"]), i["first_day"] or "9999", i["id"]))
    return {
        "query": {
            "event": event,
            "place": place,
            "entity": entity,
            "date_from": date_from,
            "date_to": date_to,
        },
        "total": len(shown),
        "incidents": shown[:limit],
    }


def incident_view(archive: Archive, incident_id: str, public_only: bool) -> dict[str, Any]:
    """One incident by its id (or any member claim's "CODE:START"), with the suggested
    reliability of each member beside the person's rating of its document."""
    code, start = split_key(incident_id)
    reader = LinkReader(archive)
    event, place = reader.claim_at(code, start, public_only)
    incidents, claims, docs = _incidents(reader, ClaimScope(public_only, event, frozenset({place})))
    found = next(
        (i for i in incidents if any((m.doc_id, m.index) == (code, start) for m in i.members)),
        None,
    )
    if found is None:
        raise NotFound(
            "no incident with this id in the archive (the claim is reported by one document)",
            item=incident_id,
            hint="list incidents with `dhakira incidents`",
        )
    return incident_dict(found, docs, _keyed(claims), suggest_claims(claims, incidents))


def document_connections(archive: Archive, code: str, *, public_only: bool) -> dict[str, Any]:
    """What `dhakira show` and the record page add: the incidents a document belongs to, and
    the reliability suggested from them with its reasons, beside the person's rating."""
    reader = LinkReader(archive)
    events, places = reader.claim_keys(code, public_only)
    incidents: list[Incident] = []
    claims: list[SourcedClaim] = []
    docs: Documents = {}
    if places:
        incidents, claims, docs = _incidents(reader, ClaimScope(public_only, None, places, events))
    own = [i for i in incidents if code in i.documents]
    return connections_of(code, own, claims, docs, incidents)


def connections_of(
    code: str,
    own: Sequence[Incident],
    claims: Sequence[SourcedClaim],
    docs: Documents,
    incidents: Sequence[Incident],
) -> dict[str, Any]:
    """The incidents of one document and its suggested reliability (also used by export)."""
    keyed = _keyed(claims)
    suggestions = suggest_claims([c for c in claims if c.doc_id == code], incidents)
    rating = docs.get(code, {}).get("reliability")
    suggested = suggest_documents(suggestions, {code: rating} if rating else None).get(code)
    why = suggested.why if suggested else (NO_CLAIM_ELSEWHERE,)
    return {
        "incidents": [_incident_line(i, docs, keyed) for i in own],
        "suggested_reliability": {
            "value": suggested.suggested if suggested else "unspecified",
            "reasons": [reason.text for reason in why],
            "why": [reason.to_json() for reason in why],
            "rating": rating,
        },
    }


def _incident_line(
    incident: Incident, docs: Documents, claims: dict[tuple[str, int], SourcedClaim]
) -> dict[str, Any]:
    full = incident_dict(incident, docs, claims)
    keep = ("id", "event", "place", "first_day", "last_day", "documents")
    line = {key: full[key] for key in keep}
    line.update(
        independent_sources=full["independent_sources"],
        consistent=full["consistent"],
        figure=full["consolidated"]["figure"],
    )
    return line


def connections_by_document(archive: Archive, *, public_only: bool) -> dict[str, dict[str, Any]]:
    """`document_connections` for every document with claims in an incident, computed once
    (for `dhakira export`); documents missing here belong to no incident."""
    reader = LinkReader(archive)
    incidents, claims, docs = _incidents(reader, ClaimScope(public_only))
    by_code: dict[str, list[Incident]] = {}
    for incident in incidents:
        for code in incident.documents:
            by_code.setdefault(code, []).append(incident)
    return {
        code: connections_of(code, own, claims, docs, incidents) for code, own in by_code.items()
    }


# -- the chronicle --------------------------------------------------------------------------------


def entry_dict(entry: Entry) -> dict[str, Any]:
    return {
        "date": entry.date,
        "precision": entry.precision,
        "what": entry.what,
        "origin": entry.origin,
        "origins": list(entry.origins),
        "event": entry.event,
        "documents": list(entry.documents),
        "places": list(entry.places),
        "facilities": list(entry.facilities),
        "entities": list(entry.entities),
    }


def _named_by(entry: Entry, ids: set[str], name: str) -> bool:
    names = {fold(n) for n in entry.places + entry.facilities}
    return bool(ids & set(entry.entities)) or any(fold(name) in n for n in names)


def _at(entry: Entry, name: str, ids: set[str], facility_only: bool) -> bool:
    names = entry.facilities if facility_only else entry.places + entry.facilities
    return any(fold(name) in fold(n) for n in names) or bool(ids & set(entry.entities))


def period_counts(entries: Sequence[Entry]) -> tuple[str, list[dict[str, Any]]]:
    """Entries per year, or per month when they span three years or less (for a plot).
    An entry known only to the year is counted under its year."""
    if not entries:
        return "year", []
    years = {e.date[:4] for e in entries}
    granularity = "month" if int(max(years)) - int(min(years)) < 3 else "year"
    size = 7 if granularity == "month" else 4
    counted = Counter(e.date[:size] for e in entries)
    return granularity, [{"period": p, "entries": n} for p, n in sorted(counted.items())]


def timeline_view(
    archive: Archive,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    place: str | None = None,
    facility: str | None = None,
    entity: str | None = None,
    public_only: bool,
    limit: int = 1000,
) -> dict[str, Any]:
    """The chronicle page: dated entries (what, date and precision, documents, places,
    facilities, entities) in date order, and their counts per period for a plot.

    `place` and `facility` match names or spellings; `entity` an entity id, name or spelling.
    """
    reader = LinkReader(archive)
    places = (
        _only(reader.mentioning(place, public_only)[0], ("place", "facility")) if place else set()
    )
    facilities = (
        _only(reader.mentioning(facility, public_only)[0], ("facility",)) if facility else set()
    )
    entities = reader.mentioning(entity, public_only)[0] if entity else set()
    hint = next(
        (
            EntryHint(name, frozenset(ids))
            for name, ids in ((place, places), (facility, facilities), (entity, entities))
            if name
        ),
        None,
    )
    raw = reader.entries(date_from, date_to, public_only, hint)
    entries = in_period(build_chronicle(raw), date_from, date_to)
    if place:
        entries = [e for e in entries if _at(e, place, places, False)]
    if facility:
        entries = [e for e in entries if _at(e, facility, facilities, True)]
    if entity:
        entries = [e for e in entries if _named_by(e, entities, entity)]
    granularity, counts = period_counts(entries)
    return {
        "query": {
            "date_from": date_from,
            "date_to": date_to,
            "place": place,
            "facility": facility,
            "entity": entity,
        },
        "total": len(entries),
        "granularity": granularity,
        "counts": counts,
        "entries": [entry_dict(e) for e in entries[:limit]],
    }


def _only(ids: set[str], types: tuple[str, ...]) -> set[str]:
    return {i for i in ids if i.split(":", 1)[0] in types}


# -- what the record page and the export add ------------------------------------------------------

NO_CONNECTIONS: dict[str, Any] = {
    "incidents": [],
    "suggested_reliability": {
        "value": "unspecified",
        "reasons": [NO_CLAIM_ELSEWHERE.text],
        "why": [NO_CLAIM_ELSEWHERE.to_json()],
        "rating": None,
    },
}


def with_connections(
    page: dict[str, Any], archive: Archive, *, public_only: bool
) -> dict[str, Any]:
    """A record page (`pages.record_page`) with the incidents of its document in
    `links.incidents` and the suggested reliability in `reliability.suggested`, beside the
    person's rating, which stays as it is."""
    found = document_connections(archive, page["code"], public_only=public_only)
    links = dict(page.get("links") or {})
    links["incidents"] = found["incidents"]
    reliability = dict(page["reliability"])
    suggested = found["suggested_reliability"]
    reliability["suggested"] = {
        "value": suggested["value"],
        "reasons": suggested["reasons"],
        "why": suggested["why"],
    }
    return {**page, "links": links, "reliability": reliability}


def export_connections(links: dict[str, Any], found: dict[str, Any] | None) -> dict[str, Any]:
    """What an exported document carries besides its fields: every link (duplicates, primary,
    story, related, incidents) and the suggested reliability (`connections_by_document`)."""
    found = found or NO_CONNECTIONS
    suggested = found["suggested_reliability"]
    return {
        "links": {**links, "incidents": found["incidents"]},
        "suggested_reliability": {
            "value": suggested["value"],
            "reasons": suggested["reasons"],
            "why": suggested["why"],
        },
    }

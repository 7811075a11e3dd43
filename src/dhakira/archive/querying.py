"""Running a SearchQuery: full-text match from the dialect, filters and paging in Core SQL.

A query with text ranks by the backend's relevance score; a query with only filters lists
documents by date (newest first). An analyzed query with no terms and no filters finds nothing.

Relevance ranking costs time in proportion to the number of matches (bm25 and ts_rank score
every one of them). When a query matches more than `RANK_WINDOW` documents, the newest
`RANK_WINDOW` of them are ranked by relevance and shown first, and the older ones follow, newest
first; the total stays exact and every match stays reachable by paging. This keeps a search for
a word found in half of a large archive as fast as a search for a rare one.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive.dialects import Dialect, TextMatch
from dhakira.archive.facets import filter_groups
from dhakira.archive.masking import NO_MASK, Mask
from dhakira.archive.records import Facets, SearchHit, SearchQuery, SearchResult
from dhakira.archive.restrictions import free_of_terms, hidden_mention, load_masks
from dhakira.archive.schema import document_texts, documents, mentions
from dhakira.archive.search import parse_query, snippet

RANK_WINDOW = 2000

_HIT_COLUMNS = (
    documents.c.code,
    documents.c.title,
    documents.c.date,
    documents.c.doc_type,
    documents.c.language,
    documents.c.publisher,
    documents.c.id,
)


def _filters(query: SearchQuery) -> list[sa.ColumnElement[bool] | sa.TextClause]:
    """The filter conditions; dates compare as ISO strings, so "2017" covers all of 2017."""
    conditions: list[sa.ColumnElement[bool] | sa.TextClause] = []
    if query.date_from:
        conditions.append(documents.c.date >= query.date_from.strip())
    if query.date_to:
        conditions.append(documents.c.date <= query.date_to.strip() + "~")
    if query.doc_type:
        conditions.append(documents.c.doc_type == query.doc_type)
    if query.language:
        conditions.append(documents.c.languages_key.contains(f",{query.language},"))
    if query.publisher:
        conditions.append(documents.c.publisher_key == query.publisher.strip().casefold())
    if query.reliability:
        conditions.append(documents.c.reliability == query.reliability)
    if query.entity:
        named = sa.select(mentions.c.doc_id).where(mentions.c.entity_id == query.entity)
        if query.hide_restricted:
            named = named.where(~hidden_mention(mentions.c.doc_id, mentions.c.text))
        conditions.append(documents.c.id.in_(named))
    if query.public_only:
        conditions.append(documents.c.visibility == "public")
    return conditions


def _has_filters(query: SearchQuery) -> bool:
    """Whether the query narrows by a value (visibility is a scope, not a filter)."""
    return any(
        (
            query.date_from,
            query.date_to,
            query.doc_type,
            query.language,
            query.publisher,
            query.reliability,
            query.entity,
        )
    )


def run_search(conn: Connection, dialect: Dialect, query: SearchQuery) -> SearchResult:
    """Find, count and page the documents matching `query`, with a snippet for each hit."""
    started = time.perf_counter()
    parsed = parse_query(query.text or "")
    conditions = _filters(query)
    restricting = (
        free_of_terms(conn, documents.c.id, parsed.terms) if query.hide_restricted else None
    )
    if restricting is not None:
        conditions.append(restricting)
    if parsed.empty and (query.text.strip() or not _has_filters(query)):
        return SearchResult(total=0, hits=[], took_ms=_ms(started))
    score: sa.ColumnElement[Any]
    match: TextMatch | None = None
    if parsed.empty:
        source: sa.FromClause = documents
        score = sa.literal(0.0)
        order = [documents.c.date.desc(), documents.c.code]
        counting = sa.select(sa.func.count()).select_from(documents).where(*conditions)
    else:
        groups = filter_groups(
            query.date_from, query.date_to, query.doc_type, query.language, query.publisher
        )
        match = dialect.match(parsed.terms, parsed.phrases, groups)
        source, score = match.from_clause, match.score
        order = [score.desc(), documents.c.id]
        counting = _count_matches(match.ids, conditions)
        conditions.append(match.where)
    total = conn.execute(counting).scalar_one()
    limit, offset = max(0, min(query.limit, 1000)), max(0, query.offset)
    if match is not None and total > RANK_WINDOW:
        page = _windowed_page(conn, match, source, conditions, limit, offset)
    else:
        if match is not None and len(conditions) == 1:
            paging = _ranked_in_index(match, limit, offset)
        else:
            paging = (
                sa.select(*_HIT_COLUMNS, score.label("score"))
                .select_from(source)
                .where(*conditions)
                .order_by(*order)
                .limit(limit)
                .offset(offset)
            )
        page = list(conn.execute(paging).mappings().all())
    texts = _texts(conn, [row["id"] for row in page])
    masks = load_masks(conn, [row["code"] for row in page]) if query.hide_restricted else {}
    hits = [
        _hit(row, texts.get(row["id"], ""), parsed.terms, masks.get(row["code"])) for row in page
    ]
    return SearchResult(total=int(total), hits=hits, took_ms=_ms(started))


_FACET_TOP = 12
_FACET_COLUMNS = ("doc_type", "language", "publisher", "year", "reliability")


def run_facets(conn: Connection, dialect: Dialect, query: SearchQuery) -> Facets:
    """How the documents a search finds divide by type, language, publisher, year and
    reliability. Without words the whole (visible) archive is counted, so a reader can browse;
    the visibility scope is one of the conditions, so counts never include what is hidden.

    One statement counts every facet: the matching documents are found once (a materialized
    common table expression) and each facet groups them; six statements that each ran the
    full-text match and read every matching row again took five times as long."""
    parsed = parse_query(query.text or "")
    conditions = _filters(query)
    if parsed.empty and query.text.strip():
        return Facets([], [], [], [], [])
    restricting = (
        free_of_terms(conn, documents.c.id, parsed.terms) if query.hide_restricted else None
    )
    if restricting is not None:
        conditions.append(restricting)
    if not parsed.empty:
        groups = filter_groups(
            query.date_from, query.date_to, query.doc_type, query.language, query.publisher
        )
        match = dialect.match(parsed.terms, parsed.phrases, groups)
        conditions.append(documents.c.id.in_(match.ids))
    counted: dict[str, list[tuple[int, str, str | None]]] = {"entity": []}
    for facet, value, count, name in conn.execute(_facet_counts(conditions, query.hide_restricted)):
        if value is not None:
            counted.setdefault(facet, []).append((int(count), str(value), name))
    top = {facet: _top(found) for facet, found in counted.items()}
    return Facets(
        **{
            facet: [(value, count) for count, value, _ in top.get(facet, [])]
            for facet in _FACET_COLUMNS
        },
        entity=[(value, count) for count, value, _name in top["entity"]],
        entity_names={value: str(name or value) for _count, value, name in top["entity"]},
    )


def _top(found: list[tuple[int, str, str | None]]) -> list[tuple[int, str, str | None]]:
    """The most frequent values first, ties by value, cut to _FACET_TOP."""
    return sorted(found, key=lambda row: (-row[0], row[1]))[:_FACET_TOP]


def _name_of(facet: str) -> sa.ColumnElement[str]:
    """A facet's name as a typed constant column (PostgreSQL needs the type in a UNION)."""
    return sa.cast(sa.literal(facet), sa.String)


def _facet_counts(
    conditions: list[sa.ColumnElement[bool] | sa.TextClause], hide_restricted: bool = False
) -> sa.CompoundSelect[Any]:
    """(facet, value, count, entity name) rows for every facet value among the matching
    documents; linked entities count the documents naming them (with hide_restricted, not a
    restricted mention, which a reader below editor may not see)."""
    matching = (
        sa.select(
            documents.c.id,
            documents.c.doc_type,
            documents.c.language,
            documents.c.publisher,
            sa.func.substr(documents.c.date, 1, 4).label("year"),
            documents.c.reliability,
        )
        .where(*conditions)
        .cte("matching")
        .prefix_with("MATERIALIZED")
    )
    no_name = sa.cast(sa.null(), sa.String)
    parts = [
        sa.select(_name_of(facet), matching.c[facet], sa.func.count(), no_name).group_by(
            matching.c[facet]
        )
        for facet in _FACET_COLUMNS
    ]
    entities = sa.select(
        _name_of("entity"),
        mentions.c.entity_id,
        sa.func.count(sa.distinct(mentions.c.doc_id)),
        sa.func.max(mentions.c.canonical_name),
    ).where(mentions.c.entity_id.is_not(None), mentions.c.doc_id.in_(sa.select(matching.c.id)))
    if hide_restricted:
        entities = entities.where(~hidden_mention(mentions.c.doc_id, mentions.c.text))
    return sa.union_all(*parts, entities.group_by(mentions.c.entity_id))


def _windowed_page(
    conn: Connection,
    match: TextMatch,
    source: sa.FromClause,
    conditions: list[sa.ColumnElement[bool] | sa.TextClause],
    limit: int,
    offset: int,
) -> list[Any]:
    """One page of a query with more matches than RANK_WINDOW: the newest RANK_WINDOW matches
    ranked by relevance, then the older matches newest first."""
    floor = conn.execute(
        sa.select(match.id_column)
        .select_from(source)
        .where(*conditions)
        .order_by(match.id_column.desc())
        .limit(1)
        .offset(RANK_WINDOW - 1)
    ).scalar_one()
    rows: list[Any] = []
    if offset < RANK_WINDOW:
        ranked = (
            sa.select(*_HIT_COLUMNS, match.score.label("score"))
            .select_from(source)
            .where(*conditions, match.id_column >= floor)
            .order_by(match.score.desc(), documents.c.id)
            .limit(min(limit, RANK_WINDOW - offset))
            .offset(offset)
        )
        rows += conn.execute(ranked).mappings().all()
    if len(rows) < limit:
        older = (
            sa.select(*_HIT_COLUMNS, sa.literal(0.0).label("score"))
            .select_from(source)
            .where(*conditions, match.id_column < floor)
            .order_by(match.id_column.desc())
            .limit(limit - len(rows))
            .offset(max(0, offset - RANK_WINDOW))
        )
        rows += conn.execute(older).mappings().all()
    return rows


def _ranked_in_index(match: TextMatch, limit: int, offset: int) -> sa.Select[Any]:
    """Without filters, rank and cut the page inside the index, then join only that page:
    joining every match to its document before sorting doubled the time of common terms."""
    ranked = (
        sa.select(match.id_column.label("id"), match.score.label("score"))
        .where(match.where)
        .order_by(match.score.desc(), match.id_column)
        .limit(limit)
        .offset(offset)
        .subquery()
    )
    columns = [column for column in _HIT_COLUMNS if column.name != "id"]
    return (
        sa.select(*columns, ranked.c.id, ranked.c.score)
        .select_from(ranked.join(documents, documents.c.id == ranked.c.id))
        .order_by(ranked.c.score.desc(), ranked.c.id)
    )


def _count_matches(
    ids: sa.Select[Any], conditions: list[sa.ColumnElement[bool] | sa.TextClause]
) -> sa.Select[Any]:
    """Count from the index alone, or documents whose id is among its matches: both let the
    database walk the index first (a plain join made SQLite probe it once per document)."""
    if not conditions:
        return sa.select(sa.func.count()).select_from(ids.subquery())
    return (
        sa.select(sa.func.count())
        .select_from(documents)
        .where(documents.c.id.in_(ids), *conditions)
    )


def _texts(conn: Connection, doc_ids: list[int]) -> dict[int, str]:
    """The clean texts of one page of hits, read after ranking so only these are loaded."""
    if not doc_ids:
        return {}
    found = conn.execute(
        sa.select(document_texts.c.doc_id, document_texts.c.text).where(
            document_texts.c.doc_id.in_(doc_ids)
        )
    )
    return {int(doc_id): text for doc_id, text in found}


def _hit(row: Any, text: str, terms: list[str], mask: Mask | None = None) -> SearchHit:
    """One hit; with a mask, its restricted spellings are marked out before the snippet is cut."""
    hide = (mask or NO_MASK).text
    shown, spans = snippet(hide(text) or "", terms)
    return SearchHit(
        code=row["code"],
        title=hide(row["title"]),
        date=row["date"],
        doc_type=row["doc_type"],
        language=row["language"],
        publisher=hide(row["publisher"]),
        score=float(row["score"] or 0.0),
        snippet=shown,
        highlights=spans,
    )


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0

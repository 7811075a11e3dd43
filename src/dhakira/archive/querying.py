"""Running a SearchQuery: full-text match from the dialect, filters and paging in Core SQL.

A query with text ranks by the backend's relevance score; a query with only filters lists
documents by date (newest first). An analyzed query with no terms and no filters finds nothing.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive.dialects import Dialect
from dhakira.archive.records import SearchHit, SearchQuery, SearchResult
from dhakira.archive.schema import documents
from dhakira.archive.search import parse_query, snippet

_HIT_COLUMNS = (
    documents.c.code,
    documents.c.title,
    documents.c.date,
    documents.c.doc_type,
    documents.c.language,
    documents.c.publisher,
    documents.c.text,
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
    return conditions


def _has_filters(query: SearchQuery) -> bool:
    return any((query.date_from, query.date_to, query.doc_type, query.language, query.publisher))


def run_search(conn: Connection, dialect: Dialect, query: SearchQuery) -> SearchResult:
    """Find, count and page the documents matching `query`, with a snippet for each hit."""
    started = time.perf_counter()
    parsed = parse_query(query.text or "")
    conditions = _filters(query)
    if parsed.empty and (query.text.strip() or not _has_filters(query)):
        return SearchResult(total=0, hits=[], took_ms=_ms(started))
    score: sa.ColumnElement[Any]
    if parsed.empty:
        source: sa.FromClause = documents
        score = sa.literal(0.0)
        order = [documents.c.date.desc(), documents.c.code]
    else:
        match = dialect.match(parsed.terms, parsed.phrases)
        source, score = match.from_clause, match.score
        conditions.append(match.where)
        order = [score.desc(), documents.c.code]
    total = conn.execute(
        sa.select(sa.func.count()).select_from(source).where(*conditions)
    ).scalar_one()
    page = conn.execute(
        sa.select(*_HIT_COLUMNS, score.label("score"))
        .select_from(source)
        .where(*conditions)
        .order_by(*order)
        .limit(max(0, min(query.limit, 1000)))
        .offset(max(0, query.offset))
    ).mappings()
    hits = [_hit(row, parsed.terms) for row in page]
    return SearchResult(total=int(total), hits=hits, took_ms=_ms(started))


def _hit(row: Any, terms: list[str]) -> SearchHit:
    text, spans = snippet(row["text"] or "", terms)
    return SearchHit(
        code=row["code"],
        title=row["title"],
        date=row["date"],
        doc_type=row["doc_type"],
        language=row["language"],
        publisher=row["publisher"],
        score=float(row["score"] or 0.0),
        snippet=text,
        highlights=spans,
    )


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000.0

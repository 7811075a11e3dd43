"""Reading the archive: search, document records and originals, entities and claims.

Each page has a JSON twin (`/search` and `/search.json`, ...) answered from the same view
dict. Every archive query is made with the reader's visibility scope (`ctx.public_only`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse

from dhakira.archive import Archive, ClaimQuery, EntityQuery, EntitySummary, SearchQuery
from dhakira.errors import IntegrityError, NotFound
from dhakira.records import sha256_hex
from dhakira.views import connections, pages
from dhakira.views.exporting import visible_records
from dhakira.views.web import hiding, render
from dhakira.views.web.context import Context
from dhakira.views.web.counts import RESULTS_SECONDS, shared

router = APIRouter()
_JSON = ".json"


def _blank_none(value: str | None) -> str | None:
    """Forms send empty fields as ""; an empty filter is no filter."""
    return value.strip() or None if value is not None else None


@dataclass
class SearchParams:
    """What a reader can ask the search for (query string parameters)."""

    q: str = ""
    type: str | None = None
    language: str | None = None
    publisher: str | None = None
    reliability: str | None = None
    entity: str | None = None
    date_from: Annotated[str | None, Query(alias="from")] = None
    date_to: Annotated[str | None, Query(alias="to")] = None
    page: Annotated[int, Query(ge=1, le=500)] = 1

    def query(self, ctx: Context) -> SearchQuery:
        size = ctx.settings.page_size
        return SearchQuery(
            text=self.q,
            date_from=_blank_none(self.date_from),
            date_to=_blank_none(self.date_to),
            doc_type=_blank_none(self.type),
            language=_blank_none(self.language),
            publisher=_blank_none(self.publisher),
            limit=size,
            offset=(self.page - 1) * size,
            reliability=_blank_none(self.reliability),
            entity=_blank_none(self.entity),
            public_only=ctx.public_only,
            hide_restricted=ctx.hide_fields,
        )


def search_view(ctx: Context, params: SearchParams) -> dict[str, Any]:
    """Hits, snippets and facet counts of one search, all within the reader's scope."""
    query = params.query(ctx)
    same_counts = replace(query, limit=0, offset=0)  # every page of a search has the same counts
    facets = shared(ctx, ("facets", same_counts), lambda archive: archive.facets(query))
    found = shared(
        ctx, ("results", query), lambda archive: archive.search(query), seconds=RESULTS_SECONDS
    )
    page = pages.search_page(query, found, facets)
    page["page"] = params.page
    page["pages"] = max(1, -(-page["total"] // max(1, query.limit)))
    return page


@router.get("/", include_in_schema=False)
def home() -> Response:
    return RedirectResponse("/search", status_code=307)


@router.get("/search.json", tags=["read"], summary="Search documents, with facet counts")
def search_json(request: Request, params: Annotated[SearchParams, Depends()]) -> dict[str, Any]:
    return search_view(Context.of(request), params)


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search_html(request: Request, params: Annotated[SearchParams, Depends()]) -> Response:
    ctx = Context.of(request)
    return render.respond(ctx, "search.html", search_view(ctx, params))


def record_view(ctx: Context, code: str) -> dict[str, Any]:
    """The record page of one document; without an account, restricted fields are removed,
    and below editor a document's own restricted fields are masked. The incidents the
    document belongs to come with its links, built within the reader's scope."""
    stored = ctx.archive.get(code, public_only=ctx.public_only)
    mask = hiding.masks_for(ctx, [code]).get(code)
    doc = mask.document(stored) if mask else stored
    links = hiding.links(ctx, ctx.archive.links.of(code))
    verdicts = ctx.archive.editing.verdicts(code)
    if ctx.public_only:
        visible = ctx.archive.public_codes(pages.linked_codes(links))
        page = pages.record_page(doc, [], pages.public_links(links, visible))
        page = pages.with_verdicts(pages.public_record(page), stored, verdicts, detailed=False)
    else:
        page = pages.record_page(doc, ctx.archive.audit(code), links)
        page["history"] = hiding.history(mask, page["history"])
        page = pages.with_verdicts(page, stored, verdicts, detailed=True)
        page["verdicts"] = hiding.history(mask, page["verdicts"])
    if not ctx.hide_fields:
        page["restricted_fields"] = ctx.archive.restrictions.fields(code)
    page = connections.with_connections(page, ctx.archive, public_only=ctx.public_only)
    combined = hiding.combined(ctx)
    if combined is not None:
        page["links"] = combined.deep(page["links"])
    page["original_withheld"] = mask is not None
    return page


@router.get("/doc/{code}.json", tags=["read"], summary="One document as an archive record")
def record_json(request: Request, code: str) -> dict[str, Any]:
    return record_view(Context.of(request), code)


@router.get("/doc/{code}", response_class=HTMLResponse, include_in_schema=False)
def record_html(request: Request, code: str) -> Response:
    ctx = Context.of(request)
    return render.respond(ctx, "record.html", record_view(ctx, code))


@router.get("/doc/{code}/original", tags=["read"], summary="The untouched original bytes")
def original(request: Request, code: str) -> Response:
    """The original as archived, as a download; its SHA-256 is checked and sent in a header.

    Bytes cannot be masked: the original of a document with restricted fields is for editors
    and admins only."""
    ctx = Context.of(request)
    doc = ctx.archive.get(code, public_only=ctx.public_only)
    if hiding.masks_for(ctx, [code]):
        raise HTTPException(status_code=403, detail="restricted_fields")
    data = ctx.archive.blobs.get(doc.sha256)
    if sha256_hex(data) != doc.sha256:
        raise IntegrityError(
            "the stored original no longer matches its SHA-256",
            item=code,
            hint="run `dhakira verify` and restore originals/ from a backup",
        )
    headers = {
        "X-Content-SHA256": doc.sha256,
        "Content-Disposition": f'attachment; filename="{doc.code}"',
    }
    return Response(data, media_type="application/octet-stream", headers=headers)


@dataclass
class EntityParams:
    type: str | None = None
    name: str | None = None
    limit: Annotated[int, Query(ge=1, le=5000)] = 200


def entities_view(ctx: Context, params: EntityParams) -> dict[str, Any]:
    query = EntityQuery(
        type=_blank_none(params.type),
        name=_blank_none(params.name),
        limit=params.limit,
        public_only=ctx.public_only,
        hide_restricted=ctx.hide_fields,
    )
    return pages.entities_page(
        query, shared(ctx, ("entities", query), lambda archive: archive.entities(query))
    )


@router.get("/entities.json", tags=["read"], summary="Entities named across the archive")
def entities_json(request: Request, params: Annotated[EntityParams, Depends()]) -> dict[str, Any]:
    return entities_view(Context.of(request), params)


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
def entities_html(request: Request, params: Annotated[EntityParams, Depends()]) -> Response:
    ctx = Context.of(request)
    return render.respond(ctx, "entities.html", entities_view(ctx, params))


def entity_view(ctx: Context, key: str) -> dict[str, Any]:
    """One entity: its names, the documents naming it, and claims placed at or told by it."""
    hide = ctx.hide_fields
    query = EntityQuery(key=key, limit=1, public_only=ctx.public_only, hide_restricted=hide)
    found = ctx.archive.entities(query) if hide else _decided(ctx, query)
    if not found:
        raise NotFound("no entity with this key", item=key, hint="find entities on /entities")
    entity = found[0]
    name = entity.canonical_name or (entity.spellings[0] if entity.spellings else key)
    claims = {}
    scope = ClaimQuery(public_only=ctx.public_only, hide_restricted=hide, limit=200)
    for claim_query in (replace(scope, place=name), replace(scope, attributed_to=name)):
        for claim in hiding.claims(ctx, ctx.archive.claims(claim_query), by_name=True):
            claims[(claim.code, claim.claim.start)] = claim
    documents = ctx.archive.entity_documents(key, public_only=ctx.public_only, hide_restricted=hide)
    page = pages.entity_page(entity, hiding.titled(ctx, documents), list(claims.values()))
    if not hide:
        decisions = ctx.archive.entity_decisions.decisions()
        page["decisions"] = [asdict(d) for d in decisions if key in (d.entity, d.target)]
    return page


def _decided(ctx: Context, query: EntityQuery) -> list[EntitySummary]:
    """The entity with reviewers' merges and splits applied (for editors and admins: the
    decisions' listing does not yet leave restricted mentions out)."""
    listed = ctx.archive.entity_decisions.entities(replace(query, limit=10_000))
    return [summary for summary in listed if summary.key == query.key]


@router.get("/entities/{key:path}", tags=["read"], summary="One entity (add .json for JSON)")
def entity(request: Request, key: str) -> Response:
    ctx = Context.of(request)
    if key.endswith(_JSON):
        return render.respond(ctx, "entity.html", entity_view(ctx, key[: -len(_JSON)]))
    return render.respond(ctx, "entity.html", entity_view(ctx, key))


@dataclass
class ClaimParams:
    event: str | None = None
    place: str | None = None
    attributed_to: str | None = None
    kind: str | None = None
    year_from: Annotated[str | None, Query(alias="from")] = None
    year_to: Annotated[str | None, Query(alias="to")] = None
    limit: Annotated[int, Query(ge=1, le=5000)] = 200


def claims_view(ctx: Context, params: ClaimParams) -> dict[str, Any]:
    query = ClaimQuery(
        event=_blank_none(params.event),
        place=_blank_none(params.place),
        attributed_to=_blank_none(params.attributed_to),
        year_from=_blank_none(params.year_from),
        year_to=_blank_none(params.year_to),
        kind=_blank_none(params.kind),
        limit=params.limit,
        public_only=ctx.public_only,
        hide_restricted=ctx.hide_fields,
    )
    by_name = bool(query.place or query.attributed_to)
    return pages.claims_page(query, hiding.claims(ctx, ctx.archive.claims(query), by_name=by_name))


@router.get("/claims.json", tags=["read"], summary="Quantitative claims across the archive")
def claims_json(request: Request, params: Annotated[ClaimParams, Depends()]) -> dict[str, Any]:
    return claims_view(Context.of(request), params)


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
def claims_html(request: Request, params: Annotated[ClaimParams, Depends()]) -> Response:
    ctx = Context.of(request)
    return render.respond(ctx, "claims.html", claims_view(ctx, params))


@router.get("/export.jsonl", tags=["read"], summary="Every visible document as JSON Lines")
def export(request: Request) -> StreamingResponse:
    """The documents this reader may see, one JSON object a line, streamed page by page, with
    restricted fields masked below editor (`exporting.visible_records`).

    The stream reads from an Archive of its own (closed at the end), since the response is
    produced after the endpoint returns, on whichever worker thread is free.
    """
    ctx = Context.of(request)
    store = Archive.open(ctx.archive.path, ctx.request.app.state.pool.database_url, create=False)

    def lines() -> Iterator[str]:
        try:
            records = visible_records(
                store, public_only=ctx.public_only, hide_fields=ctx.hide_fields
            )
            for record in records:
                yield json.dumps(record, ensure_ascii=False, default=str) + "\n"
        finally:
            store.close()

    return StreamingResponse(lines(), media_type="application/x-ndjson")

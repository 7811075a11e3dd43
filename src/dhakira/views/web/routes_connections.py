"""Incidents and the chronicle in the browser: the figures of one incident side by side by
source, and dated entries over time, each page with its JSON twin and an SVG chart.

The view dicts come from `dhakira.views.connections` with the reader's visibility scope; below
editor, every restricted spelling of any document is masked on these pages, and a filter that
names a protected person finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from dhakira.views import connections
from dhakira.views.web import charts, hiding, i18n, render, wording
from dhakira.views.web.context import Context
from dhakira.views.web.counts import shared

router = APIRouter()


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


@dataclass
class IncidentParams:
    """Filters of the incidents page (query string parameters)."""

    event: str | None = None
    place: str | None = None
    entity: str | None = None
    date_from: Annotated[str | None, Query(alias="from")] = None
    date_to: Annotated[str | None, Query(alias="to")] = None


def incidents_page(ctx: Context, params: IncidentParams) -> dict[str, Any]:
    """Incidents across documents, most documents first, within the reader's scope."""
    mask = hiding.combined(ctx)
    if hiding.names_restricted(mask, [params.place, params.entity]):
        empty = {"event": params.event, "place": params.place, "entity": params.entity}
        return {"query": empty | {"date_from": None, "date_to": None}, "total": 0, "incidents": []}
    asked = {
        "event": _blank(params.event),
        "place": _blank(params.place),
        "entity": _blank(params.entity),
        "date_from": _blank(params.date_from),
        "date_to": _blank(params.date_to),
    }
    key = ("incidents", ctx.public_only, *sorted(asked.items()))
    page = shared(
        ctx,
        key,
        lambda archive: connections.incidents_view(
            archive,
            event=asked["event"],
            place=asked["place"],
            entity=asked["entity"],
            date_from=asked["date_from"],
            date_to=asked["date_to"],
            public_only=ctx.public_only,
        ),
    )
    return dict(mask.deep(page)) if mask else dict(page)


@router.get("/incidents.json", tags=["read"], summary="Incidents: claims grouped across sources")
def incidents_json(
    request: Request, params: Annotated[IncidentParams, Depends()]
) -> dict[str, Any]:
    return incidents_page(Context.of(request), params)


@router.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
def incidents_html(request: Request, params: Annotated[IncidentParams, Depends()]) -> Response:
    ctx = Context.of(request)
    return render.respond(ctx, "incidents.html", incidents_page(ctx, params))


def incident_page(ctx: Context, incident_id: str) -> dict[str, Any]:
    """One incident: every source's figure side by side, independent or repeating another,
    the consolidated figure and the conflicts."""
    page = connections.incident_view(ctx.archive, incident_id, ctx.public_only)
    mask = hiding.combined(ctx)
    return dict(mask.deep(page)) if mask else page


@router.get(
    "/incidents/{incident_id}.json", tags=["read"], summary="One incident, figures by source"
)
def incident_json(request: Request, incident_id: str) -> dict[str, Any]:
    return incident_page(Context.of(request), incident_id)


@router.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
def incident_html(request: Request, incident_id: str) -> Response:
    ctx = Context.of(request)
    page = incident_page(ctx, incident_id)
    if render.wants_json(request):
        return render.respond(ctx, "incident.html", page)
    sources = [
        {**m, "publisher": wording.source_name(ctx.lang, m["publisher"] or m["source"])}
        for m in page["members"]
    ]
    chart = charts.figure_chart(
        sources,
        page["consolidated"],
        rtl=i18n.direction(ctx.lang) == "rtl",
        digits=lambda value: i18n.digits(value, ctx.digits),
        title=i18n.translate(ctx.lang, "figures_chart"),
        total_label=i18n.translate(ctx.lang, "consolidated"),
    )
    return render.html(ctx, "incident.html", {**page, "chart": chart})


@dataclass
class TimelineParams:
    """Filters of the chronicle (query string parameters)."""

    date_from: Annotated[str | None, Query(alias="from")] = None
    date_to: Annotated[str | None, Query(alias="to")] = None
    place: str | None = None
    facility: str | None = None
    entity: str | None = None


def timeline_page(ctx: Context, params: TimelineParams) -> dict[str, Any]:
    """The chronicle's dated entries and their counts per period, within the reader's scope."""
    mask = hiding.combined(ctx)
    asked = {
        "date_from": _blank(params.date_from),
        "date_to": _blank(params.date_to),
        "place": _blank(params.place),
        "facility": _blank(params.facility),
        "entity": _blank(params.entity),
    }
    if hiding.names_restricted(mask, [params.place, params.facility, params.entity]):
        return {"query": asked, "total": 0, "granularity": "year", "counts": [], "entries": []}
    key = ("timeline", ctx.public_only, *sorted(asked.items()))
    page = shared(
        ctx,
        key,
        lambda archive: connections.timeline_view(
            archive,
            date_from=asked["date_from"],
            date_to=asked["date_to"],
            place=asked["place"],
            facility=asked["facility"],
            entity=asked["entity"],
            public_only=ctx.public_only,
        ),
    )
    return dict(mask.deep(page)) if mask else dict(page)


def _by_period(entries: list[dict[str, Any]], granularity: str) -> list[dict[str, Any]]:
    """The entries gathered under their year or month, in date order."""
    size = 7 if granularity == "month" else 4
    periods: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        periods.setdefault(entry["date"][:size], []).append(entry)
    return [{"period": period, "entries": found} for period, found in periods.items()]


@router.get("/timeline.json", tags=["read"], summary="The chronicle: dated entries over time")
def timeline_json(request: Request, params: Annotated[TimelineParams, Depends()]) -> dict[str, Any]:
    return timeline_page(Context.of(request), params)


@router.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
def timeline_html(request: Request, params: Annotated[TimelineParams, Depends()]) -> Response:
    ctx = Context.of(request)
    page = timeline_page(ctx, params)
    if render.wants_json(request):
        return render.respond(ctx, "timeline.html", page)
    chart = charts.period_chart(
        page["counts"],
        rtl=i18n.direction(ctx.lang) == "rtl",
        digits=lambda value: i18n.digits(value, ctx.digits),
        title=i18n.translate(ctx.lang, "timeline_chart"),
    )
    periods = _by_period(page["entries"], page["granularity"])
    return render.html(ctx, "timeline.html", {**page, "chart": chart, "periods": periods})

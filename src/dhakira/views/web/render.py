"""Rendering one view dict: as an HTML page through a Jinja2 template, or as JSON unchanged.

Templates get the dict as `page` plus what every page needs (the reader's language, direction,
digits, user and CSRF token). Autoescaping is on for every template, and stored text that is
marked up passes through `markup`, which escapes before it marks.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader

from dhakira.views.web import i18n, markup, names, wording
from dhakira.views.web.context import CSRF_FIELD, Context

TEMPLATES = Path(__file__).resolve().parent / "templates"


def environment() -> Environment:
    """Templates with autoescaping; a field a view left out (a restricted one) renders empty."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True)
    env.globals.update(highlighted=markup.highlighted, with_entities=markup.with_entities)
    return env


def wants_json(request: Request) -> bool:
    """A machine asking: a `.json` path, an API token, or JSON preferred over HTML."""
    if request.url.path.endswith(".json") or request.headers.get("authorization"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def html(ctx: Context, template: str, page: dict[str, Any], status: int = 200) -> Response:
    """The page dict rendered with `template`."""
    return HTMLResponse(render(ctx.request, template, page, ctx), status_code=status)


def respond(ctx: Context, template: str, page: dict[str, Any], status: int = 200) -> Response:
    """JSON for machines, HTML for people, from the same dict."""
    if wants_json(ctx.request):
        return JSONResponse(page, status_code=status)
    return html(ctx, template, page, status)


def render(
    request: Request, template: str, page: dict[str, Any], ctx: Context | None = None
) -> str:
    state = request.state
    lang, digits = state.lang, state.digits
    env: Environment = request.app.state.templates
    return env.get_template(template).render(
        page=page,
        t=i18n.translator(lang),
        num=lambda value: i18n.digits(value, digits),
        stamp=lambda value: i18n.stamp(value, digits, lang),
        language_name=lambda code: i18n.language_name(lang, code),
        kind=lambda entity_type: i18n.kind(lang, entity_type),
        count=lambda noun, value: i18n.count(lang, noun, value, digits),
        entity_name=lambda entity_id, stored: names.entity_name(lang, entity_id, stored),
        name_of=lambda stored: names.name_of(lang, stored),
        source_name=lambda source: wording.source_name(lang, source),
        reason=lambda why: wording.reason(lang, why, digits),
        failure=lambda reason: wording.failure(lang, reason),
        figure=lambda shown: wording.figure(lang, shown, digits),
        conflict=lambda first, second: wording.conflict(lang, first, second, digits),
        with_entities=lambda text, groups: markup.with_entities(
            text, groups, lambda g: wording.entity_label(lang, g)
        ),
        lang=lang,
        dir=i18n.direction(lang),
        digits=digits,
        user=ctx.user if ctx else None,
        csrf=state.csrf,
        csrf_field=CSRF_FIELD,
        path=request.url.path,
        link=lambda **changes: _link(request, changes),
        twin=_twin(request),
    )


def _twin(request: Request) -> str:
    """The address of this page's JSON twin: the same path and query with `.json`."""
    query = request.url.query
    return request.url.path + ".json" + ("?" + query if query else "")


def _link(request: Request, changes: dict[str, Any]) -> str:
    """This page's address with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    if "page" not in changes:
        params.pop("page", None)  # a new filter starts again at the first page
    for kept_in_cookie in ("lang", "digits"):
        if kept_in_cookie not in changes:
            params.pop(kept_in_cookie, None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    return request.url.path + ("?" + query if query else "")

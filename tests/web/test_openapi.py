"""The OpenAPI schema documents every JSON endpoint and every change an editor can make."""

from __future__ import annotations

from dhakira.views.web import routes_connections, routes_edit, routes_people, routes_read

from .conftest import ClientFor


def test_every_json_twin_of_a_page_is_in_the_schema(shared_client: ClientFor) -> None:
    routers = (routes_read, routes_people, routes_edit, routes_connections)
    paths = {
        str(getattr(route, "path", "")) for module in routers for route in module.router.routes
    }
    twins = {path for path in paths if path.endswith((".json", ".jsonl"))} - {"/openapi.json"}
    schema = shared_client(None).get("/openapi.json").json()["paths"]
    assert {"/incidents.json", "/incidents/{incident_id}.json", "/timeline.json"} <= twins
    assert twins <= set(schema)


def test_editing_endpoints_are_documented_with_their_form_fields(
    shared_client: ClientFor,
) -> None:
    schema = shared_client(None).get("/openapi.json").json()
    edits = {
        path
        for path, methods in schema["paths"].items()
        for spec in methods.values()
        if "edit" in spec.get("tags", [])
    }
    assert edits == {
        "/doc/{code}/restrict",
        "/doc/{code}/edit",
        "/doc/{code}/verdict",
        "/entities/merge",
        "/entities/split",
        "/entities/decisions/{decision_id}/undo",
    }
    form = schema["paths"]["/doc/{code}/edit"]["post"]["requestBody"]["content"]
    assert "application/x-www-form-urlencoded" in form

"""Incident pages (figures side by side by source, independent or repeated, conflicts, an SVG
chart) and the chronicle (entries by period with an SVG plot), with JSON twins, in both
languages, within the reader's scope and with restricted names masked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from dhakira.archive import Archive
from dhakira.archive.masking import MARK

from .conftest import ClientFor, Codes, _claim, _clients, _doc, _mention, build_archive

WITNESS = "Samir Khoury"
HRW = (
    "Human Rights Watch said at least 5,000 people were executed at Sednaya Prison "
    "between 2011 and 2015."
)
WITNESSED = "Samir Khoury said 6,000 people were executed at Sednaya Prison between 2011 and 2015."


def _more() -> list[tuple[str, object]]:
    sednaya = ("Sednaya Prison", "facility", "facility:sednaya-prison", "Sednaya Prison")
    hrw = _doc(
        HRW,
        "HRW on Sednaya executions",
        "2017-03-01",
        "ngo_report",
        "Human Rights Watch",
        entities=[_mention(sednaya[0], HRW, *sednaya[1:])],
        claims=[
            _claim(
                "at least 5,000 people were executed",
                HRW,
                5000,
                "Sednaya Prison",
                "Human Rights Watch",
            )
        ],
    )
    witnessed = _doc(
        WITNESSED,
        "A former detainee on Sednaya",
        "2017-04-01",
        "testimony",
        "Local Wire",
        entities=[
            _mention(WITNESS, WITNESSED, "person", None, None),
            _mention(sednaya[0], WITNESSED, *sednaya[1:]),
        ],
        claims=[_claim("6,000 people were executed", WITNESSED, 6000, "Sednaya Prison", WITNESS)],
    )
    return [("hrw", hrw), ("witnessed", witnessed)]


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Codes, str]:
    """The web fixtures, two more public reports of Sednaya executions (one from a witness
    whose name is restricted), all linked."""
    path = tmp_path_factory.mktemp("incidents") / "archive"
    codes = build_archive(path)
    with Archive.open(path) as archive:
        batch = archive.start_batch("incidents")
        added = {name: archive.add(doc, batch, visibility="public").code for name, doc in _more()}  # type: ignore[arg-type]
        archive.restrictions.restrict(
            added["witnessed"], "entity:person:samir khoury", note="protect", actor="test"
        )
        archive.links.relink(archive.codes())
    return path, codes, added["hrw"]


@pytest.fixture(scope="module")
def client(linked: tuple[Path, Codes, str]) -> Iterator[ClientFor]:
    yield from _clients(linked[0])


def _incident_id(client: ClientFor, role: str | None = None) -> str:
    incidents = client(role).get("/incidents.json").json()["incidents"]
    [execution] = [i for i in incidents if i["event"] == "execution"]
    return str(execution["id"])


def test_the_incidents_page_lists_an_incident_with_its_sources(client: ClientFor) -> None:
    page = client(None).get("/incidents.json").json()
    assert set(page) == {"query", "total", "incidents"}
    [incident] = page["incidents"]
    assert incident["independent_sources"] == 3
    assert len(incident["documents"]) == 3
    body = client(None).get("/incidents?lang=en").text
    assert f'href="/incidents/{quote(incident["id"], safe="")}"' in body


def test_an_incident_page_shows_the_figures_side_by_side_with_a_chart(client: ClientFor) -> None:
    incident_id = _incident_id(client)
    page = client(None).get(f"/incidents/{incident_id}.json").json()
    figures = {m["publisher"]: m["best"] or m["low"] for m in page["members"]}
    assert figures == {
        "Amnesty International": 13000,
        "Human Rights Watch": 5000,
        "Local Wire": 6000,
    }
    assert page["conflicts"] and page["consistent"] is False
    body = client(None).get(f"/incidents/{incident_id}?lang=en").text
    assert "<svg" in body and "<script" not in body.split("<svg", 1)[1].split("</svg>")[0]
    assert body.count("<rect") == 4  # three sources and the consolidated figure
    assert "Figures by source" in body and "independent" in body


def test_the_incident_page_in_arabic_is_right_to_left_with_arabic_digits(
    client: ClientFor,
) -> None:
    incident_id = _incident_id(client)
    body = client(None).get(f"/incidents/{incident_id}?lang=ar").text
    assert '<html lang="ar" dir="rtl">' in body
    assert 'direction="rtl"' in body
    assert "١٣٬٠٠٠" in body or "١٣,٠٠٠" in body
    assert "الأرقام بحسب المصدر" in body


@pytest.mark.parametrize("role", [None, "viewer"])
def test_a_restricted_witness_is_masked_in_incidents_and_cannot_be_filtered_for(
    role: str | None, client: ClientFor
) -> None:
    reader = client(role)
    incident_id = _incident_id(client, role)
    for url in (
        "/incidents",
        "/incidents.json",
        f"/incidents/{incident_id}",
        f"/incidents/{incident_id}.json",
        "/timeline",
        "/timeline.json",
    ):
        assert WITNESS not in reader.get(url).text, url
    page = reader.get(f"/incidents/{incident_id}.json").json()
    assert MARK in {m["attributed_to"] for m in page["members"]}
    assert reader.get("/incidents.json?entity=Samir").json()["total"] == 0
    assert reader.get("/timeline.json?entity=Khoury").json()["total"] == 0


def test_an_editor_sees_the_witness_in_the_incident(client: ClientFor) -> None:
    incident_id = _incident_id(client, "editor")
    page = client("editor").get(f"/incidents/{incident_id}.json").json()
    assert WITNESS in {m["attributed_to"] for m in page["members"]}


def test_an_incident_of_restricted_documents_is_missing_for_visitors(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    _path, codes, _hrw = linked
    with Archive.open(linked[0]) as archive:
        [claim] = archive.get(codes.restricted_en).claims
    url = f"/incidents/{codes.restricted_en}:{claim.start}.json"
    assert client(None).get(url).status_code == 404


def test_the_timeline_groups_entries_by_period_with_a_plot(client: ClientFor) -> None:
    page = client(None).get("/timeline.json").json()
    assert set(page) == {"query", "total", "granularity", "counts", "entries"}
    assert page["granularity"] == "year"
    assert sum(c["entries"] for c in page["counts"]) == page["total"]
    body = client(None).get("/timeline?lang=en").text
    assert "<svg" in body and body.count("<rect") == len(page["counts"])
    for count in page["counts"]:
        assert f"<h2><bdi>{count['period']}</bdi></h2>" in body


def test_the_timeline_leaves_out_restricted_documents_for_visitors(
    linked: tuple[Path, Codes, str], client: ClientFor
) -> None:
    _path, codes, _hrw = linked
    anonymous = client(None).get("/timeline.json").json()
    viewer = client("viewer").get("/timeline.json").json()
    hidden = set(codes.restricted)
    assert not hidden & {code for e in anonymous["entries"] for code in e["documents"]}
    assert hidden & {code for e in viewer["entries"] for code in e["documents"]}


def test_the_timeline_filters_by_date(client: ClientFor) -> None:
    page = client(None).get("/timeline.json?from=2017&to=2017").json()
    assert page["entries"] and all(e["date"].startswith("2017") for e in page["entries"])


def test_the_timeline_in_arabic_is_right_to_left(client: ClientFor) -> None:
    body = client(None).get("/timeline?lang=ar").text
    assert '<html lang="ar" dir="rtl">' in body and "اليوميات" in body
    assert "٢٠١٧" in body


def test_a_document_made_restricted_leaves_the_cached_incidents_at_once(tmp_path: Path) -> None:
    path = tmp_path / "archive"
    build_archive(path)
    with Archive.open(path) as archive:
        batch = archive.start_batch("incidents")
        added = {name: archive.add(doc, batch, visibility="public").code for name, doc in _more()}  # type: ignore[arg-type]
        archive.links.relink(archive.codes())
    client = next(_clients(path))

    def documents() -> set[str]:
        page = client(None).get("/incidents.json").json()
        return {code for incident in page["incidents"] for code in incident["documents"]}

    assert added["hrw"] in documents()
    assert added["hrw"] in documents()  # the second answer comes from the cache
    with Archive.open(path) as archive:
        archive.review(added["hrw"], visibility="restricted", note="withdrawn", actor="t")
    assert added["hrw"] not in documents()

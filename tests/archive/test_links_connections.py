"""Incidents and the chronicle read from a stored archive, within the reader's scope."""

from __future__ import annotations

import pytest
from tests.archive.conftest import MakeDoc

from dhakira.archive import Archive
from dhakira.errors import NotFound
from dhakira.records import Claim, Document, Mention
from dhakira.views.connections import (
    document_connections,
    incident_view,
    incidents_view,
    timeline_view,
)

AMNESTY = (
    "Amnesty International said that as many as 13,000 people were hanged at Saydnaya prison "
    "between 2011 and 2015. The report was published on 7 February 2017."
)
WIRE = (
    "A news agency repeated that up to 13,000 detainees were executed at Saydnaya prison, "
    "citing Amnesty International."
)
MONITOR = (
    "A monitoring group counted at least 5,000 detainees executed at Saydnaya prison since 2011, "
    "by its own records."
)
FACILITY = "facility:sednaya-prison"


def _claim(text: str, quote: str, low: float | None, high: float | None, **kw: object) -> Claim:
    start = text.index(quote)
    return Claim(
        event="execution",
        low=low,
        high=high,
        best=None,
        qualifier=kw.get("qualifier"),  # type: ignore[arg-type]
        place="Sednaya Prison",
        period_start=kw.get("start", "2011"),  # type: ignore[arg-type]
        period_end=kw.get("end", "2015"),  # type: ignore[arg-type]
        actor=None,
        attributed_to=kw.get("attributed_to"),  # type: ignore[arg-type]
        quote=quote,
        start=start,
        end=start + len(quote),
    )


def _sednaya(text: str) -> list[Mention]:
    start = text.index("Saydnaya")
    return [Mention("Saydnaya", start, start + 8, "facility", FACILITY, "Sednaya Prison", "kb")]


def _docs(make_doc: MakeDoc) -> list[Document]:
    amnesty = make_doc(
        AMNESTY,
        date="2017-02-07",
        publisher="Amnesty International",
        title="Human Slaughterhouse",
        entities=_sednaya(AMNESTY),
        claims=[
            _claim(AMNESTY, "as many as 13,000", None, 13000, qualifier="as many as",
                   attributed_to="Amnesty International")
        ],
    )  # fmt: skip
    wire = make_doc(
        WIRE,
        date="2017-02-08",
        publisher="Wire",
        entities=_sednaya(WIRE),
        claims=[
            _claim(WIRE, "up to 13,000", None, 13000, qualifier="as many as",
                   attributed_to="Amnesty International")
        ],
    )  # fmt: skip
    monitor = make_doc(
        MONITOR,
        date="2017-03-01",
        publisher="Monitor",
        entities=_sednaya(MONITOR),
        claims=[_claim(MONITOR, "at least 5,000", 5000, None, qualifier="at least")],
    )
    return [amnesty, wire, monitor]


def _store(
    archive: Archive, batch: str, docs: list[Document], hidden: int | None = None
) -> list[str]:
    linker = archive.links.linker()
    codes = []
    for i, doc in enumerate(docs):
        code = archive.add(doc, batch, visibility="restricted" if i == hidden else "public").code
        linker.link(code, doc)
        codes.append(code)
    return codes


def test_claims_of_three_documents_form_one_incident_with_two_sources(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    codes = _store(archive, batch, _docs(make_doc))
    page = incidents_view(archive, public_only=False)
    [incident] = page["incidents"]
    assert incident["documents"] == codes
    assert incident["independent_sources"] == 2
    assert incident["repeats"] == 1  # the wire repeats Amnesty
    assert [m["figure"] for m in incident["members"]] == [
        "as many as 13,000", "as many as 13,000", "at least 5,000"
    ]  # fmt: skip
    assert incident["consolidated"]["low"] == 5000 and incident["consolidated"]["high"] == 13000


def test_a_restricted_document_never_reaches_a_public_incident(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    codes = _store(archive, batch, _docs(make_doc), hidden=2)
    [incident] = incidents_view(archive, public_only=True)["incidents"]
    assert codes[2] not in incident["documents"]
    assert incident["consolidated"]["low"] is None  # the hidden "at least 5,000" is not counted
    [full] = incidents_view(archive, public_only=False)["incidents"]
    assert codes[2] in full["documents"]


def test_an_incident_is_found_by_any_member_claim(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    _store(archive, batch, _docs(make_doc))
    [listed] = incidents_view(archive, public_only=False)["incidents"]
    last = listed["members"][-1]["claim"]
    assert incident_view(archive, last, public_only=False)["id"] == listed["id"]


def test_the_incident_page_suggests_a_reliability_per_member_and_the_list_does_not(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    _store(archive, batch, _docs(make_doc))
    [listed] = incidents_view(archive, public_only=False)["incidents"]
    assert all("suggested" not in member for member in listed["members"])
    shown = incident_view(archive, listed["id"], public_only=False)
    assert all(member["suggested"]["value"] for member in shown["members"])
    assert [m["claim"] for m in shown["members"]] == [m["claim"] for m in listed["members"]]


def test_a_public_reader_cannot_open_an_incident_by_a_restricted_claim(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    codes = _store(archive, batch, _docs(make_doc), hidden=0)
    with pytest.raises(NotFound):
        incident_view(archive, f"{codes[0]}:{AMNESTY.index('as many')}", public_only=True)


def test_incidents_filter_by_place_spelling_event_entity_and_period(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    _store(archive, batch, _docs(make_doc))

    def count(**kw: object) -> int:
        return int(incidents_view(archive, public_only=False, **kw)["total"])  # type: ignore[arg-type]

    assert count(place="Saydnaya") == 1 and count(place="Aleppo") == 0
    assert count(event="execution") == 1 and count(event="torture") == 0
    assert count(entity=FACILITY) == 1 and count(entity="Tadmur") == 0
    assert count(date_from="2014-01-01", date_to="2016") == 1
    assert count(date_from="2019") == 0


def test_show_lists_the_incidents_and_a_suggestion_beside_the_rating(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    codes = _store(archive, batch, _docs(make_doc))
    archive.review(codes[2], note="checked", actor="tester", reliability="correct")
    found = document_connections(archive, codes[2], public_only=False)
    assert [i["documents"] for i in found["incidents"]] == [codes]
    suggestion = found["suggested_reliability"]
    assert suggestion["rating"] == "correct" and suggestion["value"] == "correct"
    assert suggestion["reasons"]


def test_timeline_holds_issue_and_period_entries_with_precision(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    codes = _store(archive, batch, _docs(make_doc))
    page = timeline_view(archive, public_only=False)
    dated = {(e["date"], e["precision"]) for e in page["entries"]}
    assert {("2017-02-07", "day"), ("2011", "year")} <= dated
    issued = next(e for e in page["entries"] if e["date"] == "2017-02-07")
    assert codes[0] in issued["documents"]
    assert page["granularity"] == "year"
    assert {c["period"] for c in page["counts"]} == {"2011", "2017"}


def test_timeline_filters_by_period_and_facility(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    _store(archive, batch, _docs(make_doc))
    in_2017 = timeline_view(archive, date_from="2017-01", date_to="2017-12", public_only=False)
    assert {e["date"][:4] for e in in_2017["entries"]} == {"2017"}
    assert timeline_view(archive, facility="Saydnaya", public_only=False)["total"] > 0
    assert timeline_view(archive, facility="Tadmur", public_only=False)["total"] == 0


def test_timeline_of_a_public_reader_leaves_out_restricted_documents(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    codes = _store(archive, batch, _docs(make_doc), hidden=0)
    page = timeline_view(archive, public_only=True)
    shown = {code for e in page["entries"] for code in e["documents"]}
    assert codes[0] not in shown and shown


def test_a_place_filter_keeps_every_document_of_a_merged_entry(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    def named(text: str, word: str, kind: str, key: str, canonical: str) -> Mention:
        start = text.index(word)
        return Mention(word, start, start + len(word), kind, key, canonical, "kb")

    first = "On 7 February 2017 Amnesty published its report on Saydnaya prison."
    second = "On 7 February 2017 Amnesty published a report on hangings."
    amnesty = ("Amnesty", "organization", "org:amnesty", "Amnesty International")
    docs = [
        make_doc(first, date="2017-03-01", entities=[
            named(first, *amnesty), named(first, "Saydnaya", "facility", FACILITY, "Sednaya Prison")
        ]),
        make_doc(second, date="2017-03-02", entities=[named(second, *amnesty)]),
    ]  # fmt: skip
    codes = _store(archive, batch, docs)
    page = timeline_view(archive, facility="Saydnaya", public_only=False)
    [entry] = [e for e in page["entries"] if e["date"] == "2017-02-07"]
    assert sorted(entry["documents"]) == sorted(codes)


def test_a_rejected_claim_joins_no_incident(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    codes = _store(archive, batch, _docs(make_doc))
    monitor = archive.get(codes[2]).claims[0]
    archive.editing.judge(
        codes[2], "claim", monitor.start, monitor.end, "rejected", note="misread", actor="r"
    )
    [incident] = incidents_view(archive, public_only=False)["incidents"]
    assert incident["documents"] == codes[:2]
    assert [m["figure"] for m in incident["members"]] == ["as many as 13,000"] * 2

"""Incidents and corroboration: grouping, independence, consolidation, conflicts, suggestions."""

from __future__ import annotations

from dhakira.links.corroboration import (
    SourcedClaim,
    group_claims,
    suggest_claims,
    suggest_documents,
)
from dhakira.records import Claim


def claim(
    low: float | None = None,
    high: float | None = None,
    best: float | None = None,
    qualifier: str | None = None,
    *,
    event: str = "execution",
    place: str | None = "Sednaya Prison",
    period: tuple[str | None, str | None] = ("2011", "2015"),
    attributed_to: str | None = None,
    kind: str = "victims",
) -> Claim:
    return Claim(
        event=event, low=low, high=high, best=best, qualifier=qualifier, place=place,
        period_start=period[0], period_end=period[1], actor=None, attributed_to=attributed_to,
        quote="…", start=0, end=1, kind=kind,
    )  # fmt: skip


def sourced(
    doc_id: str, c: Claim, publisher: str | None = None, issued: str = "2017-02-07", **kw: str
) -> SourcedClaim:
    return SourcedClaim(doc_id, 0, c, publisher, issued, kw.get("rating"))


AMNESTY = "Amnesty International"


def test_claims_about_one_event_from_two_documents_form_one_incident() -> None:
    incidents = group_claims(
        [
            sourced("a", claim(5000, 13000, qualifier="between", attributed_to=AMNESTY)),
            sourced("b", claim(None, 13000, qualifier="as many as", attributed_to=AMNESTY)),
        ]
    )
    assert len(incidents) == 1
    assert incidents[0].documents == ("a", "b")
    assert [m.figure for m in incidents[0].members] == ["5,000-13,000", "as many as 13,000"]


def test_other_place_other_event_or_far_period_stay_apart() -> None:
    base = sourced("a", claim(5000, 13000, qualifier="between"), "Pub A")
    others = [
        sourced("b", claim(None, 13000, qualifier="as many as", place="Tadmor Prison"), "Pub B"),
        sourced("c", claim(None, 13000, qualifier="as many as", event="torture"), "Pub C"),
        sourced("d", claim(None, 13000, qualifier="as many as", period=("2020", "2021")), "D"),
    ]
    assert group_claims([base, *others]) == []


def test_weekly_batch_is_not_grouped_with_the_total() -> None:
    items = [
        sourced("a", claim(5000, 13000, qualifier="between"), "Pub A"),
        sourced("b", claim(20, 50, qualifier="between"), "Pub B"),
    ]
    assert group_claims(items) == []


def test_undated_claim_is_placed_at_its_issue_date() -> None:
    items = [
        sourced("a", claim(5000, 13000, qualifier="between"), "Pub A"),
        sourced(
            "b", claim(1000, qualifier="thousands", period=(None, None)), "Pub B", "2018-12-25"
        ),
    ]
    assert group_claims(items) == []


def test_two_documents_quoting_amnesty_are_one_source() -> None:
    incident = group_claims(
        [
            sourced("a", claim(5000, 13000, qualifier="between", attributed_to=AMNESTY), "Pub A"),
            sourced(
                "b", claim(None, 13000, qualifier="as many as", attributed_to=AMNESTY), "Pub B"
            ),
        ]
    )[0]
    assert incident.independent_sources == 1
    assert incident.sources == ((AMNESTY,),)


def test_publisher_is_the_source_when_nothing_is_attributed() -> None:
    incident = group_claims(
        [
            sourced("a", claim(5000, 13000, qualifier="between"), "Pub A"),
            sourced("b", claim(None, 13000, qualifier="as many as"), "Pub B"),
        ]
    )[0]
    assert incident.independent_sources == 2


def test_a_document_repeating_another_is_not_independent() -> None:
    items = [
        sourced("a", claim(5000, 13000, qualifier="between"), "Pub A"),
        sourced("b", claim(None, 13000, qualifier="as many as"), "Pub B"),
    ]
    incident = group_claims(items, repeats=[("b", "a")])[0]
    assert incident.independent_sources == 1


def test_consolidation_takes_lowest_minimum_and_highest_maximum() -> None:
    incident = group_claims(
        [
            sourced("a", claim(5000, 13000, qualifier="between"), "Pub A"),
            sourced("b", claim(None, 13000, qualifier="as many as"), "Pub B"),
        ]
    )[0]
    assert (incident.low, incident.best, incident.high) == (5000, None, 13000)


def test_at_least_20000_conflicts_with_exactly_5000() -> None:
    incident = group_claims(
        [
            sourced("a", claim(20000, qualifier="at least"), "Pub A"),
            sourced("b", claim(5000, 5000, 5000), "Pub B"),
        ]
    )[0]
    assert not incident.consistent
    assert len(incident.conflicts) == 1


def test_disjoint_ranges_conflict() -> None:
    incident = group_claims(
        [
            sourced("a", claim(5000, 7000, qualifier="between"), "Pub A"),
            sourced("b", claim(9000, 13000, qualifier="between"), "Pub B"),
        ]
    )[0]
    assert not incident.consistent


def test_vague_thousands_does_not_conflict_with_13000() -> None:
    incident = group_claims(
        [
            sourced("a", claim(1000, qualifier="thousands"), "Pub A"),
            sourced("b", claim(13000, 13000, 13000), "Pub B"),
        ]
    )[0]
    assert incident.consistent


def test_estimate_allows_nearby_exact_count() -> None:
    incident = group_claims(
        [
            sourced("a", claim(215000, 215000, 215000, "estimated", event="detention"), "A"),
            sourced("b", claim(200000, 200000, 200000, event="detention"), "B"),
        ]
    )[0]
    assert incident.consistent


def test_independent_agreeing_sources_suggest_correct() -> None:
    items = [
        sourced("a", claim(5000, 13000, qualifier="between"), "Pub A"),
        sourced("b", claim(None, 13000, qualifier="as many as"), "Pub B"),
    ]
    suggestion = suggest_claims(items, group_claims(items))[("a", 0)]
    assert suggestion.suggested == "correct"
    assert "2 independent sources agree" in suggestion.reasons[0]


def test_single_source_suggests_unverified() -> None:
    items = [
        sourced("a", claim(5000, 13000, qualifier="between", attributed_to=AMNESTY), "Pub A"),
        sourced("b", claim(None, 13000, qualifier="as many as", attributed_to=AMNESTY), "Pub B"),
    ]
    suggestion = suggest_claims(items, group_claims(items))[("b", 0)]
    assert suggestion.suggested == "unverified"
    assert suggestion.reasons[0].startswith("single source: Amnesty International")


def test_conflict_suggests_unverified_with_the_reason() -> None:
    items = [
        sourced("a", claim(20000, qualifier="at least"), "Pub A"),
        sourced("b", claim(5000, 5000, 5000), "Pub B"),
    ]
    suggestion = suggest_claims(items, group_claims(items))[("b", 0)]
    assert suggestion.suggested == "unverified"
    assert "conflicts with Pub A" in suggestion.reasons[0]


def test_figure_contradicted_by_two_independent_sources_suggests_incorrect() -> None:
    items = [
        sourced("a", claim(20000, qualifier="at least"), "Pub A"),
        sourced("b", claim(25000, 25000, 25000), "Pub B"),
        sourced("c", claim(5000, 5000, 5000), "Pub C"),
    ]
    suggestions = suggest_claims(items, group_claims(items))
    assert suggestions[("c", 0)].suggested == "incorrect"
    assert suggest_documents(suggestions)["c"].suggested == "incorrect"


def test_unmatched_claim_is_unspecified() -> None:
    items = [sourced("a", claim(5000, 13000, qualifier="between"), "Pub A")]
    assert suggest_claims(items, group_claims(items))[("a", 0)].suggested == "unspecified"


def test_person_rating_is_kept_beside_the_suggestion() -> None:
    items = [
        sourced("a", claim(5000, 13000, qualifier="between"), "Pub A", rating="incorrect"),
        sourced("b", claim(None, 13000, qualifier="as many as"), "Pub B"),
    ]
    suggestion = suggest_claims(items, group_claims(items))[("a", 0)]
    assert (suggestion.suggested, suggestion.rating) == ("correct", "incorrect")


def test_document_rating_passes_through() -> None:
    items = [
        sourced("a", claim(5000, 13000, qualifier="between"), "Pub A"),
        sourced("b", claim(None, 13000, qualifier="as many as"), "Pub B"),
    ]
    documents = suggest_documents(suggest_claims(items, group_claims(items)), {"a": "unverified"})
    assert (documents["a"].suggested, documents["a"].rating) == ("correct", "unverified")

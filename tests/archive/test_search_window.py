"""A query matching more documents than the ranking window: exact total, every match reachable
by paging exactly once, the newest window ranked by relevance first."""

from __future__ import annotations

import pytest

from dhakira.archive import Archive, SearchQuery, querying


@pytest.fixture
def many(archive: Archive, batch: str, make_doc) -> list[str]:  # type: ignore[no-untyped-def]
    codes = []
    for n in range(9):
        # document 7 is about detainees in its title too: the most relevant of the newest window
        title = "Detainees" if n == 7 else f"Report {n}"
        text = f"Report {n} on detainees and other matters of the week."
        doc = make_doc(text, data=f"doc {n}".encode(), title=title)
        codes.append(archive.add(doc, batch).code)
    return codes


def test_paging_a_large_result_reaches_every_match_once(
    archive: Archive, many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(querying, "RANK_WINDOW", 4)
    seen: list[str] = []
    for offset in range(0, 9, 2):
        result = archive.search(SearchQuery("detainees", limit=2, offset=offset))
        assert result.total == 9
        seen += [hit.code for hit in result.hits]
    assert sorted(seen) == sorted(many)


def test_the_newest_window_is_ranked_by_relevance_first(
    archive: Archive, many: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(querying, "RANK_WINDOW", 4)
    result = archive.search(SearchQuery("detainees", limit=4))
    assert result.hits[0].code == many[7]
    assert set(hit.code for hit in result.hits) == set(many[5:])

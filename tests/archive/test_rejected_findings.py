"""A finding a reviewer rejected stays on its record, marked, but no listing across the archive
counts it: a wrong figure or a wrong name must not travel further."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dhakira.archive import Archive, EntityQuery
from dhakira.ingest import reanalyze
from dhakira.records import Document

MakeDoc = Callable[..., Document]

STATEMENT = (
    "Statement on Saydnaya\n\n"
    "Amnesty International said as many as 13,000 people were executed at Saydnaya prison "
    "between 2011 and 2015.\n"
)


@pytest.fixture
def code(archive: Archive, batch: str, make_doc: MakeDoc) -> str:
    stored = archive.add(make_doc(STATEMENT), batch, visibility="public")
    reanalyze(archive, [stored.code], actor="tester")
    return stored.code


def test_a_rejected_claim_leaves_the_claims_listing_but_not_the_record(
    archive: Archive, code: str
) -> None:
    claim = archive.get(code).claims[0]
    assert claim.low == 13000 or claim.high == 13000
    archive.editing.judge(code, "claim", claim.start, claim.end, "rejected", note="x", actor="r")
    assert archive.claims() == []
    assert [c.start for c in archive.get(code).claims] == [claim.start]


def test_a_confirmed_claim_stays_listed(archive: Archive, code: str) -> None:
    claim = archive.get(code).claims[0]
    archive.editing.judge(code, "claim", claim.start, claim.end, "confirmed", note="x", actor="r")
    assert [c.claim.start for c in archive.claims()] == [claim.start]


def test_a_rejected_mention_is_not_counted_for_its_entity(archive: Archive, code: str) -> None:
    [mention] = [m for m in archive.get(code).entities if "Amnesty" in m.text]
    before = {e.canonical_name for e in archive.entities()}
    assert mention.canonical_name in before
    archive.editing.judge(
        code, "mention", mention.start, mention.end, "rejected", note="x", actor="r"
    )
    listed = archive.entities(EntityQuery(name="Amnesty"))
    assert listed == []
    assert {e.canonical_name for e in archive.entities()} == before - {mention.canonical_name}

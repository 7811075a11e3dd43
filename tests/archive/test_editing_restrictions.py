"""Reviewers' metadata corrections, verdicts and restricted fields, stored and audited, and
kept when the document is analysed again."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dhakira.archive import Archive, EntityQuery, SearchQuery
from dhakira.errors import ConfigError, NotFound
from dhakira.ingest import reanalyze
from dhakira.records import Document

MakeDoc = Callable[..., Document]

RELEASE = (
    "Syria: executions at Saydnaya prison\n\n"
    "Press release\n"
    "Amnesty International\n"
    "February 7, 2017\n\n"
    "Amnesty International said as many as 13,000 people were executed at Saydnaya prison "
    "between 2011 and 2015, according to the former guard Yusuf Darwish.\n"
)


@pytest.fixture
def code(archive: Archive, batch: str, make_doc: MakeDoc) -> str:
    doc = make_doc(RELEASE, title="Obsolete heading", doc_type="other", steps={"text.clean": "v0"})
    return archive.add(doc, batch, visibility="public").code


def test_an_edit_is_audited_with_old_and_new_value_and_why(archive: Archive, code: str) -> None:
    changed = archive.editing.edit(
        code, {"title": "Saydnaya executions", "date": "2017"}, note="from the PDF", actor="rania"
    )
    assert changed == ["date", "title"]
    stored = archive.get(code)
    assert (stored.title, stored.title_generated) == ("Saydnaya executions", False)
    assert (stored.date, stored.date_precision, stored.date_source) == ("2017", "year", "editor")
    entries = [(e.action, e.field, e.old, e.new, e.why) for e in archive.audit(code)[1:]]
    assert ("edit", "title", "Obsolete heading", "Saydnaya executions", "from the PDF") in entries


def test_an_edit_needs_a_reason_and_a_known_field(archive: Archive, code: str) -> None:
    with pytest.raises(ConfigError):
        archive.editing.edit(code, {"title": "New"}, note=" ", actor="rania")
    with pytest.raises(ConfigError):
        archive.editing.edit(code, {"author": "Someone"}, note="why", actor="rania")


def test_a_correction_outlives_a_new_analysis(archive: Archive, code: str) -> None:
    archive.editing.edit(code, {"title": "Saydnaya: the guard's account"}, note="x", actor="r")
    reanalyze(archive, [code], actor="tester")
    stored = archive.get(code)
    assert stored.title == "Saydnaya: the guard's account"
    assert stored.doc_type == "press_release"  # not edited: the new analysis stands
    assert archive.audit(code)[-1].action == "edit-kept"
    found = archive.search(SearchQuery(text="guard's account"))
    assert [hit.code for hit in found.hits] == [code]


def test_a_verdict_is_kept_by_span_and_can_change(archive: Archive, code: str) -> None:
    reanalyze(archive, [code], actor="tester")
    claim = archive.get(code).claims[0]
    archive.editing.judge(code, "claim", claim.start, claim.end, "confirmed", note="a", actor="r")
    archive.editing.judge(code, "claim", claim.start, claim.end, "rejected", note="b", actor="s")
    [verdict] = archive.editing.verdicts(code)
    assert (verdict.verdict, verdict.actor, verdict.why) == ("rejected", "s", "b")
    last = archive.audit(code)[-1]
    assert (last.old, last.new) == ("confirmed", "rejected")
    with pytest.raises(NotFound):
        archive.editing.judge(code, "mention", 0, 2, "rejected", note="c", actor="r")


def test_a_restricted_entity_stays_hidden_after_a_new_analysis(archive: Archive, code: str) -> None:
    # the stored mentions are replaced by the new analysis; the restriction holds by spelling
    reanalyze(archive, [code], actor="tester")
    field = "entity:org:amnesty-international"
    archive.restrictions.restrict(code, field, note="protect the source", actor="rania")
    archive.editing.edit(code, {"title": "Saydnaya"}, note="x", actor="r")
    reanalyze(archive, [code], actor="tester")  # the title differs: findings are rewritten
    hidden = SearchQuery(text="Amnesty", public_only=True, hide_restricted=True)
    assert archive.search(hidden).total == 0
    assert archive.search(SearchQuery(text="Amnesty")).total == 1
    listed = archive.entities(EntityQuery(name="Amnesty", public_only=True, hide_restricted=True))
    assert listed == []
    assert archive.entities(EntityQuery(name="Amnesty", public_only=True))
    mask = archive.restrictions.masks([code])[code]
    assert "Amnesty" not in mask.document(archive.get(code)).text

"""Reviewers merge and split entities; each decision is audited and can be undone."""

from __future__ import annotations

import pytest
from tests.archive.conftest import MakeDoc

from dhakira.archive import Archive
from dhakira.errors import ConfigError, NotFound
from dhakira.records import Mention

# invented people: two spellings of one man, and one name shared by two men
SAMIR = Mention("Samir Haddad", 0, 12, "person", "person:samir-haddad", "Samir Haddad", "kb")
SAMEER = Mention("Sameer Hadad", 0, 12, "person", None, None, "ner")
FADI_A = Mention("Fadi Nasser", 0, 11, "person", None, None, "ner")
FADI_B = Mention("Fadi Nasser", 20, 31, "person", None, None, "ner")


@pytest.fixture
def codes(archive: Archive, batch: str, make_doc: MakeDoc) -> list[str]:
    docs = [
        make_doc("Samir Haddad was detained in 2013.", entities=[SAMIR]),
        make_doc("Sameer Hadad, a teacher, was detained.", entities=[SAMEER]),
        make_doc("Fadi Nasser, a doctor from Homs.", entities=[FADI_A]),
        make_doc("In Daraa, a farmer, Fadi Nasser, was shot.", entities=[FADI_B]),
    ]
    return [archive.add(doc, batch).code for doc in docs]


def _listed(archive: Archive) -> dict[str, tuple[int, int, list[str]]]:
    return {
        e.key: (e.mentions, e.documents, e.spellings) for e in archive.entity_decisions.entities()
    }


def test_a_merge_lists_both_spellings_under_the_kept_entity(
    archive: Archive, codes: list[str]
) -> None:
    archive.entity_decisions.merge(
        "person:samir-haddad", "person:sameer hadad", note="same man", actor="tester"
    )
    listed = _listed(archive)
    assert listed["person:samir-haddad"] == (2, 2, ["Sameer Hadad", "Samir Haddad"])
    assert "person:sameer hadad" not in listed


def test_a_split_by_document_makes_a_new_entity(archive: Archive, codes: list[str]) -> None:
    decision = archive.entity_decisions.split(
        "person:fadi nasser",
        documents_=[codes[3]],
        note="the farmer is another man",
        actor="tester",
    )
    listed = _listed(archive)
    assert decision.target == f"split:{decision.id}"
    assert listed["person:fadi nasser"][:2] == (1, 1)
    assert listed[decision.target][:2] == (1, 1)


def test_a_split_by_mention_names_code_and_offset(archive: Archive, codes: list[str]) -> None:
    decision = archive.entity_decisions.split(
        "person:fadi nasser", mentions_=[f"{codes[3]}:20"], note="another man", actor="tester"
    )
    assert _listed(archive)[decision.target][:2] == (1, 1)


def test_undo_restores_the_listing_and_keeps_the_decision(
    archive: Archive, codes: list[str]
) -> None:
    before = _listed(archive)
    merged = archive.entity_decisions.merge(
        "person:samir-haddad", "person:sameer hadad", note="same man", actor="tester"
    )
    undone = archive.entity_decisions.undo(merged.id, note="different men", actor="tester")
    assert _listed(archive) == before
    assert undone.undone_at is not None
    assert [d.id for d in archive.entity_decisions.decisions()] == [merged.id]


def test_decisions_and_undo_are_in_the_audit_chain(archive: Archive, codes: list[str]) -> None:
    merged = archive.entity_decisions.merge(
        "person:samir-haddad", "person:sameer hadad", note="same man", actor="tester"
    )
    archive.entity_decisions.split(
        "person:fadi nasser", documents_=[codes[3]], note="two men", actor="tester"
    )
    archive.entity_decisions.undo(merged.id, note="wrong", actor="reviewer")
    actions = [(e.action, e.old, e.new, e.actor) for e in archive.audit() if e.code is None]
    assert actions == [
        ("entity-merge", "person:sameer hadad", "person:samir-haddad", "tester"),
        ("entity-split", "person:fadi nasser", "split:2", "tester"),
        ("entity-undo", "person:samir-haddad", "person:sameer hadad", "reviewer"),
    ]
    assert archive.verify().chain_ok


def test_a_decision_needs_a_note_and_known_entities(archive: Archive, codes: list[str]) -> None:
    with pytest.raises(ConfigError):
        archive.entity_decisions.merge(
            "person:samir-haddad", "person:sameer hadad", note=" ", actor="tester"
        )
    with pytest.raises(NotFound):
        archive.entity_decisions.merge(
            "person:samir-haddad", "person:nobody", note="x", actor="tester"
        )
    with pytest.raises(NotFound):
        archive.entity_decisions.split(
            "person:fadi nasser", documents_=[codes[0]], note="x", actor="tester"
        )


def test_undoing_twice_is_refused(archive: Archive, codes: list[str]) -> None:
    merged = archive.entity_decisions.merge(
        "person:samir-haddad", "person:sameer hadad", note="same man", actor="tester"
    )
    archive.entity_decisions.undo(merged.id, note="wrong", actor="tester")
    with pytest.raises(ConfigError):
        archive.entity_decisions.undo(merged.id, note="again", actor="tester")


def test_a_merged_entity_shows_a_public_reader_only_public_mentions(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    from dhakira.archive import EntityQuery

    public = make_doc("Samir Haddad was detained in 2013.", entities=[SAMIR])
    hidden = make_doc("Sameer Hadad, a witness, spoke to us.", entities=[SAMEER])
    archive.add(public, batch, visibility="public")
    archive.add(hidden, batch, visibility="restricted")
    archive.entity_decisions.merge(
        "person:samir-haddad", "person:sameer hadad", note="same man", actor="tester"
    )
    [shown] = archive.entity_decisions.entities(EntityQuery(public_only=True))
    assert (shown.mentions, shown.documents, shown.spellings) == (1, 1, ["Samir Haddad"])

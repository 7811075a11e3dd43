"""A document's mask: restricted spellings marked out, positions moved, whole fields removed."""

from __future__ import annotations

from dataclasses import replace

from dhakira.archive.masking import MARK, Mask
from dhakira.archive.records import StoredDocument
from dhakira.records import Claim, Mention

TEXT = "Layla Nasser saw Omar Said at Sednaya Prison; LAYLA NASSER was released."


def _doc() -> StoredDocument:
    sednaya = TEXT.index("Sednaya Prison")
    said = TEXT.index("Omar Said")
    return StoredDocument(
        code="DHK-2020-000001", sha256="0" * 64, source="fixtures/a.txt", url=None,
        media_type="text/plain", size=len(TEXT), captured_at="2020-01-01T00:00:00Z",
        ingested_at="2020-01-01T00:00:00Z", batch="b", status="ok",
        title="Layla Nasser on Sednaya", title_generated=False, date="2020-01-01",
        date_precision="day", date_source="header", language="en", languages=["en"],
        doc_type="testimony", publisher="Wire", issuing_body=None, author="Rami Aziz",
        text=TEXT, raw_text=TEXT, record={"persons": ["Layla Nasser"]}, format_meta={},
        supplied={}, steps={}, reliability="unspecified", reliability_note=None,
        reliability_by=None, reliability_at=None, visibility="public",
        entities=[
            Mention("Layla Nasser", 0, 12, "person"),
            Mention("Omar Said", said, said + 9, "person"),
            Mention("Sednaya Prison", sednaya, sednaya + 14, "facility", "facility:sednaya"),
        ],
        claims=[
            Claim("detention", None, None, None, None, "Sednaya Prison", None, None, None,
                  "Layla Nasser", TEXT[:26], 0, 26),
        ],
    )  # fmt: skip


MASK = Mask(frozenset({"author", "entity:person:layla nasser"}), ("Layla Nasser",))


def test_every_spelling_is_marked_out_whatever_its_case() -> None:
    masked = MASK.document(_doc())
    assert "Layla" not in masked.text and "LAYLA" not in masked.text
    assert masked.text.count(MARK) == 2
    assert masked.title == f"{MARK} on Sednaya"
    assert masked.record == {"persons": [MARK]}


def test_a_removed_field_is_none_and_other_fields_stay() -> None:
    masked = MASK.document(_doc())
    assert masked.author is None
    assert masked.publisher == "Wire"


def test_mentions_of_the_restricted_entity_go_and_the_others_move_with_the_text() -> None:
    masked = MASK.document(_doc())
    assert [m.text for m in masked.entities] == ["Omar Said", "Sednaya Prison"]
    for mention in masked.entities:
        assert masked.text[mention.start : mention.end] == mention.text


def test_a_claim_quote_holding_the_name_is_masked_and_still_matches_the_text() -> None:
    [claim] = MASK.document(_doc()).claims
    assert claim.attributed_to == MARK
    assert claim.quote == f"{MARK} saw Omar Said"
    assert MASK.document(_doc()).text[claim.start : claim.end] == claim.quote


def test_an_empty_mask_changes_nothing() -> None:
    doc = _doc()
    assert Mask(frozenset(), ()).document(doc) == replace(doc)

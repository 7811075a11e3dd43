"""The entity step: known names linked, unknown names found with a cue, surnames followed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dhakira.analysis import entities
from dhakira.analysis.english_ner import tag_tokens
from dhakira.analysis.entities import find_entities, find_mentions
from dhakira.records import Document, Mention, Paragraph

MakeDoc = Callable[..., Document]


def _found(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.entity_id, m.found_by) for m in find_mentions(text)]


def test_step_fills_entities_with_exact_spans(make_doc: MakeDoc) -> None:
    doc = find_entities(make_doc("Amnesty International visited Beirut."))
    assert [(m.text, m.type) for m in doc.entities] == [
        ("Amnesty International", "organization"),
        ("Beirut", "place"),
    ]
    assert all(doc.text[m.start : m.end] == m.text for m in doc.entities)


def test_abbreviation_and_full_name_link_to_one_organization() -> None:
    found = _found("The Syrian Network for Human Rights (SNHR) counted them. SNHR said more.")
    assert {entity_id for _, entity_id, _ in found} == {"org:snhr"}
    assert len(found) == 3


def test_surname_after_full_name_links_to_the_person() -> None:
    text = "Bashar al-Assad spoke. Later Assad left."
    assert [e for _, e, _ in _found(text)] == ["person:bashar-al-assad"] * 2


def test_assad_regime_is_not_a_person_mention() -> None:
    assert _found("The Assad regime detained them.") == []


def test_unknown_person_found_by_title() -> None:
    found = _found("Dutch Justice Minister Karel Vermeulen visited.")
    assert ("Karel Vermeulen", "doc-person:karel-vermeulen", "ner-en") in found


@pytest.mark.parametrize(
    "text",
    [
        "Under-Secretary-General for Humanitarian Affairs Stephen Marlow said 12 people died.",
        "Foreign Affairs Minister Stephen Marlow visited Beirut.",
    ],
)
def test_an_office_before_a_name_is_not_part_of_it(text: str) -> None:
    persons = [m.text for m in find_mentions(text) if m.type == "person"]
    assert persons == ["Stephen Marlow"]


def test_an_arabic_surname_alone_is_the_person_named_in_full_before() -> None:
    text = (
        "قال المعتقل السابق أحمد خليل الحسين إنه احتُجز في الفرع 215 مدة ستة أشهر.\n\n"
        "وأضاف الحسين أن المحقق كان يشرف على جلسات التعذيب."
    )
    people = {m.text: m.entity_id for m in find_mentions(text) if m.type == "person"}
    assert people["الحسين"] == people["أحمد خليل الحسين"]


def test_a_name_followed_by_whose_is_a_person() -> None:
    found = _found("Nour Haddad, whose brother was arrested in 2012, searched for nine years.")
    assert ("Nour Haddad", "doc-person:nour-haddad", "ner-en") in found


def test_repeated_surname_and_its_typo_are_the_same_person() -> None:
    text = (
        "Hanan Qudsi, the spokeswoman of the group, said it was true. "
        "Qudsi added more. Later Qudsy denied it."
    )
    mentions = find_mentions(text)
    people = [(m.text, m.entity_id, m.found_by) for m in mentions if m.type == "person"]
    assert people == [
        ("Hanan Qudsi", "doc-person:hanan-qudsi", "ner-en"),
        ("Qudsi", "doc-person:hanan-qudsi", "coref"),
        ("Qudsy", "doc-person:hanan-qudsi", "coref"),
    ]


def test_unknown_organization_found_by_its_head_noun() -> None:
    found = _found("The Free Lawyers Documentation Network published a list.")
    assert found == [
        (
            "Free Lawyers Documentation Network",
            "doc-organization:free-lawyers-documentation-network",
            "ner-en",
        )
    ]


def test_generic_capitalized_phrases_are_not_entities() -> None:
    text = (
        "Press Statement\n\nMedia Department\n\nThe Coalition stresses the need. "
        "Long live Syria and its people. The Council members met on Monday. "
        "Thousands of Syrians Continue Unabated."
    )
    assert [m.text for m in find_mentions(text)] == ["Syria"]


@pytest.mark.parametrize(
    "text",
    [
        "A source at the Police Command said two people died.",
        "The Central Command said the strike hit a depot.",
        "The National Hospital said it received the wounded.",
        "The Deir Ezzor Governorate said the road was closed.",
        "Analysts in the Middle East said little.",
        "Towns along the Euphrates River said nothing.",
        "The Under-Secretary-General for Humanitarian Affairs said more aid was needed.",
        "Analysts in North Africa said little.",
    ],
)
def test_an_institution_a_region_or_a_river_cued_by_a_verb_is_no_person(text: str) -> None:
    assert [m.type for m in find_mentions(text) if m.type == "person"] == []


def test_committees_and_a_coalition_head_organizations() -> None:
    text = "The Local Coordination Committees said, and the Syrian Arab Coalition agreed."
    found = [(m.text, m.type) for m in find_mentions(text)]
    assert ("Local Coordination Committees", "organization") in found
    assert ("Syrian Arab Coalition", "organization") in found


def test_arabic_text_links_known_names() -> None:
    text = "قالت الشبكة السورية لحقوق الإنسان إن المعتقلين نقلوا إلى سجن صيدنايا."
    found = _found(text)
    assert [e for _, e, _ in found] == ["org:snhr", "facility:sednaya-prison"]


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    mentions: list[Mention] = find_mentions(
        "UN Security Council and UN General Assembly, then the UN and Amnesty."
    )
    ends = [0] + [m.end for m in mentions]
    assert all(m.start >= end for m, end in zip(mentions, ends[:-1], strict=True))


def test_tag_tokens_gives_bio_tags() -> None:
    tokens = ["Amnesty", "International", "visited", "Sednaya", "Prison", "in", "Syria", "."]
    assert tag_tokens(tokens) == ["B-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "O", "B-LOC", "O"]


def test_arabic_recognizer_spans_are_used_and_linked(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "قال سامر نعيمي إن المعتقلين في حلب."
    person = text.index("سامر نعيمي")
    city = text.index("حلب")

    def fake(part: str) -> list[tuple[int, int, str]]:
        return [(person, person + 10, "PERS"), (city, city + 3, "LOC")]

    monkeypatch.setattr(entities, "_arabic_recognizer", lambda: fake)
    found = _found(text)
    assert found == [
        ("سامر نعيمي", "doc-person:سامر-نعيمي", "ner-ar"),
        ("حلب", "place:sy-aleppo", "kb"),
    ]


def test_arabic_recognizer_only_sees_arabic_paragraphs(
    make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(
        entities, "_arabic_recognizer", lambda: lambda part: seen.append(part) or []
    )
    doc = make_doc("An English line.\n\nسطر عربي.")
    doc.paragraphs = [Paragraph(0, 16, "en"), Paragraph(18, 27, "ar")]
    find_entities(doc)
    assert seen == ["سطر عربي."]


def test_step_works_without_the_arabic_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entities.importlib.util, "find_spec", lambda name: None)
    assert [e for _, e, _ in _found("نقل إلى سجن صيدنايا")] == ["facility:sednaya-prison"]


def test_arabic_regime_of_assad_is_not_a_person_mention() -> None:
    assert _found("ارتكب نظام الأسد جرائم") == []


def test_a_bracket_ends_a_name() -> None:
    found = _found("Sednaya (Saydnaya) military prison")
    assert [t for t, _, _ in found] == ["Sednaya", "Saydnaya"]


def test_a_place_cue_wins_over_a_speech_verb() -> None:
    text = "The strike on the rebel stronghold of Urum al-Joz reported 15 dead."
    assert [(m.text, m.type) for m in find_mentions(text)] == [("Urum al-Joz", "place")]


def test_the_assad_regimes_channel_without_apostrophe_names_no_person() -> None:
    text = "A bomb killed six people, the Assad regimes official television channel said."
    assert [m.type for m in find_mentions(text)] == []

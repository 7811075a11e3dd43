"""The knowledge base: shipped entities, user files, and how names are matched in text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dhakira.errors import ConfigError
from dhakira.knowledge import ENV_VAR, load_knowledge


def _ids(text: str, extra: tuple[Path, ...] = ()) -> list[str]:
    return [m.entity.id for m in load_knowledge(extra).matcher.find(text)]


def test_facility_spellings_resolve_to_one_prison() -> None:
    text = "Sednaya, Saydnaya Prison, Saidnaya and سجن صيدنايا are one place."
    assert set(_ids(text)) == {"facility:sednaya-prison"}


def test_unlisted_transliteration_is_matched_fuzzily() -> None:
    matches = load_knowledge().matcher.find("Survivors of Seydnaya spoke.")
    assert [(m.entity.id, m.how) for m in matches] == [("facility:sednaya-prison", "kb-fuzzy")]


def test_longest_name_wins_over_its_abbreviation() -> None:
    assert _ids("The UN Security Council met.") == ["org:un-security-council"]


def test_acronym_matches_only_in_capitals() -> None:
    assert _ids("The SOC said.") == ["org:syrian-coalition"]
    assert _ids("a soc of cotton") == []


def test_one_word_name_needs_a_capital() -> None:
    assert _ids("Amnesty said.") == ["org:amnesty-international"]
    assert _ids("a general amnesty was declared") == []


def test_article_variants_match_the_same_person() -> None:
    for name in ("Bashar al-Assad", "Bashar Al-Assad", "Bashar el-Assad", "Bashar Assad"):
        assert _ids(f"{name} spoke.") == ["person:bashar-al-assad"], name


def test_arabic_name_with_prefix_and_hamza_variant() -> None:
    matches = load_knowledge().matcher.find("ودعت منظمة العفو الدولية والامم المتحدة")
    assert [m.entity.id for m in matches] == ["org:amnesty-international", "org:united-nations"]


def test_arabic_prefix_stays_outside_the_mention() -> None:
    text = "نقل إلى وصيدنايا"
    (match,) = load_knowledge().matcher.find(text)
    assert text[match.start : match.end] == "صيدنايا"


@pytest.mark.parametrize(
    ("word", "entity"),
    [("صدنايا", "facility:sednaya-prison"), ("يونيسيف", "org:unicef")],
)
def test_arabic_misspelling_of_a_long_name_is_found(word: str, entity: str) -> None:
    matches = load_knowledge().matcher.find(f"وقالت {word} أمس")
    assert [(m.entity.id, m.how) for m in matches] == [(entity, "kb-fuzzy")]


def test_sednaya_written_with_taa_marbuta_is_the_prison() -> None:
    # "صيدناية" is also how a feminine adjective of a name in -يا is written ("بريطانية"),
    # which fuzzy matching refuses: the prison's spelling is listed as an alias
    assert _ids("نقل إلى صيدناية") == ["facility:sednaya-prison"]


@pytest.mark.parametrize(
    "word",
    [
        "السيد",  # Mr., not السويد (Sweden)
        "الأسود",  # black, not الأسد
        "القارة",  # the continent, not القاهرة
        "العرق",  # race, not العراق
        "العراقية",  # Iraqi, an adjective of العراق
        "إسرائيلي",
        "فلسطينياً",
        "فرنسيا",
        "بريطانية",
        "الألماني",
    ],
)
def test_arabic_word_one_letter_from_a_name_or_its_adjective_is_no_match(word: str) -> None:
    assert load_knowledge().matcher.find(f"قال {word} إن الوضع صعب") == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Ahrar al-Sham fighters", "org:ahrar-al-sham"),  # was HTS by a fuzzy match
        ("Ahrar ash-Sham said", "org:ahrar-al-sham"),
        ("Tahrir al-Sham", "org:hts"),
        ("Jaish al-Islam shelled", "org:jaysh-al-islam"),
    ],
)
def test_armed_groups_with_close_names_stay_apart(text: str, entity: str) -> None:
    assert _ids(text) == [entity]


@pytest.mark.parametrize(
    ("spellings", "entity"),
    [
        (("Deir ez-Zor", "Deir Ezzor", "Deir al-Zour", "دير الزور"), "place:sy-deir-ez-zor"),
        (("Tadmur", "Palmyra", "تدمر"), "place:sy-homs-tadmur"),
        (("Tabqa", "Al-Tabqa"), "place:sy-raqqa-al-thawrah"),
        (
            ("Khan Shaykhun", "Khan Sheikhoun", "خان شيخون"),
            "place:sy-idlib-maarrat-al-numan-khan-shaykun",
        ),
        (("Jobar", "جوبر"), "place:sy-jobar"),
        # the governorate, though OpenSyria also lists "Rural Damascus" for a district
        (("Rural Damascus", "rural Damascus", "Rif Dimashq", "ريف دمشق"), "place:sy-rif-dimashq"),
    ],
)
def test_press_spellings_of_a_syrian_place_link_to_one_entity(
    spellings: tuple[str, ...], entity: str
) -> None:
    for spelling in spellings:
        assert _ids(f"Shelling hit {spelling} today.") == [entity], spelling


def test_a_curated_town_has_a_governorate_through_its_parent() -> None:
    kb = load_knowledge()
    for town in kb:
        if town.source == "entities.json" and town.type == "place" and town.parent:
            parent = kb.get(town.parent)
            assert parent is not None and parent.level == "governorate", town.id


def test_an_event_placed_in_the_knowledge_base_names_a_known_place() -> None:
    kb = load_knowledge()
    placed = [event for event in kb if event.type == "event" and event.parent]
    assert placed, "no event carries its place"
    for event in placed:
        place = kb.get(event.parent or "")
        assert place is not None and place.type == "place", event.id


@pytest.mark.parametrize(
    "text", ["French Foreign Minister Laurent Fabius spoke.", "The Syrian Observer reported."]
)
def test_another_word_on_a_name_words_stem_is_no_misspelling(text: str) -> None:
    # a minister is not the ministry, the Syrian Observer (a news site) not the Observatory
    assert [m.how for m in load_knowledge().matcher.find(text) if m.how == "kb-fuzzy"] == []


def test_possessive_ends_a_name() -> None:
    assert _ids("Caesar’s images were shown.") == ["person:caesar"]


def test_governorate_from_places_has_a_pcode() -> None:
    (match,) = load_knowledge().matcher.find("Shelling hit Idlib.")
    assert match.entity.ids.get("ocha_pcode") == "SY07"
    assert match.entity.level == "governorate"


def test_sarin_is_not_a_place() -> None:
    assert _ids("Sarin was used.") == []


def test_user_file_adds_an_entity(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    entity = {
        "id": "facility:branch-999",
        "type": "facility",
        "name": {"en": "Branch 999"},
        "aliases": ["فرع التجربة"],
    }
    path.write_text(json.dumps([entity]), encoding="utf-8")
    assert _ids("held in Branch 999 and فرع التجربة", (path,)) == ["facility:branch-999"] * 2


def test_user_file_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "env.json"
    path.write_text(
        json.dumps(
            {
                "entities": [
                    {
                        "id": "org:invented-watch",
                        "type": "organization",
                        "name": {"en": "Invented Watch"},
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv(ENV_VAR, str(path))
    assert _ids("Invented Watch reported.") == ["org:invented-watch"]


def test_malformed_user_file_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"id": "x:y", "type": "spaceship", "name": "Y"}]), "utf-8")
    with pytest.raises(ConfigError, match="unknown type"):
        load_knowledge((path,))


def test_typo_in_a_long_name_is_matched_fuzzily() -> None:
    matches = load_knowledge().matcher.find("the Internationl Criminal Court ruled")
    assert [(m.entity.id, m.how) for m in matches] == [("org:icc", "kb-fuzzy")]


def test_nationality_adjectives_are_not_their_countries() -> None:
    assert _ids("Israeli, Palestinian and German officials met a New Yorker.") == []


def test_fuzzy_needs_every_word_close() -> None:
    assert _ids("President Ashraf spoke.") == []


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("The Hama massacre of 1982 is remembered.", "event:hama-massacre-1982"),
        ("ذكرى مجزرة حماة", "event:hama-massacre-1982"),
        ("مجزرة الغوطة الكيميائية عام 2013", "event:ghouta-chemical-attack"),
        ("the Khan Sheikhoun chemical attack", "event:khan-shaykhun-chemical-attack"),
        ('HRW published "If the Dead Could Speak" in 2015.', "report:if-the-dead-could-speak"),
    ],
)
def test_massacres_and_reports_of_the_record_are_known(text: str, entity: str) -> None:
    assert entity in _ids(text)

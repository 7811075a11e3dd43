"""The main incident of a news report: hand-written English reports with invented tolls."""

from __future__ import annotations

import re

import pytest

from conftest import MakeDoc
from dhakira.analysis.incident import STEP, find_incident
from dhakira.analysis.incident.counts import count_victims, number_value, sentences
from dhakira.analysis.incident.labels import (
    COALITION,
    GOVERNMENT,
    ISIS,
    KURDISH,
    NUSRA,
    OPPOSITION,
    UNKNOWN,
    NamedLabels,
    find_actor,
    find_cause,
)
from dhakira.analysis.incident.places import gazetteer_names

REPORT = (
    "Sat 12 Mar 2016 Air strikes kill 14 in Syria's Idlib. "
    "Russian air strikes killed 14 civilians including three children and a woman in the town "
    "of Saraqeb on Saturday, a monitor said. Rescue workers searched the rubble."
)


def test_step_is_named_and_versioned() -> None:
    assert STEP.label == "analysis.incident.v9"


def test_report_gives_every_field(make_doc: MakeDoc) -> None:
    incident = find_incident(make_doc(REPORT)).incident
    assert incident is not None
    assert (incident.governorate, incident.date) == ("idlib", "2016-03-12")
    assert (incident.cause, incident.actor) == ("shelling", GOVERNMENT)
    assert (incident.civilians, incident.children, incident.women) == (14, 3, 1)
    assert incident.noncivilians == 0


def test_text_without_deaths_has_no_incident(make_doc: MakeDoc) -> None:
    doc = find_incident(make_doc("The council met on Monday to discuss the budget for schools."))
    assert doc.incident is None


def test_number_words_are_read() -> None:
    assert number_value("seven") == 7
    assert number_value("twenty-one") == 21
    assert number_value("1,200") == 1200
    assert number_value("two hundred") == 200


def test_fighters_are_not_civilians() -> None:
    counts = count_victims("Clashes killed 25 fighters and eight civilians near the airport.")
    assert (counts.civilians, counts.noncivilians) == (8, 25)


def test_people_killed_count_as_civilians() -> None:
    assert count_victims("A bomb blast killed six people and injured 32.").civilians == 6


def test_wounded_are_not_counted() -> None:
    counts = count_victims("Shelling wounded 40 people; 3 people were killed.")
    assert counts.civilians == 3


def test_vague_amounts_give_no_count() -> None:
    assert count_victims("Air raids killed dozens of civilians.").civilians == 0


def test_car_bomb_is_an_explosion() -> None:
    assert find_cause("A car bomb exploded near a checkpoint, killing nine people.") == "explosion"


def test_gas_is_a_chemical_attack() -> None:
    cause = find_cause("A suspected sarin attack killed 20 people in the town.")
    assert cause == "chemical and toxic gases"


def test_jihadist_group_is_named() -> None:
    assert find_actor("Islamic State militants executed 12 men in the desert.") == ISIS


def test_coalition_strikes_are_the_coalition() -> None:
    assert find_actor("US-led coalition air strikes killed 7 civilians.") == COALITION


def test_gas_delivered_by_air_strike_is_chemical() -> None:
    cause = find_cause("An air strike that released toxic gas killed 30 people in the town.")
    assert cause == "chemical and toxic gases"


def test_clashes_with_no_weapon_named_are_shooting() -> None:
    # FA-KES: when annotators wrote "clashes" or "battles", the normalised cause is shooting
    assert find_cause("Heavy clashes near the village left 12 fighters dead.") == "shooting"


def test_no_violence_word_has_no_known_cause() -> None:
    assert find_cause("Twelve fighters died near the village, a monitor said.") == "unknown"


def test_unnamed_air_strikes_are_the_government() -> None:
    assert find_actor("Air strikes on a market killed 11 civilians, a monitor said.") == GOVERNMENT


def test_terrorist_as_a_label_names_no_actor() -> None:
    assert (
        find_actor("Three civilians were killed in terrorist rocket attacks on the city.")
        == "unknown"
    )


def test_people_including_civilians_counts_the_civilians() -> None:
    counts = count_victims("At least 30 people including 24 civilians were killed by strikes.")
    assert counts.civilians == 24


def test_headline_toll_without_a_noun_is_counted() -> None:
    assert count_victims("Suicide bomber kills 4 in hospital.").civilians == 4


def test_day_of_the_date_line_is_not_a_toll() -> None:
    counts = count_victims("Date of publication 16 September 2016 Two civilians were killed.")
    assert counts.civilians == 2


def test_woman_injured_is_not_counted() -> None:
    counts = count_victims("A child was killed and a woman was injured in a rocket attack.")
    assert (counts.children, counts.women) == (1, 0)


def test_governorate_from_a_town(make_doc: MakeDoc) -> None:
    doc = make_doc("Shelling killed 5 civilians in Douma on Monday, activists said.")
    incident = find_incident(doc).incident
    assert incident is not None and incident.governorate == "damascus"


def test_rebel_held_is_a_place_not_a_fighter() -> None:
    counts = count_victims("Air strikes on a rebel-held region killed at least 22 civilians.")
    assert (counts.civilians, counts.noncivilians) == (22, 0)


def test_subdistrict_resolves_to_its_governorate_from_the_shipped_places() -> None:
    names = gazetteer_names()
    assert names["jisr ash shugur"] == "idlib"  # a district of Idlib, read from places.json


def test_rif_dimashq_counts_as_damascus() -> None:
    assert gazetteer_names()["rif dimashq"] == "damascus"


def test_sweida_keeps_its_own_label() -> None:
    assert gazetteer_names()["suwayda"] == "sweida"


def test_initials_do_not_end_a_sentence() -> None:
    parts = sentences("U.S.-led jets struck the city. The U.N. said 1.5 million fled.")
    assert [p.strip() for _, p in parts] == [
        "U.S.-led jets struck the city.",
        "The U.N. said 1.5 million fled.",
    ]


def test_headline_toll_gives_way_to_named_fighters() -> None:
    counts = count_victims("Air strike kills 18 at camp. It killed 17 militants and a child.")
    assert (counts.civilians, counts.noncivilians, counts.children) == (1, 17, 1)


def test_attack_without_deaths_is_still_an_incident(make_doc: MakeDoc) -> None:
    doc = make_doc("12 May 2016 Seven civilians were injured in a rocket attack on Aleppo city.")
    incident = find_incident(doc).incident
    assert incident is not None
    assert (incident.governorate, incident.date, incident.civilians) == ("aleppo", "2016-05-12", 0)


def test_islamic_state_initials_may_stand_before_the_noun() -> None:
    assert count_victims("Russian strikes kill 120 IS group fighters.").noncivilians == 120


def test_aside_in_brackets_is_skipped() -> None:
    counts = count_victims("Kurdish forces killed 35 Daesh (banned in Russia) militants.")
    assert counts.noncivilians == 35


def test_rest_of_a_total_is_the_other_side() -> None:
    counts = count_victims("Fifteen people died including five policemen in the blast.")
    assert (counts.civilians, counts.noncivilians) == (10, 5)


def test_a_boy_who_was_injured_is_not_a_child_killed() -> None:
    counts = count_victims("A boy who was injured in the blast said a bomb killed six people.")
    assert (counts.civilians, counts.children) == (6, 0)


def test_staff_members_are_civilians() -> None:
    counts = count_victims("Air strikes on the hospital killed 15 members of medical staff.")
    assert (counts.civilians, counts.noncivilians) == (15, 0)


def test_article_glued_to_a_place_name_is_allowed(make_doc: MakeDoc) -> None:
    doc = make_doc("Two suicide bombers killed 30 militiamen in al-Hassakeh on Monday.")
    incident = find_incident(doc).incident
    assert incident is not None and incident.governorate == "hasakeh"


def test_nerve_agent_is_not_a_place() -> None:
    assert "sarin" not in gazetteer_names()


def test_a_bomb_on_the_ground_is_an_explosion() -> None:
    assert find_cause("Bombs kill 22 at an army checkpoint in the city.") == "explosion"


def test_barrel_bombs_and_coalition_bombing_are_shelling() -> None:
    assert find_cause("Helicopters dropped barrel bombs on the town, killing 9.") == "shelling"
    assert find_cause("US-led coalition bombing of the city left 20 civilians dead.") == "shelling"


def test_party_counted_among_the_dead_is_not_the_attacker() -> None:
    text = "Air strikes kill 20 Islamic State fighters. US-led jets struck their base overnight."
    assert find_actor(text) == COALITION


def test_date_before_the_army_does_not_make_it_a_victim() -> None:
    assert find_actor("16-12-2014 Syrian Army kills 60 militants near the airport.") == GOVERNMENT


def test_kurdish_led_forces_are_self_administration() -> None:
    text = "Kurdish-led Syrian Democratic Forces (SDF) killed 35 militants near the town."
    assert find_actor(text) == KURDISH


def test_civilians_among_a_larger_toll_leave_the_rest_to_fighters() -> None:
    counts = count_victims("Six civilians were among at least 22 people killed in the strikes.")
    assert (counts.civilians, counts.noncivilians) == (6, 16)


def test_noun_naming_an_attack_is_not_a_toll() -> None:
    counts = count_victims("Three terrorist attacks near the shrine killed 50 people.")
    assert (counts.civilians, counts.noncivilians) == (50, 0)


def test_the_killing_of_one_person_is_a_toll() -> None:
    assert count_victims("The rocket led to the killing of one person.").civilians == 1


def test_martyrs_are_counted_as_people() -> None:
    assert count_victims("Six martyrs were killed in the bus bombing.").civilians == 6


def test_header_date_glued_to_its_year_is_read(make_doc: MakeDoc) -> None:
    doc = make_doc("Last updated at Aug 142016 BEIRUT Air strikes killed 12 civilians in Idlib.")
    incident = find_incident(doc).incident
    assert incident is not None and incident.date == "2016-08-14"


def test_beheading_of_a_number_is_a_toll() -> None:
    assert count_victims("The group claims the beheading of 18 Syrians.").civilians == 18


def test_people_harmed_beside_the_dead_are_not_counted() -> None:
    text = "The attack killed some 80 people and inflicted harm on an additional 200 civilians."
    assert count_victims(text).civilians == 80


def test_a_terrorist_attack_is_not_a_fighter_killed() -> None:
    counts = count_victims("Three people were killed in a terrorist attack on the market.")
    assert (counts.civilians, counts.noncivilians) == (3, 0)


def test_headline_total_gives_way_to_a_split_toll() -> None:
    text = "Raids kill 22 including civilians. Six civilians were among at least 22 people killed."
    counts = count_victims(text)
    assert (counts.civilians, counts.noncivilians) == (6, 16)


def test_killed_and_injured_together_is_not_a_death_toll() -> None:
    text = "175 terrorists killed injured near the road. Nearly 75 terrorists were killed."
    assert count_victims(text).noncivilians == 75


def test_schoolchildren_and_mothers_are_counted() -> None:
    counts = count_victims("Four schoolchildren and one mother were killed in the shelling.")
    assert (counts.children, counts.women) == (4, 1)


def test_governorate_is_where_the_toll_is(make_doc: MakeDoc) -> None:
    doc = make_doc("Army retakes a town in Homs and kills over 50 militants in Hama.")
    incident = find_incident(doc).incident
    assert incident is not None and incident.governorate == "hama"


def test_later_sentence_naming_the_one_victim_is_the_same_toll() -> None:
    counts = count_victims("One killed in rocket attack on the city. A woman was killed at home.")
    assert (counts.civilians, counts.women) == (1, 1)


def test_people_affected_by_gas_are_not_counted_as_dead() -> None:
    text = "The attack killed 100 civilians and 500 others mostly children have been affected."
    counts = count_victims(text)
    assert (counts.civilians, counts.children) == (100, 0)


def test_rebels_counted_among_the_dead_are_not_the_attackers() -> None:
    text = "More than 30 Syrian rebels killed in an Islamic State suicide blast near the border."
    assert find_actor(text) == ISIS


def test_party_that_blames_another_is_not_the_attacker() -> None:
    text = "Jihadist rebels blamed Russian warplanes for the strike that killed 61 people."
    assert find_actor(text) == GOVERNMENT


def test_longest_place_name_wins(make_doc: MakeDoc) -> None:
    doc = make_doc("Shelling killed 4 civilians in Deir ez-Zor city, activists said.")
    incident = find_incident(doc).incident
    assert incident is not None and incident.governorate == "deir ezzor"


def test_bombing_positions_from_the_air_is_shelling() -> None:
    assert find_cause("Syria bombs jihadist positions in Raqqa, killing 31.") == "shelling"
    assert find_cause("An aerial bomb hit their home, killing a mother.") == "shelling"


def test_people_mostly_from_an_armed_group_are_fighters() -> None:
    text = "At least 23 people most of them from the Ahrar al-Sham militant group were killed."
    counts = count_victims(text)
    assert (counts.civilians, counts.noncivilians) == (0, 23)


def test_a_rebel_mortar_attack_is_no_fighter_killed() -> None:
    counts = count_victims("At least 21 people were killed in a rebel mortar attack on the town.")
    assert (counts.civilians, counts.noncivilians) == (21, 0)


def test_families_of_fighters_are_not_fighters_counted() -> None:
    text = "Ten children were among 48 people killed when troops executed six families of rebels."
    counts = count_victims(text)
    assert (counts.civilians, counts.noncivilians, counts.children) == (48, 0, 10)


def test_forces_killed_are_not_civilians() -> None:
    counts = count_victims("An air strike killed five pro-government forces on Monday.")
    assert (counts.civilians, counts.noncivilians) == (0, 5)


def test_forces_in_a_name_count_nobody() -> None:
    text = "In all, 20 Syrian Democratic Forces reported that strikes killed 35 militants."
    assert count_victims(text).noncivilians == 35


def test_page_counters_are_not_tolls() -> None:
    text = "Print Tweet Views 371 Related Syrian refugees mourn as a car bomb killed 45 people."
    assert count_victims(text).civilians == 45


def test_women_counted_of_whom_were() -> None:
    text = "A car bomb killed 126 people. The dead included 109 evacuees, 13 of whom were women."
    assert count_victims(text).women == 13


def _counts_of(make_doc: MakeDoc, text: str) -> tuple[int, int, int, int]:
    incident = find_incident(make_doc(text)).incident
    assert incident is not None
    return (incident.civilians, incident.noncivilians, incident.children, incident.women)


def test_later_sentence_naming_who_died_breaks_the_total_down(make_doc: MakeDoc) -> None:
    text = (
        "A suicide bomber killed four people in a hospital on Sunday. The town had been calm. "
        "State television reported the blast. Two women and two soldiers were killed in it."
    )
    assert _counts_of(make_doc, text) == (2, 2, 0, 2)


def test_fighters_of_the_dead_leave_the_rest_civilians(make_doc: MakeDoc) -> None:
    text = (
        "At least 20 people were killed in a car bomb blast at a checkpoint. It hit at noon. "
        "Rebels manned the post. The monitor said at least 14 of the dead were rebels."
    )
    assert _counts_of(make_doc, text) == (6, 14, 0, 0)


def test_fighters_among_the_dead_of_a_headline_total(make_doc: MakeDoc) -> None:
    text = (
        "Air strikes kill 70 people near the capital. Jets struck 60 times overnight. "
        "Twelve children and 11 fighters were among the dead, the monitor said."
    )
    assert _counts_of(make_doc, text) == (59, 11, 12, 0)


def test_total_repeated_later_with_its_part(make_doc: MakeDoc) -> None:
    text = (
        "Fifteen people died in a blast near the old city. Police sealed the road. "
        "The agency reported a suicide attack. It said 15 people died including five policemen."
    )
    assert _counts_of(make_doc, text) == (10, 5, 0, 0)


def test_civilians_and_fighters_short_of_the_total_leave_it_alone(make_doc: MakeDoc) -> None:
    text = (
        "Air strikes on a village killed 12 people on Tuesday. A clinic was hit. Jets returned. "
        "Twelve people were killed including two fighters and five civilians, the monitor said."
    )
    assert _counts_of(make_doc, text) == (12, 0, 0, 0)


def test_tolls_told_place_by_place_give_the_women_and_children(make_doc: MakeDoc) -> None:
    text = (
        "Seven people were killed in rocket attacks on the city. Shells killed a woman in the "
        "old market. Rockets killed 2 people near the school. Later 4 people were killed "
        "including 3 children in the east."
    )
    assert _counts_of(make_doc, text) == (7, 0, 3, 1)


def test_places_whose_children_add_up_give_the_women(make_doc: MakeDoc) -> None:
    text = (
        "Sixteen civilians including three children were killed in raids on the province. "
        "In the south strikes killed seven people including two women and a child. "
        "Another seven people including four women and two children were killed up north."
    )
    assert _counts_of(make_doc, text) == (16, 0, 3, 6)


def test_a_sentence_scraped_twice_counts_its_victim_once() -> None:
    text = "One killed in mortar attack. A woman was killed at home A woman was killed at home."
    assert count_victims(text).women == 1


def test_executed_detainees_are_civilians() -> None:
    counts = count_victims("Before leaving the town the troops executed 15 detainees.")
    assert (counts.civilians, counts.noncivilians) == (15, 0)


def test_wire_dateline_under_the_headline_is_the_date(make_doc: MakeDoc) -> None:
    text = (
        "Suicide bomber kills six at a wedding in the north of the country, monitoring group "
        "says after a night of blasts and rising tolls in the region AFP Friday 23 Aug 2013 A "
        "suicide bombing in a restaurant killed six people, a monitor said on Friday."
    )
    incident = find_incident(make_doc(text)).incident
    assert incident is not None and incident.date == "2013-08-23"


def test_survivors_named_with_an_including_aside_are_not_counted() -> None:
    text = "A woman and a child were killed and twenty civilians including children were treated."
    counts = count_victims(text)
    assert (counts.civilians, counts.children, counts.women) == (2, 1, 1)


def test_people_who_got_injured_are_not_counted() -> None:
    text = "A woman was killed and three other civilians got injured by shells on the market."
    assert count_victims(text).civilians == 1


def test_others_join_the_victims_just_named() -> None:
    counts = count_victims("Air raids hit a school killing nine children and 14 others.")
    assert (counts.civilians, counts.children) == (23, 9)


def test_headline_toll_over_two_governorates_gives_way_to_the_first_told(
    make_doc: MakeDoc,
) -> None:
    text = (
        "10 civilians killed in rocket attacks on Aleppo and Deir Ezzor. A source said 6 "
        "civilians including a woman were killed by shells in Aleppo city. Meanwhile four "
        "civilians were killed in Deir Ezzor."
    )
    assert _counts_of(make_doc, text) == (6, 0, 0, 1)


def test_headline_toll_in_one_governorate_stays_whole(make_doc: MakeDoc) -> None:
    text = (
        "10 civilians killed in rocket attacks on Aleppo. A source said 6 civilians including "
        "a woman were killed by shells in Aleppo city. Four more civilians died later."
    )
    assert _counts_of(make_doc, text)[0] == 10


def test_place_people_came_from_is_not_where_it_happened(make_doc: MakeDoc) -> None:
    text = (
        "A car bomb killed 40 evacuees from the towns of Foua and Kefraya as they waited at "
        "Rashidin outside Aleppo."
    )
    incident = find_incident(make_doc(text)).incident
    assert incident is not None and incident.governorate == "aleppo"


def test_summed_headline_takes_the_governorate_of_the_first_part(make_doc: MakeDoc) -> None:
    text = (
        "Eight civilians killed in rocket attacks in Homs and Aleppo. Six civilians were killed "
        "by shells on Aleppo city. Two more were killed in Homs."
    )
    incident = find_incident(make_doc(text)).incident
    assert incident is not None
    assert (incident.governorate, incident.civilians) == ("aleppo", 6)


def test_headline_running_into_the_body_gives_its_first_part(make_doc: MakeDoc) -> None:
    text = (
        "10 civilians killed in attacks on Aleppo and Deir Ezzor 6 September 2016 A reporter "
        "said that 6 civilians were killed by shells in Aleppo city. Meanwhile four civilians "
        "were killed in Deir Ezzor."
    )
    incident = find_incident(make_doc(text)).incident
    assert incident is not None
    assert (incident.governorate, incident.civilians) == ("aleppo", 6)


def test_jaysh_spelling_names_an_opposition_group() -> None:
    assert find_actor("Jaysh al-Islam fires rocket shells at Damascus, killing 3.") == OPPOSITION


def test_a_group_that_holds_the_town_is_not_the_attacker() -> None:
    text = "Air raids killed 10 civilians in Milis, a town controlled by a rebel alliance."
    assert find_actor(text) == GOVERNMENT


def test_a_group_that_uses_gas_or_beheads_is_the_attacker() -> None:
    assert find_actor("ISIL uses chemical weapons in Aleppo, killing five.") == ISIS
    assert find_actor("Islamic State beheads two men in the east.") == ISIS


def test_air_force_sorties_are_shelling() -> None:
    assert find_cause("The air force carried out sorties on the village, killing 12.") == "shelling"


def test_a_bombing_campaign_is_shelling() -> None:
    assert find_cause("Over 500 killed in one week in the bombing campaign.") == "shelling"


def test_killed_and_wounded_share_the_noun_that_ends_them() -> None:
    counts = count_victims("The army killed 28 and wounded 30 Daesh terror group militants.")
    assert (counts.civilians, counts.noncivilians) == (0, 28)


def test_a_lower_case_is_names_no_group() -> None:
    text = "An inquiry is being carried out into air strikes that killed 12 people."
    assert find_actor(text) == GOVERNMENT


def test_international_coalition_is_not_the_syrian_national_coalition() -> None:
    assert find_actor("International Coalition airstrikes killed dozens in Manbij.") == COALITION
    assert find_actor("The Syrian National Coalition condemned the bombing.") != COALITION


def test_syrian_kurds_are_not_the_government() -> None:
    text = "35 IS jihadists were killed in clashes with Syrian Kurdish fighters near Kobane."
    assert find_actor(text) == KURDISH


def test_a_party_that_speaks_is_not_the_attacker() -> None:
    text = "Opposition forces claimed that Russian jets hit an outpost, killing one fighter."
    assert find_actor(text) == GOVERNMENT


def test_party_named_just_before_were_killed_is_a_victim() -> None:
    text = "At least 70 regime and rebel fighters have been killed in 24 hours near the city."
    assert find_actor(text) == UNKNOWN


def test_the_side_troops_clashed_with_is_the_attacker() -> None:
    assert find_actor("10 Syrian troops killed in clashes with IS near the airport.") == ISIS


def test_a_bomber_from_a_group_is_that_group() -> None:
    text = "A suicide bomber from al-Qaeda's Syrian affiliate killed 25 soldiers on Monday."
    assert find_actor(text) == NUSRA


def test_evacuees_from_a_town_name_no_attacker() -> None:
    text = "A blast hit a convoy of evacuees from the besieged Syrian towns, killing 70."
    assert find_actor(text) == UNKNOWN


def test_throats_slit_and_hostages_massacred_are_executions() -> None:
    assert find_cause("Militants slit the throats of 33 young men near the town.") == "execution"
    assert find_cause("Jihadists massacred 250 troops taken hostage at an airbase.") == "execution"


def test_an_aircraft_crash_in_the_headline_has_no_known_cause() -> None:
    text = "A military jet crashed on a market while on a bombing run, killing 27 people."
    assert find_cause(text) == "unknown"


def test_a_crash_told_as_a_side_event_leaves_the_cause() -> None:
    text = "Air strikes hit the city, killing 12. A war plane also crashed south of the city."
    assert find_cause(text) == "shelling"


def test_places_in_a_keyword_list_are_not_where_it_happened(make_doc: MakeDoc) -> None:
    text = (
        "6 July 2015 A video shows the murder of two activists. Tags Syria Islamic State video "
        "Palmyra The group killed the two men in its stronghold of Raqqa."
    )
    incident = find_incident(make_doc(text)).incident
    assert incident is not None and incident.governorate == "raqqa"


def test_parties_in_a_keyword_list_are_not_attackers(make_doc: MakeDoc) -> None:
    text = (
        "15 July 2015 A rebel leader was killed in a suicide bombing. Tags Syria Ahrar al-Sham "
        "suicide bombing Islamic State group airstrikes A double suicide bombing hit a base."
    )
    incident = find_incident(make_doc(text)).incident
    assert incident is not None and incident.actor == UNKNOWN


def test_a_mother_and_her_child() -> None:
    counts = count_victims("One mother and her child have died after a bomb hit their home.")
    assert (counts.civilians, counts.children, counts.women) == (2, 1, 1)


def test_a_woman_and_her_three_children() -> None:
    counts = count_victims("A woman and her three children were killed in the shelling.")
    assert (counts.civilians, counts.children, counts.women) == (4, 3, 1)


def test_a_man_and_his_wife() -> None:
    counts = count_victims("A man and his wife were executed in the town square.")
    assert (counts.civilians, counts.women) == (2, 1)


def test_a_man_and_two_children_are_three_civilians() -> None:
    counts = count_victims("A man and two children were killed when a shell hit their car.")
    assert (counts.civilians, counts.children) == (3, 2)


def test_a_fighter_jet_is_no_fighter_killed() -> None:
    counts = count_victims("His fighter jet crashed on a market, killing 27 people.")
    assert (counts.civilians, counts.noncivilians) == (27, 0)


def test_figure_of_his_fighters_counts_the_fighters() -> None:
    counts = count_victims("Their commander and 12 of his fighters were killed in the ambush.")
    assert counts.noncivilians == 12


def test_the_label_named_first_wins_and_a_tie_goes_to_the_first_listed() -> None:
    labels = NamedLabels(
        {
            "shelling": re.compile(r"\bshell\w*"),
            "explosion": re.compile(r"\b(?:blast|shell explosion)\b"),
            "shooting": re.compile(r"\bshot\b"),
        }
    )
    assert labels.first("Two were shot, then a blast hit the market.") == "shooting"
    assert labels.first("A blast, then shelling.") == "explosion"
    assert labels.first("A shell explosion killed four.") == "shelling"  # both match there
    assert labels.first("Four died in an unexplained fire.") == UNKNOWN
    # each label's own pattern decides at the place found: a word boundary before it counts
    assert labels.first("Eggshells broke; a blast followed.") == "explosion"


def test_label_patterns_must_share_their_flags() -> None:
    with pytest.raises(ValueError, match="different flags"):
        NamedLabels({"a": re.compile("a"), "b": re.compile("b", re.IGNORECASE)})

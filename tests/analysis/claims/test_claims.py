"""Claims: what each figure counts, when, where, by whom, and who says so — English and Arabic.

Fixtures are invented sentences; the entity step is not run, so names come from the
step's own reader."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dhakira.analysis.claims.step import find_claims
from dhakira.analysis.entities import find_entities
from dhakira.records import Claim, Document, Mention

MakeDoc = Callable[..., Document]  # the `make_doc` fixture of tests/analysis/conftest.py


def claims(make_doc: MakeDoc, text: str) -> list[Claim]:
    return find_claims(make_doc(text)).claims


def counted(make_doc: MakeDoc, text: str) -> list[tuple[str, float | None]]:
    """Each claim's event and figure (its best estimate, else its lower bound)."""
    return [(c.event, c.best or c.low) for c in claims(make_doc, text)]


def only(make_doc: MakeDoc, text: str) -> Claim:
    found = claims(make_doc, text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("As many as 300 prisoners were hanged in the prison.", "execution"),
        ("The court executed 40 men last year.", "execution"),
        ("At least 16 people died under torture in the branch.", "death_in_custody"),
        ("Guards tortured 12 detainees.", "torture"),
        ("Shelling killed 25 civilians in the town.", "killing"),
        ("Police arrested 150 students.", "detention"),
        ("There are 215,000 detainees in the prisons.", "detention"),
        ("The group said 900 people were forcibly disappeared.", "enforced_disappearance"),
        ("The authorities released 60 prisoners on Sunday.", "release"),
        ("The judges handed down 30 death sentences.", "death_sentence"),
        ("أعدمت السلطات 13 ألف معتقل.", "execution"),
        ("قتل 25 مدنياً في القصف.", "killing"),
        ("اعتقلت قوات النظام 150 طالباً.", "detention"),
        ("وثقت الشبكة 900 مختفين قسراً.", "enforced_disappearance"),
        ("أفرج عن 60 معتقلاً.", "release"),
        # a killing "under torture", and detainees who died, are deaths in custody
        ("It documented the deaths of at least 14,537 people under torture.", "death_in_custody"),
        ("وثّقت الشبكة مقتل ما لا يقل عن 14,537 شخصاً تحت التعذيب.", "death_in_custody"),
        ("At least three detainees died in the Palestine Branch.", "death_in_custody"),
        ("توفي ثلاثة معتقلين على الأقل في فرع فلسطين.", "death_in_custody"),
        ("An air strike on the prison killed 12 detainees.", "killing"),
        ("وأصدرت المحكمة أحكاماً بالإعدام بحق نحو 30 شخصاً.", "death_sentence"),
        ("وحُكم على 12 شاباً بالإعدام أمام محكمة الإرهاب.", "death_sentence"),
        ("ولقي 8 أشخاص حتفهم جراء انفجار سيارة مفخخة.", "killing"),
        ("ما يقارب 30 ألف معتقل قضوا في سجون النظام.", "death_in_custody"),
        # what the clause says was done to detainees outranks their being detainees
        ("أعلنت الوزارة الإفراج عن دفعة جديدة تضم 300 موقوف.", "release"),
        ("وتمت تصفية العشرات من المعتقلين ميدانياً.", "execution"),
        ("An estimated 17,723 people were killed in custody.", "death_in_custody"),
        ("Rights groups said tens of thousands remained behind bars.", "detention"),
        ("Tens of thousands remain in detention, the group said.", "detention"),
        ("ولا يزال عشرات الآلاف خلف القضبان.", "detention"),
        ("وأفادت مصادر محلية بمقتل طفلين وامرأة في قصف مدفعي.", "killing"),
        ("وأحصت الرابطة وفاة 1,450 معتقلاً في سجن صيدنايا.", "death_in_custody"),
        ("The group recorded the deaths of 300 detainees in 2014.", "death_in_custody"),
        ("It counted the deaths of 300 civilians in 2014.", "killing"),
        ("The Commission received reports of 32 deaths in detention.", "death_in_custody"),
        (
            "The authorities released the names of 1,000 detainees who died in custody.",
            "death_in_custody",
        ),
        # "rebel-held" says who controls a place, not that anyone is detained
        ("15 people dead in rebel-held areas in the east of Aleppo.", "killing"),
        ("At least 2,000 people are held by the security branches.", "detention"),
        ("At least 53 civilians perished when air strikes hit the village.", "killing"),
        ("The network says 12,679 people died of torture from 2011 to 2016.", "death_in_custody"),
        ("A field court sentenced more than 50 detainees to death in one day.", "death_sentence"),
        ("The network documented the death of 11 individuals due to torture.", "death_in_custody"),
        ("The court convicted the officer of 27 murders.", "killing"),
        ("The group recorded 14,388 deaths of detainees since 2011.", "death_in_custody"),
        ("At least 60,000 people have died in government jails.", "death_in_custody"),
        ("He described overcrowded cells where dozens of men died.", "death_in_custody"),
        ("At least seven of his cellmates died of disease.", "death_in_custody"),
        ("The military police issued death notices for 23 detainees.", "death_in_custody"),
        ("وأصدرت الشرطة العسكرية شهادات وفاة لـ 23 معتقلاً.", "death_in_custody"),
        ("ولقي 364 شخصاً مصرعهم في القصف.", "killing"),
        ("وأسفر القصف عن مصرع 12 شخصاً.", "killing"),
        ("مما أودى بحياة ثمانية أشخاص وإصابة آخرين.", "killing"),
        ("ما أدى إلى استشهاد 4 مدنيين.", "killing"),
        ("وأطلقت هيئة تحرير الشام سراح 30 معتقلاً.", "release"),
    ],
)
def test_event_type_comes_from_the_clause(make_doc: MakeDoc, text: str, event: str) -> None:
    assert only(make_doc, text).event == event


@pytest.mark.parametrize(
    ("text", "event", "figure"),
    [
        ("Thousands of people are in Sednaya prison.", "detention", 1000),
        ("ويقبع آلاف الأشخاص في سجن صيدنايا.", "detention", 1000),
        ("وثّقت الشبكة اعتقال أكثر من ١١٧ ألف شخص.", "detention", 117_000),
        ("نحو ٢١٥ ألف من المحتجزين لدى الحكومة.", "detention", 215_000),
    ],
)
def test_the_counted_people_and_the_prison_they_are_held_in(
    make_doc: MakeDoc, text: str, event: str, figure: int
) -> None:
    claim = only(make_doc, text)
    assert claim.event == event
    assert figure in (claim.low, claim.best)


def test_what_happened_to_the_counted_outranks_their_noun(make_doc: MakeDoc) -> None:
    claim = only(make_doc, "Between 20 and 50 detainees would be hanged each week.")
    assert claim.event == "execution"


def test_a_figure_in_a_table_counts_what_the_cell_before_it_names(make_doc: MakeDoc) -> None:
    text = (
        "Source | What is counted | Figure | As of\n\n"
        "Lantern Rights Network | deaths in custody | 1,234 | March 2011 – December 2015\n"
        "Cedar Watch | executions at the central prison | 500 to 900 | June 2016\n"
    )
    found = claims(make_doc, text)
    assert [(c.event, c.low, c.high, c.attributed_to) for c in found] == [
        ("death_in_custody", 1234, 1234, "Lantern Rights Network"),  # the row's source column
        ("execution", 500, 900, "Cedar Watch"),
    ]
    assert found[0].quote == "deaths in custody | 1,234 | March 2011 – December 2015"
    assert (found[0].period_start, found[0].period_end) == ("2011-03", "2015-12")


@pytest.mark.parametrize("rule", ["", "--- | --- | ---\n"])
def test_a_figure_in_a_table_counts_what_its_column_header_names(
    make_doc: MakeDoc, rule: str
) -> None:
    text = (
        "Year | Executions recorded | Releases\n\n"
        f"{rule}2012 | 2,541 | 34\n2013 | 4,012 | 61\n\nOther text follows here."
    )
    found = claims(make_doc, text)
    assert [(c.event, c.low) for c in found] == [
        ("execution", 2541),
        ("release", 34),
        ("execution", 4012),
        ("release", 61),
    ]
    assert found[0].quote == "2012 | 2,541"
    assert (found[0].period_start, found[0].period_end) == ("2012", "2012")  # the row's year


def test_the_prison_the_organisation_and_a_month_to_month_period(make_doc: MakeDoc) -> None:
    text = (
        "Cedar Watch accused the authorities of hanging prisoners at Sednaya Prison. "
        "The London-based group estimated that between 700 and 900 people were executed at the "
        "prison between September 2011 and December 2015.\n\n"
        "An earlier report, published in August 2016, found that 1,500 people had died in "
        "custody between March 2011 and December 2015."
    )
    executed, died = claims(make_doc, text)
    assert (executed.low, executed.high, executed.event) == (700, 900, "execution")
    assert executed.place == "Sednaya Prison"  # "the prison", not where the group is based
    assert executed.attributed_to == "Cedar Watch"
    assert (executed.period_start, executed.period_end) == ("2011-09", "2015-12")
    assert (died.period_start, died.period_end) == ("2011-03", "2015-12")  # not its publication


def test_a_number_in_a_table_of_contents_is_not_a_claim(make_doc: MakeDoc) -> None:
    contents = "Contents\n\nSources and their limits | 12\nThe photographs | 19\n"
    assert claims(make_doc, contents) == []


def test_the_violation_named_before_the_figure_wins(make_doc: MakeDoc) -> None:
    claim = only(make_doc, "It documented the detention of over 117,000 people.")
    assert (claim.event, claim.low, claim.qualifier) == ("detention", 117000, "over")


def test_figures_about_method_are_kept_and_marked(make_doc: MakeDoc) -> None:
    claim = only(make_doc, "The report was based on interviews with 84 witnesses.")
    assert (claim.kind, claim.event, claim.low) == ("method", "other", 84)


@pytest.mark.parametrize(
    "text",
    [
        "صوت 89 مقابل 2 من أعضاء المجلس.",  # against, not an interview
        "وانتهت المباراة 3 / 2 بعد أن اختفى القلق.",  # a score
        "وأجريت الانتخابات في 12 / 5 / 2006 وقتل فيها مرشح.",  # a date
    ],
)
def test_figures_of_a_vote_a_score_or_a_date_are_no_claims(make_doc: MakeDoc, text: str) -> None:
    assert claims(make_doc, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The office reviewed 500 documents.",
        "Findings are based on 31 interviews.",
        "أجرى الفريق 40 مقابلة مع ناجين.",
    ],
)
def test_method_shapes(make_doc: MakeDoc, text: str) -> None:
    assert only(make_doc, text).kind == "method"


@pytest.mark.parametrize(
    "text",
    [
        "The researchers interviewed 21 former detainees and four defectors.",
        "Amnesty spoke to 31 witnesses, 12 former prisoners and 5 defectors.",
        "أجرت المنظمة مقابلات مع 31 شاهداً و12 معتقلاً سابقاً.",
    ],
)
def test_figures_joined_to_a_method_figure_are_method(make_doc: MakeDoc, text: str) -> None:
    found = claims(make_doc, text)
    assert len(found) >= 2
    assert {claim.kind for claim in found} == {"method"}


@pytest.mark.parametrize(
    "text",
    [
        "قتل ثلاثة وأصيب خمسة.",
        "وأعلنت القوات أنها قتلت ثلاثة وجرحت خمسة آخرين.",
        "وقتل في المدينة ثلاثة مدنيين فيما أصيب خمسة آخرون.",
        "السيارة المفخخة أودت بحياة ثلاثة على الأقل وأصابت خمسة.",
    ],
)
def test_arabic_killed_and_wounded_joined_by_a_conjunction(make_doc: MakeDoc, text: str) -> None:
    # "وأصيب" after the three opens a clause of its own: the three were killed
    assert [(c.event, c.low) for c in claims(make_doc, text)] == [("killing", 3), ("other", 5)]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (
            "قتل خمسة مدنيين بينهم طفلان وامرأة وأصيب عشرة آخرون.",
            [("killing", 5), ("killing", 2), ("other", 10)],
        ),
        (
            "Raids killed 16 civilians including at least one child and wounded 30.",
            [("killing", 16), ("killing", 1), ("other", 30)],
        ),
        (
            "The forces arrested 19 young men, including three who were wounded.",
            [("detention", 19), ("other", 3)],
        ),
        ("اعتقلت القوات 19 شاباً بينهم ثلاثة أصيبوا بجروح.", [("detention", 19), ("other", 3)]),
    ],
)
def test_a_part_named_among_the_whole_is_counted_like_it_unless_it_has_its_own_verb(
    make_doc: MakeDoc, text: str, events: list[tuple[str, int]]
) -> None:
    assert [(c.event, c.low) for c in claims(make_doc, text)] == events


def test_what_happened_after_a_method_figure_is_a_claim(make_doc: MakeDoc) -> None:
    found = claims(make_doc, "The team interviewed 40 people and 12 were later arrested.")
    assert [(claim.kind, claim.event, claim.low) for claim in found] == [
        ("method", "other", 40),
        ("victims", "detention", 12),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The mechanism was adopted on December 21, 2016.",
        "He was held in Branch 235 for two years.",
        "The council passed resolution 71/248.",
        "A 17-year-old was arrested.",
        "See page 12 of the report.",
        "The town has 40 schools.",
        # a prison named elsewhere does not make a count of people a detention figure
        "The prison, now rubble, stayed in the memory of thousands of Syrians.",
        "السجن الذي تحوّل إلى ركام بقي حاضراً في ذاكرة آلاف السوريين.",
        # the families are counted (the adjective after them is not the counted noun)
        "وتوجهت آلاف العائلات السورية منذ صباح أمس الأحد إلى سجن صيدنايا العسكري.",
        "في دمشق انتظر العشرات حاملين صور أبنائهم.",
        # a prison right before a figure does not make it a count of detainees
        "يضم السجن نحو عشرين مهجعاً.",
        # "قضوا" before a duration is "spent", not "perished"
        "قضوا 10 سنوات في السجن.",
        "Around 200,000 people still live in rebel-held eastern parts of Aleppo.",
        "Between 250,000 and 300,000 people live in areas held by the opposition.",
    ],
)
def test_sentences_without_a_victim_count_give_no_claim(make_doc: MakeDoc, text: str) -> None:
    assert claims(make_doc, text) == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Up to 13,000 prisoners were hanged between 2011 and 2015.", ("2011", "2015")),
        ("It documented the detention of over 117,000 people since March 2011.", ("2011-03", None)),
        ("In 2013, 300 detainees were executed.", ("2013", "2013")),
        ("أعدم 300 معتقل منذ آذار 2011.", ("2011-03", None)),
        ("أعدم 300 معتقل بين عامي 2011 و2015.", ("2011", "2015")),
        (
            "The group counted 112,000 people forcibly disappeared until August 2023.",
            (None, "2023-08"),
        ),
        ("وثّقت الشبكة اختفاء نحو 112 ألف شخص حتى آب 2023.", (None, "2023-08")),
        (
            "The number of people forcibly disappeared rose to 96,103 by August 2022.",
            (None, "2022-08"),
        ),
        (
            "Some 72 people were killed when bombs hit the market on 3 June 2015.",
            ("2015-06-03",) * 2,
        ),
        ("Police arrested 40 students on Monday, June 4, 2012.", ("2012-06-04",) * 2),
        ("قتل 25 مدنياً في القصف يوم 3 حزيران 2015.", ("2015-06-03",) * 2),
        ("The report published on 3 June 2015 says 40 detainees were executed.", (None, None)),
        # the day a statement was made is not when its events happened
        (
            "The network said on 1 March 2017 that 5,000 detainees were executed since 2011.",
            ("2011", None),
        ),
        ("Some 60 prisoners were released on 5 May 2012.", ("2012-05-05",) * 2),
        ("In the first half of 2023, 1,100 arbitrary arrests were recorded.", ("2023", "2023")),
        # a toll counted since a war began runs on: not "in March 2011"
        (
            "More than 320,000 people have been killed since the conflict began in March 2011.",
            ("2011-03", None),
        ),
        ("The war that began in early 2011 has killed hundreds of thousands.", ("2011", None)),
        ("Since mid-2012, 900 detainees were executed there.", ("2012", None)),
        ("ومنذ اندلاع الثورة في آذار 2011 قُتل أكثر من 230 ألف مدني.", ("2011-03", None)),
        ("ووثّق التقرير مقتل 45 شخصاً تحت التعذيب خلال شهر كانون الثاني 2019.", ("2019-01",) * 2),
        ("In the late 1970s, 900 people were arrested in Hama in 1980.", ("1980", "1980")),
        ("Some 4,000 people were detained from January to March 2014.", ("2014-01", "2014-03")),
        (
            "اختفى 3 آلاف شخص في الفترة الممتدة من كانون الثاني 2012 حتى حزيران 2014.",
            ("2012-01", "2014-06"),
        ),
        (
            "More than 100,000 people have disappeared since the start of the conflict in 2011.",
            ("2011", None),
        ),
    ],
)
def test_period_in_the_sentence(make_doc: MakeDoc, text: str, period: tuple[str, str]) -> None:
    claim = only(make_doc, text)
    assert (claim.period_start, claim.period_end) == period


def test_period_from_an_earlier_sentence_about_the_same_violation(make_doc: MakeDoc) -> None:
    text = (
        "The executions took place between 2011 and 2015.\n\n"
        "Witnesses said 400 people were executed at the prison."
    )
    claim = only(make_doc, text)
    assert (claim.period_start, claim.period_end) == ("2011", "2015")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Amnesty International said 300 prisoners were hanged.", "Amnesty International"),
        ("According to the Syrian Network for Human Rights (SNHR), 215,000 people are detained.",
         "Syrian Network for Human Rights"),
        ("The Syrian Network for Human Rights published its count. "
         "The Network said it has documented the detention of 117,000 people.",
         "Syrian Network for Human Rights"),
        ("Amnesty International published a report. The report said 300 prisoners were hanged.",
         "Amnesty International"),
        ("Amnesty International issued a report. Amnesty said 300 prisoners were hanged.",
         "Amnesty International"),
        ("Rana Haddad spoke to reporters.\n\n“Every week 20 detainees were hanged,” she said.",
         "Rana Haddad"),
    ],
)  # fmt: skip
def test_source_is_resolved_to_the_named_organization_or_person(
    make_doc: MakeDoc, text: str, source: str
) -> None:
    assert only(make_doc, text).attributed_to == source


@pytest.mark.parametrize(
    "text",
    [
        "قالت منظمة العفو الدولية إن 300 معتقل أعدموا.",
        "بحسب منظمة العفو الدولية، أعدم 300 معتقل.",
    ],
)
def test_arabic_source(make_doc: MakeDoc, text: str) -> None:
    assert only(make_doc, text).attributed_to == "منظمة العفو الدولية"


@pytest.mark.parametrize(
    "text",
    [
        "وفقاً للشبكة السورية لحقوق الإنسان، أعدم 300 معتقل.",
        "أعدم 300 معتقل وفقاً للشبكة السورية لحقوق الإنسان.",
    ],
)
def test_according_to_keeps_its_preposition_in_the_name(make_doc: MakeDoc, text: str) -> None:
    # "وفقاً لـ" + "الشبكة" is written "وفقاً للشبكة": the name's mention begins at its "لـ"
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to == "Syrian Network for Human Rights"


def test_entity_step_names_are_used_when_present(make_doc: MakeDoc) -> None:
    doc = make_doc("According to SNHR, 215,000 detainees are held in Saydnaya.")
    doc.entities = [
        Mention("SNHR", 13, 17, "organization", "org:snhr", "Syrian Network for Human Rights"),
        Mention("Saydnaya", 49, 57, "facility", "facility:sednaya", "Sednaya Prison"),
    ]
    claim = find_claims(doc).claims[0]
    assert (claim.attributed_to, claim.place) == (
        "Syrian Network for Human Rights",
        "Sednaya Prison",
    )


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("300 prisoners were executed by the Assad regime.", "Assad regime"),
        ("The Syrian government has executed thousands of prisoners.", "Syrian government"),
        ("اعتقلت قوات النظام 150 طالباً.", "قوات النظام"),
    ],
)
def test_actor(make_doc: MakeDoc, text: str, actor: str) -> None:
    assert only(make_doc, text).actor == actor


def test_quote_is_the_exact_span(make_doc: MakeDoc) -> None:
    text = "Guards said as many as 13,000 prisoners were secretly hanged in Saydnaya Prison."
    claim = only(make_doc, text)
    assert text[claim.start : claim.end] == claim.quote
    assert claim.quote.startswith("as many as 13,000 prisoners were secretly hanged")


def test_quote_span_survives_arabic_short_vowels(make_doc: MakeDoc) -> None:
    text = "أُعدِمَ خمسةُ آلافِ معتقلٍ."
    claim = only(make_doc, text)
    assert text[claim.start : claim.end] == claim.quote and claim.low == 5000


def test_a_figure_takes_the_violation_of_its_own_clause(make_doc: MakeDoc) -> None:
    text = "قالت الشبكة إن نحو ٢١٥ ألف شخص محتجزون لدى الحكومة، ووثّقت اعتقال أكثر من ١١٧ ألف شخص."
    first, second = claims(make_doc, text)
    assert (first.best, first.event) == (215_000, "detention")
    assert first.quote.endswith("ألف شخص محتجزون")  # the detention after the comma is not its
    assert (second.low, second.event) == (117_000, "detention")


def test_an_arabic_quote_ends_with_the_counted_word_not_its_stem(make_doc: MakeDoc) -> None:
    claim = only(make_doc, "واستند التقرير إلى مقابلات مع 31 شاهداً ومعتقلاً سابقاً.")
    assert (claim.kind, claim.quote) == ("method", "31 شاهداً")


def test_a_part_of_the_dead_counted_after_a_comma_is_a_killing(make_doc: MakeDoc) -> None:
    found = claims(make_doc, "وقال المرصد إن عدد القتلى ارتفع إلى 45 قتيلاً، بينهم سبعة أطفال.")
    assert [(c.event, c.low) for c in found] == [("killing", 45), ("killing", 7)]


def test_a_date_does_not_reach_past_a_semicolon(make_doc: MakeDoc) -> None:
    found = claims(
        make_doc, "12 men were arrested on 5 May 2012; seven of them were later released."
    )
    assert [(c.event, c.period_start) for c in found] == [
        ("detention", "2012-05-05"),
        ("release", None),
    ]


def test_a_part_counted_with_of_them_takes_what_happened_to_the_whole(make_doc: MakeDoc) -> None:
    text = "The network recorded 14,664 deaths due to torture, 190 of them children."
    assert [(c.event, c.low) for c in claims(make_doc, text)] == [
        ("death_in_custody", 14664),
        ("death_in_custody", 190),
    ]


def test_a_part_that_says_what_happened_to_it_keeps_its_own_event(make_doc: MakeDoc) -> None:
    text = "Tens of thousands remain missing, and at least 1,500 of them died in detention."
    assert [c.event for c in claims(make_doc, text)] == [
        "enforced_disappearance",
        "death_in_custody",
    ]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The death toll from the massacre in Houla rose to 108, the UN said.", [108]),
        ("وقال المرصد إن حصيلة القتلى ارتفعت إلى 45 أمس.", [45]),
    ],
)
def test_a_death_toll_counts_killings(make_doc: MakeDoc, text: str, figures: list[int]) -> None:
    found = claims(make_doc, text)
    assert [(c.event, c.best) for c in found] == [("killing", figure) for figure in figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the toll reaches the figure after it, not the injured counted next
        ("The death toll reached 3 in addition to 8 injured.", [("killing", 3), ("other", 8)]),
        ("A bomb killed six people and injured 32 in Aleppo.", [("killing", 6), ("other", 32)]),
        ("5 people were killed and 20 wounded.", [("killing", 5), ("other", 20)]),
        ("The attack left two people dead and five injured.", [("killing", 2), ("other", 5)]),
        (
            "There are at least 56 dead and dozens more wounded.",
            [("killing", None), ("other", None)],
        ),
        # punctuation lost: the figure is the object of "killed", not of "wounded" after it
        (
            "The war has killed more than 220000 people wounded at least one million.",
            [("killing", None), ("other", None)],
        ),
        ("أدى القصف إلى مقتل 5 مدنيين وإصابة 15 آخرين.", [("killing", 5), ("other", 15)]),
        # a headline without commas: the figure with no counted noun is the injured's
        (
            "3 Civilians Killed 15 Injured in Rocket Attacks on Aleppo",
            [("killing", 3), ("other", 15)],
        ),
        ("At least 14 people were killed 25 were wounded.", [("killing", None), ("other", 25)]),
    ],
)
def test_the_wounded_are_no_killing(
    make_doc: MakeDoc, text: str, expected: list[tuple[str, int | None]]
) -> None:
    assert [(c.event, c.best) for c in claims(make_doc, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Forces fired rockets that released deadly fumes over 3 towns.",
        "Chemical weapons were released in three specific small incidents.",
        "The blast destroyed three buildings and people were still missing under the rubble.",
        "Rebels fired 50 rockets at the city.",
        "No one was there to rescue him.",
    ],
)
def test_things_gas_and_nobody_are_no_claims(make_doc: MakeDoc, text: str) -> None:
    assert claims(make_doc, text) == []


def test_a_town_freed_of_militants_is_no_release(make_doc: MakeDoc) -> None:
    text = "Mines killed dozens of children in a town recently freed of the militants."
    assert [c.event for c in claims(make_doc, text)] == ["killing"]


def test_people_freed_who_were_held_are_released(make_doc: MakeDoc) -> None:
    text = "The opposition forces freed 150 civilians who were held at a school."
    assert [(c.event, c.best) for c in claims(make_doc, text)] == [("release", 150)]


def test_the_verb_right_after_the_counted_people_is_what_happened_to_them(
    make_doc: MakeDoc,
) -> None:
    text = "At least 5 journalists were killed and 12 others arrested in 2014."
    assert [(c.event, c.low) for c in claims(make_doc, text)] == [("killing", 5), ("detention", 12)]


def test_a_part_who_died_under_torture_died_in_custody(make_doc: MakeDoc) -> None:
    text = "Over 4,000 Palestinians have died in Syria since 2011, 600 of them under torture."
    assert [c.event for c in claims(make_doc, text)] == ["killing", "death_in_custody"]


def test_an_unknown_organization_is_not_taken_for_one_named_earlier(make_doc: MakeDoc) -> None:
    text = (
        "Amnesty International said 13,000 prisoners were hanged.\n\n"
        "At least 5 journalists were killed in 2014, the committee to protect journalists reported."
    )
    found = claims(make_doc, text)
    assert [c.attributed_to for c in found] == ["Amnesty International", None]


def test_women_counted_as_sayyida_are_a_part_of_the_toll(make_doc: MakeDoc) -> None:
    text = "وثقت الشبكة مقتل 1032 مدنياً بينهم 213 طفلاً و 117 سيدة خلال آذار 2023."
    assert [(c.event, c.best) for c in claims(make_doc, text)] == [
        ("killing", 1032),
        ("killing", 213),
        ("killing", 117),
    ]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("قضى 15 معتقلاً بسبب التعذيب في مراكز الاحتجاز خلال عام 2022.", "death_in_custody"),
        ("قضى 5 أشخاص في قصف على دوما.", "killing"),
    ],
)
def test_qada_with_the_dead_between_is_a_death(make_doc: MakeDoc, text: str, event: str) -> None:
    assert [c.event for c in claims(make_doc, text)] == [event]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("The fate of more than 100,000 people remains unknown.", "enforced_disappearance"),
        ("لا يزال مصير أكثر من 100 ألف شخص مجهولاً.", "enforced_disappearance"),
        ("خرج 50 معتقلاً من سجن صيدنايا.", "release"),
    ],
)
def test_an_unknown_fate_is_a_disappearance_and_leaving_prison_a_release(
    make_doc: MakeDoc, text: str, event: str
) -> None:
    assert [c.event for c in claims(make_doc, text)] == [event]


def test_a_march_out_is_no_release(make_doc: MakeDoc) -> None:
    assert claims(make_doc, "خرج آلاف المتظاهرين في حمص.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # an apposition between the speaker and the verb
        (
            "The Syrian Observatory for Human Rights, a Britain-based monitor, said 40 people "
            "were killed.",
            "Syrian Observatory for Human Rights",
        ),
        (
            "Amnesty International, which documented the hangings, said 13,000 were hanged.",
            "Amnesty International",
        ),
        # a name that only modifies or sits in a place phrase is not who speaks
        (
            "At least 11 civilians were killed in the town of al-Bab held by the Islamic State "
            "group a monitoring group said.",
            None,
        ),
        ("A Raqqa-based anti-ISIS activist network reported eight civilians were killed.", None),
        (
            "A bomber killed four people in an attack that took the war to the ruling Assad "
            "clan's hometown a monitoring group said.",
            None,
        ),
        ("In the capital SANA said two people were killed.", "SANA"),
    ],
)
def test_who_a_claim_is_attributed_to(make_doc: MakeDoc, text: str, source: str | None) -> None:
    assert [c.attributed_to for c in claims(make_doc, text)][:1] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Government forces detained about 150 men near Saraqeb, activists said.", "activists"),
        ("Local rescuers said 11 children were among the dead.", "Local rescuers"),
        ("A witness told Reuters that the strikes killed at least 19 civilians.", "witness"),
        ("Eight people were killed, according to medical sources.", "medical sources"),
        ("قال ناشطون إن قوات النظام اعتقلت 35 شاباً في دوما.", "ناشطون"),
        ("وبحسب مصادر محلية، قتل سبعة مدنيين في كفرنبل.", "مصادر محلية"),
        # a named source comes first; a bare "the source" tells a reader nothing
        (
            "Activists and Amnesty International said 40 people were killed.",
            "Amnesty International",
        ),
        ("The source added that 12 people were killed.", None),
    ],
)
def test_unnamed_sources_still_say_what_a_figure_rests_on(
    make_doc: MakeDoc, text: str, source: str | None
) -> None:
    found = find_claims(find_entities(make_doc(text))).claims  # names from the entity step
    assert [c.attributed_to for c in found][:1] == [source]


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (
            "وثقت الشبكة مقتل 96 مدنياً، بينهم 18 طفلاً و7 سيدات، على يد أطراف النزاع، "
            "إضافة إلى 215 حالة اعتقال.",
            [("killing", 96), ("killing", 18), ("killing", 7), ("detention", 215)],
        ),
        (
            "At least 4,000 detainees died, including 300 children and 20 women, and 900 were "
            "arrested.",
            [
                ("death_in_custody", 4000),
                ("death_in_custody", 300),
                ("death_in_custody", 20),
                ("detention", 900),
            ],
        ),
    ],
)
def test_every_part_of_a_list_among_the_whole_shares_its_event(
    make_doc: MakeDoc, text: str, events: list[tuple[str, int]]
) -> None:
    assert [(c.event, c.low or c.best) for c in claims(make_doc, text)] == events


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("وأضاف التقرير أن حصيلة المختفين قسرياً بلغت قرابة 112 ألف شخص.", "enforced_disappearance"),
        (
            "The toll of the forcibly disappeared reached some 112,000 people.",
            "enforced_disappearance",
        ),
        ("حصيلة المعتقلين بلغت 130 ألف شخص.", "detention"),
        ("The death toll from the massacre rose to 108.", "killing"),
        ("The death toll has climbed from 45 to 60, the Observatory said.", "killing"),
        ("ارتفعت حصيلة القتلى إلى 45 شخصاً.", "killing"),
    ],
)
def test_a_toll_counts_what_it_names(make_doc: MakeDoc, text: str, event: str) -> None:
    assert [c.event for c in claims(make_doc, text)] == [event]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The commander Kamal Kirkuki claimed that at least 6,000 militants had been killed.",
            "Kamal Kirkuki",
        ),
        (
            "The Islamic State claimed a suicide attack on a rebel group that killed 16 people.",
            None,
        ),
        (
            "The Islamic State claimed responsibility for a bombing that killed 30 fighters.",
            None,
        ),
    ],
)
def test_claimed_reports_a_figure_but_claiming_an_attack_does_not(
    make_doc: MakeDoc, text: str, source: str | None
) -> None:
    found = find_claims(find_entities(make_doc(text))).claims
    assert [c.attributed_to for c in found][:1] == [source]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "حصيلة شهر آذار 2024\n\nوثقت الشبكة خلال شهر آذار مقتل 96 مدنياً في سوريا.",
            ("2024-03", "2024-03"),
        ),
        ("Report of 6 Aug 2013\n\nIn August a car bomb killed 27 people.", ("2013-08", "2013-08")),
        # a year counted from a date the text does not give, or no year at all
        ("Report of 6 Aug 2013\n\nIn August last year a car bomb killed 27 people.", (None, None)),
        ("In August a car bomb killed 27 people.", (None, None)),
        ("Report of 6 Aug 2013\n\nIn July a car bomb killed 27 people.", (None, None)),
    ],
)
def test_a_month_without_a_year_takes_the_year_the_text_gave_it(
    make_doc: MakeDoc, text: str, period: tuple[str | None, str | None]
) -> None:
    (claim,) = claims(make_doc, text)
    assert (claim.period_start, claim.period_end) == period


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("وثقت الشبكة مقتل 96 مدنياً في سوريا.", None),  # was "الشبكة مقتل"
        ("وثقت منظمة العدالة اعتقال 20 شخصاً.", "منظمة العدالة"),
    ],
)
def test_what_an_organization_documents_is_not_part_of_its_name(
    make_doc: MakeDoc, text: str, source: str | None
) -> None:
    found = find_claims(find_entities(make_doc(text))).claims
    assert [c.attributed_to for c in found] == [source]


@pytest.mark.parametrize(
    ("text", "actor", "place"),
    [
        (
            "US-led coalition warplanes killed 56 civilians in Manbij.",
            "US-led coalition",
            "Manbij",
        ),
        (
            "At least 30 people were killed by Russian airstrikes targeting the Islamic State "
            "group in Raqqa.",
            "Russian airstrikes",
            "Raqqa",
        ),
        ("The Idlib strikes killed more than 30 people.", None, "Idlib"),
        ("Twelve people were killed in a suspected US airstrike on the town.", None, None),
    ],
)
def test_a_foreign_power_that_strikes_is_the_actor_not_the_place(
    make_doc: MakeDoc, text: str, actor: str | None, place: str | None
) -> None:
    (claim,) = find_claims(find_entities(make_doc(text))).claims  # places from the entity step
    assert (claim.actor, claim.place) == (actor, place)


def test_the_displaced_are_no_killing(make_doc: MakeDoc) -> None:
    text = "Around 400000 people have been killed and millions displaced since 2011."
    assert counted(make_doc, text) == [
        ("killing", 400000),
        ("other", 1_000_000),
    ]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Some 12,000 people fled their homes in the first week of March.", 12000),
        ("At least 3,500 residents were forced to flee the town.", 3500),
        ("نزح أكثر من 12 ألف شخص من ريف إدلب خلال أسبوع.", 12000),
        ("بلغ عدد النازحين في المخيم 3500 شخص.", 3500),
        ("أدى القصف إلى نزوح 900 عائلة من البلدة.", 900),
    ],
)
def test_those_who_fled_are_counted_apart_from_the_dead(
    make_doc: MakeDoc, text: str, count: int
) -> None:
    # the displaced are a figure documenters cite, and never the killed or the detained
    assert counted(make_doc, text) == [("other", count)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سقط 20 قتيلاً و50 جريحاً في القصف على المدينة.", [("killing", 20), ("other", 50)]),
        ("سقط 150 جريحاً في القصف.", [("other", 150)]),
        ("استقبل المخيم 3500 نازح.", [("other", 3500)]),
        ("وصل عدد الجرحى إلى 350 جريحاً.", [("other", 350)]),
    ],
)
def test_the_arabic_wounded_and_displaced_counted_by_their_own_noun(
    make_doc: MakeDoc, text: str, expected: list[tuple[str, int]]
) -> None:
    # "50 جريحاً" names what happened to the fifty as "50 قتيلاً" does: no verb is needed
    assert counted(make_doc, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ارتفع عدد الجرحى إلى 350.", [("other", 350)]),
        ("وصل عدد المصابين إلى 350.", [("other", 350)]),
        ("ارتفع عدد المعتقلين إلى 350.", [("detention", 350)]),
        ("بلغ عدد المختفين قسرياً في سوريا 1200.", [("enforced_disappearance", 1200)]),
        ("ارتفع عدد السكان إلى 350 ألفاً.", []),
        ("وبلغ عدد الطلاب في الجامعة 1200 طالب.", []),
    ],
)
def test_the_number_of_whom_an_arabic_figure_counts(
    make_doc: MakeDoc, text: str, expected: list[tuple[str, int]]
) -> None:
    # "the number of the wounded rose to 350": the figure counts those the phrase names,
    # and nothing when it names no one harmed (residents, students)
    assert counted(make_doc, text) == expected


def test_a_year_of_the_era_is_no_count_of_those_who_fled(make_doc: MakeDoc) -> None:
    text = "نزح عرب اليمن إلى ضفاف نهر الفرات عام 195 م، ونزح 40 شخصاً من القرية عام 1432 هـ."
    assert counted(make_doc, text) == [("other", 40)]


def test_a_sentence_ends_after_a_day_of_the_month(make_doc: MakeDoc) -> None:
    text = "A chemical attack killed nearly 90 people on April 4. The United States accused Iran."
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert (claim.best, claim.place, claim.end) == (90, None, text.index(" on April"))


def test_the_perpetrator_named_in_the_figure_s_own_clause(make_doc: MakeDoc) -> None:
    text = "قال إن قوات النظام السوري قتلت 42 مدنياً، فيما قتلت قوات سوريا الديمقراطية 7 مدنيين."
    assert [c.actor for c in claims(make_doc, text)] == ["قوات النظام", "قوات سوريا الديمقراطية"]


def test_a_name_after_an_arabic_that_is_what_was_said_not_who_said_it(make_doc: MakeDoc) -> None:
    text = "وأشار إلى أن المعتقل سامر يوسف الأحمد و12 معتقلاً آخرين توفوا في سجن صيدنايا."
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "أصدرت الشبكة السورية لحقوق الإنسان اليوم تقريرها الشهري. وقاتلت قوات سوريا "
            "الديمقراطية في الرقة.\n\nوسجّل التقرير ما لا يقل عن 176 حالة اعتقال.",
            "Syrian Network for Human Rights",
        ),
        (
            "Amnesty International issued its report on Monday. Islamic State fighters held "
            "the town.\n\nThe report said at least 70 prisoners were hanged.",
            "Amnesty International",
        ),
        (
            "Amnesty International counted the dead. ISIS fighters held the town in March."
            "\n\nThe report also documents at least 39 deaths due to torture.",
            "Amnesty International",  # no party to the fighting issues the report
        ),
    ],
)
def test_the_report_is_its_issuer_not_the_last_organization_named(
    make_doc: MakeDoc, text: str, source: str
) -> None:
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Amnesty International: thousands hanged at Saydnaya prison", "Amnesty International"),
        ("Islamic State killed 270 in a gas field battle: monitor", None),
    ],
)
def test_a_headline_that_opens_with_its_source(
    make_doc: MakeDoc, text: str, source: str | None
) -> None:
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "At least 40 people were killed in the town, said the Syrian Observatory for Human "
            "Rights.",
            "Syrian Observatory for Human Rights",
        ),
        ("“At least 20 detainees were hanged every week,” said Amnesty International.",
         "Amnesty International"),
        ("Thousands of detainees still missing, says Amnesty International",
         "Amnesty International"),
    ],
)  # fmt: skip
def test_a_speaker_named_after_the_reporting_verb(
    make_doc: MakeDoc, text: str, source: str
) -> None:
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to == source


def test_the_envoy_is_the_envoy_named_before_not_the_council_he_spoke_to(
    make_doc: MakeDoc,
) -> None:
    text = (
        "GENEVA — The UN special envoy for Syria said the fate of 100,000 people remains "
        "unknown.\n\nSpeaking to the Security Council, the envoy said that only 527 detainees "
        "had been released."
    )
    found = find_claims(find_entities(make_doc(text))).claims
    assert [(c.attributed_to, c.place) for c in found] == [
        ("UN Special Envoy for Syria", None),  # Geneva is where the report was filed
        ("UN Special Envoy for Syria", None),
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("قتل 17 عنصراً من قوات النظام في هجوم لتنظيم الدولة على مواقعهم.", "تنظيم الدولة"),
        (
            "An air strike by a US-led coalition killed 18 members of the Syrian Democratic "
            "Forces near Tabqa.",
            "US-led coalition",
        ),
    ],
)
def test_the_side_the_dead_belonged_to_is_not_the_perpetrator(
    make_doc: MakeDoc, text: str, actor: str
) -> None:
    assert only(make_doc, text).actor == actor


def test_an_arabic_present_tense_reporting_verb(make_doc: MakeDoc) -> None:
    text = "وتقدّر منظمة هيومن رايتس ووتش أن عشرات الآلاف من السوريين ما زالوا مختفين قسرياً."
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to == "Human Rights Watch"


@pytest.mark.parametrize(
    ("text", "events"),
    [
        (
            "وطالب الائتلاف بإنقاذ أكثر من 130 ألف معتقل في سجون النظام، مشيراً إلى أن آلاف "
            "المعتقلين قضوا تحت التعذيب.",
            [("detention", 130000), ("death_in_custody", 1000)],
        ),
        (
            "The group called for the release of 5,000 detainees, adding that hundreds had died "
            "under torture.",
            [("release", 5000), ("death_in_custody", 100)],
        ),
    ],
)
def test_a_statement_added_after_the_figure_says_nothing_of_it(
    make_doc: MakeDoc, text: str, events: list[tuple[str, int]]
) -> None:
    assert [(c.event, c.low) for c in claims(make_doc, text)] == events


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Fadel Haddad, chairman of the Levant Rights Network, said that 1,200 detainees "
            "had died since 2011.",
            "Fadel Haddad",
        ),
        ("The network's head, Omar Nassar, told reporters that 45 people were arrested.",
         "Omar Nassar"),
    ],
)  # fmt: skip
def test_a_speaker_set_apart_by_commas(make_doc: MakeDoc, text: str, source: str) -> None:
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to == source


def test_an_arabic_report_that_documents_is_its_issuer_s(make_doc: MakeDoc) -> None:
    text = (
        'نشرت منظمة العفو الدولية تقريرها "المسلخ البشري"، الذي قدّرت فيه أن ما بين 5000 '
        "و13000 شخص أُعدموا في سجن صيدنايا."
    )
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.attributed_to == "Amnesty International"


@pytest.mark.parametrize(
    "text",
    [
        # providing water is no death, a given name no verb
        "وتعمل المنظمة على توفير مياه الشرب لنحو 350 ألف شخص في الريف.",
        "والتقى توفيق بثلاثة أشخاص من القرية.",
        # a year after "عام" whatever its value, and a year of an era
        "وتوفي الشاعر عام 1201 في القاهرة.",
        "وبنى السلطان المدرسة عام661 هجرية وتوفي بعدها.",
        # a date written with spaces round its dashes
        "يعد الكاتب الذي توفي الأربعاء 30 - 8 - 2006 أشهر روائي عربي.",
        # a coma is no disappearance
        "وبقي 12 شخصاً في غيبوبة بعد الحادث.",
    ],
)
def test_arabic_words_that_only_look_like_deaths_or_counts(make_doc: MakeDoc, text: str) -> None:
    assert [(c.event, c.low) for c in claims(make_doc, text) if c.event != "other"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day of a Hijri month, an ordinal "nineteenth"
        ("قتل في 21 من رمضان ثلاثة أشخاص.", [("killing", 3)]),
        ("وفي اليوم التاسع عشر من الشهر قتل 5 أشخاص.", [("killing", 5)]),
        # a noun with a sound plural is no dual in "-ين": these are the five
        ("واعتقلت القوات خمسة مواطنين بينهم أحد الجرحى.", [("detention", 5)]),
        ("واعتقل مواطنان من البلدة.", [("detention", 2)]),
        # the four are planes, the 200 the dead
        (
            "بلغ عدد الركاب الذين لقوا حتفهم إثر تحطم أربع طائرات أكثر من 200 شخص.",
            [("killing", 200)],
        ),
    ],
)
def test_arabic_days_ordinals_duals_and_things(
    make_doc: MakeDoc, text: str, expected: list[tuple[str, float]]
) -> None:
    assert counted(make_doc, text) == expected


@pytest.mark.parametrize(
    "text", ["Shelling killed 30-40 people in the town.", "قتل 30-40 شخصاً في القصف."]
)
def test_a_range_written_with_a_hyphen(make_doc: MakeDoc, text: str) -> None:
    claim = only(make_doc, text)
    assert (claim.event, claim.low, claim.high, claim.qualifier) == ("killing", 30, 40, "between")


@pytest.mark.parametrize(
    "text",
    [
        "The siege lasted 10-12 hours before the convoy left.",  # hours, not people
        "On 13-15 May the talks went on.",  # days of a month
        "Call 0933-123456 for the list of the missing.",  # a phone number
    ],
)
def test_a_hyphenated_pair_that_is_no_range_of_people(make_doc: MakeDoc, text: str) -> None:
    assert claims(make_doc, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the evacuated are counted apart from the dead a later clause names
        (
            "The evacuation of thousands of Syrians from four besieged areas resumed on "
            "Wednesday, activists said, days after a bombing killed more than 120 evacuees.",
            [("other", 1000), ("killing", 120)],
        ),
        ("واستؤنفت عملية إجلاء 3000 شخص من البلدتين.", [("other", 3000)]),
        # towns are no people, even after a violation's noun
        ("Six people were killed as the evacuation of 4 Syrian towns resumed.", [("killing", 6)]),
        # a year before 1900 after a preposition
        ("The general died of the plague in 639 and his tomb lies in Jordan.", []),
    ],
)
def test_the_evacuated_towns_and_early_years(
    make_doc: MakeDoc, text: str, expected: list[tuple[str, float]]
) -> None:
    assert counted(make_doc, text) == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("At least 82 people were killed during airstrikes launched by Russia.", None),
        (
            "Over 25 civilians were killed in US Air Forces attacks on a village near Manbij.",
            "Manbij",
        ),
        ("The monitor in Britain said nine children were among those killed.", None),
        ("The army killed 35 Daesh (outlawed in Russia) militants near Palmyra.", "Tadmur"),
        ("Turkey said 40 civilians were killed in Afrin.", "Afrin"),
    ],
)
def test_a_foreign_power_that_acts_is_not_the_place(
    make_doc: MakeDoc, text: str, place: str | None
) -> None:
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert claim.place == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed men are counted; the whole is kept beside its part
        (
            "More than 30 militants including three commanders were killed by the army.",
            [("killing", 30), ("killing", 3)],
        ),
        ("The army killed 17 terrorists near the town.", [("killing", 17)]),
        ("29 rebels dead in Syria after a car bomb blast", [("killing", 29)]),
        # ... but not where nothing near says what happened to them
        ("The conflict, which began in 2011, has drawn thousands of jihadists from abroad.", []),
        # headline verbs that take the next figure as their object
        ("Mortars on Damascus Kills 12 Wounds 50", [("killing", 12), ("other", 50)]),
        ("Shelling on Homs Kill 5 Injure 50", [("killing", 5), ("other", 50)]),
        # ... and nothing of a figure before them (residue headlines run together)
        (
            "Thousands of migrants walk into Turkey for a better life Syrian regime attacks "
            "kill 16 civilians in Idlib",
            [("killing", 16)],
        ),
        ("Three citizens were martyred and others were injured.", [("killing", 3)]),
        (
            "Six people died and over 10 citizens have been hospitalized.",
            [("killing", 6), ("other", 10)],
        ),
        # the noun "wounds" is no injury
        ("Two men died of their wounds in hospital.", [("killing", 2)]),
    ],
)
def test_armed_men_and_headline_verbs(
    make_doc: MakeDoc, text: str, expected: list[tuple[str, float]]
) -> None:
    assert counted(make_doc, text) == expected


def test_the_source_after_according_to_ends_before_the_figure(make_doc: MakeDoc) -> None:
    text = "According to Lebanese group Hezbollah more than 30 Nusra Front militants were killed."
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert (claim.low, claim.attributed_to) == (30, "Hezbollah")


@pytest.mark.parametrize(
    "text",
    ["ارتفعت حصيلة ضحايا مجزرة الحولة إلى 108 قتلى.", "The Houla massacre killed 108 people."],
)
def test_a_known_event_places_its_claims(make_doc: MakeDoc, text: str) -> None:
    (claim,) = find_claims(find_entities(make_doc(text))).claims
    assert (claim.event, claim.low, claim.place) == ("killing", 108, "Houla")


@pytest.mark.parametrize(
    "text",
    [
        "The UN estimates that 306,887 civilians were killed"
        " between 1 March 2011 and 31 March 2021.",
        "وقدّرت الأمم المتحدة مقتل 306,887 مدنياً بين 1 آذار 2011 و31 آذار 2021.",
    ],
)
def test_a_period_between_two_days(make_doc: MakeDoc, text: str) -> None:
    claim = only(make_doc, text)
    assert (claim.low, claim.period_start, claim.period_end) == (306887, "2011-03-01", "2021-03-31")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ages are no count, both ends of them
        ("The regime executed 13 men in 2019, aged between 18 and 25.", [("execution", 13)]),
        ("The children aged from four to 10 were killed on Thursday.", []),
        ("أعدم النظام 13 رجلاً تتراوح أعمارهم بين 18 و25 عاماً.", [("execution", 13)]),
        # attacks on what the laws of war protect are counted violations
        ("The Commission documented 46 attacks on schools in 2016.", [("other", 46)]),
        ("وثقت الشبكة 27 هجوماً على منشآت طبية خلال العام.", [("other", 27)]),
        ("The rebels fired 50 rockets on the city.", []),
    ],
)
def test_ages_and_attacks_on_protected_places(
    make_doc: MakeDoc, text: str, expected: list[tuple[str, float]]
) -> None:
    assert counted(make_doc, text) == expected

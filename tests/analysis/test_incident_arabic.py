"""The main incident of an Arabic news report: invented reports, read by the whole pipeline
(the entity step links the places, the date step dates the report)."""

from __future__ import annotations

import pytest

from dhakira.analysis.incident.labels import COALITION, GOVERNMENT, ISIS, OPPOSITION, UNKNOWN
from dhakira.config import Limits
from dhakira.pipeline import analyse, default_steps
from dhakira.records import Incident, Item


def incident(text: str) -> Incident | None:
    item = Item(data=text.encode(), source="report.txt", media_type="text/plain")
    return analyse(item, Limits(), default_steps()).incident


SHELLING = (
    "مقتل 12 مدنياً بينهم 5 أطفال في قصف للنظام على ريف إدلب\n\n"
    "إدلب - الثلاثاء 14 آذار 2017\n\n"
    "قُتل 12 مدنياً، بينهم خمسة أطفال وامرأتان، وأصيب أكثر من 20 آخرين، جراء قصف مدفعي لقوات "
    "النظام استهدف بلدة معرة النعمان في ريف إدلب الجنوبي، بحسب الدفاع المدني.\n"
)


def test_a_report_gives_every_field() -> None:
    assert incident(SHELLING) == Incident(
        governorate="idlib",
        date="2017-03-14",
        cause="shelling",
        actor=GOVERNMENT,
        civilians=12,
        noncivilians=0,
        children=5,
        women=2,
    )


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "مقتل 8 أشخاص وإصابة 20 آخرين بانفجار سيارة مفخخة في أعزاز\n\n"
            "قُتل ثمانية أشخاص وأصيب عشرون آخرون بانفجار سيارة مفخخة في مدينة أعزاز بريف حلب "
            "الشمالي، وتبنى تنظيم الدولة الهجوم.\n",
            ("aleppo", "explosion", ISIS, 8, 0),
        ),
        (
            # the soldiers were hit: the factions they fought are the actor
            "مقتل خمسة عناصر من قوات النظام في اشتباكات مع فصائل المعارضة بريف حماة\n\n"
            "قُتل خمسة عناصر من قوات النظام في اشتباكات مع فصائل المعارضة في ريف حماة الشمالي.\n",
            ("hama", "shooting", OPPOSITION, 0, 5),
        ),
        (
            # a gas attack wins over the shelling that delivered it; unnamed, it is the
            # government's
            "عشرات حالات الاختناق بقصف بغاز الكلور في ريف إدلب\n\n"
            "أصيب عشرات المدنيين بحالات اختناق إثر قصف بغاز الكلور استهدف بلدة في ريف إدلب.\n",
            ("idlib", "chemical and toxic gases", GOVERNMENT, 0, 0),
        ),
        (
            # the wounded are not counted
            "إصابة 7 مدنيين بقذائف هاون على دمشق\n\n"
            "أصيب سبعة مدنيين بجروح جراء سقوط قذائف هاون على حي باب توما في دمشق.\n",
            ("damascus", "shelling", UNKNOWN, 0, 0),
        ),
        (
            "مقتل 3 أطفال بغارة لطائرات التحالف الدولي على ريف الرقة\n\n"
            "قُتل ثلاثة أطفال في غارة لطائرات التحالف الدولي على قرية في ريف الرقة الشمالي.\n",
            ("raqqa", "shelling", COALITION, 3, 0),
        ),
        (
            # the fighters of the organization were hit: the coalition struck
            "مقتل 20 عنصراً من تنظيم داعش بضربات للتحالف الدولي في دير الزور\n\n"
            "قتل 20 عنصراً من تنظيم داعش في ضربات جوية لطائرات التحالف الدولي في ريف دير الزور.\n",
            ("deir ezzor", "shelling", COALITION, 0, 20),
        ),
        (
            # one person, named without a number
            "مقتل مدني برصاص قناص في درعا\n\n"
            "قتل مدني برصاص قناص تابع لقوات النظام في حي طريق السد بمدينة درعا.\n",
            ("daraa", "shooting", GOVERNMENT, 1, 0),
        ),
    ],
)
def test_place_cause_actor_and_counts(text: str, fields: tuple[object, ...]) -> None:
    found = incident(text)
    assert found is not None
    assert (
        found.governorate,
        found.cause,
        found.actor,
        found.civilians,
        found.noncivilians,
    ) == fields


def test_children_alone_are_the_toll() -> None:
    found = incident(
        "مقتل 3 أطفال بغارة للطيران الروسي على ريف حلب\n\n"
        "قُتل ثلاثة أطفال في غارة للطيران الروسي على قرية في ريف حلب الغربي.\n"
    )
    assert found is not None
    assert (found.civilians, found.children, found.actor) == (3, 3, GOVERNMENT)


def test_a_report_of_no_violence_has_no_incident() -> None:
    text = (
        "الوزارة تعلن مواعيد الامتحانات\n\nأعلنت وزارة التربية مواعيد امتحانات الشهادة الثانوية.\n"
    )
    assert incident(text) is None


def test_a_site_menu_does_not_use_up_the_opening() -> None:
    text = (
        "الصفحة الرئيسية | أخبار محلية | ملفات | أرشيف\n\n"
        "ملفات » السجون السورية » سجن تدمر\n\n"
        "سجن تدمر: ذاكرة لا يمحوها التفجير\n\n"
        "السبت 27 حزيران 2015\n\n"
        'أعلن تنظيم "داعش" أنه فجّر سجن تدمر العسكري بعد أيام من سيطرته على مدينة تدمر.\n'
    )
    found = incident(text)
    assert found is not None
    assert (found.governorate, found.date, found.cause, found.actor) == (
        "homs",
        "2015-06-27",
        "explosion",
        ISIS,
    )


def test_a_neighbourhood_the_knowledge_base_holds_gives_its_governorate() -> None:
    # Jobar is a neighbourhood of Damascus, not an administrative unit: its governorate comes
    # through its parent in the knowledge base
    report = "قتل ثلاثة مدنيين بينهم طفل في قصف مدفعي على حي جوبر يوم الثلاثاء، بحسب ناشطين."
    found = incident(report)
    assert found is not None
    assert (found.governorate, found.civilians, found.children) == ("damascus", 3, 1)


def test_an_unnamed_air_strike_is_the_governments_and_sayyidat_are_women() -> None:
    found = incident("مقتل 10 مدنيين بينهم 3 سيدات وطفلان في قصف جوي على مدينة دوما بريف دمشق")
    assert found is not None
    assert (found.actor, found.civilians, found.children, found.women) == (GOVERNMENT, 10, 2, 3)


def test_a_woman_named_after_the_children_among_the_dead_is_counted() -> None:
    text = "قتل خمسة مدنيين بينهم طفلان وامرأة وأصيب عشرة آخرون جراء قصف على بلدة في ريف إدلب."
    found = incident(text)
    assert found is not None
    assert (found.civilians, found.children, found.women) == (5, 2, 1)


def test_a_woman_and_her_child_among_the_dead_are_counted() -> None:
    text = "استشهاد 5 مدنيين بينهم امرأة وطفلها جراء غارة جوية على مدينة أريحا في ريف إدلب."
    found = incident(text)
    assert found is not None
    assert (found.civilians, found.children, found.women) == (5, 1, 1)

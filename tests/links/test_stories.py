"""Stories: one report in English and Arabic is one story; other events stay apart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dhakira.config import Limits
from dhakira.links.stories import StoryDoc, StoryGrouper, summarize, within_window
from dhakira.pipeline import analyse
from dhakira.records import Incident, Item

REPORT_EN = """Amnesty: up to 13,000 hanged at Sednaya prison

Beirut, 7 February 2017 — Amnesty International said on Tuesday that as many as 13,000 people
were hanged in secret at Sednaya prison north of Damascus between 2011 and 2015. Its report,
Human Slaughterhouse, is based on interviews with former guards, detainees and judges. The
organisation called for an independent investigation into the mass executions.
"""
REPORT_AR = """العفو الدولية: إعدام ما يصل إلى 13 ألف شخص في سجن صيدنايا

بيروت، 8 شباط 2017 — قالت منظمة العفو الدولية في تقريرها "المسلخ البشري" إن ما يصل إلى 13 ألف
شخص أعدموا شنقاً سراً في سجن صيدنايا العسكري قرب دمشق بين عامي 2011 و2015، استناداً إلى
مقابلات مع حراس ومعتقلين سابقين وقضاة. ودعت المنظمة إلى تحقيق مستقل في عمليات الإعدام.
"""
RELEASE_EN = """Families wait outside Sednaya prison after release decree

Damascus, 10 February 2017 — Dozens of families gathered outside Sednaya prison on Friday after
a decree ordered the release of 40 detainees held without trial. Relatives said they had not
heard from the men for years. Lawyers said the list of names was not published.
"""
FLOOD_AR = """أمطار غزيرة تغرق مخيماً للنازحين قرب الحدود

إدلب، 9 شباط 2017 — أغرقت الأمطار الغزيرة مخيماً للنازحين في ريف إدلب الشمالي، وجرفت أكثر من
300 خيمة، وقال عمال إغاثة إن مئات الأطفال باتوا بلا مأوى وإن المساعدات لا تكفي إلا لأيام.
"""


def _story_doc(text: str, doc_id: str) -> StoryDoc:
    item = Item(data=text.encode("utf-8"), source=f"{doc_id}.txt", media_type="text/plain")
    return summarize(analyse(item, Limits()), doc_id)


def _doc(doc_id: str, day: int, entities: dict[str, str], words: str = "") -> StoryDoc:
    return StoryDoc(doc_id, date(2017, 2, day), entities, frozenset(), _terms(words))


@pytest.fixture(scope="module")
def fixtures() -> dict[str, StoryDoc]:
    texts = {"en": REPORT_EN, "ar": REPORT_AR, "release": RELEASE_EN, "flood": FLOOD_AR}
    return {doc_id: _story_doc(text, doc_id) for doc_id, text in texts.items()}


def test_one_report_in_english_and_arabic_is_one_story(fixtures: dict[str, StoryDoc]) -> None:
    grouper = StoryGrouper()
    grouper.add(fixtures["en"])
    assignment = grouper.add(fixtures["ar"])
    assert assignment.story_id == "en"
    assert "report:human-slaughterhouse" in assignment.links[0].shared_entities


def test_other_events_in_the_same_week_stay_apart(fixtures: dict[str, StoryDoc]) -> None:
    grouper = StoryGrouper()
    for doc_id in ("en", "ar", "release", "flood"):
        grouper.add(fixtures[doc_id])
    assert grouper.stories() == [{"en", "ar"}]


def test_same_prison_alone_does_not_make_a_story(fixtures: dict[str, StoryDoc]) -> None:
    grouper = StoryGrouper()
    grouper.add(fixtures["release"])
    assert grouper.add(fixtures["ar"]).links == ()


def test_same_report_outside_the_window_is_another_story() -> None:
    report = {"report:human-slaughterhouse": "report", "facility:sednaya-prison": "facility"}
    grouper = StoryGrouper()
    grouper.add(_doc("first", 7, report))
    later = StoryDoc("year-later", date(2018, 2, 7), report, frozenset(), {})
    assert grouper.add(later).story_id == "year-later"


def test_generic_entities_never_link() -> None:
    generic = {"place:sy": "place", "org:un-security-council": "organization"}
    grouper = StoryGrouper()
    grouper.add(_doc("a", 7, generic, "security council syria vote"))
    assert grouper.add(_doc("b", 8, generic, "security council syria vote")).links == ()


def test_a_document_linking_two_stories_merges_them() -> None:
    grouper = StoryGrouper()
    grouper.add(_doc("a", 7, {"report:human-slaughterhouse": "report"}))
    grouper.add(_doc("b", 8, {"event:day-victims-of-torture": "event"}))
    both = {"report:human-slaughterhouse": "report", "event:day-victims-of-torture": "event"}
    assignment = grouper.add(_doc("c", 9, both))
    assert (assignment.story_id, assignment.merged) == ("a", ("b",))
    assert grouper.stories() == [{"a", "b", "c"}]


def test_undated_documents_are_inside_any_window() -> None:
    assert within_window(None, date(2017, 2, 7))
    assert not within_window(date(2017, 1, 1), date(2017, 2, 7))


def test_adding_the_same_document_twice_is_refused() -> None:
    grouper = StoryGrouper()
    grouper.add(_doc("a", 7, {}))
    with pytest.raises(ValueError, match="already"):
        grouper.add(_doc("a", 7, {}))


def test_a_chain_of_links_stops_at_the_story_span() -> None:
    facility = {"facility:sednaya-prison": "facility", "report:human-slaughterhouse": "report"}
    grouper = StoryGrouper()
    days = [date(2017, 1, 1) + timedelta(days=10 * step) for step in range(6)]  # 50 days
    stories = [
        grouper.add(StoryDoc(f"d{i}", day, facility, frozenset(), {})).story_id
        for i, day in enumerate(days)
    ]
    assert stories[:4] == ["d0"] * 4 and stories[4] != "d0"


def test_wire_reports_of_one_attack_link_through_the_incident() -> None:
    attack = Incident(governorate="idlib", date="2017-04-04", cause="shelling", civilians=21)
    next_day = Incident(governorate="idlib", date="2017-04-05", cause="shelling", civilians=21)
    words = "air strike market town idlib province killed civilians observatory"
    first = StoryDoc("afp", date(2017, 4, 4), {}, frozenset(), _terms(words), incident=attack)
    second = StoryDoc("sana", date(2017, 4, 5), {}, frozenset(), _terms(words), incident=next_day)
    grouper = StoryGrouper()
    grouper.add(first)
    assert grouper.add(second).story_id == "afp"


def test_same_governorate_and_cause_on_other_days_stay_apart() -> None:
    monday = Incident(governorate="aleppo", date="2016-10-03", cause="shelling", civilians=5)
    thursday = Incident(governorate="aleppo", date="2016-10-06", cause="shelling", civilians=5)
    grouper = StoryGrouper()
    grouper.add(StoryDoc("a", date(2016, 10, 3), {}, frozenset(), {}, incident=monday))
    assert (
        grouper.add(StoryDoc("b", date(2016, 10, 6), {}, frozenset(), {}, incident=thursday)).links
        == ()
    )


def _terms(words: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in words.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


@pytest.mark.parametrize(
    ("value", "precision", "placed"),
    [
        ("2022-11-03", "day", date(2022, 11, 3)),
        ("2022-11", "month", date(2022, 11, 15)),
        ("2022", "year", None),
    ],
)
def test_a_document_is_placed_in_time_as_precisely_as_its_date_allows(
    value: str, precision: str, placed: date | None
) -> None:
    from dhakira.records import DateIssued, Document

    doc = Document(item=Item(data=b"x", source="x.txt", media_type="text/plain"), text="x")
    doc.date = DateIssued(value, precision, "header")  # type: ignore[arg-type]
    assert summarize(doc, "d").date == placed

"""What a figure counts: victims or method, and which violation (the event type).

Decided from the words around the figure in its sentence, strongest evidence first: a violation
named just before it ("the detention of over 117,000 people", "إعدام 13 ألف معتقل"), then what
happened to the counted people ("13,000 prisoners were hanged"), then the counted noun itself
("215,000 detainees"), then a violation named elsewhere in the sentence ("taken to the gallows").
A killing of people "under torture", or a death of detainees, is a death in custody. The
wounded are counted too, as "other" ("killed six people and injured 32": the 32 were not
killed), and a figure of things ("three buildings", "50 rockets") is no claim.
What happened is looked for in the figure's own clause (between commas) before the rest of the
sentence, and a prison alone says where people are held only when named right after them.
In a table, a figure alone in its cell counts what the cell before it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dhakira.analysis.claims import arabic, english

_PREFIX = r"(?<!\w)(?:[وفبل]|ول|فل|وب)?"


def _combined(cues: dict[str, tuple[str, ...]]) -> re.Pattern[str]:
    """One pattern for all events, a named group each, so a sentence is scanned once."""
    groups = "|".join(f"(?P<{event}>{'|'.join(patterns)})" for event, patterns in cues.items())
    return re.compile(rf"{_PREFIX}(?:{groups})(?!\w)")


_VERB_CUES = {e: english.EVENT_VERBS[e] + arabic.EVENT_VERBS[e] for e in english.EVENT_VERBS}
_NOUN_CUES = {e: english.EVENT_NOUNS[e] + arabic.EVENT_NOUNS[e] for e in english.EVENT_NOUNS}
_ALL_VERBS = _combined(_VERB_CUES)
_ALL_NOUNS = _combined(_NOUN_CUES)
EVENT_CUES: dict[str, re.Pattern[str]] = {
    e: re.compile(rf"{_PREFIX}(?:{'|'.join(_VERB_CUES[e] + _NOUN_CUES[e])})(?!\w)")
    for e in _VERB_CUES
}
_WEAK_NOUNS = re.compile(r"^(?:prisons?|custody|(?:ال)?سجون|(?:ال)?سجن)$")
# what ends a clause: a comma or semicolon, or an Arabic conjunction that opens a clause of
# its own where a comma might have stood ("قتل ثلاثة مدنيين فيما أصيب 20 آخرون")
_CLAUSE_EDGES = (",", "،", ";", "؛", " فيما ", " بينما ", " في حين ")
_VERB_REACH = 30  # characters from a figure with no counted noun to what happened to them
_ARMED_REACH = 60  # from armed men counted to what happened to them (`english.ARMED_NOUNS`)
_WEAK_REACH = 25  # characters from the counted people to a prison that says they are held there
_LEAD = re.compile(rf"(?:{_ALL_NOUNS.pattern})(?:\s+of(?:\s+the)?)?\s+$")

# the counted noun, up to two words after the figure ("three Syrian civilians"), not across
# "and" ("three buildings and people were still missing" counts buildings)
_EN_HEAD = re.compile(
    r"^\s*(?:of\s+)?(?:(?!(?:and|or)\s)[\w’'-]+\s+){0,2}?"
    rf"({'|'.join(english.VICTIM_NOUNS + english.ARMED_NOUNS + english.METHOD_NOUNS)})\b"
)
# a figure of things, not people: "fired 50 rockets", "دمرت 3 مبان"
_THINGS = re.compile(  # used with .match at the figure's end: no "^"
    r"\s*(?:of\s+)?(?:(?!(?:in|on|at|from|to|by|with|across|near|and|or|during|since)\s)"
    r"[\w’'-]+\s+){0,2}?"
    rf"(?:{'|'.join(english.THING_NOUNS)}|(?:ال)?(?:{'|'.join(arabic.THING_NOUNS)}))(?!\w)"
)
# attacks on what the laws of war protect are violations counted: "46 attacks on schools",
# "27 هجوماً على منشآت طبية" (an "other" event: no one is counted)
_ATTACKS_ON = re.compile(  # used with .match at the figure's end
    r"\s*(?:[\w-]+\s+){0,2}?((?:attacks|air ?strikes|strikes|raids|assaults|هجوما|هجمات|"
    r"اعتداء|اعتداءات|غاره|غارات)\s+(?:on|against|targeting|علي|استهدفت)\s+"
    r"(?:(?!(?:and|or|و)\s)[\w-]+\s+){0,2}?(?:schools?|hospitals?|medical|health|clinics?|"
    r"markets?|bakeries|mosques?|churches|civil defen[cs]e|ambulances?|aid convoys?|"
    r"(?:ال)?(?:مدارس|مدرسه|مشافي|مشفي|مستشفيات|مستشفي|منشات|اسواق|سوق|مساجد|مسجد|افران|"
    r"فرن|دفاع المدني|كنائس)(?:\s+(?:ال)?(?:طبيه|صحيه|تعليميه))?))(?!\w)"
)
# nothing but a qualifier between a verb and its figure ("killed more than 220000")
_QUALIFIERS = [*english.QUALIFIERS_BEFORE, *arabic.QUALIFIERS_BEFORE]
_QUALIFIER_ONLY = re.compile(rf"\s*(?:(?:{'|'.join(map(re.escape, _QUALIFIERS))})\s+)?")
# "who were held": a relative clause that only says the counted people were detainees
_HELD_AS_WHO = re.compile(r"\s*(?:who|that)\s")
# the counted noun comes right after the figure (adjectives follow it: in "آلاف العائلات
# السورية" the families are counted, not Syrians), after "من" or a scale word the figure's
# span left out
_AR_HEAD = re.compile(
    r"^\s*(?:من\s+)?(?:(?:ال)?(?:الف|الفا|الاف|مليون|ملايين)\s+(?:من\s+)?)?(?:[وبل])?(?:ال)?"
    rf"({'|'.join(arabic.VICTIM_STEMS + arabic.METHOD_STEMS)})\w*"
)
# "under torture" right after the counted people: they died in custody ("14,537 people under
# torture", "شخصاً تحت التعذيب"), whatever word reported the deaths
_UNDER_TORTURE = re.compile(
    r"\s*(?:[\w’'-]+\s+){0,2}?(?:(?:under|from|of|due to|as a result of)\s+torture"
    r"|(?:تحت|بسبب|جراء|نتيجه)\s+(?:ال)?تعذيب)"
)
# a death toll that reaches the figure right after it: "the death toll from the massacre rose
# to 108", "ارتفعت حصيلة القتلى إلى 45"
_TOLL = re.compile(
    r"(?:(?:death )?toll (?:[\w-]+ ){0,8}?(?:rose|climbed|jumped|reached|increased|stood|stands|"
    r"has risen|had risen|rises|reaches)(?: at| to| from [\d,.]+ to)?"
    r"|حصيله (?:\w+ ){0,6}?(?:الي|بلغت|وصلت الي|من [\d,.]+ الي))\s+$"
)
# "the number of" whom a figure counts, in Arabic: "ارتفع عدد الجرحى إلى 350", "بلغ عدد
# المعتقلين 1200" (a count of the wounded or the held only when it names them: "عدد السكان")
_NUMBER_OF = re.compile(
    r"(?<!\w)(?:[وف]?(?:بلغ|وصل|ارتفع|تجاوز|يبلغ|يصل|يتجاوز)\w*\s+عدد (?:\S+ ){1,6}?(?:الي )?"
    r"|عدد (?:\S+ ){1,6}?(?:الي|بلغ|وصل الي|من [\d,.]+ الي) )\s*$"
)
_PREDICATE = re.compile(
    r"\s*(?:(?:who|that)\s+)?(?:(?:were|was|are|is|have been|has been|had been|got)\s+)?"
)
# deaths "in detention", "in custody", "في السجون" right after the counted noun
_IN_CUSTODY = re.compile(
    r"\s*(?:(?:in|under) (?:\w+ )?(?:custody|detention|prisons?)"
    r"|(?:في|داخل) (?:ال)?(?:سجون|سجن|معتقلات|معتقل|احتجاز|مراكز الاحتجاز))(?!\w)"
)
# a verb that says people died (not that someone killed them)
_DIED = re.compile(
    rf"(?:[وفب])?(?:died|perished|deaths?(?: of)?|{arabic.DIED}|مات\w*|قضوا|وفا[هت]|(?:ال)?وفيات)"
)
_LEAD_WORDS = english.METHOD_LEADS + arabic.METHOD_LEADS
_METHOD_LEADS = "|".join(_LEAD_WORDS)
# a whole word ("قابل", interviewed, is not the end of "مقابل", against), with its conjunction
_METHOD_LEAD = re.compile(rf"(?<!\w)[وف]?(?:{_METHOD_LEADS})\s+(?:\w+\s+)?$")
# a figure joined to a method figure: "interviewed 21 former detainees and four defectors",
# "مقابلات مع 31 شاهداً و12 ناجياً"
_METHOD_AND = re.compile(
    rf"(?<!\w)[وف]?(?:{_METHOD_LEADS})\s+(?:\w+\s+)?(?:(?:\d[\d,.]*|{'|'.join(english.UNITS)})\s+"
    r"(?:[\w-]+\s+){0,2}[\w-]+(?:\s+and|\s*,|\s*،)?\s+(?:و)?){1,4}$"
)
_DEATH_NOUNS = frozenset({"deaths", "dead", "bodies", "corpses", "قتيل", "قتلي", "جثه", "جثث"})
# the counted people said to be dead right after the noun: "leaving two people dead and five
# injured" (the injury named nearer does not make the two wounded)
_DEAD_AFTER = re.compile(r"\s*(?:(?:were|are|was|is|lay|lie)\s+)?dead(?!\w)")
_HEAD_EVENT: dict[str, str] = {
    "detainees": "detention", "detainee": "detention", "prisoners": "detention",
    "prisoner": "detention", "inmates": "detention", "arrests": "detention",
    "detentions": "detention", "lives": "killing", "deaths": "killing", "dead": "killing",
    "killings": "killing", "murders": "killing", "bodies": "killing", "corpses": "killing",
    "executions": "execution", "hangings": "execution", "sentences": "death_sentence",
    "disappearances": "enforced_disappearance",
    "معتقل": "detention", "سجين": "detention", "سجناء": "detention", "محتجز": "detention",
    "موقوف": "detention", "اسير": "detention", "اسري": "detention", "معتقلات": "detention",
    "مختف": "enforced_disappearance", "مفقود": "enforced_disappearance", "قتيل": "killing",
    "قتلي": "killing", "شهيد": "killing", "شهداء": "killing", "جثه": "killing", "جثث": "killing",
    "جريح": "other", "جرحي": "other", "نازح": "other",  # the wounded, the displaced
}  # fmt: skip


@dataclass(frozen=True)
class Reading:
    """What a figure counts: `kind` ("victims"/"method"), `event`, and the cue spans used."""

    kind: str
    event: str
    spans: tuple[tuple[int, int], ...]


def _head(text: str, start: int, end: int, limit: int) -> tuple[str, int, int] | None:
    """The counted noun (word, start, end): after the figure, or inside its span when an
    Arabic qualifier follows the noun ("ثلاثة معتقلين على الأقل")."""
    after = text[end:limit]
    found = _EN_HEAD.match(after) or _AR_HEAD.match(after)
    # the span runs to the end of the word ("شاهداً", not its stem "شاهد")
    if found:
        return found.group(1), end + found.start(1), end + found.end()
    space = text.find(" ", start, end)
    inside = _AR_HEAD.match(text[space:end]) if space >= 0 else None
    if inside:
        return inside.group(1), space + inside.start(1), space + inside.end()
    return None


def counted_noun(text: str, start: int, end: int, hi: int) -> tuple[int, int] | None:
    """The span of the noun a figure counts ("12 detainees", "dozens of children"), if any."""
    head = _head(text, start, end, hi)
    return head[1:] if head else None


def _cues(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(event, start, end) of each cue; the longest cue at a place wins, as listed first. A cue
    starts after the Arabic conjunction or preposition glued to it: "قتل ثلاثة وأصيب خمسة"
    joins a clause of its own ("أصيب"), it does not say what happened to the three."""
    found = []
    for m in pattern.finditer(text, lo, hi):
        event = m.lastgroup or "other"
        found.append((event, m.start(event) if m.lastgroup else m.start(), m.end()))
    return found


def _nearest(cues: list[tuple[str, int, int]], start: int, end: int) -> tuple[str, int, int]:
    return min(cues, key=lambda c: start - c[2] if c[2] <= start else c[1] - end)


def read_figure(text: str, start: int, end: int, lo: int, hi: int) -> Reading | None:
    """Read the figure at `start`..`end` within the sentence `lo`..`hi`; None if it does not
    count people harmed, violations, or documentation (a figure about something else)."""
    head = _head(text, start, end, hi)
    head_word = head[0] if head else None
    spans: tuple[tuple[int, int], ...] = (head[1:],) if head else ()
    before = text[max(lo, start - 40) : start]
    if head_word in english.METHOD_NOUNS or head_word in arabic.METHOD_STEMS:
        return Reading("method", "other", spans)
    if _METHOD_LEAD.search(before):
        return Reading("method", "other", spans)
    if head_word and _method_and(text, max(lo, start - 90), start):
        # people counted like the method figure before them ("and 12 were later arrested"
        # is what happened to 12, not whom the team spoke to)
        return Reading("method", "other", spans)
    if head_word is None and (attacks := _ATTACKS_ON.match(text, end, hi)):
        return Reading("victims", "other", ((attacks.start(1), attacks.end()),))
    if head_word is None and _THINGS.match(text, end, hi):
        return None  # "the evacuation of 4 Syrian towns", "fired 50 rockets"
    counted_end = spans[0][1] if spans else end
    lead = _LEAD.search(text, max(lo, start - 30), start)
    # a prison right before a figure does not name what it counts ("يضم السجن نحو عشرين مهجعاً")
    if lead and lead.lastgroup and not _WEAK_NOUNS.match(lead.group(lead.lastgroup)):
        cue = lead.group(lead.lastgroup).strip()
        event = _in_custody(text, lead.lastgroup, cue, head_word, counted_end, hi)
        return Reading("victims", event, spans + ((lead.start(), lead.end()),))
    if head_word is None and (cell := _table_cell(text, start, lo)):
        return cell
    number_of = _NUMBER_OF.search(text, max(lo, start - 90), start)
    if number_of and head_word is None:
        named = _violation(text, number_of.start(), number_of.end())
        if named:
            event = _in_custody(text, named[0], "", head_word, counted_end, hi)
            return Reading("victims", event, spans + ((number_of.start(), number_of.end()),))
    toll = _TOLL.search(text, max(lo, start - 90), start)
    if toll and head_word not in _HEAD_EVENT:
        # a toll counts the dead unless it names whom else: "حصيلة المختفين قسرياً بلغت"
        named = _violation(text, toll.start(), toll.end())
        counted_event = named[0] if named else "killing"
        event = _in_custody(text, counted_event, "", head_word, counted_end, hi)
        return Reading("victims", event, spans + ((toll.start(), toll.end()),))
    # a statement added after the figure's is about something else: "لإنقاذ أكثر من 130 ألف
    # معتقل، مشيراً إلى أن آلاف المعتقلين قضوا" (the 130,000 are held, not dead)
    added = _ADDED_STATEMENT.search(text, end, hi)
    hi = added.start() if added else hi
    # a headline's "kills" after the figure takes the figure after it: in "Thousands of
    # migrants walk into Turkey ... attacks kill 16 civilians" it says nothing of the thousands
    verbs = [
        cue
        for cue in _cues(_ALL_VERBS, text, lo, hi)
        if not (cue[1] >= end and text[cue[1] : cue[2]] in english.ACTIVE_VERBS)
    ]
    if head_word is None and not _cue_close(verbs, start, end):
        return None
    nouns = _cues(_ALL_NOUNS, text, lo, hi)
    if head_word in english.ARMED_NOUNS and not _cue_close(
        verbs + nouns, start, counted_end, _ARMED_REACH
    ):
        # "a war that has drawn thousands of jihadists" (killed far before); "29 rebels dead"
        # has its noun
        return None
    # a violation named in the figure's own clause first: in "نحو ٢١٥ ألف شخص محتجزون لدى
    # الحكومة، ووثّقت اعتقال ..." the detention after the comma is the next figure's
    clause_lo, clause_hi = clause(text, start, end, lo, hi)
    own = [cue for cue in verbs if clause_lo <= cue[1] and cue[2] <= clause_hi]
    if not own:
        in_clause = [
            cue
            for cue in nouns
            if clause_lo <= cue[1] and cue[2] <= clause_hi and not _weak(text, cue)
        ]
        if head_word not in _HEAD_EVENT:
            own = in_clause
        elif _HEAD_EVENT[head_word] == "detention":
            # detainees are held by definition: what the clause says was done to them
            # counts ("الإفراج عن دفعة جديدة تضم 300 موقوف" is a release)
            own = [cue for cue in in_clause if cue[0] != "detention"]
    if head_word in _DEATH_NOUNS or head_word == "lives" or _DEAD_AFTER.match(text, counted_end):
        own = [cue for cue in own if cue[0] != "other"]  # "56 dead … and dozens wounded"
        verbs = [cue for cue in verbs if cue[0] != "other"]
    # the verb right after the counted people is what happened to them: in "5 journalists
    # were killed and 12 others arrested" the 12 were arrested, though "killed" is nearer;
    # "released the names of 1,000 detainees who died in custody" counts deaths
    said_of = [c for c in own if _PREDICATE.fullmatch(text, counted_end, c[1])]
    if said_of and said_of[0][0] == "detention" and _HELD_AS_WHO.match(text, counted_end):
        # "freed 150 civilians who were held at a school": the release is what happened
        said_of = []
    if (
        said_of
        and said_of[0][0] == "other"
        and head_word
        and (direct := _direct_verb(text, own, start))
    ):
        # "the war has killed more than 220000 people wounded at least one million": the
        # verb the figure is the object of, not the injury after its counted people
        # (punctuation lost); with no counted noun the injury stays: "14 were killed 25 were
        # wounded", "Killed 110 Injured"
        said_of = [direct]
    if said_of or own or verbs:
        event, s, e = _nearest(said_of or own or verbs, start, end)
        event = _in_custody(text, event, text[s:e], head_word, counted_end, hi)
        return Reading("victims", event, spans + ((s, e),))
    if head_word in _HEAD_EVENT:
        event = _in_custody(text, _HEAD_EVENT[head_word], "", head_word, counted_end, hi)
        return Reading("victims", event, spans)
    strong = [c for c in nouns if not _weak(text, c)]
    # a prison named elsewhere in the sentence says nothing about what a count of people is
    # ("the prison … stayed in the memory of thousands of Syrians"); named right after the
    # counted people, it says where they are held ("thousands of people in Sednaya prison")
    close = [c for c in nouns if 0 <= c[1] - counted_end <= _WEAK_REACH]
    if strong or close:
        event, s, e = _nearest(strong or close, start, end)
        event = _in_custody(text, event, text[s:e], head_word, counted_end, hi)
        return Reading("victims", event, spans + ((s, e),))
    return None


def _in_custody(
    text: str, event: str, cue: str, head_word: str | None, counted_end: int, hi: int
) -> str:
    """A killing read more closely: people who died under torture ("the deaths of 14,537
    people under torture", "مقتل ... شخصاً تحت التعذيب"), or detainees who died ("three
    detainees died in the Palestine Branch", "وفاة 1,450 معتقلاً"), died in custody."""
    if event != "killing":
        return event
    if died_under_torture(text, counted_end, hi):
        return "death_in_custody"
    if head_word in _DEATH_NOUNS and (
        _IN_CUSTODY.match(text, counted_end, hi) or _OF_DETAINEES.match(text, counted_end, hi)
    ):
        return "death_in_custody"  # "32 deaths in detention", "14,388 deaths of detainees"
    if _DIED.fullmatch(cue) and _HEAD_EVENT.get(head_word or "") == "detention":
        return "death_in_custody"
    if _DIED.fullmatch(cue) and _died_where_held(text, counted_end, hi):
        return "death_in_custody"  # "cells where dozens of men died", "cellmates died"
    return event


# where people are held, or who they were held with, named near a death
_HELD_PLACE = re.compile(
    r"(?<!\w)(?:cells?|cellmates?|prisons?|jails?|dungeons?|detention|custody|interrogation|"
    r"(?:ال)?(?:زنزان\w*|سجن|سجون|معتقل|مهجع|احتجاز|تحقيق))(?!\w)"
)


def _died_where_held(text: str, counted_end: int, hi: int) -> bool:
    """True when the sentence around the counted people who died names a place of detention
    (from its start, or 80 characters back, to its end)."""
    start = max(text.rfind(".", 0, counted_end) + 1, counted_end - 80, 0)
    return _HELD_PLACE.search(text, start, hi) is not None


_OF_DETAINEES = re.compile(r"\s*of (?:\w+ )?(?:detainees|prisoners|inmates)(?!\w)")
_OF_THEM = re.compile(r"\s*(?:of them|of whom|منهم)(?!\w)")
# a part named after its whole: "بينهم 3 أطفال", "including 5 children", "among them 5 women"
_AMONG_WORDS = r"(?<!\w)(?:من )?(?:بينهم|بينهن|بينها|including|among them)\s+"
_AMONG = re.compile(rf"{_AMONG_WORDS}$")
# a later part of the same list: "بينهم 18 طفلاً و7 سيدات", "including 300 children and 20 women"
_AMONG_LIST = re.compile(
    rf"{_AMONG_WORDS}\d[\d,.]*\s+[^\s\d،,]+(?:\s*[،,]\s*\d[\d,.]*\s+[^\s\d،,]+)*"
    r"\s*[،,]?\s*(?:و|and\s+)$"
)


def _method_and(text: str, lo: int, hi: int) -> bool:
    """`_METHOD_AND` over text[lo:hi], tried only where a method lead is written at all (the
    pattern is slow to try at every place of every sentence)."""
    window = text[lo:hi]
    return any(lead in window for lead in _LEAD_WORDS) and bool(_METHOD_AND.search(text, lo, hi))


_ADDED_STATEMENT = re.compile(
    r"[,،]\s*(?:و)?(?:مشيرا|مضيفا|موضحا|مؤكدا|لافتا|منوها)(?!\w)"
    r"|,?\s+(?:adding|noting|stressing|pointing out) that\b"
)
_AND_BEFORE = re.compile(r"(?<!\w)and\s+$")


def _joined(text: str, verb: re.Match[str]) -> bool:
    """True for a verb joined to what comes before it by a conjunction: "وأصيب", "and wounded"."""
    at = verb.start(verb.lastgroup) if verb.lastgroup else verb.start()
    glued = at != verb.start() and text[verb.start()] in "وف"
    return glued or _AND_BEFORE.search(text, max(0, verb.start() - 6), verb.start()) is not None


def died_under_torture(text: str, end: int, hi: int) -> bool:
    """True when "under torture" (or "تحت التعذيب") follows within two words of `end`."""
    return _UNDER_TORTURE.match(text, end, min(hi, end + 40)) is not None


def part_of_the_last(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """True for a figure that counts part of the figure before it and says nothing of its own
    about what happened: "14,664 deaths due to torture, 190 of them children" (the 190 died
    like the rest), "قتل خمسة مدنيين بينهم طفلان وامرأة وأصيب عشرة" (the two children are
    among the dead, not the wounded), but not "at least 1,500 of them died in detention"."""
    if _AMONG.search(text, max(lo, start - 20), start) or _AMONG_LIST.search(
        text, max(lo, start - 80), start
    ):
        # unless the first verb after it is its own ("including three children were
        # injured", "بينهم ثلاثة أصيبوا"); one joined by "and" or "و" opens the next clause
        verb = _ALL_VERBS.search(text, end, clause(text, start, end, lo, hi)[1])
        return verb is None or _joined(text, verb)
    if not _OF_THEM.match(text, end):
        return False
    clause_lo, clause_hi = clause(text, start, end, lo, hi)
    return not any(_ALL_VERBS.finditer(text, clause_lo, clause_hi))


def _weak(text: str, cue: tuple[str, int, int]) -> bool:
    """A cue that names a place of detention, not a violation ("prison", "custody")."""
    return _WEAK_NOUNS.match(text[cue[1] : cue[2]]) is not None


def clause(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch of the sentence between the commas, semicolons or clause-opening
    conjunctions around a figure (found with str.find: this runs for every figure)."""
    before = [at + len(mark) for mark in _CLAUSE_EDGES if (at := text.rfind(mark, lo, start)) >= 0]
    after = [at for mark in _CLAUSE_EDGES if (at := text.find(mark, end, hi)) >= 0]
    return max(before, default=lo), min(after, default=hi)


def _table_cell(text: str, start: int, lo: int) -> Reading | None:
    """A figure that opens a table cell counts what the cell before it names: "deaths in
    custody | 17,723 | March 2011" (a report's table, or a Markdown one), else what its
    column's header names ("| Year | Deaths recorded |" over "| 2013 | 4,012 |"). None outside
    tables, and when neither names a violation (a contents line's "Sources | 12")."""
    bar = text.rfind("|", lo, start)
    if bar < 0 or text[bar + 1 : start].strip():
        return None
    before = text.rfind("|", lo, bar)
    cell_lo = before + 1 if before >= 0 else max(lo, text.rfind("\n", lo, bar) + 1)
    cell = _violation(text, cell_lo, bar)
    if cell is not None:
        event, s, e = cell
        return Reading("victims", event, ((s, e),))
    header = _column_header(text, bar)
    named = _violation(text, *header) if header else None
    if named is None:
        return None
    row_start = text.rfind("\n", 0, bar) + 1
    return Reading("victims", named[0], ((row_start, bar),))  # quoted: the row to the figure


def _violation(text: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The violation a table cell names last, if any (a prison alone names none)."""
    found = _cues(_ALL_VERBS, text, lo, hi) + _cues(_ALL_NOUNS, text, lo, hi)
    strong = [c for c in found if not _WEAK_NOUNS.match(text[c[1] : c[2]])]
    return max(strong, key=lambda cue: cue[2]) if strong else None


_TABLE_RULE = re.compile(r"\s*\|?\s*:?-{3,}")


def _column_header(text: str, bar: int) -> tuple[int, int] | None:
    """The span of the header cell above the cell that opens after `bar`: the first line of
    the run of table lines the row belongs to ("Year | Deaths recorded" over "2013 | 4,012";
    a rule of dashes under it and one blank line are passed over)."""
    row_start = text.rfind("\n", 0, bar) + 1
    column = text.count("|", row_start, bar + 1)
    header: tuple[int, int] | None = None
    line, blanks = row_start, 0
    while line > 0:
        above = text.rfind("\n", 0, line - 1) + 1
        content = text[above : line - 1]
        if not content.strip():
            blanks += 1
            if blanks > 1:
                break
        elif "|" not in content:
            break
        else:
            blanks = 0
            if not _TABLE_RULE.match(content):
                header = (above, line - 1)
        line = above
    if header is None:
        return None
    start, end = header
    bounds = [start - 1, *(i for i in range(start, end) if text[i] == "|"), end]
    return (bounds[column] + 1, bounds[column + 1]) if column + 1 < len(bounds) else None


def _direct_verb(
    text: str, verbs: list[tuple[str, int, int]], start: int
) -> tuple[str, int, int] | None:
    """A violation verb the figure is the object of: nothing but a qualifier between them
    ("killed more than 220000"; not "killed and 20")."""
    before = [
        cue for cue in verbs if cue[0] != "other" and _QUALIFIER_ONLY.fullmatch(text, cue[2], start)
    ]
    return before[-1] if before else None


def _cue_close(
    cues: list[tuple[str, int, int]], start: int, end: int, reach: int = _VERB_REACH
) -> bool:
    """True when one of `cues` stands within `reach` characters of the figure: a figure with
    no counted noun still counts people when a violation verb is near it ("tens of thousands
    are still held", "أعدم 13 ألفاً")."""
    return any(-reach <= s - end <= reach or -reach <= start - e <= reach for _, s, e in cues)

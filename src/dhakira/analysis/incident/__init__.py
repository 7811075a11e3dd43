"""The main incident a news report tells of: where, when, how, by whom, and who died.

Documenters record every violent incident in the same few fields: governorate, date, cause,
actor and the counts of civilians, non-civilians, children and women killed. This step fills
them from a report's own wording with transparent rules, tuned on the FA-KES dataset (Abu Salem,
Al Feel, Elbassuoni, Jaber, Farah, "FA-KES: A Fake News Dataset around the Syrian War",
ICWSM 2019, DOI 10.5281/zenodo.2607278, CC BY 4.0), whose normalised labels it follows.

News reports put the main incident first, so every field is read from the opening: the
title and lead sentences (the first ten when the first three name no toll), with later
sentences only to break the headline toll down (see `breakdown`) and as a fallback for the
place. The governorate is the one named right after the first toll ("kills 50 in Hama"),
else the first one named, never a place people came from ("evacuees from Foua"); a headline
toll summed over several governorates gives way to the first part the body tells, since an
incident happens in one place. Places come from the shipped knowledge base (see `places`).

The date is the report's own date: the first full date printed at the top, else a wire
dateline under the headline ("AFP Friday 23 Aug 2013"). Documenters using FA-KES recorded the
printed date, not the day an event is said to have happened: where the crowd typed a date,
the printed date is the gold date for 326 of 331 dev articles, and shifting it by a weekday
mention would have lost 57 of them. The other 153 gold dates were not typed by the crowd and
are not in the text (within a day of a printed date for 7), so no reading reaches them.
A document that names neither deaths nor an attack, wounding or clash gets None: there is no
incident to record. Arabic reports are read by `incident.arabic`, with the same fields and
conventions.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from dhakira.analysis.date_mentions import find_dates
from dhakira.analysis.incident.arabic import arabic_incident
from dhakira.analysis.incident.breakdown import (
    add_sub_tolls,
    first_place_of_a_summed_toll,
    refine_with_breakdown,
)
from dhakira.analysis.incident.counts import DEATH_WORDS, Counts, count_victims, figures, sentences
from dhakira.analysis.incident.labels import find_actor, find_cause
from dhakira.analysis.incident.places import blank_tag_lists, find_places
from dhakira.pipeline import Step
from dhakira.records import Document, Incident

LEAD_SENTENCES = 3
FALLBACK_SENTENCES = 10
PLACE_SENTENCES = 4
_HEADER_CHARS = 200


def lead_text(text: str, sentences_wanted: int = LEAD_SENTENCES) -> str:
    """The opening of a report: its first few sentences (the title is usually the first)."""
    parts = sentences(text)
    if not parts:
        return ""
    end = len(parts) if len(parts) <= sentences_wanted else sentences_wanted
    last_start, last = parts[end - 1]
    return text[: last_start + len(last)]


def _place_of_the_toll(lead: str) -> str | None:
    """The governorate named after the first death toll, in its sentence ("kills 50 in Hama")."""
    places = list(find_places(lead, origins=False))
    for start, sentence in sentences(lead):
        found = figures(sentence)
        if not found:
            continue
        at, end = start + found[0][2], start + len(sentence)
        return next((gov for m, gov in places if at <= m.start() < end), None)
    return None


def find_governorate(text: str, lead: str) -> str | None:
    """The governorate where the opening puts the first toll, else of the first place named
    in the opening, else the most named one."""
    toll_place = _place_of_the_toll(lead)
    if toll_place:
        return toll_place
    for _, gov in find_places(lead, origins=False):
        return gov
    votes = Counter(gov for _, gov in find_places(text))
    return votes.most_common(1)[0][0] if votes else None


# "Last updated at Aug 142016": a header whose day runs into the year.
_GLUED_DATE = re.compile(
    r"\b(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+"
    r"(?P<day>\d{2})(?P<year>(?:19|20)\d{2})\b",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _glued_date(header: str) -> str | None:
    m = _GLUED_DATE.search(header)
    if m is None:
        return None
    month = _MONTHS.index(m.group("month").lower()) + 1
    try:
        return date(int(m.group("year")), month, int(m.group("day"))).isoformat()
    except ValueError:  # "Feb 312016" is no date
        return None


# A wire dateline after the headline: "AFP Friday 23 Aug 2013", "Reuters Tuesday 14 Nov 2017".
_DATELINE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+\d{1,2}\s+[a-z]{3,9}\.?\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_DATELINE_CHARS = 400


def _full_date(text: str) -> str | None:
    for mention in find_dates(text):
        if mention.kind == "full" and mention.day and mention.month and mention.year:
            return f"{mention.year:04d}-{mention.month:02d}-{mention.day:02d}"
    return None


def find_date(doc: Document) -> str | None:
    """The report's date: a full date printed at the top, else a wire dateline under the
    headline, else the date the pipeline found."""
    header = doc.text[:_HEADER_CHARS]
    found = _glued_date(header) or _full_date(header)
    if found:
        return found
    dateline = _DATELINE.search(doc.text[:_DATELINE_CHARS])
    if dateline and (found := _full_date(dateline.group(0))):
        return found
    if doc.date is not None and doc.date.precision == "day":
        return doc.date.value
    return None


# Reports of an attack that name no deaths (wounded, suffocation cases, a repelled assault) are
# still incidents documenters record: their place, date and cause are kept.
_VIOLENCE = re.compile(
    r"\b(?:attack\w*|injur\w*|wound\w*|suffocat\w*|shell\w*|bomb\w*|air\s?strikes?|"
    r"raids?|clash\w*|explosi\w+|blast\w*|rockets?|missiles?|mortars?|eliminat\w+|"
    r"massacre\w*)\b",
    re.IGNORECASE,
)


def _names_violence(text: str) -> bool:
    head = text[:3000]
    return bool(DEATH_WORDS.search(head) or _VIOLENCE.search(head))


def incident_of(doc: Document) -> Incident | None:
    """The main incident of a report, or None when the text reports no violence."""
    text = doc.text
    lead = lead_text(text)
    counts = count_victims(lead)
    if counts == Counts():
        counts = count_victims(lead_text(text, FALLBACK_SENTENCES))
    opening = lead_text(text, FALLBACK_SENTENCES)
    counts = add_sub_tolls(refine_with_breakdown(counts, lead, opening), opening)
    first_part = first_place_of_a_summed_toll(lead)
    if first_part is not None:
        counts = first_part[0]
    if not any((counts.civilians, counts.noncivilians)) and not _names_violence(text):
        return None
    places = blank_tag_lists(lead_text(text, PLACE_SENTENCES))
    return Incident(
        governorate=first_part[1] if first_part else find_governorate(text, places),
        date=find_date(doc),
        cause=find_cause(lead),
        actor=find_actor(blank_tag_lists(lead)),
        civilians=counts.civilians,
        noncivilians=counts.noncivilians,
        children=counts.children,
        women=counts.women,
    )


_ARABIC_LETTERS = re.compile("[\u0621-\u064a]")


def find_incident(doc: Document) -> Document:
    """Pipeline step: set `doc.incident` (None for documents that report no violence); an
    Arabic report is read by `incident.arabic`."""
    opening = doc.text[:2000]
    if doc.language == "ar" or (
        not re.search(r"[A-Za-z]", opening) and _ARABIC_LETTERS.search(opening)
    ):
        doc.incident = arabic_incident(doc)
    elif re.search(r"[A-Za-z]", opening):
        doc.incident = incident_of(doc)
    else:
        doc.incident = None
    return doc


# v4: Arabic reports get an incident (`incident.arabic`), they had none; v5: one person named
# without a number ("مقتل مدني"), and a party hit named with its organization word; v6: the
# knowledge base's towns and neighbourhoods ("جوبر") have a governorate; v7: an unnamed "قصف
# جوي" is an air attack
STEP = Step("analysis.incident", "v9", find_incident)

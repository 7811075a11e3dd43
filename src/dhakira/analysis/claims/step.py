"""The claims step: every figure about victims, violations or method, as a `Claim` record.

Runs after the entity step (whose linked mentions give places and sources their canonical
names) and works without it. The text is folded once (Arabic letter variants, Arabic-Indic
digits, case) and every reader matches on the folded copy; spans are mapped back so each
claim's quote is exactly `doc.text[start:end]`.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from dhakira.analysis.claims import arabic
from dhakira.analysis.claims.context import (
    find_actor,
    find_period,
    find_place,
    find_source,
    generic_source,
    month_of_an_earlier_year,
    report_subject,
    source_phrases,
    table_source,
)
from dhakira.analysis.claims.events import (
    EVENT_CUES,
    Reading,
    clause,
    counted_noun,
    died_under_torture,
    part_of_the_last,
    read_figure,
)
from dhakira.analysis.claims.names import Name, from_entities, read_names
from dhakira.analysis.claims.numbers import Figure, find_figures
from dhakira.pipeline import Step
from dhakira.records import Claim, Document

_ROW_YEAR = re.compile(r"\s*\|?\s*((?:19|20)\d\d)\s*\|")
_SENTENCE_END = re.compile(r"[.!?؟]+[”\"’)]*(?= +\S)|\n")
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
_QUOTE_REACH = 100
_YEAR = re.compile(r"(?:19|20)\d\d")
# Words for the people held or harmed: they name no violation that could date a later count.
_PEOPLE = frozenset(
    ["detainee", "detainees", "prisoner", "prisoners", "prison", "prisons", "custody",
     "missing", "dead", "lives", "deaths"]
)  # fmt: skip


def _lower(text: str) -> str:
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


def _sentences(low: str) -> list[tuple[int, int, int]]:
    """(start, end, paragraph number) of each sentence; a paragraph is a line."""
    out: list[tuple[int, int, int]] = []
    start, paragraph = 0, 0
    for m in _SENTENCE_END.finditer(low):
        before = low[m.start() - 2 : m.start()]
        if m.group(0) == "." and before[:1] in (" ", ".") and before[1:].isalpha():
            continue  # "U.S.", "p. 4": an initial, not the end of a sentence ("on April 4." is)
        end = m.end() if m.group(0) != "\n" else m.start()
        if low[start:end].strip():
            out.append((start, end, paragraph))
        if m.group(0) == "\n":
            paragraph += 1
        start = m.end()
    if low[start:].strip():
        out.append((start, len(low), paragraph))
    return out


def _source_windows(low: str, sentence: tuple[int, int, int], para: tuple[int, int], at: int
                    ) -> list[tuple[int, int]]:  # fmt: skip
    """Where to look for who said it: the sentence, and around the quotation it sits in."""
    windows = [(sentence[0], sentence[1])]
    for m in _QUOTED.finditer(low, para[0], para[1]):
        if m.start() < at < m.end():
            windows.append((m.end(), min(para[1], m.end() + 60)))
            windows.append((max(para[0], m.start() - 90), m.start()))
    return windows


_PART_MARKS = (";", "؛")
_THE_FACILITY = re.compile(
    r"\bthe (?:prison|jail|facility|detention (?:centre|center))\b|(?<!\w)السجن(?!\w)"
)


class _Reader:
    """One document's folded text, sentences and names, read once for all its figures."""

    def __init__(self, doc: Document) -> None:
        folded, self.posmap = arabic.fold(doc.text)
        self.text = doc.text
        self.low = _lower(folded)
        self.sentences = _sentences(self.low)
        if doc.entities:
            names = from_entities(doc.entities)
            self.names = [self._to_folded(n) for n in names] if self.posmap else names
        else:  # read on the folded text; each name keeps its original spelling
            self.names = [
                Name(n.start, n.end, n.kind, self.surface(n.start, n.end))
                for n in read_names(folded)
            ]
        self.figures = find_figures(self.low)
        self.paragraphs: dict[int, tuple[int, int]] = {}
        for s, e, p in self.sentences:
            lo, hi = self.paragraphs.get(p, (s, e))
            self.paragraphs[p] = (min(lo, s), max(hi, e))

    def _to_folded(self, name: Name) -> Name:
        assert self.posmap is not None
        start = bisect_left(self.posmap, name.start)
        return Name(start, bisect_left(self.posmap, name.end), name.kind, name.name)

    def original(self, pos: int) -> int:
        return self.posmap[pos] if self.posmap else pos

    def surface(self, start: int, end: int) -> str:
        return self.text[self.original(start) : self.original(end)]

    def counted(self, lo: int, hi: int) -> bool:
        """Whether a sentence holds a figure (a sentence that counts is not a frame to inherit)."""
        return any(lo <= f.start < hi for f in self.figures)

    def dated(self, lo: int, hi: int) -> bool:
        """A cheap first test for a period: a year in the sentence."""
        return _YEAR.search(self.low, lo, hi) is not None

    def sentence_at(self, pos: int) -> int:
        for i, (s, e, _) in enumerate(self.sentences):
            if s <= pos < e:
                return i
        return -1

    def claim(self, figure: Figure) -> Claim | None:
        index = self.sentence_at(figure.start)
        if index < 0:
            return None
        sentence = self.sentences[index]
        lo, hi, paragraph = sentence
        reading = read_figure(self.low, figure.start, figure.end, lo, hi)
        if reading is None:
            return None
        if part_of_the_last(self.low, figure.start, figure.end, lo, hi) and (
            whole := self._whole(figure, lo, hi)
        ):
            counted = read_figure(self.low, whole.start, whole.end, lo, hi)
            if counted is not None and counted.kind == reading.kind:
                event = counted.event
                if event == "killing" and died_under_torture(self.low, figure.end, hi):
                    event = "death_in_custody"  # "4,000 died, 600 of them under torture"
                # quoted from what happened to the whole to the part's own counted noun
                noun = counted_noun(self.low, figure.start, figure.end, hi)
                reading = Reading(reading.kind, event, (*counted.spans, *([noun] if noun else [])))
        period = self._period(index, reading, figure.start)
        own_clause = clause(self.low, figure.start, figure.end, lo, hi)
        actor = find_actor(self.low, lo, hi, figure.start, own_clause)
        place = find_place(self.low, self.names, lo, hi, figure.start) or self._the_facility(lo, hi)
        windows = _source_windows(self.low, sentence, self.paragraphs[paragraph], figure.start)
        phrases = source_phrases(self.low, windows, figure.start)
        source = find_source(self.low, phrases, self.names)
        source = source or table_source(self.low, figure.start, lo, self.names)
        source = source or report_subject(self.low, lo, self.names)
        if source is None and (words := generic_source(self.low, phrases)):
            source = self.surface(*words)  # "activists", "مصادر محلية", as written
        spans = [(figure.start, figure.end), *reading.spans]
        if place and abs(place.start - figure.start) < _QUOTE_REACH:
            spans.append((place.start, place.end))
        if lo <= period[2] and period[3] <= hi and abs(period[2] - figure.start) < _QUOTE_REACH:
            spans.append((period[2], period[3]))
        start = self.original(min(s for s, _ in spans))
        end = self.original(max(e for _, e in spans))
        return Claim(
            event=reading.event,
            low=figure.low,
            high=figure.high,
            best=figure.best,
            qualifier=figure.qualifier,
            place=place.name if place else None,
            period_start=period[0],
            period_end=period[1],
            actor=self.surface(*actor) if actor else None,
            attributed_to=source,
            quote=self.text[start:end],
            start=start,
            end=end,
            kind=reading.kind,
        )

    def _last_figure(self, figure: Figure, lo: int) -> Figure | None:
        """The figure before this one in its sentence, if any."""
        earlier = [f for f in self.figures if lo <= f.start and f.end <= figure.start]
        return earlier[-1] if earlier else None

    def _whole(self, figure: Figure, lo: int, hi: int) -> Figure | None:
        """The figure a part counts part of: the one before it, or, when that one is a part
        itself, its whole ("96 مدنياً، بينهم 18 طفلاً و7 سيدات": the 7 women are of the 96
        killed, like the 18 children, whatever the sentence counts after them)."""
        whole = self._last_figure(figure, lo)
        while whole is not None and part_of_the_last(self.low, whole.start, whole.end, lo, hi):
            above = self._last_figure(whole, lo)
            if above is None:
                break
            whole = above
        return whole

    def _the_facility(self, lo: int, hi: int) -> Name | None:
        """The facility an earlier sentence named, when this one says "the prison" ("the
        London-based organisation estimated that 5,000 were executed at the prison")."""
        if not _THE_FACILITY.search(self.low, lo, hi):
            return None
        earlier = [n for n in self.names if n.kind == "facility" and n.end <= lo]
        return earlier[-1] if earlier else None

    def _period(
        self, index: int, reading: Reading, near: int
    ) -> tuple[str | None, str | None, int, int]:
        """The period in the sentence, else the previous sentence of the paragraph, else the
        last earlier sentence that dates the same kind of event."""
        lo, hi, paragraph = self.sentences[index]
        # a semicolon closes what a date says: in "12 men arrested on 5 May 2012; seven of
        # them were later released" the date is not the release's
        before = max(self.low.rfind(mark, lo, near) for mark in _PART_MARKS)
        after = [at for mark in _PART_MARKS if (at := self.low.find(mark, near, hi)) >= 0]
        found = find_period(
            self.low, before + 1 if before >= 0 else lo, min(after, default=hi), near
        )
        if found[0] or found[1] or reading.kind != "victims":
            return found
        month = month_of_an_earlier_year(self.low, lo, hi)
        if month[0]:
            return month
        row_year = _ROW_YEAR.match(self.low, lo, hi)
        if row_year and row_year.end() <= near:
            # a table row that opens with its year: "2013 | 4,012 | 61"
            return (row_year.group(1), row_year.group(1), row_year.start(1), row_year.end(1))
        if index > 0 and self.sentences[index - 1][2] == paragraph:
            plo, phi, _ = self.sentences[index - 1]
            found = find_period(self.low, plo, phi, phi)
            if found[0] or found[1]:
                return found
        cue = EVENT_CUES.get(reading.event)
        for plo, phi, _ in reversed(self.sentences[:index]) if cue else ():
            if self.counted(plo, phi) or not self.dated(plo, phi):
                continue
            if cue is not None and any(
                m.group(0) not in _PEOPLE for m in cue.finditer(self.low, plo, phi)
            ):
                found = find_period(self.low, plo, phi, phi)
                if found[0] or found[1]:
                    return found
        return (None, None, -1, -1)


def find_claims(doc: Document) -> Document:
    """Fill `doc.claims` with the document's quantitative claims, in text order."""
    if not doc.text:
        doc.claims = []
        return doc
    reader = _Reader(doc)
    claims = [reader.claim(f) for f in reader.figures]
    doc.claims = [c for c in claims if c is not None]
    return doc


# v20: the wounded are no killing ("injuring 15 others"), gas or a report released and a town
# freed of militants are no release, figures of things ("three buildings") no claim
# v21: "117 سيدة" counts women; "قضى 15 معتقلاً بسبب التعذيب" is a death in custody
# v22: an unknown fate ("مصير", "the fate of") is a disappearance, "خرج ... من سجن" a release
# v23: attribution: the speaker before an apposition ("X, a Britain-based monitor, said"); a
# name that modifies ("anti-ISIS", "held by IS") or ends a place phrase is no speaker
# v24: the US-led coalition, Russian and Turkish air strikes are actors; a foreign power named
# as the attacker ("US-led", "US airstrikes") is not the claim's place
# v25: the displaced are no killing ("400000 killed and millions displaced"); a sentence
# ends after a day of the month ("on April 4. The United States ...")
# v26: in a headline without commas the figure after "killed" with no counted noun is the
# injured's ("3 Civilians Killed 15 Injured")
STEP = Step("analysis.claims", "v70", find_claims)

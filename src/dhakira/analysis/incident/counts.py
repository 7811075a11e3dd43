"""How many were killed, and who they were: civilians, non-civilians, children, women.

A count is a figure (digits or a number word up to the thousands) followed within a few words by
the kind of people it counts, in a sentence that speaks of death ("killed", "dead", "died",
"death toll"...). The documenters' convention (FA-KES) decides the rest: "people" killed count
as civilians; fighters, soldiers, militants, rebels, jihadists and "terrorists" are
non-civilians; children and women are also part of the civilian figure; vague amounts
("dozens", "scores") give no count. The first figure of each kind in the report's opening
(title and lead) is the incident's, since news reports state the main toll first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, pairwise

_UNITS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
}  # fmt: skip
_WORD_NUMBER = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|a dozen"
)
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_WORD_NUMBER})(?:\s+(?:hundred|thousand))?"

KINDS: dict[str, str] = {
    "children": r"children|schoolchildren|child|kids|babies|infants|minors|boys|girls|"
    r"toddlers|kid|boy|girl|baby|infant|toddler",
    "women": r"women|woman|mothers|mother|wives|wife",
    "people": r"people|persons|person|individuals|men|martyrs|syrians|assyrians|christians|"
    r"alawites|palestinians|lebanese|iraqis",
    "civilians": r"civilians|residents|villagers|worshippers|students|"
    r"pupils|patients|medics|doctors|nurses|passengers|evacuees|refugees|displaced|"
    r"family members|members of (?:a|one|the same) family|journalists|"
    r"workers|shoppers|mourners|farmers|civilian|staff|tribesmen|members of medical staff|"
    r"members of a tribe|members of the tribe|activists|citizens|protesters|demonstrators|"
    r"detainees|prisoners|hostages|captives|abductees|volunteers|aid workers|rescuers|"
    r"teachers|civil defen[cs]e (?:workers|members|volunteers)",
    "noncivilians": r"fighters|soldiers|militants|rebels|jihadists|terrorists|troops|"
    r"gunmen|militiamen|servicemen|personnel|officers|combatants|extremists|insurgents|"
    r"mercenaries|guards|recruits|members|loyalists|policemen|jihadis|commanders|"
    r"fighter|soldier|militant|rebel|jihadist|terrorist|officer|(?-i:forces)|attackers|assailants|"
    r"pilots|crewmen|paratroopers|snipers",
}
_KIND_OF = {
    name: kind
    for kind, alternation in KINDS.items()
    for name in re.sub(r"\(\?-i:(\w+)\)", r"\1", alternation).split("|")
}
# Words that may stand between a figure and its noun ("14 pro-government fighters", "5 members"),
# but never a preposition or verb that would join two separate phrases.
_FILLER = (
    r"(?:(?!(?:in|on|at|by|of(?!\s+(?:them|its|their|whom|his|her)\b)|to|into|from|after|as|when|and|or|the|others|were|was|are|(?-i:is)|have|has|had|"
    r"killed|kills|killing|died|dead|wounded|injured|say|said|says|including|among|"
    r"jan\w*|feb\w*|march|apr\w*|may|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|"
    rf"{_WORD_NUMBER})\b)(?!\d)[\w'-]+\s+){{0,3}}?"
)
_YEAR_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE
)
# "three terrorist attacks", "rebel positions": the word names what follows, not people.
_NOT_A_NOUN = (
    r"(?!\s+(?:attacks?|groups?|organi[sz]ations?|bomb\w*|blasts?|shell\w*|rockets?|"
    r"positions?|targets?|strongholds?|hideouts?|vehicles?|bases?|camps?|checkpoints?|"
    r"factions?|offensive|convoy|explosive|device|suicide|car|cells?|commanders?|leaders?|"
    r"sources?|spokesm[ae]n|fire|mortars?|assaults?|advances?|territory|areas?|districts?|"
    r"neighbou?rhoods?|forces|brigades?|units?|movements?|alliance|ambush|counter\w*|"
    r"jets?|planes?|aircraft|helicopters?)\b)"
)
_COUNT = re.compile(
    rf"(?<![\w,.])(?P<n>{NUMBER})\s+{_FILLER}(?P<kind>{'|'.join(KINDS.values())})(?![\w-]){_NOT_A_NOUN}",
    re.IGNORECASE,
)
DEATH_WORDS = re.compile(
    r"\b(?:kill|killed|killing|kills|dead|died|die|dies|death|deaths|toll|lives|lost|"
    r"massacre|massacred|slain|executed|executes|beheaded|perished|martyred|martyrs|bodies|"
    r"life|victims|claimed|left|eliminated|eliminates|eliminating|neutralized|neutralised|"
    r"beheading|beheadings|execution|executions|executing|crucified|murder|murdered|"
    r"killings)\b",
    re.IGNORECASE,
)
# "109 evacuees, 13 of whom were women": the verb is blanked so the figure reaches its noun.
_OF_WHOM_WERE = re.compile(
    r"(\bof (?:whom|them)\s+)((?:were|was|are)\b)|"
    r"()(\bof (?:the dead|the victims|those killed)\s+(?:were|was|are)\b)",
    re.IGNORECASE,
)


def _blank_verb(m: re.Match[str]) -> str:
    """ "13 of whom were women" → "13 of whom      women"; "14 of the dead were rebels" →
    "14                  rebels": the figure then reaches its noun, at the same offsets."""
    if m.group(1) is not None:
        return m.group(1) + " " * len(m.group(2))
    return " " * len(m.group(4))


# A short aside in brackets ("35 Daesh (outlawed in Russia) militants") is read as blanks.
_ASIDE = re.compile(r"\([^()]{0,60}\)")
# What follows a figure of people who survived: "12 others including women were wounded".
_NOT_DEATH = re.compile(
    r"^\s*(?:,?\s*(?:including|among them|mostly|most of them)\s+(?:[\w'-]+\s+){1,4}?)?"
    r"(?:who\s+|that\s+)?(?:were\s+|was\s+|got\s+|have been\s+|has been\s+|had been\s+)?"
    r"(?:wounded|injured|hurt|arrested|detained|suffered|suffering|sustained|"
    r"displaced|evacuated|rescued|freed|released|kidnapped|abducted|affected|treated|"
    r"(?:killed|dead|martyred)\s*(?:and\s+|or\s+|,\s*|&\s*)?(?:injured|wounded))\b",
    re.IGNORECASE,
)
_WOUNDED_BEFORE = re.compile(
    r"\b(?:wound\w*|injur\w*|hurt|arrest\w*|detain\w*|captur\w*|kidnap\w*|abduct\w*|"
    r"displac\w*|evacuat\w*|rescu\w*|free\w*|releas\w*|harm\s+on(?:\s+an)?(?:\s+additional)?|"
    r"affect\w*|treat\w*)\s+(?:at least\s+|more than\s+|"
    r"about\s+|some\s+|nearly\s+|over\s+|around\s+|another\s+)?$",
    re.IGNORECASE,
)
_ONE = re.compile(
    r"\b(?P<n>an?|one|her|his|their)\s+(?:pregnant\s+|young\s+|little\s+|elderly\s+|old\s+)?"
    r"(?P<kind>woman|mother|wife|child|civilian|man|boy|girl|baby|soldier|fighter|rebel|"
    rf"militant|officer|jihadist|terrorist|kid)(?![\w-]){_NOT_A_NOUN}",
    re.IGNORECASE,
)
_BARE = re.compile(
    rf"\b(?:kills?|killed|killing|killing\s+of|deaths?\s+of|beheading\s+of|execution\s+of|"
    rf"toll\s+(?:\w+\s+){{0,4}}?(?:to|at|of|reached|was|is|stood\s+at)|rises\s+to|"
    rf"rose\s+to|risen\s+to)\s+(?:at\s+least\s+|more\s+than\s+|nearly\s+|some\s+|about\s+)?"
    rf"(?P<n>{NUMBER})(?![\w,])(?!\s+(?:\w+\s+){{0,3}}?(?:{'|'.join(KINDS['noncivilians'].split('|'))}))"
    rf"|(?<![\w,.])(?P<n2>{NUMBER})\s+(?:dead|killed)\b",
    re.IGNORECASE,
)
# A sentence ends at ".", "!" or "?" unless the full stop closes an initial or abbreviation
# ("U.S.-led", "U.N.", "Gen.") or sits inside a figure ("1.5").
_END = re.compile(r"[.!?]+")
_NOT_AN_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Gen|Col|Lt|Maj|Capt|Dr|Mr|Mrs|Ms|St|Sgt|Brig|No|Jan|Feb|Aug|Sept?|Oct|"
    r"Nov|Dec))$"
)


@dataclass(frozen=True)
class Counts:
    civilians: int = 0
    noncivilians: int = 0
    children: int = 0
    women: int = 0


def number_value(text: str) -> int | None:
    """The value of a figure such as "1,200", "seven", "twenty-one" or "two hundred" (and
    of "her" in "a mother and her child": one)."""
    words = text.lower().replace("-", " ").split()
    if words in (["her"], ["his"], ["their"]):
        return 1
    scale = 1
    if words and words[-1] in ("hundred", "thousand"):
        scale = 100 if words.pop() == "hundred" else 1000
    joined = " ".join(words).replace(",", "")
    if joined.isdigit():
        return int(joined) * scale
    if joined in _UNITS:
        return _UNITS[joined] * scale
    parts = [_UNITS.get(w) for w in words]
    if parts and all(p is not None for p in parts):
        return sum(p for p in parts if p is not None) * scale
    return None


def _kind(noun: str) -> str:
    noun = noun.lower()
    return _KIND_OF.get(noun, "people")


# Page residue around a web article: "Views 1430", "Get short URL 0 87", "Print Tweet".
_PAGE_COUNTER = re.compile(r"\b(?:views|url|shares|comments|likes|tweet)\s+(?:\d+\s+)*$", re.I)


def _is_date_part(sentence: str, m: re.Match[str]) -> bool:
    """Whether a figure is a year, a day of a date or a page counter rather than a toll."""
    figure = m.group("n")
    if len(figure) == 4 and figure.isdigit() and 1900 <= int(figure) <= 2100:
        return True
    before = sentence[max(0, m.start() - 30) : m.start()]
    return bool(_YEAR_BEFORE.search(before[-12:]) or _PAGE_COUNTER.search(before))


def sentences(text: str) -> list[tuple[int, str]]:
    """(start, sentence) pieces of a text, split at sentence-ending punctuation."""
    return list(_sentences(text))


@lru_cache(maxsize=64)
def _sentences(text: str) -> tuple[tuple[int, str], ...]:
    # cached: the step reads the same opening several times (lead, places, breakdown)
    pieces: list[tuple[int, str]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group(0) == "." and (
            _NOT_AN_END.search(text[max(0, m.start() - 5) : m.start()])
            or text[end : end + 1].isdigit()
        ):
            continue
        if text[start:end].strip():
            pieces.append((start, text[start:end]))
        start = end
    if text[start:].strip():
        pieces.append((start, text[start:]))
    return tuple(pieces)


# "23 people, most of them from the Ahrar al-Sham militant group": a toll of fighters.
_MOSTLY_FIGHTERS = re.compile(
    rf"^,?\s+(?:most|mostly|many|the majority)\s+(?:of\s+them\s+)?(?:[\w'-]+\s+){{0,5}}?"
    rf"(?:{KINDS['noncivilians']}|group|faction|brigade)\b",
    re.IGNORECASE,
)


def figures(sentence: str) -> list[tuple[str, int, int]]:
    """(kind, value, position) of each figure about the dead in one sentence."""
    return list(_figures(sentence))


@lru_cache(maxsize=512)
def _figures(sentence: str) -> tuple[tuple[str, int, int], ...]:
    # cached: a sentence is read for the counts, the breakdown and the place of the toll
    if not DEATH_WORDS.search(sentence):
        return ()
    sentence = _ASIDE.sub(lambda m: " " * len(m.group(0)), sentence)
    sentence = _OF_WHOM_WERE.sub(_blank_verb, sentence)
    found: list[tuple[str, int, int]] = []
    for m in [*_COUNT.finditer(sentence), *_ONE.finditer(sentence)]:
        value = number_value(m.group("n"))
        if value is None or value > 5000 or _is_date_part(sentence, m):
            continue
        if _NOT_DEATH.match(sentence[m.end() : m.end() + 70]):
            continue
        if _WOUNDED_BEFORE.search(sentence[max(0, m.start() - 30) : m.start()]):
            continue
        kind = _kind(m.group("kind"))
        if kind == "people" and _MOSTLY_FIGHTERS.match(sentence[m.end() : m.end() + 70]):
            kind = "noncivilians"
        found.append((kind, value, m.start()))
    if not any(kind == "civilians" for kind, _, _ in found):
        for m in _BARE.finditer(sentence):
            figure = m.group("n") or m.group("n2")
            value = number_value(figure)
            if value is not None and value <= 5000 and not (len(figure) == 4 and figure.isdigit()):
                found.append((_shared_kind(sentence[m.end() :]), value, m.start()))
    joined = _and_others(sentence, found) + _man_and_family(sentence, found)
    return tuple(sorted(found + joined, key=lambda f: f[2]))


# "killed 28 and wounded 30 Daesh militants": both figures count the noun that ends them.
_SHARED_NOUN = re.compile(
    rf"^\s+and\s+(?:wounded|injured)\s+(?:at least\s+|some\s+)?{NUMBER}\s+{_FILLER}"
    rf"(?P<kind>{'|'.join(KINDS.values())})(?![\w-])",
    re.IGNORECASE,
)


def _shared_kind(after: str) -> str:
    """The kind of a bare toll whose noun comes after a second, wounded figure; else people."""
    m = _SHARED_NOUN.match(after)
    return _kind(m.group("kind")) if m else "people"


# "a man and his wife", "a man and two children": the man joins the women and children.
_JUST_AND = re.compile(r"^(?:[\w'-]+\s+){1,3}and\s+$", re.IGNORECASE)


def _man_and_family(sentence: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The civilian toll of people joined by "and" to the women or children after them."""
    totals = []
    for (kind, value, at), (later, count, then) in pairwise(sorted(found, key=lambda f: f[2])):
        joined = _JUST_AND.match(sentence[at:then])
        if kind == "people" and later in ("women", "children") and joined:
            totals.append(("civilians", value + count, at))
    return totals


# "killing nine children and 14 others": the others join the victims just named.
_AND_OTHERS = re.compile(
    rf"\band\s+(?:at least\s+|some\s+)?(?P<n>{NUMBER})\s+others\b", re.IGNORECASE
)
_NAMED_VICTIMS = ("people", "civilians", "children", "women")


def _and_others(sentence: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The whole civilian toll of a phrase that adds "and N others" to victims it has named."""
    totals = []
    for m in _AND_OTHERS.finditer(sentence):
        value = number_value(m.group("n"))
        if value is None or _NOT_DEATH.match(sentence[m.end() : m.end() + 70]):
            continue
        named = [
            (k, v, at) for k, v, at in found if k in _NAMED_VICTIMS and 0 < m.start() - at < 60
        ]
        if any(k != "people" for k, _, _ in named):  # "killing nine children": one figure
            named = [(k, v, at) for k, v, at in named if k != "people"]
        if named:
            total = sum(v for _, v in {(k, v) for k, v, _ in named}) + value
            totals.append(("civilians", total, named[0][2]))
    return totals


_ADULTS = ("people", "civilians")
_CIVILIAN_KINDS = {"civilians", "children", "women"}
_PARTS = ("children", "women")


# "20 people including 13 civilians": the named part of a total leaves the rest to the other side.
_PART_OF = re.compile(
    r"\b(?:including|among them|among whom|of whom|of them)\s+(?:at least\s+|some\s+)?$",
    re.IGNORECASE,
)


# A later sentence breaking down the same toll: "20 women were among the dead".
BREAKDOWN = re.compile(
    r"\b(?:among the dead|among those killed|among the victims|the dead included|"
    r"those killed included|of whom were|among the fatalities|of the dead|of those killed|"
    r"of the victims)\b",
    re.IGNORECASE,
)
_AMONG = re.compile(r"\b(?:were|was) among\s+(?:at least\s+|some\s+|more than\s+)?$", re.IGNORECASE)
_EXPLICIT = ("civilians", "noncivilians")


def split_total(sentence: str, found: list[tuple[str, int, int]]) -> dict[str, int]:
    """Counts a sentence implies for the other side of a total ("15 people died including
    five policemen": ten civilians; "six civilians were among 22 people killed": 16 others),
    or nothing."""
    for first, second in combinations(found, 2):
        total, part = (first, second) if first[0] == "people" else (second, first)
        if total[0] != "people" or part[0] not in _EXPLICIT or part[1] >= total[1]:
            continue
        if part is second:
            linked = _PART_OF.search(sentence[max(0, part[2] - 30) : part[2]])
        else:
            linked = _AMONG.search(sentence[part[2] : total[2]])
        if linked:
            other = "noncivilians" if part[0] == "civilians" else "civilians"
            return {other: total[1] - part[1]}
    return {}


def count_victims(lead: str) -> Counts:
    """The incident's counts from the opening of a report (title plus first sentences).

    A toll of "people" (or a bare "kills 18") counts as civilians unless the same sentence
    names civilians itself ("30 people including 24 civilians") or the opening names fighters
    anywhere: "kills 18 ... 17 militants and a child" is a toll of fighters and one child.
    """
    found_by_sentence = [
        (sentence, found, split_total(sentence, found))
        for _, sentence in sentences(lead)
        if (found := figures(sentence))
    ]
    fighters_named = any(
        kind == "noncivilians" or "noncivilians" in split
        for _, found, split in found_by_sentence
        for kind, *_ in found
    )
    first: dict[str, int] = {}
    for index, (sentence, found, split) in enumerate(found_by_sentence):
        civilians_named = any(kind == "civilians" for kind, *_ in found)
        for kind, value, _pos in found:
            if kind == "people":
                if fighters_named or civilians_named:
                    continue
                kind = "civilians"
            if index and kind in ("children", "women") and first.keys() & _CIVILIAN_KINDS:
                adults = [v for k, v, _ in found if k in _ADULTS]
                # a text scraped twice over repeats its victims: each is counted once
                parts = sum(v for _, v in {(k, v) for k, v, _ in found if k in _PARTS})
                # the same toll again, or its victims one by one ("One killed. A woman was...")
                same_toll = first.get("civilians") in [*adults, parts]
                if not same_toll and not BREAKDOWN.search(sentence):
                    continue  # a later sentence's children belong to another toll
            first.setdefault(kind, value)
        for kind, value in split.items():
            first.setdefault(kind, value)
    civilians = first.get("civilians", 0)
    children, women = first.get("children", 0), first.get("women", 0)
    civilians = max(civilians, children + women)
    return Counts(civilians, first.get("noncivilians", 0), children, women)

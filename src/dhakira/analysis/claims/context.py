"""The circumstances of a claim read from its sentence: period, actor, place and source.

Each reader gets the folded, lower-cased text (for matching) and the original text (for names),
plus the sentence bounds; they return plain values and, where useful, the span they used so
the quote can cover it.
"""

from __future__ import annotations

import re
from datetime import date

from dhakira.analysis.claims import arabic, english
from dhakira.analysis.claims.names import Name, full_name

_MONTHS = {**english.MONTHS, **arabic.MONTHS}
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_YEAR = r"((?:19|20)\d\d)(?!s\b)"  # "the 1970s" is a decade, not a year
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")
_AR_YEAR = rf"(?:عامي |عام |العامين )?{_YEAR}"
_MON = rf"(?:({_MONTH}) )?(?:عام )?{_YEAR}"
_PERIODS: list[tuple[str, re.Pattern[str]]] = [
    # two days: "between 1 March 2011 and 31 March 2021", "بين 1 آذار 2011 و31 آذار 2021"
    ("days", re.compile(
        rf"(?:between|from|بين|من) (\d{{1,2}}) ({_MONTH}),? (?:عام )?{_YEAR} "
        rf"(?:and|to|until|و|الي|حتي) ?(\d{{1,2}}) ({_MONTH}),? (?:عام )?{_YEAR}(?!\d)"
    )),
    ("range", re.compile(rf"(?:between|from) (?:the years )?{_YEAR} (?:and|to|until) {_YEAR}")),
    ("range", re.compile(rf"(?<!\d){_YEAR}\s*[-–—]\s*{_YEAR}(?!\d)")),
    ("months", re.compile(rf"({_MONTH}) {_YEAR}\s*[-–—]\s*({_MONTH}) {_YEAR}(?!\d)")),
    ("months", re.compile(
        rf"(?:between|from|بين|من) ({_MONTH}) (?:عام )?{_YEAR} (?:and|to|until|و|الي|حتي) "
        rf"(?:شهر )?({_MONTH}) (?:عام )?{_YEAR}(?!\d)"
    )),
    # two months of one year: "from January to March 2014", "من كانون الثاني حتى آذار 2014"
    ("months-of", re.compile(
        rf"(?:between|from|بين|من) (?:شهر )?({_MONTH}) (?:and|to|until|و|الي|حتي) (?:شهر )?"
        rf"({_MONTH}) (?:عام )?{_YEAR}(?!\d)"
    )),
    ("range", re.compile(rf"(?:بين|من) {_AR_YEAR}\s*(?:و|الي|حتي)\s*(?:عام )?{_YEAR}")),
    # a war or crackdown that "began in 2011" goes on: its toll is counted since then
    ("since", re.compile(
        rf"(?<![a-z])(?:since|منذ|(?:began|started|erupted|broke out) in"
        rf"|منذ (?:اندلاع|بدء|بدايه|انطلاق) (?:\w+ ){{0,3}}?(?:في|عام)"
        rf"|(?:اندلعت|بدات|انطلقت) (?:في|عام)) "
        rf"(?:(?:the )?(?:start|beginning|outbreak) of (?:the )?(?:[a-z'’-]+ ){{0,3}}?in |"
        rf"(?:the )?(?:start|beginning) of |early |mid-?)?{_MON}"
    )),
    ("until", re.compile(
        rf"(?<![a-z])(?:until|till|by the end of|by|حتي) (?:({_MONTH}) )?(?:عام )?{_YEAR}(?!\d)"
    )),
    # a day: "on 3 June 2015", "on June 3, 2015", "في 3 حزيران 2015", "يوم 3 حزيران 2015"
    ("day", re.compile(
        rf"(?<![a-z])(?:on|في|يوم) (?:[a-z]+day,? )?(\d{{1,2}}) ({_MONTH}),? {_YEAR}(?!\d)"
    )),
    ("month-day", re.compile(
        rf"(?<![a-z])on (?:[a-z]+day,? )?({_MONTH}) (\d{{1,2}}),? {_YEAR}(?!\d)"
    )),
    ("in", re.compile(
        rf"(?<![a-z])(?:in|during|throughout|في|خلال) (?:the |شهر )?(?:(?:first|second) half of |"
        rf"(?:early|mid|late) |the (?:first|second|third|fourth|last) quarter of )?(?:year )?{_MON}"
        r"(?!\d|/|,\s?\d{1,2}\b(?![,.]\d))"
    )),
]  # fmt: skip


def _month(year: str, month: str | None) -> str:
    return f"{year}-{_MONTHS[month]:02d}" if month else year


def _day(year: str, month: str, day: str) -> str | None:
    """ISO date of a day, or its month when the day cannot be in it ("31 June")."""
    try:
        return date(int(year), _MONTHS[month], int(day)).isoformat()
    except ValueError:
        return _month(year, month)


# a date right after these tells when something was published or said, not when it happened
# ("posted on April 19 2017", "said on 1 March 2017 that at least 5,000 ...")
_PUBLISHED = re.compile(
    r"(?:published|posted|updated|issued|dated|publication|said|says|announced|"
    r"reported|stated|wrote|added|noted|نشر\w*|صدر\w*|الصادر|قال\w*|اعلن\w*|ذكر\w*|افاد\w*|"
    r"صرح\w*)\s*$"
)


def find_period(low: str, lo: int, hi: int, near: int) -> tuple[str | None, str | None, int, int]:
    """The period stated in `low[lo:hi]` nearest to position `near`: (start, end, span). A
    date something was published on ("a report published in August 2016") is not a period."""
    found: list[tuple[str | None, str | None, int, int]] = []
    if not _ANY_YEAR.search(low, lo, hi):
        return (None, None, -1, -1)
    for shape, pattern in _PERIODS:
        for m in pattern.finditer(low, lo, hi):
            dated = shape in ("in", "day", "month-day")
            if dated and _PUBLISHED.search(low, max(lo, m.start() - 14), m.start()):
                continue
            groups = m.groups()
            value: tuple[str | None, str | None]
            if shape == "days":
                value = (
                    _day(groups[2], groups[1], groups[0]),
                    _day(groups[5], groups[4], groups[3]),
                )
            elif shape in ("day", "month-day"):
                day, month = groups[:2] if shape == "day" else groups[1::-1]
                value = (_day(groups[2], month, day),) * 2
            elif shape == "range":
                value = (groups[0], groups[1])
            elif shape == "months":  # "March 2011 – December 2015", as tables give them
                value = (_month(groups[1], groups[0]), _month(groups[3], groups[2]))
            elif shape == "months-of":
                value = (_month(groups[2], groups[0]), _month(groups[2], groups[1]))
            elif shape == "since":
                value = (_month(groups[1], groups[0]), None)
            elif shape == "until":
                value = (None, _month(groups[1], groups[0]))
            else:
                value = (_month(groups[1], groups[0]),) * 2
            found.append((*value, m.start(), m.end()))
    # a period inside a longer one is part of it: "began in early 2011" is not "in early 2011"
    whole = [
        p
        for p in found
        if not any(o is not p and o[2] <= p[2] and p[3] <= o[3] and o[3] - o[2] > p[3] - p[2]
                   for o in found)
    ]  # fmt: skip
    return min(whole, key=lambda p: abs(p[2] - near), default=(None, None, -1, -1))


_FULL_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS if len(m) > 3 or m == "may"),
                              key=len, reverse=True))  # fmt: skip
# a month named without its year: "during March", "خلال شهر آذار"
_BARE_MONTH = re.compile(
    rf"(?<!\w)(?:in|during|throughout|over|خلال|في|طوال|منذ مطلع|مطلع|بدايه|نهايه)\s+"
    rf"(?:the month of |(?:ال)?شهر )?({_FULL_MONTH})(?!\w)(?!\s*,?\s*(?:عام\s*)?\d)"
    # "in August last year", "آذار الماضي": a year counted from a date the text may not give
    r"(?!\s+(?:of\s+)?(?:last|the previous|the following|next)\s+year"
    r"|\s+(?:من\s+)?(?:العام\s+|السنه\s+)?(?:الماضي|الفائت|السابق|المقبل|القادم))"
)
_MONTH_YEAR = re.compile(rf"(?<!\w)({_MONTH})\s*,?\s*(?:عام\s*)?{_YEAR}")


def month_of_an_earlier_year(low: str, lo: int, hi: int) -> tuple[str | None, str | None, int, int]:
    """A month named without a year in `low[lo:hi]` ("خلال شهر آذار"), dated by the same
    month named with its year earlier in the text (a monthly report's headline: "في شهر آذار
    2024"); nothing when the text never gives that month a year."""
    bare = _BARE_MONTH.search(low, lo, hi)
    if bare is None:
        return (None, None, -1, -1)
    number = _MONTHS[bare.group(1)]
    years = [m.group(2) for m in _MONTH_YEAR.finditer(low, 0, lo) if _MONTHS[m.group(1)] == number]
    if not years:
        return (None, None, -1, -1)
    month = f"{years[-1]}-{number:02d}"
    return (month, month, bare.start(1), bare.end(1))


_EN_ACTORS = (
    r"(?:the )?assad regime", r"assad[’']s (?:regime|forces)",
    r"(?:the )?syrian (?:regime|government|army)",
    r"(?:pro-)?government forces", r"regime forces", r"(?:the )?regime", r"isis", r"isil",
    r"(?:the )?islamic state", r"hayat tahrir al-sham", r"hts", r"(?:al-)?nusra front",
    r"russian (?:forces|troops|warplanes|jets|aircraft|air ?strikes)", r"syrian democratic forces",
    r"sdf", r"(?:armed )?opposition groups",
    r"(?:the )?(?:us|u\.s\.|american)-led (?:international )?coalition",
    r"(?:the )?international coalition", r"us (?:air ?strikes|forces|troops|warplanes)",
    r"turkish (?:forces|troops|army|warplanes|jets|air ?strikes)",
)  # fmt: skip
_ACTOR_NAMES = "|".join(_EN_ACTORS + arabic.ACTORS)
# "by X", or an Arabic name with the preposition "لـ" glued ("هجوم لتنظيم الدولة": an attack
# by the Islamic State)
_ACTOR = re.compile(
    rf"(?<!\w)(?:by |at the hands of |علي يد |من قبل |ل(?=\w))?({_ACTOR_NAMES})(?!\w)"
)
# the victims' own side right after the counted people: "17 عنصراً من قوات النظام", "17
# members of the regime forces" were killed, not killers
_MEMBERS_OF = re.compile(
    r"(?<!\w)(?:members?|fighters?|soldiers?|personnel|elements?|عنصرا?|عناصر|مقاتلا?|مقاتلين|"
    r"جنديا?|جنود)\s+(?:من|of(?: the)?)\s+$"
)


def find_actor(
    low: str, lo: int, hi: int, near: int, clause: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The span of the perpetrator named in the sentence `lo`..`hi`: one in the figure's own
    `clause` first (in "قوات النظام قتلت 42 مدنياً، فيما قتلت قسد 7" the 42 are the
    government's), then "by X" before others, then the nearest."""
    found = [
        m
        for m in _ACTOR.finditer(low, lo, hi)
        if not _MEMBERS_OF.search(low, max(lo, m.start() - 24), m.start())
    ]
    if clause is not None:
        found = [m for m in found if clause[0] <= m.start() and m.end() <= clause[1]] or found
    if not found:
        return None
    by = [m for m in found if m.group(0) != m.group(1)]
    m = min(by or found, key=lambda x: abs(x.start() - near))
    start = m.start(1) + (4 if low.startswith("the ", m.start(1)) else 0)
    return start, m.end(1)


# a foreign power named as the attacker, not the place: "US-led coalition warplanes", "a
# suspected US airstrike", "the US military" (a Syrian place before "strikes" is where they
# hit: "the Idlib strikes")
_FOREIGN_FORCES = frozenset(
    {"United States", "Russia", "Turkey", "Israel", "Iran", "United Kingdom", "France"}
)
_ATTACKER = re.compile(
    r"(?:-led|-backed|\s+(?:air ?strikes?|strikes?|raids?|attacks?|bombing|shelling|missiles?|"
    r"military|forces|troops|warplanes?|jets?|aircraft|army|army's|navy|drones?|air ?forces?|"
    r"artillery|helicopters?|intelligence|officials?|government|authorities|media|envoy|"
    r"said|says|reported|announced|claimed|accused))\b"
)
# a foreign power as the doer ("airstrikes launched by Russia", "110 injured by Turkey"), and
# the formula of Russian media for a banned group ("Daesh (outlawed in Russia)")
_BY_POWER = re.compile(r"(?<!\w)by\s+(?:the\s+)?$")
_OUTLAWED_IN = re.compile(r"(?:outlawed|banned|prohibited|terrorist) in\s+$")


# a dateline: the city a report is filed from, at the start of its first paragraph ("GENEVA
# —", "BEIRUT, 12 March (Reuters) -"), not where anything happened
_DATELINE_AFTER = re.compile(r"[^\n.]{0,40}?\s[—–-]\s")
_LINE_START = re.compile(r"(?:^|\n)\s*$")


def _dateline(low: str, name: Name) -> bool:
    return bool(
        _LINE_START.search(low, max(0, name.start - 4), name.start)
        and _DATELINE_AFTER.match(low, name.end)
    )


def _foreign_power_acts(low: str, name: Name) -> bool:
    """True where a foreign power is named as who attacked, spoke or banned, not where."""
    before = low[max(0, name.start - 24) : name.start]
    return bool(
        _ATTACKER.match(low, name.end) or _BY_POWER.search(before) or _OUTLAWED_IN.search(before)
    )


def find_place(low: str, names: list[Name], lo: int, hi: int, near: int) -> Name | None:
    """The facility (else place) named in the sentence nearest to `near`; not where an
    organisation is based ("the London-based organisation")."""
    inside = [
        n
        for n in names
        if lo <= n.start and n.end <= hi and n.kind in ("facility", "place")
        if not low.startswith("-based", n.end)
        if not (n.name in _FOREIGN_FORCES and _foreign_power_acts(low, n))
        if not _dateline(low, n)
    ]
    facilities = [n for n in inside if n.kind == "facility"]
    pool = facilities or inside
    return min(pool, key=lambda n: abs(n.start - near)) if pool else None


_SAY = "|".join(sorted(english.SAY_VERBS, key=len, reverse=True))
_EN_SAID = re.compile(rf"(?<!\w)(?:{_SAY})(?!\w)")
_EN_ACCORDING = re.compile(r"according to (?:a |an |the )?([^,.;:“”\"]{2,90})")
_AR_SAID = re.compile(rf"(?<!\w)[و]?(?:{'|'.join(arabic.SAY_VERBS)})(?!\w)")
# "claimed" an attack is taking responsibility for it, not reporting a figure
_CLAIMED_AN_ACT = re.compile(
    r"\s+(?:responsibility|(?:a|an|the|its|their) (?:[\w-]+ ){0,2}?(?:attack|bombing|blast|"
    r"operation|strike|assassination|ambush|raid|killing)s?\b"
    # ... unless what the act did follows: "claimed the coalition strike killed 23"
    r"(?!\s+(?:killed|left|wounded|injured|had|has|was|were)\b))"
)
# a headline that opens with who says it, then a colon: a name of at most six words, no
# figure ("Islamic State killed 270 in battle: monitor" names the monitor after it)
_HEADLINE_SOURCE = re.compile(r"\s*((?:[^\s:.،,\d]+ ){0,5}[^\s:.،,\d]+):\s")
_INVERTED = re.compile(r"[,”\"]\s*$")
_SPEAKER_END = re.compile(r"[,.;:“”\"(]|(?<!\w)(?:that|and|on|in|after|when|who)\s")
_AR_RELATIVE = re.compile(r"(?<!\w)(?:الذي|التي|الذين)(?:\s+\S+)?\s+$")
_AR_THAT = re.compile(r"(?<!\w)(?:ان|بان|لان)(?!\w)")
_AR_ACCORDING = re.compile(
    rf"(?<!\w)[و]?(?:{'|'.join(arabic.ACCORDING_TO)})ـ?\s*([^،,.:؛“”\"]{{2,90}})"
)
_DIGIT = re.compile(r"\d")
_CLAUSE_EDGE = re.compile(r"[,;:“”\"(]|(?<!\w)(?:that|and|but|which)\s", re.IGNORECASE)
_REPORT = re.compile(
    r"\b(?:the|this|its|their) (?:report|study|statement|findings|investigation)\b"
)
# after an Arabic reporting verb: "وثّق التقرير", "أشارت الدراسة"
_AR_REPORT = re.compile(r"(?:ال)?(?:تقرير|دراسه|بيان|تحقيق)(?:ها|ه)?(?!\w)")
_GROUP_WORD = re.compile(  # "the group", "the rights group", "the london-based organisation"
    r"\b(?:the|its) (?:[\w’'-]+ )?(network|commission|coalition|committee|council|observatory|"
    r"organi[sz]ation|group|watchdog|ministry|office|mechanism|agency|court|envoy)\b"
)
_SPEAKERS = ("organization", "person")
_PRONOUN = re.compile(r"^(?:he|she|it|they)$")


def _subject_window(low: str, lo: int, verb_start: int) -> tuple[int, int]:
    """The words just before a reporting verb, back to the clause edge."""
    start = max(lo, verb_start - 90)
    edges = list(_CLAUSE_EDGE.finditer(low, start, verb_start))
    if edges:
        start = edges[-1].end()
    return start, verb_start


# a name used as a modifier is not who speaks: "an anti-ISIS activist network reported",
# "Daesh-held villages", "an ISIS-affiliated page said", "a village held by Islamic State"
_MODIFIER_BEFORE = re.compile(r"(?:(?:anti|pro)-|held by (?:the )?(?:[\w’'-]+ )?)$")
_MODIFIER_AFTER = re.compile(
    r"(?:-|\s)(?:held|affiliated|linked|led|backed|controlled|run|allied|aligned)\b"
)
# a preposition before a name in a subject window (see `_speaks`)
_OBJECT_OF = re.compile(
    r"\b(?:in|of|on|against|from|to|near|for|into)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$"
)


def _speaks(low: str, name: Name, window: tuple[int, int]) -> bool:
    """Whether a name inside a subject window can be the speaker: not a modifier, and not
    the object of a preposition with more words after it ("in the capital SANA said" is
    SANA's; in "held by the Islamic State group a monitoring group said" the group speaks)."""
    start, end = window
    if _MODIFIER_BEFORE.search(low, max(0, name.start - 30), name.start):
        return False
    if _OBJECT_OF.search(low, start, name.start) and len(low[name.end : end].split()) >= 2:
        return False
    return _MODIFIER_AFTER.match(low, name.end) is None


_APPOSITION = re.compile(
    r"\s*(?:a|an|the|its|which|who|head|director|chief|(?:co-?)?founder|spokes(?:man|woman|person)|"
    r"chair(?:man|woman)?|president|member|deputy|secretary|coordinator|researcher|lawyer)\b"
    r"[^,;:.]{0,70}$"
)


def _named_between_commas(low: str, lo: int, verb: int) -> tuple[int, int] | None:
    """The words between the two commas right before a reporting verb, when they follow a
    description of who speaks ("the network's head, Omar Nassar, told"): None otherwise."""
    comma = low.rfind(",", lo, verb)
    if comma < 0 or low[comma + 1 : verb].strip():
        return None
    opening = low.rfind(",", lo, comma)
    if opening < 0 or not 1 < comma - opening <= 40:
        return None
    return opening + 1, comma


def _before_apposition(low: str, lo: int, start: int) -> tuple[int, int]:
    """The subject before an apposition that ends right at the verb: in "the Observatory, a
    Britain-based monitor, said" the words before the first comma (empty when there is none)."""
    comma = start - 1
    if comma < lo or low[comma] != ",":
        return start, start
    opening = low.rfind(",", lo, comma)
    if opening < 0 or not _APPOSITION.fullmatch(low, opening + 1, comma):
        return start, start
    return _subject_window(low, lo, opening)


def _resolve(low: str, span: tuple[int, int], names: list[Name]) -> str | None:
    """Who the words `low[span]` name: a name inside them, else the earlier name they refer to."""
    s, e = span
    earlier = [n for n in names if n.end <= s and n.kind in ("person", "organization")]
    inside = [
        n for n in names if s <= n.start and n.end <= e + 1 and n.kind in ("person", "organization")
    ]
    phrase = low[s:e].strip()
    inside = [n for n in inside if _speaks(low, n, span)]
    if inside:
        return full_name(inside[-1].name, earlier)
    by_word = _by_last_word(phrase, earlier)
    if by_word:
        return by_word
    if _PRONOUN.match(phrase):
        wanted = "person" if phrase in ("he", "she") else "organization"
        pool = [n for n in earlier if n.kind == wanted]
        return full_name(pool[-1].name, earlier[: earlier.index(pool[-1])]) if pool else None
    group = _GROUP_WORD.search(phrase) or re.match(
        r"^(?:the )?(network|coalition|commission)$", phrase
    )
    # "the committee to protect journalists" names an organization of its own: not a way of
    # referring back to one named earlier ("the committee said")
    if group and phrase[group.end() :].strip():
        return None
    if group:
        head = group.group(1)[:7]
        pool = [n for n in earlier if n.kind in _SPEAKERS and head in n.name.lower()]
        if group.group(1) != "envoy":  # a person's office: not any organization named before
            pool = pool or [n for n in earlier if n.kind == "organization"]
        return full_name(pool[-1].name, earlier) if pool else None
    if _AR_REPORT.match(phrase):
        return _report_owner(low, names, s)
    if _REPORT.search(" " + phrase if phrase.startswith("the") else phrase) or phrase in (
        "the report",
        "report",
        "the study",
    ):
        return _report_owner(low, names, s)
    return None


def _by_last_word(phrase: str, earlier: list[Name]) -> str | None:
    """A one-word reference to an earlier name: a surname ("Maalouf said") or the first word
    of an organization ("Amnesty said")."""
    words = phrase.split()
    if not words or _PRONOUN.match(phrase) or len(words) > 3:
        return None
    word = words[-1]
    for other in reversed(earlier):
        name = other.name.lower()
        if other.kind == "organization" and name.startswith(word + " ") and len(word) > 3:
            return full_name(other.name, earlier)
        if other.kind == "person" and full_name(word.title(), [other]) != word.title():
            return full_name(other.name, earlier)
    return None


# "Amnesty's new report", "Amnesty International issued its report", "SANA reported",
# "أصدرت الشبكة ... اليوم تقريرها"
_OWNER_AFTER = re.compile(
    r"(?:’s|'s)?(?:\s+[^\s.,;]+){0,3}?\s+report|(?:\s+[^\s.،,؛]+){0,3}?\s+(?:ال)?تقرير"
)
_OWNER_BEFORE = re.compile(
    r"(?:report\b[^.]{0,70}\b(?:by|from)\s+(?:the\s+)?"
    r"|تقرير(?:\s+[^\s.،,]+){0,3}?\s+(?:صادر عن\s+|ل(?=\S)))$"  # "في تقرير جديد للشبكة"
)


def _report_owner(low: str, names: list[Name], before: int) -> str | None:
    """The organization that issued the report named before `before` ("the Amnesty report",
    "a report by X", "released by X"), else the last organization named that is no party to
    the fighting (the report of "ISIS killed three civilians. The report also documents ..."
    is not the Islamic State's)."""
    orgs = [n for n in names if n.kind == "organization" and n.end <= before]
    owners = [n for n in orgs if _owns_report(low, n)]
    pool = owners or [n for n in orgs if not _ACTOR.fullmatch(low, n.start, n.end)]
    return full_name(pool[-1].name, orgs) if pool else None


def _owns_report(low: str, name: Name) -> bool:
    before = low[max(0, name.start - 90) : name.start]
    return bool(_OWNER_AFTER.match(low, name.end) or _OWNER_BEFORE.search(before))


_REPORT_SUBJECT = re.compile(r"\s*(?:the|this|its|their) (?:report|study|investigation|findings)\b")


def table_source(low: str, at: int, lo: int, names: list[Name]) -> str | None:
    """In a table row whose first cell names an organization or a person ("Amnesty
    International | deaths in custody | 17,723"), that name: a table of figures by source."""
    line = max(lo, low.rfind("\n", 0, at) + 1)
    bar = low.find("|", line, at)
    if bar < 0:
        return None
    sayers = [n for n in names if n.kind in ("person", "organization")]
    first = [n for n in sayers if line <= n.start and n.end <= bar]
    earlier = [n for n in sayers if n.end <= line]
    return full_name(first[0].name, earlier) if first else None


def report_subject(low: str, lo: int, names: list[Name]) -> str | None:
    """The issuer of the report a sentence is about, when it opens "The report ..."."""
    return _report_owner(low, names, lo) if _REPORT_SUBJECT.match(low, lo) else None


def _sources(low: str, lo: int, hi: int) -> list[Phrase]:
    """Candidate source phrases in `low[lo:hi]`: (phrase start, phrase end, anchor position)."""
    spans: list[Phrase] = []
    headline = _HEADLINE_SOURCE.match(low, lo, hi)
    if headline:  # "Amnesty: 13,000 hanged", "الشبكة السورية لحقوق الإنسان: مقتل 96 مدنياً"
        spans.append((headline.start(1), headline.end(1), headline.end(1)))
    for m in [*_EN_ACCORDING.finditer(low, lo, hi), *_AR_ACCORDING.finditer(low, lo, hi)]:
        # the source ends before the figure where no comma closes it: "according to
        # Hezbollah more than 30 Nusra Front militants" names Hezbollah, not the Nusra Front
        figure = _DIGIT.search(low, m.start(1), m.end(1))
        spans.append((m.start(1), figure.start() if figure else m.end(1), m.start()))
    for m in _EN_SAID.finditer(low, lo, hi):
        if m.group() == "claimed" and _CLAIMED_AN_ACT.match(low, m.end()):
            continue
        s, e = _subject_window(low, lo, m.start())
        if e - s <= 1:
            s, e = _before_apposition(low, lo, s)
        if e - s > 1:
            spans.append((s, e, m.start()))
        elif (named := _named_between_commas(low, lo, m.start())) is not None:
            spans.append((*named, m.start()))  # "The network's head, Omar Nassar, told"
        elif _INVERTED.search(low, max(lo, m.start() - 3), m.start()):
            # "..., said the monitor", "“...,” said Amnesty": the speaker follows the verb
            edge = _SPEAKER_END.search(low, m.end(), hi)
            spans.append((m.end(), edge.start() if edge else hi, m.start()))
    for m in _AR_SAID.finditer(low, lo, hi):
        # the speaker comes between the verb and what is said: "قال مدير الشبكة إن ...";
        # in "أشار إلى أن المعتقل ... توفي" the name after "أن" is what was said
        reach = min(hi, m.end() + 60)
        said = _AR_THAT.search(low, m.end(), reach)
        spans.append((m.end(), said.start() if said else reach, m.start()))
        if _AR_RELATIVE.search(low, max(lo, m.start() - 16), m.start()):
            # "أصدرت الشبكة تقريرها الذي وثّقت فيه ...": who reports is named before
            spans.append((lo, m.start(), m.start()))
    return spans


# Sources that are no named person or organization but still tell a reader what a figure
# rests on: "activists said", "according to local sources", "قال ناشطون", "بحسب مصادر محلية".
# The whole subject must be one of these (an Arabic one may run on after it: "ناشطين في
# المنطقة"); written as `low` holds them (lower case, Arabic normalized).
# what kind of source: "medical sources", "local activists", "state media"
_SOURCE_KINDS = (
    r"local|opposition|pro-government|medical|security|military|hospital|rebel|kurdish|syrian|"
    r"government|official|media|civil defen[cs]e|rescue|field|eyewitness|monitoring|activist|"
    r"state|informed"
)
_GENERIC_SOURCE = re.compile(
    r"\s*(?:the |a |an |some |other |several |two |three |many )?"
    rf"((?:(?:{_SOURCE_KINDS}) )?"
    r"(?:activists?|residents?|(?:eye)?witness(?:es)?|rescuers|rescue workers|medics|"
    r"paramedics|doctors|officials?|monitors|relatives|survivors)"
    # a bare "the source said" or "the media" says nothing of who: only with what kind
    rf"|(?:{_SOURCE_KINDS}) (?:sources?|media|television|tv|news agency))\s*$"
    r"|\s*(ناشط(?:ون|ين)(?: (?:محلي(?:ون|ين)|اعلامي(?:ون|ين)|معارض(?:ون|ين)))?"
    r"|مصادر (?:محليه|طبيه|امنيه|ميدانيه|اهليه|معارضه|عسكريه|حقوقيه|اعلاميه)"
    r"|مصدر (?:امني|طبي|محلي|عسكري|ميداني|حقوقي)|شهود(?: عيان)?|(?:ال)?اهالي"
    r"|سكان(?: محلي(?:ون|ين))?"
    r"|مسعف(?:ون|ين)|اطباء)(?!\w)"
)
Phrase = tuple[int, int, int]  # (start, end, where its verb or "according to" stands)


def source_phrases(low: str, windows: list[tuple[int, int]], near: int) -> list[Phrase]:
    """The reporting phrases in `windows` that may name who a claim at `near` rests on, in
    the order they are tried: the sentence first, unless quotation windows follow it — then
    the speaker of the quotation comes before anyone the quotation itself mentions — and
    within that, the nearest before the claim first."""
    ranked = [
        (0 if rank or len(windows) == 1 else 1, phrase)
        for rank, (lo, hi) in enumerate(windows)
        for phrase in _sources(low, lo, hi)
    ]
    ranked.sort(key=lambda r: (r[0], r[1][2] > near, abs(r[1][2] - near)))
    return [phrase for _, phrase in ranked]


def find_source(low: str, phrases: list[Phrase], names: list[Name]) -> str | None:
    """Who a claim is attributed to: the first of its `source_phrases` that names someone."""
    for start, end, _ in phrases:
        who = _resolve(low, (start, end), names)
        if who:
            return who
    return None


def generic_source(low: str, phrases: list[Phrase]) -> tuple[int, int] | None:
    """Where the words lie a claim rests on when no one is named: the first of its
    `source_phrases` whose subject is activists, residents, witnesses, sources...
    (`_GENERIC_SOURCE`)."""
    for start, end, _ in phrases:
        found = _GENERIC_SOURCE.match(low, start, end)
        if found and (found.group(2) or found.end() == end):
            return found.span(1) if found.group(1) else found.span(2)
    return None

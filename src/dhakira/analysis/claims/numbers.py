"""Figures in text: digits, number words and vague plurals, with ranges and qualifiers.

A figure is what a claim counts ("between 5,000 and 13,000", "as many as 13,000", "عشرات
الآلاف"). Numbers that only look like counts — years, dates, times, ages, durations, page,
branch and resolution numbers, phone numbers, percentages and money — are left out here, so
the claim finder never sees them. Input is the folded, lower-cased text (see `arabic.fold`);
positions are positions in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from dhakira.analysis.claims import arabic, english


@dataclass(frozen=True)
class Figure:
    """A quantity with its span (`start`..`end`, qualifier included) and its reading."""

    start: int
    end: int
    low: float | None
    high: float | None
    best: float | None
    qualifier: str | None


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    value: float
    vague: str | None = None  # "thousands", "tens of thousands", ...
    scale: int = 1  # the scale word that followed digits ("13 thousand" → 1000)
    plain_digits: bool = False  # digits only, no separator: may be a year


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _by_first_letter(words: Iterable[str]) -> str:
    """`_alternation`, grouped by first letter: "ث(?:لاثه|لاث)|ا(?:ربعه|ربع)".

    At every word start a pattern tries its alternatives one by one; grouped, it tries one
    per first letter, then only the words that begin with the letter found. Words with other
    first letters cannot match at that place and each group keeps the longest-first order,
    so the pattern matches exactly what `_alternation` would, in half the time on Arabic text.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(map(re.escape, rests))})"
        for first, rests in groups.items()
    )


_SCALE_WORDS = {
    **english.SCALES, "k": 1000, "mln": 1_000_000, "bn": 1_000_000_000, **arabic.SCALES
}  # fmt: skip
# "(?<![0-9a-z.,/:+_])(\d{1,3}(?:,\d{3})+...|\d+...)" written to open with a digit, the
# look-behind after it (re then skips ahead to the digits instead of trying every position):
# the first digit, then the other two of "\d{1,3}" (or the rest of "\d+")
_DIGITS = re.compile(
    r"(\d(?<![0-9a-z.,/:+_]\d)"
    r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d{0,2}(?:\.\d{3})+"
    r"|\d{0,2}(?:[ \u00a0\u202f]\d{3})+|\d*(?:\.\d+)?))"
    r"(?![0-9]|[.,/:]\d)"
    rf"(?:\s*({_alternation(_SCALE_WORDS)})(?!\w)|(mn?)(?!\w))?"
)
# after "5m": metres, not millions ("300m from the checkpoint", "a 2m wall")
_DISTANCE_AFTER = re.compile(
    r"\s*(?:from|away|off|long|high|wide|deep|tall|north|south|east|west|radius|above|below|"
    r"behind|inside|outside|along|across|into|under|beyond|square|sq|wall)(?!\w)"
)
_COUNTED_AFTER = re.compile(rf"\s*(?:of|{'|'.join(english.VICTIM_NOUNS)}|refugees|displaced)(?!\w)")
_EN_TOKEN = _alternation([*english.UNITS, *english.SCALES])
_EN_WORDS = re.compile(
    rf"\b(?=[otfsenhmbad])(?:a (?=(?:dozen|hundred|thousand|million)\b))?(?:dozen|{_EN_TOKEN})"
    rf"(?:(?:[ -]|\s+and\s+)(?:dozen|{_EN_TOKEN}))*\b"
)
# part of a scale: "half a million", "a quarter of a million", "نصف مليون", "ربع مليون"
_FRACTIONS = {
    "half": 0.5, "a quarter of": 0.25, "quarter of": 0.25, "three quarters of": 0.75,
    "نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3,
}  # fmt: skip
_FRACTION_WORDS = ("half", "quarter", "نصف", "ربع", "ثلث")
_FRACTION = re.compile(
    rf"(?<!\w)[وب]?({_alternation(_FRACTIONS)})\s+(?:an? |ال)?"
    rf"(million|billion|thousand|مليون|مليار|الف)(?!\w)"
)
# a half after a scale: "مليون ونصف المليون", "مليون ونصف" (1.5 million), "a million and a half"
_AND_A_HALF = re.compile(r"\s+(?:ونصف|and a half)(?:\s+(?:ال)?(?:مليون|مليار|الف)(?!\w))?(?!\w)")
_EN_VAGUE = re.compile(
    r"\b(?=[thdsfm])(?:(tens|hundreds|dozens|scores) of (thousands|millions)"
    r"|(several|a few|few|many) (dozen|hundred|thousand|million)s?"
    r"|(dozens|scores|hundreds|thousands|millions))\b"
)
_LATIN_LETTER = re.compile("[a-z]")
_AR_TOKEN = _by_first_letter([*arabic.UNITS, *arabic.HUNDREDS, *arabic.SCALES, *arabic.DUALS])
_AR_WORDS = re.compile(rf"(?<!\w)[وب]?(?:{_AR_TOKEN})(?:\s+و?(?:{_AR_TOKEN}))*(?!\w)")
_AR_DUAL = re.compile(rf"(?<!\w)[وبل]?(?:ال)?({_by_first_letter(arabic.DUAL_PEOPLE)})(?!\w)")
_AR_VAGUE = re.compile(rf"(?<!\w)[وب]?(?:ال)?({_by_first_letter(arabic.VAGUE)})(?!\w)")


def _digits_value(raw: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        return float(raw.replace(".", ""))
    return float(re.sub(r"[,\s\u00a0\u202f]", "", raw))


def _digit_atoms(text: str) -> list[_Atom]:
    atoms = []
    for m in _DIGITS.finditer(text):
        raw, scale_word = m.group(1), m.group(2)
        scale = _SCALE_WORDS.get(scale_word or "", 1)
        if m.group(3):  # "1.2m", "3mn": millions in news, but "300m" may be metres
            if not _glued_millions(text, raw, m.group(3), m.end()):
                continue  # neither 300 nor 300 million: no count of people
            scale = 1_000_000
        if scale_word in arabic.DUALS:
            scale = arabic.DUALS[scale_word] // 2
        plain = scale == 1 and raw.isdigit()
        if plain and len(raw) > 1 and raw.startswith("0"):
            continue  # "0944 ...": a phone or reference number, never a count
        atoms.append(_Atom(m.start(), m.end(), _digits_value(raw) * scale, None, scale, plain))
    return atoms


def _glued_millions(text: str, raw: str, unit: str, end: int) -> bool:
    """Whether "m" or "mn" glued to digits means millions: "mn" always; "m" after a fraction
    ("1.2m people") unless a distance follows, after a whole number only before what is
    counted ("2m people", "5m of them")."""
    if unit == "mn":
        return True
    if _DISTANCE_AFTER.match(text, end):
        return False
    return "." in raw or _COUNTED_AFTER.match(text, end) is not None


def _words_value(tokens: list[str], units: dict[str, int], scales: dict[str, int]) -> float:
    total, current = 0.0, 0.0
    for token in tokens:
        if token == "dozen":
            current = (current or 1) * 12  # "two dozen"
        elif token in units:
            current += units[token]
        elif token == "hundred" or token in ("مئه", "مائه"):
            current = (current or 1) * 100
        elif token in arabic.HUNDREDS:
            current += arabic.HUNDREDS[token]
        elif token in arabic.DUALS:
            total += current + arabic.DUALS[token]
            current = 0
        elif token in scales:
            total += (current or 1) * scales[token]
            current = 0
    return total + current


_COUPLE_OF = ("dozen", "hundred", "thousand", "million")
_A_COUPLE_OF = re.compile(r"(?<!\w)a couple of\s+$")  # the text is lower-cased


def _english_word_atoms(text: str) -> list[_Atom]:
    atoms = []
    for m in _EN_WORDS.finditer(text):
        tokens = [t for t in re.split(r"[\s-]+", m.group(0)) if t not in ("and", "a")]
        value = _words_value(tokens, english.UNITS, english.SCALES)
        if tokens == ["one"] and text.startswith(" of", m.end()):
            continue  # "one of the ..." picks out, it does not count
        if tokens[0] in _COUPLE_OF and _A_COUPLE_OF.search(text, max(0, m.start() - 20), m.start()):
            value *= 2  # "a couple of dozen" (the qualifier reads "about")
        if value:
            atoms.append(_Atom(m.start(), m.end(), value))
    return atoms


def _arabic_word_atoms(text: str) -> list[_Atom]:
    atoms = []
    for m in _AR_WORDS.finditer(text):
        tokens = [
            t[1:] if t[0] in "وب" and t not in arabic.UNITS else t for t in m.group(0).split()
        ]
        if tokens and tokens[0] in ("الاف", "ملايين"):
            continue  # a bare plural is vague: left to the vague reader
        if tokens and tokens[0] in arabic.TEEN_FIRST and tokens[1:2] not in (["عشر"], ["عشره"]):
            continue  # "أحد المعتقلين": one of them, not a count
        value = _words_value(tokens, arabic.UNITS, arabic.SCALES)
        if value:
            atoms.append(_Atom(m.start(), m.end(), value))
    return atoms


_VAGUE_SCALES = {**english.SCALES, "dozen": 12}  # "several dozen", "a few hundred"


def _vague_atoms(text: str, has_arabic: bool, has_latin: bool) -> list[_Atom]:
    atoms = []
    for m in _EN_VAGUE.finditer(text) if has_latin else ():
        if m.group(1):
            value = english.VAGUE[m.group(1)] * english.SCALES[m.group(2)[:-1]]
            label = f"{m.group(1)} of {m.group(2)}"
        elif m.group(3):
            value, label = _VAGUE_SCALES[m.group(4)], f"{m.group(3)} {m.group(4)}"
        else:
            value, label = english.VAGUE[m.group(5)], m.group(5)
        atoms.append(_Atom(m.start(), m.end(), value, label))
    for m in _AR_VAGUE.finditer(text) if has_arabic else ():
        value, label = arabic.VAGUE[m.group(1)]
        atoms.append(_Atom(m.start(), m.end(), value, label))
    return atoms


def _atoms(text: str) -> list[_Atom]:
    """Every figure-like atom; the readers of a script only run over text that has it (every
    English number word or vague plural holds a lower-case ASCII letter)."""
    has_arabic = not text.isascii() and bool(re.search("[\u0600-\u06ff]", text))
    has_latin = _LATIN_LETTER.search(text) is not None
    english = _english_word_atoms(text) if has_latin else []
    found = _digit_atoms(text) + english + _vague_atoms(text, has_arabic, has_latin)
    found += _fraction_atoms(text)
    if has_arabic:
        found += _arabic_word_atoms(text)
        found += [_Atom(m.start(1), m.end(1), 2) for m in _AR_DUAL.finditer(text)]
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    kept: list[_Atom] = []
    for atom in found:
        if kept and atom.start < kept[-1].end:
            continue
        if kept and (whole := _compound(text, kept[-1], atom)):
            kept[-1] = whole
            continue
        kept.append(_with_a_half(text, atom))
    return kept


def _fraction_atoms(text: str) -> list[_Atom]:
    """ "half a million" (500,000), "ربع مليون" (250,000)."""
    if not any(word in text for word in _FRACTION_WORDS):
        return []
    scales = {**english.SCALES, **arabic.SCALES}
    return [
        _Atom(m.start(), m.end(), _FRACTIONS[m.group(1)] * scales[m.group(2)], None, 1000)
        for m in _FRACTION.finditer(text)
    ]


def _with_a_half(text: str, atom: _Atom) -> _Atom:
    """A figure that ends in a scale word followed by "ونصف": "مليون ونصف المليون" is 1.5
    million, "ثلاثة آلاف ونصف" 3,500."""
    half = _AND_A_HALF.match(text, atom.end)
    scale = _ENDING_SCALE.search(text, atom.start, atom.end) if half and not atom.vague else None
    if half is None or scale is None:
        return atom
    value = atom.value + _SCALE_WORDS[scale.group(1)] / 2
    return _Atom(atom.start, half.end(), value, None, atom.scale)


_ENDING_SCALE = re.compile(r"(million|billion|thousand|مليون|مليونا|مليار|الف|الفا|الاف)$")
_AND = re.compile(r"\s*(?:و|and)\s*$")


def _compound(text: str, first: _Atom, second: _Atom) -> _Atom | None:
    """One number written in two parts, thousands and the rest: "15 ألفاً و 102" is 15,102
    (not a range, and not 102)."""
    if first.scale < 1000 or first.vague or not second.plain_digits:
        return None
    if second.value >= first.scale or not _AND.match(text, first.end, second.start):
        return None
    return _Atom(first.start, second.end, first.value + second.value, None, first.scale)


_MONTH_WORDS = _alternation([*english.MONTHS, *arabic.MONTHS])
# an age, or either end of a span of ages: "aged 12", "عمره 17", "aged between 18 and 25",
# "ages 18 to 25", "تتراوح أعمارهم بين 18 و25"
_AGES_BEFORE = re.compile(
    r"(?:aged|ages|ages of|age of|between the ages of|العمر|عمره|عمرها|اعمارهم|اعمارهن|اعمارها|"
    r"اعمار)\s*(?:(?:between|from|بين|ما بين|من)\s+)?(?:\w+\s*(?:and|to|-|–|و|الي|حتي)\s*)?$"
)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:\$|€|£|us\$|usd|page|pages|p\.|pp\.|section|para\.?|paragraph|"
    r"chapter|article|art\.|item|no\.|number|#|vol\.|volume|figure|table|annex|footnote|"
    r"branch|resolution|resolutions|law|decree|division|brigade|room|cell|block|wing|floor|"
    r"tel\.?|phone|fax|\+|الصفحه|صفحه|الفقره|فقره|الماده|ماده|الفرع|فرع|القرار|قرار|رقم|المرسوم|"
    r"مرسوم|القانون|قانون|الجناح|المهجع|الزنزانه|هاتف)\s*(?:no\.?\s*)?$"
)
# a day of a month: "13 May", "May 13", "3 حزيران" (a number above 31 is no day: "13,000 may
# have been hanged", "in May 300 people were killed")
_MONTH_BEFORE = re.compile(rf"(?:{_MONTH_WORDS})\s*$")
_DAY_AND_YEAR = re.compile(r"\d{1,2}(?:19|20)\d\d")
# "13 May", "3 حزيران", "21 من رمضان", "19 من شهر رمضان"
_MONTH_AFTER = re.compile(
    rf"\s*(?:من\s+(?:شهر\s+)?)?(?:{_MONTH_WORDS}|{_alternation(arabic.HIJRI_MONTHS)})(?!\w)"
)
# a date written with dashes, slashes or dots and spaces between: "30 - 8 - 2006"
_SPACED_DATE = re.compile(r"\d{1,2}\s*([-/.])\s*\d{1,2}\s*\1\s*\d{2,4}(?!\d)")
# "عام 1201", "لعام 1883", "سنة 40 للهجرة" (only digits: "عام واحد" is one year)
_YEAR_BEFORE = re.compile(rf"(?<!\w)(?:{_alternation(arabic.YEAR_WORDS)})\s*$")
# "died of the plague in 639 and": a year before 1900 after a preposition, with no noun after
# it ("in 45 attacks" counts attacks); the years from 1900 are told by their value alone
_EARLY_YEAR = re.compile(r"(?<!\w)(?:in|since|until|till|by|before|after|circa)\s+$")
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)]|(?:and|when|where|until|after)(?!\w)|$)")
# "اليوم التاسع عشر": the nineteenth, an ordinal whose "عشر" is no ten
_ORDINAL_BEFORE = re.compile(r"(?<!\w)ال(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)\s+$")
_NOT_COUNT_AFTER = re.compile(
    r"^(?:\s*(?:%|٪|per ?cent|percent|في المئه|بالمئه|dollars|euros|pounds|usd|دولار|ليره|يورو)"
    r"|(?:st|nd|rd|th)\b|[\s-]*(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|"
    r"times|year-old|branch|am|pm|a\.m|p\.m|o'clock|kilometres|kilometers|km|miles|metres|"
    r"meters|كيلومترا|كيلومتر|كلم|كم|ميلا|ميل|مترا|متر|عام|عاما|اعوام|سنه|سنوات|سنين|شهر|شهرا|اشهر|"
    r"شهور|يوم|يوما|ايام|ساعه|ساعات|اسبوع|اسابيع|مرات|مره|دقيقه|دقائق)(?!\w)"
    r"|\s*[-/.]\d|\s*/\s*\d|-?\s*(?:thirds?|quarters?|fifths?|tenths?)\b"
    # a year of an era or metres written short: "عام 195 م", "1432 هـ", "200 م"
    r"|\s+[مه]\.?(?!\w)"
    rf"|\s*(?:{_alternation(arabic.ERA_WORDS)})(?!\w))"
)
_DIGITS_BEFORE = re.compile(r"\d(?:[ -]?|\s*/\s*)$")
_NO_ONE = re.compile(r"(?<!\w)no\s+$")
_YEAR_COUNT_NOUN = re.compile(
    r"^\s*(?:people|persons|detainees|prisoners|civilians|individuals|victims|شخص|معتقل|مدني)"
)


_LINE_START = re.compile(r"(?:^|\n)[ \t]*$")
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*")
_SECTION_AFTER = re.compile(r"\.?[ \t]")


def _is_count(text: str, atom: _Atom) -> bool:
    """False for a number that is a year, date, time, age, duration, reference, amount or the
    number of a section or list item ("2.1 Sources", "3. Detention" at the start of a line).
    A number in a range written with a hyphen ("30-40 people") is judged by what stands
    around the whole range."""
    first, last = _dash_range(text, atom) or (atom.start, atom.end)
    before = text[max(0, first - 24) : first]
    after = text[last : last + 24]
    if _section_number(before, text[atom.start : atom.end], after):
        return False
    if text[atom.start : atom.end] == "one" and _NO_ONE.search(before):
        return False  # "no one was there to rescue him": nobody
    if atom.vague is None and (_NOT_COUNT_BEFORE.search(before) or _AGES_BEFORE.search(before)):
        return False
    if atom.plain_digits and _YEAR_BEFORE.search(before):
        return False  # "توفي عام 1201": a year, whatever its value
    if (
        atom.plain_digits
        and 100 <= atom.value < 1900
        and _EARLY_YEAR.search(before)
        and _NO_NOUN_AFTER.match(after)
    ):
        return False
    if text.startswith("عشر", atom.start) and _ORDINAL_BEFORE.search(before):
        return False
    if atom.plain_digits and _in_spaced_date(text, atom):
        return False
    day_like = atom.vague is None and atom.plain_digits and 1 <= atom.value <= 31
    if day_like and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after)):
        return False
    run_together = atom.plain_digits and _DAY_AND_YEAR.fullmatch(text, atom.start, atom.end)
    if run_together and _MONTH_BEFORE.search(before):
        return False  # "Jun 182016": a day and a year run together
    if _NOT_COUNT_AFTER.match(after):
        return False
    if _DIGITS_BEFORE.search(before):
        return False  # a phone, a date, a score
    year_like = atom.plain_digits and 1900 <= atom.value <= 2099
    return not (year_like and not _YEAR_COUNT_NOUN.match(after))


# two counts with a hyphen between: written with thousands separators ("5,000-13,000": a
# phone, a date or a reference number has none), or plain and rising with nothing else
# joined to them ("30-40"; not "30-8-2006", "2006-08", "0933-123456", a score "3-1")
_DASH_RANGE = re.compile(
    r"(?<![\d,./-])(?:\d{1,3}(?:,\d{3})+\s*-\s*\d{1,3}(?:,\d{3})+"
    r"|(?P<low>[1-9]\d{0,5})[-–](?P<high>[1-9]\d{0,5}))(?![\d,./–-]|\s*[-/]\s*\d)"
)


def _in_spaced_date(text: str, atom: _Atom) -> bool:
    """True for a day, month or year of a date written "30 - 8 - 2006" or "30 / 8 / 2006"."""
    around = _SPACED_DATE.search(text, max(0, atom.start - 12), min(len(text), atom.end + 12))
    return around is not None and around.start() <= atom.start and atom.end <= around.end()


def _dash_range(text: str, atom: _Atom) -> tuple[int, int] | None:
    """The span of the hyphenated range (`_DASH_RANGE`) the atom is part of, if any."""
    around = _DASH_RANGE.search(text, max(0, atom.start - 16), min(len(text), atom.end + 16))
    if around is None or not around.start() <= atom.start < atom.end <= around.end():
        return None
    if around.group("low") and int(around.group("low")) >= int(around.group("high")):
        return None
    return around.span()


def _section_number(before: str, number: str, after: str) -> bool:
    """A short dotted number opening a line ("2.1 Sources") or one ending in a dot there ("3.
    Detention"): a heading's or a list item's number."""
    if not (_LINE_START.search(before) and _SECTION_NUMBER.fullmatch(number)):
        return False
    return "." in number or after.startswith((". ", ".\t"))


_RANGE_JOIN = re.compile(r"^\s*(?:and|to|-|–|—|و|الي|حتي)\s*$")
# a count that changed: "rose from", "has climbed from", "ارتفع ... من"
_CHANGED_FROM = re.compile(
    r"(?<!\w)(?:rose|risen|rises|rising|climbed|climbs|jumped|increased|went up|grew|soared|"
    r"fell|dropped|decreased|declined|ارتفع|ارتفعت|ارتفاع|زاد|زادت|ازداد|تضاعف|انخفض|انخفضت|"
    r"تراجع|تراجعت)(?:\s+\S+){0,6}?\s+(?:from|من)\s+$"
)
_TO_WORDS = ("to", "الي", "حتي")  # "from 12 to 20" (the text is folded: "إلى" reads "الي")
_RANGE_LEAD = re.compile(r"(?:between|from|ما بين|بين|من)\s+$")
_QUAL_BEFORE = {**english.QUALIFIERS_BEFORE, **arabic.QUALIFIERS_BEFORE}
# a conjunction and the preposition ب may lead an Arabic qualifier ("وبنحو", "بأكثر من")
_QUAL_BEFORE_RE = re.compile(rf"(?:^|[^\w])(?:و?ب|و)?({_alternation(_QUAL_BEFORE)})\s+$")
_QUAL_AFTER = {**english.QUALIFIERS_AFTER, **arabic.QUALIFIERS_AFTER}
_QUAL_AFTER_RE = re.compile(rf"^\s*(?:\w+\s+)?({_alternation(_QUAL_AFTER)})(?!\w)")
_ESTIMATE_NEAR = re.compile(
    rf"(?:{'|'.join(arabic.ESTIMATE_WORDS)}|estimated at|estimates? of)[^.؟!]{{0,30}}$"
)


def _range(text: str, first: _Atom, second: _Atom) -> tuple[float, float] | None:
    join = text[first.end : second.start]
    if not _RANGE_JOIN.match(join):
        return None
    dash = join.strip() in ("-", "–", "—", *_TO_WORDS)
    if not dash and not _RANGE_LEAD.search(text[max(0, first.start - 12) : first.start]):
        return None
    low = first.value
    if first.scale == 1 and second.scale > 1 and low < second.value / second.scale:
        low *= second.scale  # "between 5 and 13 thousand"
    return (low, second.value) if low <= second.value else None


def _qualified(text: str, start: int, end: int, low: float, high: float) -> Figure:
    """Read the qualifier around a plain number or range and fill the figure fields."""
    before = _QUAL_BEFORE_RE.search(text[max(0, start - 24) : start])
    if before:
        qualifier, slot = _QUAL_BEFORE[before.group(1)]
        start = start - len(text[max(0, start - 24) : start]) + before.start(1)
    elif after := _QUAL_AFTER_RE.match(text[end : end + 32]):
        qualifier, slot = _QUAL_AFTER[after.group(1)]
        end += after.end()
    elif _ESTIMATE_NEAR.search(text[max(0, start - 40) : start]):
        qualifier, slot = "estimated", "exact"
    else:
        qualifier, slot = None, "exact"
    if low != high:
        return Figure(start, end, low, high, None, qualifier or "between")
    value = low
    if slot == "low":
        return Figure(start, end, value, None, None, qualifier)
    if slot == "high":
        return Figure(start, end, None, value, None, qualifier)
    if slot == "best":
        return Figure(start, end, None, None, value, qualifier)
    return Figure(start, end, value, value, value, qualifier)


_IF_NOT = re.compile(r"\s+(?:if not|or even|or perhaps|or possibly|ان لم يكن|بل|او ربما)\s+")


def find_figures(text: str) -> list[Figure]:
    """Every count-like figure in folded, lower-cased `text`, in order of position."""
    atoms = [a for a in _atoms(text) if _is_count(text, a)]
    figures: list[Figure] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            nxt
            and _CHANGED_FROM.search(text, max(0, atom.start - 60), atom.start)
            and text[atom.end : nxt.start].strip() in _TO_WORDS
        ):
            # "the toll rose from 12 to 20", "ارتفع العدد من 12 إلى 20": the figure is now 20;
            # the 12 is what it was, no range and no claim of its own
            figures.append(_qualified(text, nxt.start, nxt.end, nxt.value, nxt.value))
            i += 2
            continue
        span = _range(text, atom, nxt) if nxt and atom.vague is None else None
        if span and nxt:
            lead = _RANGE_LEAD.search(text[max(0, atom.start - 12) : atom.start])
            start = atom.start - (len(lead.group(0)) if lead else 0)
            figures.append(_qualified(text, start, nxt.end, *span))
            i += 2
            continue
        if nxt and _IF_NOT.fullmatch(text, atom.end, nxt.start):
            # "hundreds if not thousands", "300 or even 400": the first is the floor
            figures.append(
                Figure(atom.start, nxt.end, atom.value, None, None, atom.vague or "at least")
            )
            i += 2
            continue
        if atom.vague:
            figures.append(Figure(atom.start, atom.end, atom.value, None, None, atom.vague))
        else:
            figures.append(_qualified(text, atom.start, atom.end, atom.value, atom.value))
        i += 1
    return figures

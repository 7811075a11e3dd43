"""The main incident of an Arabic news report, in the same fields as an English one.

The English reader (the package's `incident_of`) is tuned on FA-KES; there is no annotated
Arabic set to tune on, so this one keeps to the plain shape of Arabic incident news, which
states the toll in its title and first sentence: "مقتل 12 مدنياً بينهم 5 أطفال في قصف لقوات
النظام على ريف إدلب". It reads the opening (title and first sentences) with the claims
step's number reader (digits, Arabic-Indic digits, number words, duals such as "طفلين"), and
follows the documenters' conventions of the English
reader: people killed are civilians unless they are fighters, soldiers or "elements"
(عناصر); children and women are also counted among the civilians; the first figure of each
kind is the incident's, and a part counted after "بينهم"/"منهم" only breaks it down; the
wounded are not counted. The governorate is that of the first Syrian place the entity step
linked in the opening (the knowledge base walks it up to its governorate); cause and actor
are the first named in the opening, an attacker being one named with the attack ("قصف لقوات
النظام", "غارات للطيران الروسي") and not a party that was hit ("مقتل خمسة عناصر من قوات
النظام"); unnamed air or gas attacks are the government's, as in the English reader.
"""

from __future__ import annotations

import re

from dhakira.analysis.claims.arabic import fold
from dhakira.analysis.claims.numbers import Figure, find_figures
from dhakira.analysis.incident.counts import Counts
from dhakira.analysis.incident.labels import (
    COALITION,
    GOVERNMENT,
    ISIS,
    KURDISH,
    NUSRA,
    OPPOSITION,
    UNKNOWN,
    NamedLabels,
)
from dhakira.analysis.incident.places import governorate_label
from dhakira.knowledge import load_knowledge
from dhakira.records import Document, Incident

LEAD_SENTENCES = 4
MAX_TOLL = 100_000  # deaths no single incident reaches
_MENU = re.compile(r"[|»›]")  # a site's menu or breadcrumb trail, not the report
_BREAK = re.compile(r"\n\s*\n|[.!؟?](?=\s|$)")  # a blank line or the end of a sentence
# Patterns are written in the folded form the claims reader uses (`claims.arabic.fold`:
# hamza forms as bare alef, ة as ه, ى as ي, no short vowels).
_DEATH = re.compile(
    r"(?<!\w)[وفبل]?(?:قتل\w*|مقتل|القتلي|قتلي|قتيل\w*|استشهد\w*|استشهاد|شهداء|شهيد\w*|"
    r"حتف\w*|مصرع|وفاه|توفي\w*|حصيله|اعدم\w*|اعدام|جثث|جثه)(?!\w)"
)
_WOUNDED = re.compile(r"(?<!\w)[وفبل]?(?:اصيب\w*|اصابه|اصابات|جرح\w*|جريح|جرحي|مصاب\w*)(?!\w)")
_PART = re.compile(r"(?:بينهم|بينهن|منهم|منهن|من بينهم)\s+$")
_KINDS: dict[str, tuple[str, ...]] = {
    "children": ("طفل", "اطفال", "رضيع", "رضع", "قاصر", "تلميذ", "تلاميذ"),
    "women": ("امراه", "امرات", "نساء", "سيده", "سيدات", "فتاه", "فتيات"),
    "noncivilians": (
        "عنصر", "عناصر", "مقاتل", "جندي", "جنود", "عسكري", "مسلح", "ارهابي", "ضابط",
        "ضباط", "مرتزق", "انتحاري",
    ),
    "civilians": (
        "شخص", "اشخاص", "مدني", "مواطن", "نازح", "عامل", "عمال", "طالب", "طلاب", "مسعف",
        "صحفي", "ناشط", "معتقل", "سجين", "سجناء", "رجل", "رجال", "شاب", "شبان", "فرد",
        "افراد", "ضحيه", "ضحايا", "قتيل", "قتلي", "شهيد", "شهداء", "سوري", "نسمه", "جثه",
        "جثث", "مدرس", "طبيب", "اطباء", "متطوع",
    ),
}  # fmt: skip
_NOUN = re.compile(r"\s*(?:من\s+)?(?:[وبل])?(?:ال)?(\w+)")
CAUSES: dict[str, str] = {
    "chemical and toxic gases": r"كيماوي\w*|كيميائي\w*|الكلور|كلور|السارين|سارين|غاز\w* سام\w*|"
    r"(?:ال)?اختناق",
    "execution": r"اعدم\w*|اعدام\w*|ذبح\w*|تصفيه|صلب\w*",
    "explosion": r"تفجير\w*|انفجار\w*|مفخخ\w*|ناسف\w*|انتحاري\w*|لغم|الغام|الالغام|متفجر\w*",
    "shelling": r"قصف\w*|غاره|غارات|الغارات|برميل|براميل|صاروخ\w*|صواريخ|قذيف\w*|قذائف|هاون|"
    r"مدفعي\w*|الطيران|طيران|طائر\w*|مروحي\w*|راجمات",
    "shooting": r"رصاص\w*|قنص|قناص\w*|اطلاق (?:ال)?نار|اشتباك\w*|مواجهات|معارك",
}
ACTORS: dict[str, str] = {
    ISIS: r"داعش|تنظيم الدوله|الدوله الاسلاميه",
    NUSRA: r"النصره|هيئه تحرير الشام|تحرير الشام|القاعده",
    COALITION: r"التحالف الدولي|التحالف|الامريكي\w*|الامريكيه|الاميركي\w*|الاميركيه",
    KURDISH: r"قسد|قوات سوريا الديمقراطيه|الوحدات الكرديه|وحدات حمايه الشعب|الاسايش",
    GOVERNMENT: r"قوات النظام|النظام|قوات الحكومه|الحكومه السوريه|الجيش السوري|جيش النظام|"
    r"قوات الاسد|الطيران الروسي|الطائرات الروسيه|الروسي\w*|روسيا|حزب الله|الميليشيات|"
    r"ميليشيات|الطيران الحربي|الطيران المروحي",
    OPPOSITION: r"فصائل المعارضه|المعارضه المسلحه|الفصائل|الجيش الحر|الجيش السوري الحر|"
    r"المعارضه|الثوار",
}
_CAUSE_PATTERNS = {
    label: re.compile(rf"(?<!\w)(?:[وفبل]?(?:ال)?|لل)(?:{p})(?!\w)") for label, p in CAUSES.items()
}
_CAUSES = NamedLabels(_CAUSE_PATTERNS)
_GAS = "chemical and toxic gases"
_ACTOR_PATTERNS = {
    label: re.compile(rf"(?<!\w)(?:[وفبل]|لل|ول)?(?:{p})(?!\w)") for label, p in ACTORS.items()
}
# A party named right after these was hit, not attacking: "مقتل خمسة عناصر من قوات النظام",
# "غارات على مواقع داعش" (in "اشتباكات مع الفصائل" the factions fought: they count)
_HIT_BEFORE = re.compile(
    r"(?:عناصر|عنصرا|عنصر|مقاتلي|مقاتلين|مقاتلا|جنود|جنديا|ضد|مواقع|مواقعا|معاقل|مقرات|"
    r"تستهدف|استهدفت|استهدف|علي|عن)\s+(?:من\s+)?(?:تنظيم\s+|قوات\s+|حركه\s+|جيش\s+)?$"
)
_AIR_OR_GAS = re.compile(
    r"غاره|غارات|الغارات|طيران|الطيران|طائر\w*|برميل|براميل|كيماوي|كلور|(?:ال)?جوي(?:ه)?(?!\w)"
)


def arabic_incident(doc: Document) -> Incident | None:
    """The main incident of an Arabic report, or None when its opening tells of no deaths
    and no attack."""
    lead = _lead(doc.text)
    low, _ = fold(lead)
    low = low.lower()
    counts = _count(low)
    # a gas attack anywhere in the opening wins: its delivery (a strike, a shell) is named too
    gas = _CAUSE_PATTERNS[_GAS].search(low)
    cause = _GAS if gas else _CAUSES.first(low)
    if (
        not (counts.civilians or counts.noncivilians)
        and cause == UNKNOWN
        and not _DEATH.search(low)
    ):
        return None
    return Incident(
        governorate=_governorate(doc, len(lead)),
        date=_date(doc),
        cause=cause,
        actor=_actor(low),
        civilians=counts.civilians,
        noncivilians=counts.noncivilians,
        children=counts.children,
        women=counts.women,
    )


def _lead(text: str) -> str:
    """The title and the first sentences: LEAD_SENTENCES pieces ended by a full stop or a
    blank line (a title has no full stop), not counting a page's menus and breadcrumbs."""
    start = counted = 0
    for m in _BREAK.finditer(text):
        piece = text[start : m.end()]
        start = m.end()
        if piece.strip() and not _MENU.search(piece):
            counted += 1
            if counted >= LEAD_SENTENCES:
                return text[:start]
    return text


def _count(low: str) -> Counts:
    """The first toll of each kind in sentences that speak of death (FA-KES conventions)."""
    found: dict[str, int] = {}
    seen: set[str] = set()
    for sentence in _sentences(low):
        if not _DEATH.search(sentence):
            continue
        figures = find_figures(sentence)
        one = None if figures else _one_killed(sentence)
        if one and one not in seen:
            seen.add(one)
            _add(found, one, 1, part=False)
        for figure in figures:
            kind = _kind_of(sentence, figure)
            value = _value(figure)
            if kind is None or value is None or kind in seen or _wounded(sentence, figure):
                continue
            seen.add(kind)
            part = _PART.search(sentence, max(0, figure.start - 12), figure.start) is not None
            _add(found, kind, value, part)
        for word in _single_parts(sentence):  # "بينهم طفل": one child among them
            kind = _kind_of_word(word)
            if kind is not None and kind not in seen:
                seen.add(kind)
                _add(found, kind, 1, part=True)
    return Counts(**found)


def _add(found: dict[str, int], kind: str, value: int, part: bool) -> None:
    found[kind] = value
    if kind in ("children", "women") and not part and "civilians" not in found:
        found["civilians"] = value  # "مقتل 3 أطفال": the children are the toll


# One person named after a word for death, with no number: "مقتل مدني برصاص قناص"
_ONE = re.compile(
    r"(?<!\w)[وفبل]?(?:مقتل|قتل|استشهاد|استشهد|مصرع|وفاه|توفي)\s+(?:ال)?"
    r"(مدني|طفل|طفله|رضيع|امراه|سيده|فتاه|شاب|رجل|مواطن|شخص|طالب|صحفي|ناشط|معتقل|"
    r"عنصر|جندي|مقاتل|ضابط|مسلح)(?!\w)"
)


# One child or woman named without a number among the dead: "قتل ثلاثة مدنيين بينهم طفل", or
# beside other parts: "بينهم طفلان وامرأة", "بينهم امرأة وطفلها" (her child)
_PARTS_LIST = re.compile(r"(?:بينهم|بينهن|منهم|منهن)((?:\s+[^\s.،,؛]+){1,6})")
_ONE_PART = re.compile(r"(?<!\S)و?(?:ال)?(طفل|طفله|رضيع|رضيعه|امراه|سيده|فتاه)(?:ها|هما)?(?!\w)")


def _single_parts(sentence: str) -> list[str]:
    """The singular people named in the list after "بينهم", in order."""
    return [
        one.group(1)
        for parts in _PARTS_LIST.finditer(sentence)
        for one in _ONE_PART.finditer(parts.group(1))
    ]


def _one_killed(sentence: str) -> str | None:
    """The kind of the single person a sentence says was killed, if it says so."""
    m = _ONE.search(sentence)
    return _kind_of_word(m.group(1)) if m else None


def _sentences(low: str) -> list[str]:
    """The sentences of the opening, a title or dateline (no full stop) being one."""
    pieces, start = [], 0
    for m in _BREAK.finditer(low):
        pieces.append(low[start : m.end()])
        start = m.end()
    pieces.append(low[start:])
    return [piece for piece in pieces if piece.strip()]


def _kind_of(sentence: str, figure: Figure) -> str | None:
    """Who a figure counts: the noun inside a dual ("طفلين") or the word after it."""
    words = sentence[figure.start : figure.end].split()
    noun = _NOUN.match(sentence, figure.end)
    for word in [*words[-1:], noun.group(1) if noun else ""]:
        if kind := _kind_of_word(word):
            return kind
    return None


def _kind_of_word(word: str) -> str | None:
    for kind, stems in _KINDS.items():
        if any(word.startswith(stem) for stem in stems):
            return kind
    return None


def _value(figure: Figure) -> int | None:
    """The count a documenter records: the exact figure, else the lower bound, else the best.
    A war's whole toll ("أكثر من 350 ألف قتيل", background in many reports) is no incident's:
    figures of MAX_TOLL or more are not counted."""
    for value in (figure.best, figure.low, figure.high):
        if value is not None and value < MAX_TOLL:
            return int(value)
    return None


def _wounded(sentence: str, figure: Figure) -> bool:
    """A figure of the wounded: a word for wounding is nearer before it than one for death."""
    before = sentence[max(0, figure.start - 40) : figure.start]
    hurt = [m.end() for m in _WOUNDED.finditer(before)]
    dead = [m.end() for m in _DEATH.finditer(before)]
    return bool(hurt) and (not dead or hurt[-1] > dead[-1])


def _actor(low: str) -> str:
    """The first party named as attacking; unnamed air or gas attacks are the government's."""
    best, best_at = UNKNOWN, len(low) + 1
    for label, pattern in _ACTOR_PATTERNS.items():
        for m in pattern.finditer(low):
            if m.start() >= best_at:
                break
            if not _HIT_BEFORE.search(low, max(0, m.start() - 20), m.start()):
                best, best_at = label, m.start()
                break
    if best == UNKNOWN and _AIR_OR_GAS.search(low):
        return GOVERNMENT
    return best


def _governorate(doc: Document, lead_end: int) -> str | None:
    """The governorate of the first Syrian place the entity step linked in the opening."""
    kb = load_knowledge()
    for mention in doc.entities:
        if mention.start >= lead_end or mention.type != "place" or not mention.entity_id:
            continue
        place = kb.get(mention.entity_id)
        label = governorate_label(kb, place) if place is not None else None
        if label:
            return label
    return None


def _date(doc: Document) -> str | None:
    """The report's date, as the pipeline's date step found it, to the day."""
    if doc.date is not None and doc.date.precision == "day":
        return doc.date.value
    return None

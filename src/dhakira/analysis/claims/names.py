"""The named sources and places a claim can point to, and how a later reference finds them.

The entity step fills `Document.entities` with linked mentions; when it has not run (or found
nothing), a small reader of capitalised English names and a few Arabic patterns stands in, so
"Amnesty said" and "she said" still resolve. Later references are resolved against earlier
names: "Amnesty" → "Amnesty International", "SNHR" → the name it abbreviates, "Maaloud" →
"Lyn Maalouf", "the Network" → the last organization whose name holds "Network".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dhakira.knowledge import load_knowledge
from dhakira.records import Mention


@dataclass(frozen=True)
class Name:
    """A named thing in the text: `kind` is "person", "organization", "place" or "facility"."""

    start: int
    end: int
    kind: str
    name: str


_ORG_WORDS = (
    "International", "Network", "Watch", "Council", "Coalition", "Commission", "Committee",
    "Observatory", "Organization", "Organisation", "Nations", "Court", "Assembly", "Ministry",
    "Office", "Group", "Centre", "Center", "Mechanism", "Department", "Post", "Times",
    "Agency", "Union", "Institute", "Foundation", "Association", "Government", "Amnesty",
)  # fmt: skip
_FACILITY_WORDS = ("Prison", "Branch", "Airport", "Jail", "Hospital", "Sednaya", "Saydnaya",
                   "Saidnaya", "Tadmur", "Adra")  # fmt: skip
_NOT_NAMES = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Every", "For", "So", "If", "It", "This",
    "That", "These", "Those", "He", "She", "They", "We", "Our", "According", "President",
    "Member", "British", "French", "Foreign", "Minister", "Indeed", "Absent", "Ending",
    "Putting", "May", "Long", "Press", "Source", "Thousands", "Hundreds", "Tens", "Dozens",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays",
    "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays", "January",
    "February", "March", "April", "June", "July", "August", "September", "October",
    "November", "December", "Action", "Report", "Appeals", "Renews", "Calls",
}  # fmt: skip
_CONNECTORS = {"of", "for", "on", "and", "the", "al", "el"}
_CAP = r"[A-Z][\w’'.-]*[\w]"
_RUN = re.compile(
    rf"{_CAP}(?:[ \t]+(?:(?:of|for|on|and|the|al|el)[ \t-]+)*{_CAP}|[ \t]+\([A-Z]{{2,8}}\))*"
)
_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)$")
# what an organization documents, not its name: "وثقت الشبكة مقتل 96 مدنياً"
_AR_NOT_A_NAME = (
    "مقتل|اعتقال|وفا[ةه]|إعدام|اعدام|اختفاء|استشهاد|إصاب[ةه]|اصاب[ةه]|تعذيب|حصيل[ةه]|عدد|"
    "نحو|حوالي|أكثر|اكثر|ما|مصرع|احتجاز|خطف|اختطاف|تهجير|نزوح|سقوط|ارتفاع"
)
_AR_NAMES = re.compile(
    r"(?:منظم[ةه]|الشبك[ةه]|المرصد|لجن[ةه]|هيئ[ةه]|مركز|رابط[ةه]|الأمم المتحدة|الائتلاف)"
    r"(?:\s+(?!(?:ان|أن|إن|في|من|على|علي|عن|قد|إلى|الي|بان|بأن|" + _AR_NOT_A_NAME + r")(?!\w))"
    r"[\u0621-\u064a]+){0,5}"
)
_AR_FACILITY = re.compile(r"(?:سجن|فرع|مطار|معتقل)\s+[\u0621-\u064a]+(?:\s+العسكري)?")


def from_entities(mentions: list[Mention]) -> list[Name]:
    """Names from the entity step's mentions (canonical names where linked). An event the
    knowledge base places (its "parent") also names that place: "ارتفعت حصيلة ضحايا مجزرة
    الحولة إلى 108" happened in Houla."""
    names = [
        Name(m.start, m.end, m.type, m.canonical_name or m.text)
        for m in mentions
        if m.type in ("person", "organization", "place", "facility")
    ]
    events = [m for m in mentions if m.type == "event" and m.entity_id]
    if events:
        knowledge = load_knowledge()
        for mention in events:
            event = knowledge.get(mention.entity_id or "")
            place = knowledge.get(event.parent) if event and event.parent else None
            if place is not None and place.type == "place":
                names.append(Name(mention.start, mention.end, "place", place.canonical_name))
        names.sort(key=lambda name: name.start)
    return names


def _kind(words: list[str]) -> str | None:
    bare = [w.rstrip("’'s") if w.endswith(("’s", "'s")) else w for w in words]
    if any(w in _FACILITY_WORDS for w in bare):
        return "facility"
    if any(w in _ORG_WORDS for w in bare) or re.fullmatch(r"\(?[A-Z]{2,8}\)?", bare[-1]):
        return "organization"
    if 2 <= len(words) <= 4 and not any(w in _CONNECTORS for w in words):
        return "person"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading and trailing words that are not part of a name (articles, days, months)."""
    tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while tokens and text[tokens[0][0] : tokens[0][1]] in _NOT_NAMES:
        tokens.pop(0)
    while tokens and (text[tokens[-1][0] : tokens[-1][1]] in _NOT_NAMES | _CONNECTORS):
        tokens.pop()
    return (tokens[0][0], tokens[-1][1]) if tokens else None


def read_names(text: str) -> list[Name]:
    """Names found without the entity step: capitalised English runs, a few Arabic shapes."""
    names: list[Name] = []
    for m in _RUN.finditer(text):
        span = _trim(text, m.start(), m.end())
        if span is None:
            continue
        kind = _kind(text[span[0] : span[1]].split())
        if kind:
            names.append(Name(span[0], span[1], kind, text[span[0] : span[1]]))
    for m in _AR_NAMES.finditer(text):
        names.append(Name(m.start(), m.end(), "organization", m.group(0)))
    for m in _AR_FACILITY.finditer(text):
        names.append(Name(m.start(), m.end(), "facility", m.group(0)))
    names.sort(key=lambda n: n.start)
    return names


def _close(a: str, b: str) -> bool:
    """Same surname, allowing one wrong letter ("Maalouf" / "Maaloud")."""
    if len(a) != len(b) or len(a) < 5:
        return a == b
    return sum(x != y for x, y in zip(a, b, strict=True)) <= 1


def full_name(name: str, earlier: list[Name]) -> str:
    """The fullest earlier name a short reference stands for, else the reference itself."""
    short = _ACRONYM.sub("", name).strip()
    short = re.sub(r"^(?:the|The)\s+|[’']s$", "", short)
    for other in reversed(earlier):
        acronym = _ACRONYM.search(other.name)
        base = _ACRONYM.sub("", other.name).strip()
        if acronym and acronym.group(1) == short:
            return base
        if base == short:
            continue
        if other.kind == "person" and _close(base.split()[-1], short.split()[-1]):
            return base
        if other.kind == "organization" and (
            base.startswith(short + " ") or (" " not in short and short in base.split()[1:])
        ):
            return base
    return short

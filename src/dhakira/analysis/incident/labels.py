"""What killed the victims (cause) and who did it (actor), from the wording of the report.

Both are keyword rules over the report's opening: each label has a pattern of the words
reporters use for it, and the label whose words come first wins (the headline and lead name the
main incident before any background). The labels are the documenters' (FA-KES):
causes shelling, explosion, chemical and toxic gases, shooting, execution, unknown; actors
syrian government or russian troops, armed opposition groups, isis, international coalition
forces, self administration forces, al-nusra front, unknown.
"""

from __future__ import annotations

import re

from dhakira.analysis.incident.counts import sentences

UNKNOWN = "unknown"
GOVERNMENT = "syrian government or russian troops"
OPPOSITION = "armed opposition groups"
ISIS = "the organization of the islamic state in iraq and the levant - isis"
COALITION = "international coalition forces"
KURDISH = "self administration forces"
NUSRA = "al-nusra front"

# What a bomb from the air is dropped on ("Syria bombs jihadist positions").
_BOMB_TARGETS = r"(?:positions|targets|areas|neighbou?rhoods|towns?|villages?)"
CAUSES: dict[str, str] = {
    "chemical and toxic gases": r"chemical|chlorine|sarin|toxic gas|poison(?:ous)? gas|"
    r"nerve agent|gas attack|suffocat\w*",
    "execution": r"execut\w+|behead\w*|crucif\w+|slaughtered|summar\w+ kill\w*|"
    r"slit\w* (?:the |their |his )?throats?|(?:killed|massacred?) [^.]{0,40}(?:hostages?|captives|"
    r"detainees|prisoners)|taken hostage",
    "explosion": r"car[\s-]?bomb\w*|suicide\w*|explosi\w+|blast\w*|bomb (?:attack|blast)|"
    r"IEDs?|improvised explosive|land ?mines?|mines?|booby[\s-]trap\w*|"
    r"explosive device|detonat\w+|bomber|bombings?(?!\s+campaigns?)|bombs?(?!\s+(?:[\w-]+\s+)?"
    + _BOMB_TARGETS
    + ")",
    "shelling": r"air[\s-]?strikes?|air[\s-]?raids?|airstrikes?|raids?|barrel[\s-]bombs?|"
    r"shell\w*|rockets?|missiles?|mortars?|artillery|bombard\w*|warplanes?|jets?|"
    r"helicopters?|aircraft|strikes?|bombed|projectiles?|cluster|air ?force|sorties|"
    r"aerial (?:campaign|assault|attacks?)|"
    r"(?:regime|russian|aerial|air|heavy|coalition'?s?|us-led|israeli|syrian|government|army) "
    r"bombing|bombing campaign|(?:dropped|drop|drops|dropping) bombs|aerial bombs?|to bomb|"
    r"bombs?\s+(?:[\w-]+\s+)?" + _BOMB_TARGETS,
    "shooting": r"shot|shoot\w*|snipers?|gunfire|gunmen|opened fire|gunshots?",
}

ACTORS: dict[str, str] = {
    ISIS: r"islamic state|(?-i:\bIS\b|\bISIS\b|\bISIL\b)|isis|isil|daesh|daash",
    NUSRA: r"nusra|fateh al[\s-]sham|fatah al[\s-]sham|tahrir al[\s-]sham|\bHTS\b|al[\s-]qaeda'?s?",
    COALITION: r"(?:us|u\.s\.|american|western|international)[\s-]led(?: coalition)?|"
    r"(?<!syrian )(?<!\bnational )coalition|"
    r"\bUS\b|\bU\.S\.|american|pentagon|french|british|turkish|turkey|israeli",
    KURDISH: r"\bSDF\b|\bYPG\b|kurdish(?:-led)?|kurds|syrian democratic forces|\bPYD\b|asayish|"
    r"people'?s protection units",
    GOVERNMENT: r"regime|government|syrian army|army|russian|russia|assad|pro[\s-]government|"
    r"loyalist|hezbollah|\bSAA\b|barrel[\s-]bombs?|"
    r"syrian(?!\s+(?:kurd\w*|rebels?|opposition|democratic|observatory|network|coalition|"
    r"national|islamist|insurgents?|jihadists?|moderate|activists?|civil|free))",
    OPPOSITION: r"rebels?|opposition|free syrian army|\bFSA\b|islamists?|jaish al[\s-]\w+|"
    r"ahrar al[\s-]sham|armed groups?|ja[iy]sh al[\s-]\w+",
}
# What follows an actor's name when it is the one attacking ("regime air strikes", "IS
# militants executed"), and what precedes it ("carried out by", "by Russian jets").
_ATTACK_AFTER = (
    r"(?:[\w'-]+\s+){0,3}?(?:air\s?strikes?|airstrikes?|air\s?raids?|raids?|strikes?|shelling|"
    r"shelled|warplanes?|war\s?planes|jets?|aircraft|helicopters?|forces|troops|army|fighters|"
    r"militants|gunmen|snipers?|bombard\w*|killed|kills|kill|executed|executes|beheaded|"
    r"attack\w*|bomb\w*|fired|launched|targeted|hit|pounded|mortars?|rockets?|missiles?|"
    r"artillery|shells?|suicide|car bomb|claimed|dropped|used|uses|carried out|opened fire|"
    r"fires|fire|shelled|shells|beheads|crucif\w+|executes|massacred|stormed|ambushed)\b"
)
_ATTACK_BEFORE = (
    r"(?:\bby|\b(?:clash\w*|battles?|fighting)\s+with|"
    r"\b(?:bombers?|gunm[ae]n|fighters|militants|attackers?|jihadists)\s+from)"
    r"\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?$"
)
# "a town controlled by a rebel alliance led by ...": who holds a place, not who attacked it.
_HOLDS_BEFORE = re.compile(
    r"\b(?:held|controlled|run|besieged|encircled|captured|seized|dominated|manned)\s+by\b"
    r"[^.,;]{0,40}$",
    re.IGNORECASE,
)
_VICTIM_AFTER = re.compile(
    r"^(?:[\w'-]+\s+){0,3}?(?:were|was|have been|had been)\s+killed|^\s*positions?|"
    r"^(?:[\w'-]+\s+){0,4}?(?:said|says|reported|announced|claimed that|claim that)\b|"
    r"^\s*(?:held|controlled|stronghold)|^\s*(?:\w+\s+)?(?:blamed|accused)\b",
    re.IGNORECASE,
)


def _compile(table: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {label: re.compile(rf"\b(?:{p})\b", re.IGNORECASE) for label, p in table.items()}


_CAUSE_PATTERNS = _compile(CAUSES)
_ACTOR_PATTERNS = {
    label: re.compile(rf"(?<![\w-])(?:{p})(?![\w-])", re.IGNORECASE) for label, p in ACTORS.items()
}
_AFTER = re.compile(_ATTACK_AFTER, re.IGNORECASE)
_BEFORE = re.compile(_ATTACK_BEFORE, re.IGNORECASE)


class NamedLabels:
    """Labels, each named by its pattern, and the one a text names first (`first`).

    The patterns are also joined into one, so a text is scanned once for the earliest place
    any label is named, not once per label; the label is then the first (in the table's
    order) whose own pattern matches there, as a scan per label keeping the earliest match,
    ties going to the first listed, would find. The patterns must share their flags.
    """

    def __init__(self, patterns: dict[str, re.Pattern[str]]) -> None:
        self.patterns = patterns
        flags = {pattern.flags for pattern in patterns.values()}
        if len(flags) != 1:
            raise ValueError(f"label patterns with different flags: {sorted(flags)}")
        joined = "|".join(f"(?:{pattern.pattern})" for pattern in patterns.values())
        self._any = re.compile(joined, flags.pop())

    def first(self, text: str) -> str:
        """The label named earliest in `text`, or "unknown"."""
        found = self._any.search(text)
        if found is None:
            return UNKNOWN
        at = found.start()
        return next((label for label, p in self.patterns.items() if p.match(text, at)), UNKNOWN)


_CAUSES = NamedLabels(_CAUSE_PATTERNS)
_GAS = _CAUSE_PATTERNS["chemical and toxic gases"]


def find_cause(lead: str) -> str:
    """The cause named first in the opening of a report, or "unknown"; a gas attack
    anywhere in the opening wins, since its delivery (air strike, rocket) is named too."""
    if _GAS.search(lead):
        return "chemical and toxic gases"
    headline = sentences(lead)[0][1] if lead.strip() else ""
    if _CRASH.search(headline):
        return UNKNOWN  # an aircraft crashed: no weapon killed them
    cause = _CAUSES.first(lead)
    if cause == UNKNOWN and _GROUND_FIGHTING.search(lead):
        return "shooting"
    return cause


# Deaths where an aircraft crashed (the headline says so) are recorded with no cause.
_CRASH = re.compile(
    r"\b(?:crash(?:ed|es)?|crash-landed)\b",
    re.IGNORECASE,
)


# Ground fighting with no weapon named: documenters (FA-KES) record it as shooting.
_GROUND_FIGHTING = re.compile(
    r"\b(?:clash\w*|battles?|battling|fighting|infighting|gunbattles?|firefights?)\b",
    re.IGNORECASE,
)


# A party named right after a figure or a verb of attack is the one hit, not the attacker:
# "kill 20 Islamic State fighters", "clashes with the Nusra Front", "strikes against IS".
_VICTIM_BEFORE = re.compile(
    r"(?:(?<![\d./-])\d{1,3}(?:,\d{3})*(?:\s+(?:syrian|syria|moderate|foreign))?|"
    r"\b(?:dozens|scores|hundreds|tens)\s+of|"
    r"\b(?:against|targeting|kill|kills|killed|killing|eliminated|eliminates|destroyed|"
    r"repelled))\s+(?:(?:at least|more than|over|some|nearly)\s+\d[\d,]*\s+)?(?:the\s+)?"
    r"(?:so-called\s+)?$",
    re.IGNORECASE,
)


def _attacks(text: str, m: re.Match[str]) -> bool:
    after = text[m.end() : m.end() + 60]
    if _VICTIM_AFTER.match(after.lstrip()):
        return False
    if _VICTIM_BEFORE.search(text[max(0, m.start() - 40) : m.start()]):
        return False
    if _HOLDS_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
        return False
    return bool(_AFTER.match(after.lstrip())) or bool(
        _BEFORE.search(text[max(0, m.start() - 30) : m.start()])
    )


# With no attacker named, air strikes on opposition areas and chemical attacks are by far most
# often the government's or its Russian ally's (the only parties flying over them daily).
_AIR_OR_GAS = re.compile(
    r"\b(?:air[\s-]?strikes?|airstrikes?|air[\s-]?raids?|warplanes?|barrel[\s-]bombs?|"
    r"helicopters?|chemical|chlorine|sarin|toxic gas)\b",
    re.IGNORECASE,
)


# A short aside in brackets ("the Syrian Democratic Forces (SDF) killed") is read as blanks.
_ASIDE = re.compile(r"\([^()]{0,60}\)")


def find_actor(lead: str) -> str:
    """The party the opening names as attacking; unnamed air or gas attacks are the
    government's; otherwise "unknown"."""
    named = _named_attacker(lead)
    if named == UNKNOWN and _AIR_OR_GAS.search(lead):
        return GOVERNMENT
    return named


def _named_attacker(lead: str) -> str:
    lead = _ASIDE.sub(lambda m: " " * len(m.group(0)), lead)
    best, best_pos = UNKNOWN, len(lead) + 1
    for label, pattern in _ACTOR_PATTERNS.items():
        for m in pattern.finditer(lead):
            if m.start() >= best_pos:
                break
            if _attacks(lead, m):
                best, best_pos = label, m.start()
                break
    return best

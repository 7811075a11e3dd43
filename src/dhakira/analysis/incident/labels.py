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

UNKNOWN = "unknown"
GOVERNMENT = "syrian government or russian troops"
OPPOSITION = "armed opposition groups"
ISIS = "the organization of the islamic state in iraq and the levant - isis"
COALITION = "international coalition forces"
KURDISH = "self administration forces"
NUSRA = "al-nusra front"

CAUSES: dict[str, str] = {
    "chemical and toxic gases": r"chemical|chlorine|sarin|toxic gas|poison(?:ous)? gas|"
    r"nerve agent|gas attack|suffocat\w*",
    "execution": r"execut\w+|behead\w*|crucif\w+|slaughtered|summar\w+ kill\w*",
    "explosion": r"car[\s-]?bomb\w*|suicide\w*|explosi\w+|blast\w*|bomb (?:attack|blast)|"
    r"bombings?|IEDs?|improvised explosive|land ?mines?|mines?|booby[\s-]trap\w*|"
    r"explosive device|detonat\w+|bomber",
    "shelling": r"air[\s-]?strikes?|air[\s-]?raids?|airstrikes?|raids?|barrel[\s-]bombs?|"
    r"shell\w*|rockets?|missiles?|mortars?|artillery|bombard\w*|warplanes?|jets?|"
    r"helicopters?|aircraft|strikes?|bombs?|bombing|bombed|projectiles?|cluster",
    "shooting": r"shot|shoot\w*|snipers?|gunfire|gunmen|opened fire|clash\w*|fighting|"
    r"ambush\w*|battles?|gunbattles?",
}

ACTORS: dict[str, str] = {
    ISIS: r"islamic state|\bIS\b|\bISIS\b|\bISIL\b|daesh|daash|\bIS group",
    NUSRA: r"nusra|fateh al[\s-]sham|fatah al[\s-]sham|tahrir al[\s-]sham|\bHTS\b|al[\s-]qaeda",
    COALITION: r"(?:us|u\.s\.|american|western|international)[\s-]led|coalition|"
    r"\bUS\b|\bU\.S\.|american|washington|pentagon|french|british|turkish|turkey|israeli",
    KURDISH: r"\bSDF\b|\bYPG\b|kurdish|syrian democratic forces|\bPYD\b|asayish",
    GOVERNMENT: r"regime|government|syrian army|army|russian|russia|assad|pro[\s-]government|"
    r"loyalist|hezbollah|warplanes|barrel bombs?|helicopters?|\bSAA\b|syrian troops",
    OPPOSITION: r"rebels?|opposition|free syrian army|\bFSA\b|islamist|jaish al[\s-]\w+|"
    r"ahrar al[\s-]sham|militants|terrorists|armed groups?|jihadists|insurgents",
}


def _compile(table: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {label: re.compile(rf"\b(?:{p})\b", re.IGNORECASE) for label, p in table.items()}


_CAUSE_PATTERNS = _compile(CAUSES)
_ACTOR_PATTERNS = _compile({k: v for k, v in ACTORS.items() if k not in (ISIS,)}) | {
    ISIS: re.compile(rf"(?:{ACTORS[ISIS]})", re.IGNORECASE)
}


def _first(patterns: dict[str, re.Pattern[str]], text: str) -> str:
    best, best_pos = UNKNOWN, len(text) + 1
    for label, pattern in patterns.items():
        m = pattern.search(text)
        if m and m.start() < best_pos:
            best, best_pos = label, m.start()
    return best


def find_cause(lead: str) -> str:
    """The cause named first in the opening of a report, or "unknown"."""
    return _first(_CAUSE_PATTERNS, lead)


def find_actor(lead: str) -> str:
    """The party named first as the one who attacked, or "unknown"."""
    return _first(_ACTOR_PATTERNS, lead)

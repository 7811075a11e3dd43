"""Find English names the knowledge base does not know: people, organizations, places.

Rules, not a model, tuned for precision: a capitalized phrase is only taken as a name when the
sentence says what it is. A person needs a cue — a title or role just before ("British Foreign
Minister Boris Johnson", "political committee Muhammed Jojah"), a speech verb just after
("Jane Doe said"), or an apposition ("Lyn Maalouf, the deputy director"). An organization must
end in a head noun ("Ministry", "Council", "Network"...) with at least two capitalized words or
a nationality before it, or read "Ministry of ...". A place needs "city of", "town of",
"village of" or a following "city"/"countryside". Headline words, "Press Statement", "The
Coalition" or "Long live Syria" carry no cue and are left alone.

`tag_tokens` tags a tokenized English sentence (BIO with PERS, ORG, LOC, MISC) using the
knowledge base and these rules together, for `dhakira tag`.
"""

from __future__ import annotations

from collections.abc import Sequence

from dhakira.knowledge.tokens import Token

Span = tuple[int, int, str]  # start, end, entity type


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLES = _words(
    """
    president minister mr mrs ms dr sheikh judge ambassador envoy colonel col brigadier
    general gen lieutenant lt captain major sergeant prosecutor chairman chairwoman director
    spokesman spokeswoman spokesperson professor prof king queen prince emir senator
    commander mayor governor administrator secretary rapporteur lawyer attorney activist journalist
    researcher
    """
)
TITLE_MODIFIERS = _words(
    """
    foreign interior defence defense justice special high chief executive former acting
    regional deputy vice prime general state senior
    """
)
NATIONALITIES = _words(
    """
    syrian british french american russian turkish iranian german lebanese jordanian iraqi
    egyptian saudi qatari israeli dutch swedish un us uk eu kurdish palestinian european
    """
)
ROLE_WORDS = _words(
    """
    president minister director chairman chairwoman chair spokesman spokeswoman spokesperson
    member committee envoy ambassador secretary head commander leader activist journalist
    lawyer judge researcher official officer prosecutor rapporteur coordinator founder
    adviser advisor deputy representative correspondent reporter analyst professor survivor
    witness detainee defector doctor engineer mother father brother sister son daughter wife
    husband
    """
)
BY_VERBS = frozenset({"chaired", "led", "headed", "founded", "directed"})
SPEECH_VERBS = _words(
    """
    said says told stressed added tweeted noted stated explained wrote urged warned
    confirmed renewed announced argued insisted emphasized emphasised underlined testified
    recalled described asked replied commented pointed reported recounted
    """
)
ORG_HEADS = _words(
    """
    ministry council commission network court committee group department office agency
    organization organisation association foundation institute center centre union league
    front army forces brigade brigades battalion party movement authority tribunal
    observatory directorate bureau program programme fund society alliance initiative
    campaign command committees councils defence defense corps coalition administration
    university
    """
)
# last words that make a name no person's, though too common in headlines to make one an
# organization's ("Suicide Bomber Kills Five Kurdish Police"): a place's ("Deir Ezzor
# Governorate said") or an institution's ("National Hospital")
NOT_PERSON_HEADS = ORG_HEADS | _words(
    """
    governorate province region countryside district subdistrict east west hospital police
    headquarters government river sea mountains africa asia europe america house affairs
    rights borders reports
    """
)
PLACE_BEFORE = frozenset(
    {
        "city", "town", "village", "neighbourhood", "neighborhood", "camp", "stronghold",
        "suburb", "district", "province", "countryside", "area",
    }
)  # fmt: skip
PLACE_AFTER = frozenset({"city", "town", "village", "countryside", "camp", "neighbourhood"})
NOT_NAMES = _words(
    """
    the a an this that these those it he she they we our their his her its i you in on at by
    for from of to with and but or if as after before while when monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december press statement release report news source sources
    update breaking long live media god
    """
)
PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von", "da"})
CONNECTORS = frozenset({"of", "for", "the", "and", "on"})


def _is_name_word(token: Token) -> bool:
    surface = token.surface
    return (
        surface[:1].isupper()
        and not token.upper
        and surface[1:].replace("-", "").isalpha()
        and token.key not in NOT_NAMES
        and not token.arabic
    )


def _joined(tokens: Sequence[Token], i: int, text: str) -> bool:
    """Whether tokens[i] follows tokens[i-1] within one name (a space or hyphen between)."""
    gap = text[tokens[i - 1].end : tokens[i].start]
    return gap in (" ", "-", "‐") and not tokens[i - 1].possessive


def _runs(tokens: Sequence[Token], text: str, covered: set[int], connectors: bool) -> list[range]:
    """Maximal runs of capitalized words (and particles, or connectors for organizations)."""
    runs: list[range] = []
    i = 0
    while i < len(tokens):
        if tokens[i].arabic or i in covered or not tokens[i].capitalized:
            i += 1
            continue
        j = i + 1
        while j < len(tokens) and j not in covered and _joined(tokens, j, text):
            token = tokens[j]
            inside = token.key in PARTICLES or (connectors and token.key in CONNECTORS)
            if not (token.capitalized or inside):
                break
            j += 1
        while j > i + 1 and not tokens[j - 1].capitalized:
            j -= 1
        runs.append(range(i, j))
        i = j
    return runs


_PORTFOLIOS = frozenset({"affairs"})  # the last word of an office's portfolio


def _person(tokens: Sequence[Token], run: range, text: str) -> Span | None:
    # an office before the name: "(Under-Secretary-General for) Humanitarian Affairs Stephen
    # O'Brien", "Foreign Affairs Minister Karel Vermeulen" name the person after it
    office = [k for k in range(run.start, run.stop - 2) if tokens[k].key in _PORTFOLIOS]
    first, titled = (office[-1] + 1 if office else run.start), False
    while first < run.stop:
        key = tokens[first].key
        if key in TITLES:
            titled = True
        elif key not in TITLE_MODIFIERS and key not in NATIONALITIES:
            break
        first += 1
    words = [tokens[k] for k in range(first, run.stop) if tokens[k].key not in PARTICLES]
    if not 2 <= len(words) <= 4 or not all(_is_name_word(t) for t in words):
        return None
    if words[-1].key in NOT_PERSON_HEADS or tokens[first].key in PARTICLES:
        return None
    if not (titled or _cue_before(tokens, first) or _cue_after(tokens, run.stop, text)):
        return None
    return tokens[first].start, tokens[run.stop - 1].end, "person"


def _cue_before(tokens: Sequence[Token], i: int) -> bool:
    if i == 0:
        return False
    before = tokens[i - 1].key
    if before in ROLE_WORDS:
        return True
    return before == "by" and i >= 2 and tokens[i - 2].key in BY_VERBS


def _cue_after(tokens: Sequence[Token], j: int, text: str) -> bool:
    if j >= len(tokens):
        return False
    gap = text[tokens[j - 1].end : tokens[j].start]
    if gap.strip() == "" and tokens[j].key in SPEECH_VERBS:
        return True
    if gap.strip() == ",":
        nxt = [t.key for t in tokens[j : j + 5]]
        if nxt and nxt[0] in ("who", "whose"):
            return True
        if nxt and nxt[0] in ROLE_WORDS and nxt[1:2] in (["of"], ["at"], ["for"]):
            return True  # "Fadel Haddad, chairman of the network, said"
        if nxt and nxt[0] in {"the", "a", "an"}:
            return any(k in ROLE_WORDS for k in nxt[1:])
    return False


def _organization(tokens: Sequence[Token], run: range) -> Span | None:
    first = run.start
    if tokens[first].key == "the":
        first += 1
    words = [tokens[k] for k in range(first, run.stop)]
    content = [t for t in words if t.key not in CONNECTORS]
    if len(content) < 2 or any(len(t.key) < 2 for t in content):
        return None
    if len(content) < 2 or any(t.key in NOT_NAMES - CONNECTORS for t in content):
        return None
    head_last = content[-1].key in ORG_HEADS
    head_first = content[0].key in ORG_HEADS and any(t.key == "of" for t in words)
    if head_first:
        return tokens[first].start, tokens[run.stop - 1].end, "organization"
    if not head_last:
        return None
    before_head = content[:-1]
    if len(before_head) < 2 and not any(t.key in NATIONALITIES for t in before_head):
        return None
    return tokens[first].start, tokens[run.stop - 1].end, "organization"


def _place(tokens: Sequence[Token], run: range) -> Span | None:
    words = [tokens[k] for k in run]
    named = [t for t in words if t.key not in PARTICLES]  # "Urum al-Joz"
    if not 1 <= len(words) <= 4 or not named or not all(_is_name_word(t) for t in named):
        return None
    before = [t.key for t in tokens[max(0, run.start - 2) : run.start]]
    after = tokens[run.stop].key if run.stop < len(tokens) else ""
    if (len(before) == 2 and before[1] == "of" and before[0] in PLACE_BEFORE) or (
        after in PLACE_AFTER and before[-1:] in (["in"], ["near"], ["of"])
    ):
        return words[0].start, words[-1].end, "place"
    return None


def recognize(text: str, tokens: Sequence[Token], covered: set[int]) -> list[Span]:
    """Names in `text` that need a cue to be believed; tokens in `covered` are already known."""
    spans: list[Span] = []
    taken: set[int] = set(covered)
    for run in _runs(tokens, text, taken, connectors=True):
        span = _organization(tokens, run)
        if span is not None:
            spans.append(span)
            taken.update(run)
    for run in _runs(tokens, text, taken, connectors=False):
        # "the rebel stronghold of Urum al-Joz reported 15 killed": the place cue wins
        span = _place(tokens, run) or _person(tokens, run, text)
        if span is not None:
            spans.append(span)
    return sorted(spans)


BIO_TYPES = {
    "person": "PERS",
    "organization": "ORG",
    "place": "LOC",
    "facility": "LOC",
    "report": "MISC",
    "event": "MISC",
}


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags (PERS, ORG, LOC, MISC) for one tokenized English sentence."""
    from dhakira.analysis.entities import find_mentions

    starts, pieces, offset = [], [], 0
    for token in tokens:
        starts.append(offset)
        pieces.append(token)
        offset += len(token) + 1
    mentions = find_mentions(" ".join(pieces))
    tags = ["O"] * len(tokens)
    for mention in mentions:
        label = BIO_TYPES.get(mention.type)
        if label is None:
            continue
        inside = [
            k
            for k, s in enumerate(starts)
            if s < mention.end and s + len(tokens[k]) > mention.start
        ]
        for n, k in enumerate(inside):
            tags[k] = ("B-" if n == 0 else "I-") + label
    return tags

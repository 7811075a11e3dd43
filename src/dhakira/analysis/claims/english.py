"""English wording of claims: number words, qualifiers, victim nouns, event cues, reporting verbs.

Kept apart from the Arabic wording so each language's lists can be read and extended alone;
`numbers.py` and `events.py` compile them into the patterns they scan with.
"""

from __future__ import annotations

UNITS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES: dict[str, int] = {
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip
# Vague plurals: the smallest number the word can mean ("thousands" is at least 1,000).
VAGUE: dict[str, int] = {
    "dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1000,
    "millions": 1_000_000,
}  # fmt: skip
# Qualifier before a figure → (normalised qualifier, which figure field it fills).
QUALIFIERS_BEFORE: dict[str, tuple[str, str]] = {
    "at least": ("at least", "low"),
    "no fewer than": ("at least", "low"),
    "no less than": ("at least", "low"),
    "not fewer than": ("at least", "low"),
    "not less than": ("at least", "low"),
    # a ceiling, not a floor: "no more than 300" is not "more than 300"
    "no more than": ("up to", "high"),
    "not more than": ("up to", "high"),
    "at most": ("up to", "high"),
    "a minimum of": ("at least", "low"),
    "as many as": ("as many as", "high"),
    "up to": ("up to", "high"),
    "fewer than": ("under", "high"),
    "less than": ("under", "high"),
    "under": ("under", "high"),
    "over": ("over", "low"),
    "more than": ("over", "low"),
    "in excess of": ("over", "low"),
    "upwards of": ("over", "low"),
    "nearly": ("nearly", "best"),
    "almost": ("nearly", "best"),
    "close to": ("nearly", "best"),
    "about": ("about", "best"),
    "around": ("about", "best"),
    "approximately": ("about", "best"),
    "roughly": ("about", "best"),
    "some": ("about", "best"),
    "an estimated": ("estimated", "exact"),
    "estimated": ("estimated", "exact"),
    "an approximate": ("about", "best"),
    "a couple of": ("about", "best"),  # "a couple of dozen": about 24 (numbers doubles it)
}
QUALIFIERS_AFTER: dict[str, tuple[str, str]] = {
    "at least": ("at least", "low"),
    "or more": ("at least", "low"),
    "-plus": ("over", "low"),  # "300-plus people"
    "or so": ("about", "best"),  # "a dozen or so"
}
# Head nouns that make a figure a count of people harmed or of violations.
VICTIM_NOUNS: tuple[str, ...] = (
    "people", "persons", "person", "individuals", "civilians", "civilian", "detainees",
    "detainee", "prisoners", "prisoner", "inmates", "syrians", "men", "women", "children",
    "minors", "boys", "girls", "victims", "bodies", "corpses", "deaths", "lives", "families",
    "cases", "executions", "hangings", "arrests", "detentions", "disappearances", "killings",
    "murders",
    "dead", "sentences", "protesters", "activists", "students", "doctors", "journalists",
    "soldiers",
    "fighters", "defectors", "refugees", "residents", "members", "officers", "others", "more",
    "citizens", "villagers", "workers", "teachers", "nurses", "patients", "passengers",
    "worshippers", "migrants", "hostages", "infants", "babies", "teenagers", "youths",
    "inhabitants",
    "child", "man", "woman", "soldier", "fighter", "journalist", "worker",
)  # fmt: skip
# Armed men, counted as one side's dead ("30 militants including three commanders"), but also
# as who came, fought or joined ("a war that has drawn thousands of jihadists"): a count of
# them only with what happened to them near it
ARMED_NOUNS: tuple[str, ...] = (
    "militants", "terrorists", "jihadists", "rebels", "troops", "gunmen", "extremists",
    "insurgents", "combatants", "commanders", "policemen", "guards", "militiamen",
    "servicemen", "personnel", "militant",
)  # fmt: skip
# Head nouns of documentation method ("interviews with 84 witnesses").
METHOD_NOUNS: tuple[str, ...] = (
    "interviews", "interview", "witnesses", "witness", "testimonies", "testimony",
    "documents", "photographs", "photos", "images", "videos", "sources", "files", "pages",
    "records", "statements", "interviewees",
)  # fmt: skip
METHOD_LEADS: tuple[str, ...] = (
    "interviews with", "interviewed", "spoke to", "spoke with", "based on", "reviewed",
    "analysed", "analyzed", "examined", "consulted", "drew on", "relied on", "talked to",
)  # fmt: skip
# "held" of people ("2,000 people are held"), not of places: "rebel-held", "areas held by the
# opposition", "parts of Aleppo held by rebels"; the look-ahead first, so the look-behinds are
# only tried where "held" stands (this cue is tried at every word of every sentence)
_HELD = (
    r"(?=held)(?<!-)"
    + "".join(
        rf"(?<!{place} )"
        for place in (
            "areas", "parts", "town", "towns", "city", "cities", "territory", "district",
            "districts", "village", "villages", "zones", "region", "regions", "neighbourhoods",
            "neighborhoods", "province", "aleppo",
        )
    )
    + "held"
)  # fmt: skip
# Verbs in the present that take the figure after them as their object, as headlines write
# them ("Shelling Kills 3 Wounds 20"): the verb after a figure is then the next figure's,
# not what happened to this one
ACTIVE_VERBS = frozenset({"kill", "kills", "wound", "wounds", "injure", "injures"})
# a figure comes next: "wounds 20", "injures at least five"
_FIGURE_NEXT = (
    r"(?=\s+(?:\d|(?:at least|more than|over|about|around|nearly|some|dozens|scores|hundreds|"
    r"tens|two|three|four|five|six|seven|eight|nine|ten)\b))"
)
# Event cues as regular expressions over lower-cased text; "verb" cues name what happened to
# the counted people, "noun" cues only name a violation somewhere in the clause.
EVENT_VERBS: dict[str, tuple[str, ...]] = {
    "death_in_custody": (
        r"(?:died|killed|perished|tortured to death) (?:under|from|as a result of) torture",
        r"(?:died|killed|perished) in (?:\w+ )?(?:custody|detention|prison)", r"tortured to death",
    ),
    "death_sentence": (
        r"(?:sentenced|condemned) to death",
        # "sentenced more than 50 detainees to death": the verb before its figure
        r"(?:sentenced|condemned)(?=\s+(?:[\w,-]+\s+){1,6}?to death\b)",
    ),
    "execution": (r"executed", r"hanged", r"hung", r"put to death", r"shot dead by firing squad"),
    "enforced_disappearance": (
        r"(?:forcibly |forcefully )?disappeared", r"went missing",
        r"(?:remain|remains|remained|are still|were still|still) missing",
    ),
    "release": (
        # of people, not of gas ("rockets that released deadly fumes") or of a report, nor a
        # town "freed of the militants"
        r"released(?!\s+(?:[\w-]+\s+){0,2}?(?:gas|gases|fumes|chemicals?|chlorine|sarin|toxins?|"
        r"smoke|statements?|reports?|videos?|footage|figures|data|images|photos|photographs|"
        r"lists?|names)\b)",
        r"freed(?!\s+(?:of|from)\s+(?:the\s+)?(?:militants|jihadists|terrorists|rebels|"
        r"extremists|insurgents|isis|isil|is|daesh|islamic state|control|occupation|siege)\b)",
        r"set free",
    ),
    "killing": (r"killed", r"murdered", r"died", r"perished", r"massacred", r"slain",
                r"lost their lives", r"shot dead", r"martyred", r"kills?"),
    "torture": (r"tortured",),
    "detention": (r"detained", r"arrested", r"imprisoned", r"jailed", _HELD, r"abducted",
                  r"incarcerated",
                  r"(?:remain|remains|remained|are still|were still|still) (?:in detention|"
                  r"in custody|in prison|behind bars)"),
    # the wounded: "killing 5 and injuring 15 others" did not kill the 15; the displaced:
    # "400000 killed and millions displaced", "12,000 fled their homes", "forced to flee"
    # "Kills 3 Wounds 20" (a headline's verbs; "died of his wounds" is the noun)
    "other": (r"injured", r"wounded", r"injuring", r"wounding",
              rf"(?:wounds?|injures?){_FIGURE_NEXT}",
              r"hospitali[sz]ed", r"displaced",
              r"fled(?=\s+(?:from\s+)?(?:their|his|her)\s+homes?\b)", r"forced to flee"),
}  # fmt: skip
EVENT_NOUNS: dict[str, tuple[str, ...]] = {
    # a death notice or certificate for a detainee: the state records a death in its custody
    "death_in_custody": (
        r"deaths? (?:in|under) (?:custody|detention|torture)",
        r"death (?:notices?|notifications?|certificates?)",
    ),
    "death_sentence": (r"death sentences?", r"death penalt(?:y|ies)"),
    "execution": (r"executions?", r"hangings?", r"gallows"),
    "enforced_disappearance": (
        r"(?:enforced )?disappearances?", r"missing",
        # "the fate of more than 100,000 people remains unknown" (not "concern about the fate
        # of 200000 people still living in rebel-held districts")
        r"(?:fate|whereabouts)(?=[^.;]{0,80}\b(?:unknown|unclear)\b)",
    ),
    "release": (r"releases?",),
    "killing": (r"killings?", r"murders?", r"deaths", r"death of", r"massacres?", r"lives",
                r"dead", r"casualties"),
    "torture": (r"torture",),
    "detention": (r"detention", r"detainees?", r"arrests?", r"prisoners?", r"prisons?",
                  r"custody", r"imprisonment"),
    # the wounded; the evacuated ("the evacuation of thousands of Syrians")
    "other": (r"injur(?:y|ies)", r"evacuations? of"),
}  # fmt: skip
# What a figure counts when it is not people: "fired 50 rockets", "destroyed three buildings"
THING_NOUNS: tuple[str, ...] = (
    "buildings", "houses", "homes", "apartments", "rockets", "shells", "mortars", "missiles",
    "bombs", "barrels", "airstrikes", "strikes", "raids", "attacks", "incidents", "explosions",
    "blasts", "vehicles", "cars", "tanks", "trucks", "buses", "villages", "towns", "cities",
    "areas", "regions", "provinces", "districts", "neighbourhoods", "neighborhoods",
    "hospitals", "schools", "mosques", "checkpoints", "positions", "sites", "locations",
    "points", "projects", "project", "family",
)  # fmt: skip
# Reporting verbs whose subject is the source of a claim.
SAY_VERBS: tuple[str, ...] = (
    "said", "says", "stated", "reported", "documented", "estimated", "estimates", "added",
    "stressed", "noted", "found", "confirmed", "told", "wrote", "revealed", "recorded",
    "announced", "claimed",
    "counted", "concluded", "explained", "pointed out", "underscored", "warned", "tweeted",
)  # fmt: skip
PRONOUNS: dict[str, str] = {
    "he": "person", "she": "person", "it": "organization", "they": "organization",
}  # fmt: skip
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

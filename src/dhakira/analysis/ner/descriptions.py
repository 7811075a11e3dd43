"""Third pass: words that describe are not names, and a person is not headed by "observatory".

A model trained on 100,000 words of general news makes three mistakes that matter in a
detainee archive, where every tagged person or place becomes an entry someone may act on:

- an adjective made from a place ("السورية", "the Syrian", of سوريا) tagged as a place on its
  own. In the annotated news such adjectives are plain words unless they end a longer name
  ("الجمهورية العربية السورية"), so a one-word place that is the adjective of a listed place,
  and is not itself listed ("اللاذقية" is), is no name;
- a plural adjective tagged as a person ("حقوقيون", rights lawyers; "المدنيين", the
  civilians): a one-word person ending in -يون/-يين is no name when the training text used
  the word it is made from ("حقوق", "مدني") mostly as a plain word and no name list holds it
  ("بجماليون", Pygmalion, and "نابليون" stay persons: nothing plain is behind them);
- an organization tagged as a person because its second word is a family name ("المرصد
  الشامي"): a person whose first word heads organizations is an organization.

- a month written in a date tagged as a name: "نيسان" is April in a Syrian document ("في
  شهر نيسان", "3 نيسان 2013"), though the news the model learnt from names the car maker so;
  a one-word name that is a month's name after a day or "شهر", before a year or "الماضي",
  or paired with another month ("أبريل / نيسان") is no name (the annotated news leaves
  months untagged).

A one-word *person* that is an adjective of a place keeps its tag: "الحلبي", "الشامي" are
family names. The pass only reads the tags and the shipped lists, so it runs the same on any
model.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from dhakira.analysis.date_mentions import AR_MONTHS
from dhakira.analysis.ner.bio import tag_spans
from dhakira.analysis.ner.consistency import PLAIN
from dhakira.analysis.ner.features import token_facts
from dhakira.analysis.ner.gazetteer import ORG_CUES, load_lists, strip_clitics
from dhakira.text.normalize import normalize_arabic

_ARTICLE = "ال"
# adjective endings (normalized: ة is ه) and the endings the place name may have instead
_ADJECTIVE_ENDINGS = ("يه", "ي")
_PLACE_ENDINGS = ("", "ا", "يا", "ه")
_PLURAL_ENDINGS = ("يون", "يين")
_PLURAL_LEADS = ("وال", "فال", "ال", "و", "ف")  # conjunction and article, longest first
_MIN_STEM = 3  # letters left before a plural ending: "ليون" is a city, not a plural
_MIN_PLACE_STEM = 2  # letters left of a place before an adjective ending
_PLACE_LISTS = ("syria_place", "world_place")
_NAME_LISTS = ("given", "family", "foreign_given", "public_figure")
# the first word of each month's name ("تشرين الأول"), and what shows a month is a date's
_MONTHS = frozenset(name.split()[0] for name in AR_MONTHS)
_MONTH_BEFORE = frozenset({"شهر", "شهري"})
_MONTH_AFTER = frozenset(
    strip_clitics(word) for word in ("الماضي", "المقبل", "الحالي", "الجاري", "المنصرم")
)  # as `TokenFacts.light` has them: "ماضي"
# words that head an organization's name besides the model's cue words (not added to those:
# the model was trained with them as they are)
_ORG_HEADS = ORG_CUES | frozenset(normalize_arabic(word) for word in ("مرصد", "المرصد"))


def drop_descriptions(
    sentences: list[list[str]], tags: list[list[str]], lexicon: Mapping[str, str]
) -> list[list[str]]:
    """The tags with place adjectives and plural adjectives untagged and organizations that
    were tagged as persons retyped (see the module text); `lexicon` is the model's (`lexicon`)."""
    result = [list(row) for row in tags]
    for tokens, row in zip(sentences, result, strict=True):
        for start, end, kind in tag_spans(row):
            if end - start == 1 and (
                _describes(tokens[start], kind, lexicon) or _dated_month(tokens, start)
            ):
                row[start] = "O"
            elif kind == "PERS" and _heads_organization(tokens[start]):
                row[start:end] = ["B-ORG"] + ["I-ORG"] * (end - start - 1)
    return result


def _describes(token: str, kind: str, lexicon: Mapping[str, str]) -> bool:
    facts = token_facts(token)
    if kind == "LOC":
        return is_place_adjective(facts.norm)
    if kind == "PERS":
        return _is_plural_adjective(facts.norm, facts.light, lexicon)
    return False


@lru_cache(maxsize=4096)
def is_place_adjective(word: str) -> bool:
    """True for "السورية", "العراقي", "الروسية": the article, a listed place, an adjective
    ending; False for a listed place itself ("اللاذقية") and for other words. `word` is in
    `normalize_arabic` form."""
    places = _places()
    if not word.startswith(_ARTICLE) or (word,) in places:
        return False
    body = word[len(_ARTICLE) :]
    for ending in _ADJECTIVE_ENDINGS:
        stem = body[: -len(ending)]
        if body.endswith(ending) and len(stem) >= _MIN_PLACE_STEM:
            candidates = [stem + tail for tail in _PLACE_ENDINGS]
            candidates.append(_ARTICLE + stem)
            if any((candidate,) in places for candidate in candidates):
                return True
    return False


@lru_cache(maxsize=1)
def _places() -> frozenset[tuple[str, ...]]:
    lists = load_lists()
    return frozenset().union(*(lists[name] for name in _PLACE_LISTS))


def _is_plural_adjective(norm: str, light: str, lexicon: Mapping[str, str]) -> bool:
    """True for "حقوقيون", "المدنيين": a plural ending after a stem that, alone or as the
    singular adjective, the training text used mostly as a plain word; and no listed name.

    Only a conjunction and the article are taken off the front: a preposition's letter may
    begin the name itself ("بجماليون" is not ب + جماليون, of "جمال")."""
    body = next((norm[len(lead) :] for lead in _PLURAL_LEADS if norm.startswith(lead)), norm)
    ending = next((tail for tail in _PLURAL_ENDINGS if body.endswith(tail)), None)
    if ending is None or len(body) - len(ending) < _MIN_STEM:
        return False
    stem = body[: -len(ending)]
    if not any(lexicon.get(form, "").startswith(PLAIN) for form in (stem, stem + "ي", stem + "يه")):
        return False
    lists = load_lists()
    return not any((form,) in lists[name] for name in _NAME_LISTS for form in (norm, light))


def _dated_month(tokens: list[str], index: int) -> bool:
    """True for a month's name written as a date: after a day ("3 نيسان") or "شهر", before a
    year ("نيسان 2013") or "الماضي", or paired with another month's name ("أبريل / نيسان")."""
    if not _month(tokens, index):
        return False
    if index > 0:
        before = token_facts(tokens[index - 1])
        if before.shape == "D" or before.light in _MONTH_BEFORE:
            return True
        if before.norm == "/" and _month(tokens, index - 2):
            return True
    if index + 1 < len(tokens):
        after = token_facts(tokens[index + 1])
        if (after.shape == "D" and len(after.norm) == 4) or after.light in _MONTH_AFTER:
            return True
        return after.norm == "/" and _month(tokens, index + 2)
    return False


def _month(tokens: list[str], index: int) -> bool:
    return 0 <= index < len(tokens) and token_facts(tokens[index]).light in _MONTHS


def _heads_organization(token: str) -> bool:
    facts = token_facts(token)
    return facts.norm in _ORG_HEADS or facts.light in _ORG_HEADS

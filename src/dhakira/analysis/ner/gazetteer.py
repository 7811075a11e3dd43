"""Name lists the Arabic entity model consults: given and family names, places, cue words.

A model trained on 100,000 words of news has seen few of the names a Syrian document holds, so
each token also says whether it (or the phrase it starts) is a known given name, family name,
Syrian place or world place. The lists are plain text files under `resources/` (one normalized
entry a line, built by scripts/train_arabic_ner.py and credited in resources/NOTICE.md).
Entries are compared in `normalize_arabic` form without the clitics a word may carry.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from dhakira.text.normalize import normalize_arabic

LISTS = (
    "given",
    "family",
    "foreign_given",
    "public_figure",
    "syria_place",
    "world_place",
    "org_name",
    "misc_name",
)
MAX_PHRASE = 4


def _word_set(*lines: str) -> frozenset[str]:
    """The normalized words of some space-separated lines."""
    return frozenset(normalize_arabic(word) for line in lines for word in line.split())


# Words that come before a person's name: titles, offices, kinship.
PERSON_CUES = _word_set(
    "الرئيس الرئيسة السيد السيدة الشيخ الدكتور الدكتورة د المهندس الأستاذ الوزير الوزيرة "
    "النائب الأمين الملك الأمير الأميرة العقيد العميد اللواء الرائد المقدم النقيب الجنرال "
    "المستشار السفير القاضي المحامي الناطق المتحدث رئيس وزير نائب الزعيم المطران البابا "
    "الإمام الحاج المدرب اللاعب المخرج الفنان الفنانة الكاتب الشاعر الصحفي المعتقل "
    "ابن بن بنت أبو أم"
)
# Words that open or head an organization's name.
ORG_CUES = _word_set(
    "وزارة حزب شركة منظمة جامعة مجلس وكالة اتحاد جمعية هيئة بنك مصرف صندوق لجنة حركة "
    "جبهة نادي مؤسسة مركز معهد جيش قوات الأمم الامم محكمة برلمان مفوضية رابطة نقابة "
    "تحالف ائتلاف فرع إدارة مديرية الجامعة الوزارة الحزب الشركة المنظمة المجلس الوكالة "
    "الاتحاد الجمعية الهيئة البنك المصرف الصندوق اللجنة الحركة الجبهة النادي المؤسسة "
    "كلية الكلية مكتب صحيفة الصحيفة مجلة المجلة قناة القناة إذاعة تلفزيون شبكة فريق "
    "منتخب مدرسة أكاديمية مستشفى مجموعة تنظيم التنظيم المعهد المحكمة المفوضية الرابطة"
)
# Words that open or introduce a name of the MISC kind: events, contests, prizes, works, wars.
MISC_CUES = _word_set(
    "بطولة البطولة كأس مونديال المونديال دورة الدورة أولمبياد الأولمبياد مهرجان المهرجان "
    "مؤتمر المؤتمر معرض المعرض جائزة الجائزة حرب الحرب رواية الرواية فيلم الفيلم كتاب "
    "مسرحية مسلسل برنامج أغنية ديوان قمة القمة طراز دوري الدوري منتدى المنتدى"
)
# Words that come before a place name.
PLACE_CUES = _word_set(
    "مدينة بلدة قرية محافظة منطقة ولاية إقليم عاصمة العاصمة جزيرة جزر بحر نهر جبل سجن "
    "مطار ميناء حي ريف شمال جنوب شرق غرب وسط مدينه دولة"
)
_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_CLITIC_FIRST = frozenset(clitic[0] for clitic in _CLITICS)


def strip_clitics(word: str) -> str:
    """The word without one leading conjunction/preposition and article, when enough remains."""
    if word[:1] not in _CLITIC_FIRST:  # most words: no clitic to try
        return word
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic) :]
    return word


def entry_key(phrase: str) -> tuple[str, ...]:
    """How a list entry or a run of tokens is compared: normalized words, clitics stripped."""
    return tuple(strip_clitics(normalize_arabic(word)) for word in phrase.split())


def entry_keys(phrase: str) -> tuple[tuple[str, ...], ...]:
    """The keys a list entry is found by: `entry_key`, and the same with its first word whole.

    A name may itself begin with a clitic letter: "فرنسا" loses its "ف" like a conjunction
    ("رنسا"), while "وفرنسا" loses only its "و" and reads "فرنسا"; the second key meets it.
    """
    stripped = entry_key(phrase)
    whole = normalize_arabic(phrase.split()[0]) if stripped else ""
    return (stripped, (whole, *stripped[1:])) if stripped and whole != stripped[0] else (stripped,)


@lru_cache(maxsize=1)
def load_lists() -> dict[str, frozenset[tuple[str, ...]]]:
    """Every shipped list as a set of word tuples (read once per process)."""
    folder = resources.files("dhakira.analysis.ner") / "resources"
    loaded: dict[str, frozenset[tuple[str, ...]]] = {}
    for name in LISTS:
        text = (folder / f"{name}.txt").read_text(encoding="utf-8")
        entries = (line.strip() for line in text.splitlines())
        loaded[name] = frozenset(
            key for line in entries if line and not line.startswith("#") for key in entry_keys(line)
        )
    return loaded


@lru_cache(maxsize=1)
def _lists_by_first_word() -> dict[str, tuple[str, ...]]:
    """Per word, the lists that have an entry beginning with it: most tokens begin none."""
    index: dict[str, list[str]] = {}
    for name, entries in load_lists().items():
        for entry in entries:
            names = index.setdefault(entry[0], [])
            if name not in names:
                names.append(name)
    return {word: tuple(names) for word, names in index.items()}


def phrase_marks(keys: list[str]) -> list[list[str]]:
    """Per token, the list memberships of the longest listed phrase covering it, as B/I marks.

    `keys` are tokens in comparison form (`TokenFacts.light`, see `entry_keys`). A token inside
    a two-word
    place name gets "syria_place:B" or "syria_place:I", so the model can learn that the phrase
    as a whole is a name. Each list is matched greedily from left to right on its own.
    """
    lists = load_lists()
    starts = _lists_by_first_word()
    marks: list[list[str]] = [[] for _ in keys]
    free_from: dict[str, int] = {}  # per list, where its last match ended
    for index in [number for number, key in enumerate(keys) if key in starts]:
        for name in starts[keys[index]]:
            if index < free_from.get(name, 0):
                continue
            length = _longest_match(keys, index, lists[name])
            if length:
                marks[index].append(f"{name}:B")
                for inner in range(index + 1, index + length):
                    marks[inner].append(f"{name}:I")
                free_from[name] = index + length
    return marks


def _longest_match(keys: list[str], start: int, entries: frozenset[tuple[str, ...]]) -> int:
    for length in range(min(MAX_PHRASE, len(keys) - start), 0, -1):
        if tuple(keys[start : start + length]) in entries:
            return length
    return 0

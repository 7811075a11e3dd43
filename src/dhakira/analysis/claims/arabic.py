"""Arabic wording of claims, written in folded spelling (see `fold`).

Arabic text is matched after folding the letters that writers use interchangeably (أ إ آ ٱ → ا,
ة → ه, ى → ي) and dropping short vowels and tatweel, so "ألفاً", "الفا" and "أَلْفًا" all read
"الفا". Folding keeps a map back to the original positions, so spans stay exact.
"""

from __future__ import annotations

import re

# Letter variants, Arabic-Indic and Eastern Arabic-Indic digits, the Arabic thousands
# separator and decimal mark: each becomes one character, so positions do not move.
_SAME_LENGTH: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "٬": ",", "٫": ".",
    **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
    **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")},
}  # fmt: skip
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def fold(text: str) -> tuple[str, list[int] | None]:
    """Fold letters and digits; return the folded text and, when marks were dropped, the map
    from each folded position to its original position (None when positions are unchanged)."""
    if text.isascii():
        return text, None
    folded = text
    for variant, same in _SAME_LENGTH.items():  # none of them folds to another variant
        if variant in folded:
            folded = folded.replace(variant, same)
    if not _MARKS.search(folded):
        return folded, None
    kept: list[int] = []
    previous = 0
    for mark in _MARKS.finditer(folded):  # marks are few: copy the runs between them
        kept.extend(range(previous, mark.start()))
        previous = mark.end()
    kept.extend(range(previous, len(folded) + 1))
    return _MARKS.sub("", folded), kept


UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    # the first word of eleven and twelve ("أحد عشر", "اثنا عشر"): see TEEN_FIRST
    "احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
}  # fmt: skip
# words that are a number only before "عشر": "أحد المعتقلين" is one of the detainees
TEEN_FIRST = frozenset({"احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي"})
HUNDREDS: dict[str, int] = {
    "مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
    "مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200,  # before a noun: "مئتي شخص"
    **{f"{unit}{h}": value * 100 for unit, value in (
        ("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9))
       for h in ("مئه", "مائه")},
}  # fmt: skip
# Scale words: singular/accusative forms multiply, duals are two of the scale.
SCALES: dict[str, int] = {
    "الف": 1000, "الفا": 1000, "الاف": 1000, "مليون": 1_000_000, "مليونا": 1_000_000,
    "ملايين": 1_000_000, "مليار": 1_000_000_000,
}  # fmt: skip
DUALS: dict[str, int] = {
    "الفان": 2000, "الفين": 2000, "مليونان": 2_000_000, "مليونين": 2_000_000,
}  # fmt: skip
# Nouns whose dual counts two people by itself ("مقتل طفلين": two children). Both dual endings
# only for nouns with a broken plural (أطفال، أشخاص، رجال، نساء): their -ين form cannot be a
# plural ("مدنيين" can). A noun with a sound plural is a dual only in "-ان": "مواطنين" is the
# citizens ("اعتقلت خمسة مواطنين"), "مواطنان" two of them.
DUAL_PEOPLE: frozenset[str] = frozenset(
    [
        f"{stem}{ending}"
        for stem in ("طفل", "شخص", "رجل", "امرات", "شاب", "سجين", "شقيق", "طالب")
        for ending in ("ين", "ان")
    ]
    + ["مواطنان"]
)
# Vague quantities: folded phrase → (smallest value, English qualifier).
VAGUE: dict[str, tuple[int, str]] = {
    "عشرات الالاف": (10_000, "tens of thousands"),
    "عشرات الاف": (10_000, "tens of thousands"),
    "مئات الالاف": (100_000, "hundreds of thousands"),
    "مئات الاف": (100_000, "hundreds of thousands"),
    # "الألوف": the other plural of "ألف"
    "عشرات الالوف": (10_000, "tens of thousands"),
    "مئات الالوف": (100_000, "hundreds of thousands"),
    "الالوف": (1000, "thousands"),
    "بضعه الاف": (1000, "several thousand"),
    "بضع الاف": (1000, "several thousand"),
    "عده الاف": (1000, "several thousand"),
    "الالاف": (1000, "thousands"),
    "الاف": (1000, "thousands"),
    "عشرات": (10, "tens"),
    "مئات": (100, "hundreds"),
    "ملايين": (1_000_000, "millions"),
}
QUALIFIERS_BEFORE: dict[str, tuple[str, str]] = {
    "اكثر من": ("over", "low"),
    "ما يزيد عن": ("over", "low"),
    "ما يزيد علي": ("over", "low"),
    "يزيد عن": ("over", "low"),
    "ما لا يقل عن": ("at least", "low"),
    "لا يقل عن": ("at least", "low"),
    "ما يصل الي": ("up to", "high"),
    "يصل الي": ("up to", "high"),
    "اقل من": ("under", "high"),
    "ما لا يتجاوز": ("up to", "high"),
    "لا يتجاوز": ("up to", "high"),
    "ما لا يزيد عن": ("up to", "high"),
    "ما لا يزيد علي": ("up to", "high"),
    "ما يربو علي": ("over", "low"),
    "ما يربو عن": ("over", "low"),
    "يربو علي": ("over", "low"),
    "زهاء": ("about", "best"),
    "نحو": ("about", "best"),
    "حوالي": ("about", "best"),
    "قرابه": ("about", "best"),
    "ما يقارب": ("about", "best"),
    "يقارب": ("about", "best"),
    "ما يقرب من": ("about", "best"),
}
QUALIFIERS_AFTER: dict[str, tuple[str, str]] = {
    "علي الاقل": ("at least", "low"),
    "او اكثر": ("at least", "low"),
    "ونيف": ("over", "low"),  # "300 ونيف": three hundred and some
    "تقريبا": ("about", "best"),
}
ESTIMATE_WORDS: tuple[str, ...] = ("يقدر", "تقدر", "المقدر", "تقديرات", "يقدرون")
VICTIM_STEMS: tuple[str, ...] = (
    "شخص", "اشخاص", "مدني", "معتقل", "سجين", "سجناء", "ضحيه", "ضحايا", "قتيل", "قتلي",
    "طفل", "اطفال", "امراه", "نساء", "سوري", "حاله", "حالات", "جثه", "جثث", "مختف",
    "مواطن", "ناشط", "عنصر", "عناصر", "محتجز", "مفقود", "شهيد", "شهداء", "فرد", "افراد",
    "رجل", "رجال", "طالب", "طلاب", "موقوف", "اسير", "اسري", "معتقلات", "نسمه", "شاب", "شبان",
    "سيده", "سيدات", "فتاه", "فتيات", "جريح", "جرحي", "نازح",
)  # fmt: skip
METHOD_STEMS: tuple[str, ...] = (
    # "مقابلة", "مقابلات" (interviews), not "مقابل" (against: "89 مقابل 2")
    "مقابله", "مقابلات", "شاهد", "شهود", "شهاد", "وثيق", "وثائق", "صوره", "صور", "مصدر",
    "مصادر", "ملف",
)  # fmt: skip
METHOD_LEADS: tuple[str, ...] = ("مقابلات مع", "مقابله مع", "استنادا الي", "بناء علي", "قابل")
# "توفي", "توفيت", "توفوا" (died): the verb's own forms, not the words that begin with its
# letters ("توفير", providing; "توفيق", a given name)
DIED = r"توف(?:ي|يت|يا|يتا|وا)"
EVENT_VERBS: dict[str, tuple[str, ...]] = {
    "death_in_custody": (
        rf"(?:قتل\w*|{DIED}|ماتوا|مات|قضوا|قضي|لقوا حتفهم|لقي حتفه)\s+(?:\w+\s+)?تحت التعذيب",
    ),
    "death_sentence": (
        r"حكم\w*\s+(?:\w+\s+)?بالاعدام",
        # "حُكم على 12 شاباً بالإعدام": the sentenced people stand between
        r"حكم\w*(?=\s+علي\s+(?:\S+\s+){1,4}بالاعدام)",
    ),
    "execution": (r"اعدم\w*", r"شنق\w*"),
    # "غُيّب", "غيّبوا" (not "غيبوبة", a coma)
    "enforced_disappearance": (r"اختف\w*", r"اخفي\w*", r"غيب(?:ت|وا|وه|وهم|تهم)?"),
    "release": (
        r"افرج\w*", r"اطلق سراح\w*",
        r"اطلق(?:ت|وا)?(?=\s+(?:\S+\s+){1,4}سراح)",  # "أطلقت هيئة تحرير الشام سراح 30"
        # "خرج 50 معتقلاً من سجن صيدنايا": out of a prison, not out on a march
        r"خرج\w*(?=\s+(?:\S+\s+){0,4}من\s+(?:ال)?(?:سجن|سجون|معتقل|فرع|احتجاز))",
    ),
    "killing": (
        r"قتل\w*", r"لقوا حتفهم", r"لقي حتفه", DIED, r"استشهد\w*",
        # "لقي 8 أشخاص حتفهم": the dead stand between; "قضوا في سجون" (not "قضوا 10 سنوات")
        r"لق(?:ي|وا)(?=\s+(?:\S+\s+){1,4}(?:حتف|مصرع))", r"لق(?:ي|وا) مصرع\w*",
        r"اود(?:ي|ت) بحياه",  # "أودى بحياة ثمانية أشخاص"
        r"قض(?:وا|ي)(?=\s+(?:في|داخل|تحت|جراء|بسبب|نحب))",
        # "قضى 15 معتقلاً بسبب التعذيب": the dead stand between
        r"قض(?:وا|ي)(?=\s+(?:\S+\s+){1,4}(?:في|داخل|تحت|جراء|بسبب|نتيجه)\s)",
    ),
    "torture": (r"عذب\w*",),
    "detention": (r"اعتقل\w*", r"احتجز\w*", r"اعتقال\w*",
                  # "لا يزال عشرات الآلاف خلف القضبان": the held people may stand between
                  r"(?:لا|ما) (?:يزال|يزالون|زال|زالوا)(?=\s+(?:\S+\s+){0,4}(?:في السجون|"
                  r"في المعتقلات|خلف القضبان|وراء القضبان|معتقلين|محتجزين))"),
    # the wounded: "وأصابت 150"; the displaced: "نزح أكثر من 12 ألف شخص"
    "other": (r"اصيب\w*", r"جرح(?:ت|وا)?", r"اصاب(?:ت|وا)?", r"نزح(?:ت|وا)?"),
}  # fmt: skip
EVENT_NOUNS: dict[str, tuple[str, ...]] = {
    "death_in_custody": (
        r"تحت التعذيب",
        r"(?:شهادات|شهاده|اخطارات|اشعارات|بيانات) (?:ال)?وفاه",  # "شهادات وفاة لـ 23 معتقلاً"
    ),
    "death_sentence": (r"احكاما?\s+(?:ال|بال)?اعدام", r"حكما?\s+بالاعدام"),
    "execution": (r"(?:ال)?اعدام\w*", r"(?:ال)?مشانق", r"(?:ال)?شنق", r"(?:ال)?تصفيه"),
    "enforced_disappearance": (
        r"(?:ال)?مختف\w*", r"(?:ال)?اخفاء", r"(?:ال)?اختفاء", r"(?:ال)?مفقود\w*",
        r"مصير(?=[^.؛]{0,60}مجهول)",  # "لا يزال مصير أكثر من 100 ألف شخص مجهولاً"
    ),
    "release": (r"(?:ال)?افراج", r"اطلاق سراح", r"سراح"),
    "killing": (r"مقتل", r"مصرع", r"(?:ال)?استشهاد", r"(?:ال)?قتلي", r"قتيلا?",
                r"(?:ال)?شهداء", r"مجزر\w*", r"وفا[هت]"),
    "torture": (r"(?:ال)?تعذيب",),
    "detention": (r"(?:ال)?معتقل\w*", r"(?:ال)?محتجز\w*", r"(?:ال)?سجين\w*", r"(?:ال)?سجناء",
                  r"(?:ال)?سجون", r"(?:ال)?سجن", r"(?:ال)?احتجاز", r"(?:ال)?موقوف\w*"),
    "other": (r"(?:ال)?اصاب(?:ه|ات)", r"(?:ال)?مصابين", r"(?:ال)?جرحي", r"جريحا?",
              r"(?:ال)?نازح\w*", r"(?:ال)?نزوح", r"(?:ال)?اجلاء"),
}  # fmt: skip
THING_NOUNS: tuple[str, ...] = (
    "مبان", "مباني", "منازل", "بيوت", "صواريخ", "صاروخا", "قذائف", "قذيفه", "غارات", "غاره",
    "براميل", "برميلا", "هجمات", "قري", "مدن", "بلدات", "مستشفيات", "مدارس", "سيارات", "مساجد",
    "طائرات", "طائره", "مروحيات", "دبابات", "اليات", "مواقع", "حواجز",
)  # fmt: skip
# Reporting verbs (the source follows them in Arabic word order) and "according to".
SAY_VERBS: tuple[str, ...] = (
    "قال", "قالت", "ذكر", "ذكرت", "افاد", "افادت", "اكد", "اكدت", "اشار", "اشارت", "وثق",
    "وثقت", "اعلن", "اعلنت", "اوضح", "اوضحت", "قدر", "قدرت", "رصد", "رصدت", "اضاف", "اضافت",
    "سجل", "سجلت", "احصي", "احصت", "نقل", "نقلت",
    # the present tense: "وتقدّر المنظمة أن", "يقول المرصد إن"
    "يقول", "تقول", "يقدر", "تقدر", "يشير", "تشير", "يوكد", "تؤكد", "يؤكد", "توكد", "يذكر",
    "تذكر", "يفيد", "تفيد", "يوثق", "توثق",
)  # fmt: skip
# "وفقاً لـ" keeps its "لـ" in the name that follows: "وفقاً للشبكة" names the network where
# the mention "للشبكة ..." begins
ACCORDING_TO: tuple[str, ...] = ("بحسب", "حسب", "وفقا", "وفق", "نقلا عن", "طبقا")
MONTHS: dict[str, int] = {
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6,
    "تموز": 7, "اب": 8, "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11,
    "كانون الاول": 12, "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يوليو": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}  # fmt: skip
# The months of the Hijri calendar, folded: a day of one is no count ("في 21 من رمضان"). Not
# in MONTHS, whose numbers are the Gregorian months' ("صفر" and "رجب" are also words and
# names: only read right after a day).
HIJRI_MONTHS: tuple[str, ...] = (
    "محرم", "صفر", "ربيع الاول", "ربيع الثاني", "ربيع الاخر", "جمادي الاولي", "جمادي الاول",
    "جمادي الاخره", "جمادي الثانيه", "جمادي الثاني", "رجب", "شعبان", "رمضان", "شوال",
    "ذو القعده", "ذي القعده", "ذو الحجه", "ذي الحجه",
)  # fmt: skip
# Words after a number that make it a year of an era: "سنة 40 للهجرة", "عام 661 هجرية"
ERA_WORDS: tuple[str, ...] = ("للهجره", "هجريه", "هجري", "ميلاديه", "ميلادي", "قبل الميلاد")
# Words right before a number that make it a year: "عام 1201", "لعام 1883", "سنة 40"
YEAR_WORDS: tuple[str, ...] = ("عام", "العام", "لعام", "سنه", "السنه", "لسنه")
ACTORS: tuple[str, ...] = (
    "قوات النظام", "النظام السوري", "نظام الاسد", "قوات الاسد", "قوات الحكومه",
    "الحكومه السوريه", "تنظيم الدوله", "داعش", "قسد", "قوات سوريا الديمقراطيه",
    "هيئه تحرير الشام", "جبهه النصره", "القوات الروسيه", "فصائل المعارضه",
    "التحالف الدولي", "طيران التحالف", "القوات التركيه", "الجيش التركي", "الطيران الروسي",
)  # fmt: skip

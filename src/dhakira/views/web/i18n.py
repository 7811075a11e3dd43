"""The interface in Arabic and English: message catalogues, text direction and digits.

Every word the pages show comes from here (the archive's own content is shown as stored). A
reader picks the language with `?lang=ar|en` (kept in a cookie) and the digits with
`?digits=arab|latn`; Arabic pages default to Arabic-Indic digits, English ones to Latin.
"""

from __future__ import annotations

from collections.abc import Callable

from dhakira.views.web import plurals

LANGUAGES: tuple[str, ...] = ("ar", "en")
DIGIT_STYLES: tuple[str, ...] = ("arab", "latn")
_ARABIC_INDIC = str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")  # and the thousands separator

# key: (English, Arabic)
_MESSAGES: dict[str, tuple[str, str]] = {
    "archive": ("dhakira archive", "أرشيف ذاكرة"),
    "search": ("Search", "بحث"),
    "search_placeholder": ("Words in Arabic or English", "كلمات بالعربية أو بالإنكليزية"),
    "entities": ("Entities", "الكيانات"),
    "claims": ("Claims", "الادعاءات"),
    "audit": ("Audit log", "سجل التدقيق"),
    "upload": ("Upload", "رفع ملفات"),
    "login": ("Log in", "تسجيل الدخول"),
    "logout": ("Log out", "تسجيل الخروج"),
    "user_name": ("User name", "اسم المستخدم"),
    "password": ("Password", "كلمة المرور"),
    "logged_in_as": ("Logged in as", "الدخول باسم"),
    "language": ("Language", "اللغة"),
    "digits": ("Digits", "الأرقام"),
    "digits_arab": ("Arabic-Indic", "هندية"),
    "digits_latn": ("Latin", "لاتينية"),
    "no_results": ("No documents found.", "لم يُعثر على وثائق."),
    "search_hint": (
        "Type words to search, or narrow by the counts below.",
        "اكتب كلمات للبحث، أو ضيّق النتائج بالأعداد أدناه.",
    ),
    "filters": ("Narrow", "تضييق"),
    "clear_filters": ("Clear filters", "إزالة التصفية"),
    "facet_doc_type": ("Type", "النوع"),
    "facet_language": ("Language", "اللغة"),
    "facet_publisher": ("Publisher", "الناشر"),
    "facet_year": ("Year", "السنة"),
    "facet_reliability": ("Reliability", "الموثوقية"),
    "facet_entity": ("Named in them", "كيانات مذكورة"),
    "date_from": ("From", "من"),
    "date_to": ("To", "إلى"),
    "previous": ("Previous", "السابق"),
    "next": ("Next", "التالي"),
    "code": ("Archive code", "رمز الأرشيف"),
    "title": ("Title", "العنوان"),
    "untitled": ("(untitled)", "(بلا عنوان)"),
    "title_generated": ("title written by dhakira", "عنوان وضعته ذاكرة"),
    "date_issued": ("Date issued", "تاريخ الإصدار"),
    "doc_type": ("Document type", "نوع الوثيقة"),
    "publisher": ("Publisher", "الناشر"),
    "issuing_body": ("Issuing body", "الجهة المصدرة"),
    "author": ("Author", "الكاتب"),
    "languages": ("Languages", "اللغات"),
    "reliability": ("Reliability", "الموثوقية"),
    "visibility": ("Visibility", "الإتاحة"),
    "note": ("Note (why)", "ملاحظة (السبب)"),
    "reviewed_by": ("reviewed by", "راجعها"),
    "provenance": ("Provenance", "المصدر والأصل"),
    "source": ("Source", "المصدر"),
    "url": ("Address", "الرابط"),
    "captured_at": ("Captured", "تاريخ الالتقاط"),
    "ingested_at": ("Archived", "تاريخ الأرشفة"),
    "media_type": ("Format", "الصيغة"),
    "size": ("Size (bytes)", "الحجم (بايت)"),
    "sha256": ("SHA-256", "البصمة SHA-256"),
    "download_original": ("Download the untouched original", "تنزيل الأصل كما هو"),
    "related_entities": ("Related entities", "كيانات ذات صلة"),
    "related_persons": ("Related persons", "أشخاص ذوو صلة"),
    "incident": ("Incident", "الحادثة"),
    "text": ("Text", "النص"),
    "history": ("History", "السجل"),
    "review": ("Review", "مراجعة"),
    "save": ("Save", "حفظ"),
    "unchanged": ("(unchanged)", "(دون تغيير)"),
    "mentions": ("Mentions", "الإشارات"),
    "documents": ("Documents", "الوثائق"),
    "spellings": ("Spellings", "الصيغ"),
    "type": ("Type", "النوع"),
    "name": ("Name", "الاسم"),
    "event": ("Event", "الحدث"),
    "figure": ("Figure", "العدد"),
    "place": ("Place", "المكان"),
    "period": ("Period", "الفترة"),
    "attributed_to": ("Attributed to", "منسوب إلى"),
    "quote": ("Quote", "الاقتباس"),
    "document": ("Document", "الوثيقة"),
    "when": ("When", "متى"),
    "who": ("Who", "من"),
    "action": ("Action", "الإجراء"),
    "field": ("Field", "الحقل"),
    "old": ("Old", "القديم"),
    "new": ("New", "الجديد"),
    "why": ("Why", "السبب"),
    "files": ("Files", "الملفات"),
    "upload_hint": (
        "New documents are restricted until someone publishes them.",
        "تبقى الوثائق الجديدة مقيّدة حتى يُنشرها أحد.",
    ),
    "outcome": ("Outcome", "النتيجة"),
    "file": ("File", "الملف"),
    "upload_status": ("Upload progress", "تقدّم الرفع"),
    "upload_progress": ("{done} of {count:file} done", "{count:file}، انتهى العمل على {done} منها"),
    "upload_running": (
        "The files are kept and being archived; this page reloads itself every 2 seconds.",
        "حُفظت الملفات وتجري أرشفتها؛ تتحدّث هذه الصفحة كل ثانيتين.",
    ),
    "upload_finished": ("Every file is done.", "انتهى العمل على كل الملفات."),
    "upload_more": ("Upload more files", "رفع ملفات أخرى"),
    "recent_uploads": ("Recent uploads", "آخر عمليات الرفع"),
    "started": ("Started", "بدأ"),
    "waiting": ("Waiting", "في الانتظار"),
    "reason": ("Reason", "السبب"),
    "civilians": ("Civilians", "مدنيون"),
    "noncivilians": ("Non-civilians", "غير مدنيين"),
    "children": ("Children", "أطفال"),
    "women": ("Women", "نساء"),
    "governorate": ("Governorate", "المحافظة"),
    "cause": ("Cause", "السبب"),
    "actor": ("Actor", "الفاعل"),
    "filter": ("Filter", "تصفية"),
    "error": ("Something went wrong", "حدث خطأ"),
    "not_found": ("Not found", "غير موجود"),
    "forbidden": ("Not allowed", "غير مسموح"),
    "login_needed": ("Please log in to continue.", "يرجى تسجيل الدخول للمتابعة."),
    "login_failed": ("Wrong user name or password.", "اسم المستخدم أو كلمة المرور غير صحيحة."),
    "throttled": (
        "Too many failed attempts; wait a few minutes and try again.",
        "محاولات فاشلة كثيرة؛ انتظر بضع دقائق ثم حاول مجددًا.",
    ),
    "json": ("JSON", "JSON"),
    "api": ("API", "واجهة البرمجة"),
    "export": ("Export", "تصدير"),
    # values stored in the archive, shown by label
    "public": ("Public", "عامة"),
    "restricted": ("Restricted", "مقيّدة"),
    "correct": ("Correct", "صحيحة"),
    "incorrect": ("Incorrect", "غير صحيحة"),
    "unverified": ("Unverified", "غير متحقق منها"),
    "unspecified": ("Unspecified", "غير محددة"),
    "press_release": ("Press release", "بيان صحفي"),
    "statement": ("Statement", "بيان"),
    "news_report": ("News report", "تقرير إخباري"),
    "ngo_report": ("NGO report", "تقرير منظمة"),
    "testimony": ("Testimony", "شهادة"),
    "legal_document": ("Legal document", "وثيقة قانونية"),
    "other": ("Other", "أخرى"),
    "person": ("Person", "شخص"),
    "kind_place": ("Place", "مكان"),
    "kind_event": ("Event", "حدث"),
    "organization": ("Organization", "منظمة"),
    "facility": ("Facility", "منشأة"),
    "report": ("Report", "تقرير"),
    "ingested": ("Ingested", "أُرشفت"),
    "duplicate": ("Already in the archive", "موجودة مسبقًا"),
    "needs_ocr": ("Kept, needs OCR", "حُفظت، تحتاج إلى تعرّف ضوئي"),
    "failed": ("Failed", "فشلت"),
    "lang_ar": ("Arabic", "العربية"),
    "lang_en": ("English", "الإنكليزية"),
    "lang_fr": ("French", "الفرنسية"),
    "admin": ("Administrator", "مدير"),
    "editor": ("Editor", "محرر"),
    "viewer": ("Reader", "قارئ"),
    # the main incident's date, causes and actors (the fields documenters fill in)
    "date": ("Date", "التاريخ"),
    "shelling": ("Shelling", "قصف"),
    "explosion": ("Explosion", "انفجار"),
    "chemical and toxic gases": ("Chemical and toxic gases", "غازات كيميائية وسامة"),
    "shooting": ("Shooting", "إطلاق نار"),
    "unknown": ("Unknown", "غير معروف"),
    "syrian government or russian troops": (
        "Syrian government or Russian troops",
        "الحكومة السورية أو القوات الروسية",
    ),
    "armed opposition groups": ("Armed opposition groups", "فصائل المعارضة المسلحة"),
    "isis": ("ISIS", "تنظيم الدولة"),
    "international coalition forces": ("International coalition forces", "قوات التحالف الدولي"),
    "self administration forces": ("Self-administration forces", "قوات الإدارة الذاتية"),
    "al-nusra front": ("al-Nusra Front", "جبهة النصرة"),
    "execution": ("Execution", "إعدام"),
    "killing": ("Killing", "قتل"),
    "death_in_custody": ("Death in custody", "وفاة في الاحتجاز"),
    "torture": ("Torture", "تعذيب"),
    "detention": ("Detention", "اعتقال"),
    "enforced_disappearance": ("Enforced disappearance", "إخفاء قسري"),
    "death_sentence": ("Death sentence", "حكم بالإعدام"),
    "release": ("Release", "إفراج"),
    "utc": ("UTC", "بالتوقيت العالمي"),
    "links": ("Copies and story", "النسخ والقصة"),
    "duplicates": ("Other copies", "نسخ أخرى"),
    "primary_copy": ("Primary copy", "النسخة الأساسية"),
    "story": ("The story, in order", "القصة بالتسلسل"),
    "related": ("Related reports", "تقارير ذات صلة"),
    "duplicate-exact": ("Same text", "النص نفسه"),
    "duplicate-near": ("Nearly the same text", "نص شبه مطابق"),
    # editing on the record page
    "restricted_fields": ("Restricted fields", "حقول مقيّدة"),
    "restricted_fields_hint": (
        "A restricted field (the author, or a person named here such as a witness) is hidden "
        "from visitors and readers; only editors and administrators see it.",
        "يُخفى الحقل المقيّد (الكاتب، أو شخص مذكور هنا كشاهد) عن الزوار والقرّاء؛ "
        "لا يراه إلا المحررون والمديرون.",
    ),
    "restrict": ("Restrict", "تقييد"),
    "unrestrict": ("Show again", "إظهار مجددًا"),
    "original_withheld": (
        "The original holds restricted fields; editors can download it.",
        "يحوي الأصل حقولًا مقيّدة؛ يستطيع المحررون تنزيله.",
    ),
    "edit_metadata": ("Correct the metadata", "تصحيح البيانات الوصفية"),
    "review_findings": ("Entities and claims found", "الكيانات والادعاءات المستخرجة"),
    "finding": ("Found", "ما استُخرج"),
    "verdict": ("Verdict", "الحكم"),
    "confirm": ("Confirm", "تأكيد"),
    "reject": ("Reject", "رفض"),
    "confirmed": ("Confirmed", "مؤكَّد"),
    "rejected": ("Rejected", "مرفوض"),
    "mixed": ("Partly confirmed", "مؤكَّد جزئيًا"),
    "incidents": ("Incidents", "الحوادث"),
    "incidents_hint": (
        "Claims from several documents about the same event, side by side with who says so.",
        "ادعاءات من وثائق عدة عن الحدث نفسه، جنبًا إلى جنب مع من يقولها.",
    ),
    "no_incidents": ("No incidents found.", "لم يُعثر على حوادث."),
    "independent_sources": ("Independent sources", "مصادر مستقلة"),
    "agreement": ("Agreement", "التوافق"),
    "consistent": ("Figures agree", "الأرقام متوافقة"),
    "conflicting": ("Figures conflict", "الأرقام متعارضة"),
    "consolidated": ("Consolidated figure", "الرقم الموحّد"),
    "repeats": ("Repeats", "تكرارات"),
    "repeats_source": ("Repeats", "يكرر"),
    "independent": ("Independent", "مستقل"),
    "independence": ("Independent or repeated", "مستقل أم مكرر"),
    "suggested": ("Suggested", "مقترح"),
    "figures_by_source": ("Figures by source", "الأرقام بحسب المصدر"),
    "figures_chart": ("The figures side by side", "الأرقام جنبًا إلى جنب"),
    "chart_legend": (
        "Dark: independent source; light: a repeat; orange: consolidated; line: low to high.",
        "داكن: مصدر مستقل؛ فاتح: تكرار؛ برتقالي: الرقم الموحّد؛ الخط: من الأدنى إلى الأعلى.",
    ),
    "conflicts": ("Conflicts", "التعارضات"),
    "timeline": ("Chronicle", "اليوميات"),
    "timeline_chart": ("Entries over time", "المدخلات عبر الزمن"),
    "per_year": ("per year", "في السنة"),
    "per_month": ("per month", "في الشهر"),
    "no_entries": ("No dated entries found.", "لم يُعثر على مدخلات مؤرخة."),
    "entity_decisions": ("Merges and splits", "الدمج والفصل"),
    "entity": ("Entity", "الكيان"),
    "merge": ("Merge", "دمج"),
    "split": ("Split", "فصل"),
    "undo": ("Undo", "تراجع"),
    "undone": ("Undone", "أُلغي"),
    "merge_into_this": ("Merge another entity into this one", "دمج كيان آخر في هذا الكيان"),
    "other_entity": ("Key of the other entity", "مفتاح الكيان الآخر"),
    "split_off": ("Split mentions off into a new entity", "فصل إشارات إلى كيان جديد"),
    "split_documents": ("Documents (codes)", "الوثائق (الرموز)"),
    "split_mentions": ("Or mentions (CODE:START)", "أو إشارات (الرمز:البداية)"),
    # what the audit log and a record's history say was done, and to which field
    "audit_ingest": ("Archived", "أرشفة"),
    "audit_reanalyze": ("Analysed again", "إعادة تحليل"),
    "audit_review": ("Reviewed", "مراجعة"),
    "audit_edit": ("Corrected", "تصحيح"),
    "audit_edit-kept": ("Correction kept", "إبقاء التصحيح"),
    "audit_verdict": ("Finding judged", "حكم على ما استُخرج"),
    "audit_restrict-field": ("Field restricted", "تقييد حقل"),
    "audit_unrestrict-field": ("Field shown again", "إظهار حقل"),
    "audit_entity-merge": ("Entities merged", "دمج كيانين"),
    "audit_entity-split": ("Entity split", "فصل كيان"),
    "audit_entity-undo": ("Merge or split undone", "تراجع عن دمج أو فصل"),
    "audit_user_add": ("User added", "إضافة مستخدم"),
    "audit_user_role": ("Role changed", "تغيير الدور"),
    "audit_user_remove": ("User removed", "حذف مستخدم"),
    "audit_token_add": ("API token issued", "إصدار رمز وصول"),
    "field_title": ("Title", "العنوان"),
    "field_date": ("Date issued", "تاريخ الإصدار"),
    "field_doc_type": ("Document type", "نوع الوثيقة"),
    "field_publisher": ("Publisher", "الناشر"),
    "field_reliability": ("Reliability", "الموثوقية"),
    "field_visibility": ("Visibility", "الإتاحة"),
    "field_analysis": ("Analysis", "التحليل"),
    "field_entity": ("Entity", "الكيان"),
    "field_author": ("Author", "الكاتب"),
    "field_issuing_body": ("Issuing body", "الجهة المصدرة"),
    "field_claim": ("Claim", "ادعاء"),
    "field_mention": ("Mention", "إشارة"),
    "field_user": ("User", "المستخدم"),
    "batch": ("Batch", "الدفعة"),
    # a source known only by its document
    "document_source": ("Document {code}", "الوثيقة {code}"),
    # how a figure is qualified ("at least 5,000"; "thousands")
    "q_at least": ("at least {n}", "{n} على الأقل"),
    "q_over": ("over {n}", "أكثر من {n}"),
    "q_under": ("under {n}", "أقل من {n}"),
    "q_as many as": ("as many as {n}", "ما يصل إلى {n}"),
    "q_up to": ("up to {n}", "حتى {n}"),
    "q_nearly": ("nearly {n}", "قرابة {n}"),
    "q_about": ("about {n}", "نحو {n}"),
    "q_estimated": ("an estimated {n}", "{n} تقديرًا"),
    "q_between": ("{n}", "{n}"),
    "v_dozens": ("dozens", "العشرات"),
    "v_scores": ("scores", "العشرات"),
    "v_tens": ("tens", "العشرات"),
    "v_hundreds": ("hundreds", "المئات"),
    "v_thousands": ("thousands", "الآلاف"),
    "v_millions": ("millions", "الملايين"),
    "v_tens of thousands": ("tens of thousands", "عشرات الآلاف"),
    "v_hundreds of thousands": ("hundreds of thousands", "مئات الآلاف"),
    "v_several thousand": ("several thousand", "بضعة آلاف"),
    # why a reliability is suggested ({name:noun} is a count of that noun)
    "why_no_claim_elsewhere": (
        "No claim reported elsewhere",
        "لا تذكر أي وثيقة أخرى ادعاءاتها",
    ),
    "why_no_other_report": (
        "No other document reports this event",
        "لا تذكر أي وثيقة أخرى هذا الحدث",
    ),
    "why_contradicted": (
        "Contradicted by {count:independent_source}: {sources}",
        "تناقضه {count:independent_source}: {sources}",
    ),
    "why_conflicts_with": ("Conflicts with {sources}", "يتعارض مع {sources}"),
    "why_agrees_with": ("Agrees with {sources}", "يتفق مع {sources}"),
    "why_sources_agree": (
        "{count:independent_source} agree: {sources}",
        "يتفق عليه {count:independent_source}: {sources}",
    ),
    "why_single_source": (
        "Single source: {source}, repeated by {count:document} ({documents})",
        "مصدر واحد: {source}، تكرره {count:document} ({documents})",
    ),
    "why_conflict": (
        "{first} ({first_source}: {first_figure}) cannot be true with "
        "{second} ({second_source}: {second_figure})",
        "لا يمكن أن يصحّ معًا {first} ({first_source}: {first_figure}) "
        "و{second} ({second_source}: {second_figure})",
    ),
    # kinds of failure, by the code a stored reason begins with (see dhakira.errors)
    "failure_DK100": ("The file could not be read", "تعذّرت قراءة الملف"),
    "failure_DK101": ("Unsupported format", "صيغة غير مدعومة"),
    "failure_DK102": ("Over a size or page limit", "يتجاوز حدًّا للحجم أو لعدد الصفحات"),
    "failure_DK103": ("Protected by a password", "محمي بكلمة مرور"),
    "failure_DK104": ("Damaged or incomplete file", "ملف تالف أو ناقص"),
}


def translate(lang: str, key: str) -> str:
    """The message in `lang`; an unknown key is shown as itself (a stored value, say)."""
    pair = _MESSAGES.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "ar" else pair[0]


def has(key: str) -> bool:
    """Whether the catalogue holds `key`."""
    return key in _MESSAGES


def translator(lang: str) -> Callable[[str], str]:
    return lambda key: translate(lang, key)


def direction(lang: str) -> str:
    return "rtl" if lang == "ar" else "ltr"


def default_digits(lang: str) -> str:
    return "arab" if lang == "ar" else "latn"


def digits(value: object, style: str) -> str:
    """A number or date written with the reader's digits; None is an empty string."""
    if value is None:
        return ""
    text = str(value)
    return text.translate(_ARABIC_INDIC) if style == "arab" else text


def stamp(value: object, style: str, lang: str) -> str:
    """A stored time ("2024-05-01T12:00:00Z") as people read it, with the reader's digits."""
    if not value:
        return ""
    text = str(value)
    if text.endswith("Z") and "T" in text:
        text = text[:-1].replace("T", " ") + " " + translate(lang, "utc")
    return digits(text, style)


def count(lang: str, noun: str, value: int | str | None, style: str) -> str:
    """A counted noun in the reader's language and digits: "1 incident", "حادثتان"."""
    return plurals.counted(lang, noun, value, style)


def kind(lang: str, entity_type: object) -> str:
    """The label of an entity type ("place" → "Place", "مكان")."""
    key = f"kind_{entity_type}"
    return translate(lang, key if key in _MESSAGES else str(entity_type))


def language_name(lang: str, code: object) -> str:
    """The name of a document language ("ar" → "Arabic"), or its code when not known."""
    key = f"lang_{code}"
    return translate(lang, key) if key in _MESSAGES else str(code or "")


def pick(value: str | None, allowed: tuple[str, ...]) -> str | None:
    """`value` when it is one of `allowed`, else None (a cookie or query may hold anything)."""
    return value if value in allowed else None


def from_accept_language(header: str) -> str:
    """The first of Arabic or English the browser asks for; English when neither."""
    for part in header.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


def message_keys() -> set[str]:
    """Every key of the catalogue (tests check that both languages fill each one)."""
    return set(_MESSAGES)

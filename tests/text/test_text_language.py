"""text.language: paragraph spans with languages, the main language and the others present."""

from __future__ import annotations

from dhakira.records import Document, Item
from dhakira.text import language
from dhakira.text.language import detect_languages, paragraph_language

ARABIC = (
    "أعلنت منظمة حقوقية أن آلاف المعتقلين في سجن صيدنايا ما زالوا مجهولي المصير.\n\n"
    "وطالبت المنظمة مجلس الأمن بالتحرك العاجل للكشف عن مصير المختفين قسرياً."
)
ENGLISH = (
    "A rights group said thousands of detainees in Sednaya prison remain missing.\n\n"
    "The group called on the Security Council to act urgently on enforced disappearances."
)
FRENCH = "Le groupe a demandé au Conseil de sécurité d'agir d'urgence pour les disparus."


def _detect(text: str) -> Document:
    item = Item(data=text.encode("utf-8"), source="fixture.txt", media_type="text/plain")
    return detect_languages(Document(item=item, text=text))


def test_arabic_document() -> None:
    doc = _detect(ARABIC)
    assert (doc.language, doc.languages) == ("ar", ["ar"])


def test_english_document() -> None:
    doc = _detect(ENGLISH)
    assert (doc.language, doc.languages) == ("en", ["en"])


def test_mixed_document_lists_main_language_first() -> None:
    doc = _detect(ENGLISH + "\n\n" + ENGLISH + "\n\n" + ARABIC)
    assert doc.language == "en"
    assert doc.languages == ["en", "ar"]


def test_paragraph_spans_point_into_the_text() -> None:
    doc = _detect(ENGLISH + "\n\n" + ARABIC)
    assert [p.language for p in doc.paragraphs] == ["en", "en", "ar", "ar"]
    first = doc.paragraphs[0]
    assert doc.text[first.start : first.end] == ENGLISH.split("\n\n")[0]


def test_a_few_stray_words_do_not_count_as_a_language() -> None:
    doc = _detect(ENGLISH + "\n\nصيدنايا")
    assert doc.languages == ["en"]


def test_latin_script_languages_are_told_apart() -> None:
    assert paragraph_language(FRENCH) == "fr"


def test_paragraph_without_letters_has_no_language() -> None:
    assert paragraph_language("2017 — 13,000 — 84") is None


def test_arabic_block_taken_out_of_the_text_still_counts_as_present() -> None:
    record_block = "المعلومات الأساسية\n\nنوع الوثيقة\n\nبيان صحفي\n\nدرجة الموثوقية: غير محددة"
    raw = ENGLISH + "\n\n" + ARABIC.split("\n\n")[0] + "\n\n" + record_block
    item = Item(data=raw.encode("utf-8"), source="fixture.txt", media_type="text/plain")
    doc = detect_languages(Document(item=item, raw_text=raw, text=ENGLISH))
    assert doc.language == "en"
    assert doc.languages == ["en", "ar"]
    assert {p.language for p in doc.paragraphs} == {"en"}


FRENCH_REPORT = (
    "Le groupe a demandé au Conseil de sécurité d'agir d'urgence pour les disparus. Les familles "
    "des détenus attendent toujours des nouvelles de leurs proches, arrêtés il y a des années "
    "aux points de contrôle de la ville, sans jamais avoir été présentés à un juge.\n\n"
    "Selon les témoignages recueillis, la plupart des personnes disparues étaient de jeunes "
    "hommes. Leurs mères se rendent chaque semaine devant la prison pour demander des nouvelles, "
    "mais aucune autorité ne leur a jamais répondu ni donné de document officiel."
)
ENGLISH_REPORT = (
    "The rights group said that the families of the detainees are still waiting for news of "
    "their relatives, who were arrested years ago at checkpoints in the city and were never "
    "brought before a judge or allowed to see a lawyer during their detention.\n\n"
    "According to the testimonies collected, most of the missing were young men. Their mothers "
    "go to the prison every week to ask for news, but no authority has ever answered them or "
    "given them any official document about where their sons are held."
)


def test_document_whose_beginning_and_end_differ_is_judged_paragraph_by_paragraph() -> None:
    doc = _detect(FRENCH_REPORT + "\n\n" + ENGLISH_REPORT)
    assert [p.language for p in doc.paragraphs] == ["fr", "fr", "en", "en"]


def test_short_latin_line_in_an_arabic_document_still_gets_its_language() -> None:
    doc = _detect("\n\n".join([ARABIC] * 3) + "\n\nSource: the monthly bulletin")
    assert doc.paragraphs[-1].language == "en"
    assert doc.languages == ["ar"]


def test_loading_every_model_up_front_gives_the_same_answers() -> None:
    texts = [
        "The families of the detained gathered outside the court on Sunday morning.",
        "Les familles des détenus se sont rassemblées devant le tribunal dimanche matin.",
    ]
    lazy = [language.paragraph_language(text) for text in texts]
    language.load_models()
    assert language.detector() is language._loaded[0]
    assert [language.paragraph_language(text) for text in texts] == lazy == ["en", "fr"]

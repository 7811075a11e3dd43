"""strip_residue: the site's furniture goes, every sentence of the article stays."""

from __future__ import annotations

from dhakira.text.residue import is_widget_line, strip_residue

ENGLISH_BODY = (
    "Families of detainees gathered in the square on Friday to demand news of their relatives.\n\n"
    "Activists urged people to share any information about the missing with the committee."
)


def test_english_comment_form_at_the_end_is_removed() -> None:
    page = (
        ENGLISH_BODY + "\n\nLeave a Reply\n\nYour email address will not be published.\n"
        "Required fields are marked *\n\nName *\nEmail *\nWebsite\n\n"
        "Save my name, email, and website in this browser for the next time I comment.\n"
        "Post Comment"
    )
    assert strip_residue(page) == ENGLISH_BODY


def test_body_sentences_about_sharing_and_comments_survive() -> None:
    body = (
        "The minister declined to comment on the report when asked by reporters on Monday.\n\n"
        "Share\n\n"
        "Witnesses were afraid to share their names, the committee said in its statement."
    )
    kept = strip_residue(body)
    assert "declined to comment on the report" in kept
    assert "afraid to share their names" in kept
    assert "\nShare\n" not in kept


def test_arabic_comment_form_is_removed() -> None:
    body = "قالت الشبكة إن آلاف المعتقلين ما زالوا مختفين قسرياً في سجن صيدنايا العسكري منذ سنوات."
    page = (
        body + "\n\nاترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني.\n"
        "الاسم *\nالبريد الإلكتروني *\nإرسال التعليق"
    )
    assert strip_residue(page) == body


def test_arabic_body_sentence_mentioning_sharing_survives() -> None:
    body = (
        "دعت الهيئة الأهالي إلى مشاركة أي معلومات عن أبنائهم المفقودين مع فرق التوثيق المستقلة.\n\n"
        "شارك\n\nاقرأ أيضاً\nتقرير جديد عن السجون\nشهادات ناجين"
    )
    kept = strip_residue(body)
    assert kept.startswith("دعت الهيئة الأهالي إلى مشاركة أي معلومات")
    assert "شارك\n" not in kept + "\n"
    assert "اقرأ أيضاً" not in kept
    assert "تقرير جديد عن السجون" not in kept


def test_arabic_breadcrumb_and_copyright_banner_at_the_edges_go() -> None:
    body = "أصدرت المنظمة بياناً طالبت فيه بالإفراج الفوري عن جميع المعتقلين تعسفياً في البلاد."
    page = f"الرئيسية » أخبار » بيانات\n\n{body}\n\nجميع الحقوق محفوظة © 2020"
    assert strip_residue(page) == body


def test_neighbouring_article_titles_with_dates_go() -> None:
    page = (
        "Rights group calls for release of detainees\n\n"
        "Court hears case of missing journalist\nMarch 3, 2019\n"
        "New report on prison conditions published\nMarch 9, 2019\n\n"
        "A rights group called on Tuesday for the release of all detainees held without trial."
    )
    kept = strip_residue(page)
    assert "missing journalist" not in kept and "March 9, 2019" not in kept
    assert kept.startswith("Rights group calls for release of detainees")


def test_breadcrumb_ending_with_the_page_title_goes() -> None:
    page = (
        "Detainees moved to a new prison\n\n"
        "The families said they were not told where the detainees had been taken to.\n\n"
        "Home news Detainees moved to a new prison"
    )
    assert "Home news" not in strip_residue(page)


def test_headline_that_begins_with_home_stays() -> None:
    page = (
        "Home demolitions continue in the south\n\n"
        "Residents said dozens of houses had been destroyed by the authorities this month."
    )
    assert strip_residue(page) == page


def test_blank_lines_left_behind_are_collapsed() -> None:
    page = "First paragraph of the article.\n\nTweet\n\nSecond paragraph of the article."
    assert (
        strip_residue(page) == "First paragraph of the article.\n\nSecond paragraph of the article."
    )


def test_widget_line_must_be_the_whole_line() -> None:
    assert is_widget_line("Share this:")
    assert is_widget_line("  مشاركة  ")
    assert not is_widget_line("Share this report with anyone who has lost a relative.")


def test_lines_after_a_bare_comments_heading_stay_without_a_comment_form() -> None:
    page = (
        "The committee published the statement on Sunday after a long meeting with families.\n\n"
        "Comments\n\n"
        "Families said they welcomed it\nLawyers asked for more detail"
    )
    assert strip_residue(page).endswith(
        "Families said they welcomed it\nLawyers asked for more detail"
    )


def test_lines_after_a_comments_heading_go_with_a_comment_form() -> None:
    page = (
        "The committee published the statement on Sunday after a long meeting with families.\n\n"
        "Comments\n\nGreat article\nPost Comment"
    )
    assert strip_residue(page) == page.split("\n\n")[0]

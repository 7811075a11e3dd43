"""A reader's and an editor's walk through the archive in real headless Chromium.

Each test is one thing a person does in the browser: search in English or Arabic, open a
record, switch to Arabic, review a document, read the audit log; and one thing that must never
happen: text from a document running as script or markup.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from .conftest import Site, log_in, new_page

pytestmark = pytest.mark.browser

EN_TITLE = "Families ask for news of detainees held at Sednaya Prison"
AR_TITLE = "بيان حول أوضاع المعتقلين في سجن صيدنايا"
SCRIPT_TEXT = "<script>window.__pwned=1</script>"
IMG_TEXT = '<img src=x onerror="window.__pwned=2">'


def _search(page: Any, words: str) -> None:
    page.goto("/search")
    page.locator("input[name=q]").fill(words)
    page.locator("input[name=q]").press("Enter")
    page.wait_for_url("**/search?*")


def _review(page: Any, code: str, reliability: str, note: str) -> None:
    page.goto(f"/doc/{code}")
    form = page.locator("form[action$='/review']:has(select[name=reliability])")
    form.locator("select[name=reliability]").select_option(reliability)
    form.locator("textarea[name=note]").fill(note)
    form.locator("button[type=submit]").click()
    page.wait_for_url(f"**/doc/{code}")


def test_an_english_search_lists_the_report_with_its_words_highlighted(page: Any) -> None:
    from playwright.sync_api import expect

    _search(page, "Sednaya")
    hit = page.locator(".hits li", has_text=EN_TITLE)
    expect(hit).to_have_count(1)
    marks = hit.locator(".snippet mark")
    expect(marks.first).to_be_visible()
    assert all("sednaya" in text.lower() for text in marks.all_inner_texts())


def test_an_arabic_search_lists_the_statement_with_its_words_highlighted(page: Any) -> None:
    from playwright.sync_api import expect

    _search(page, "المعتقلين")
    hit = page.locator(".hits li", has_text=AR_TITLE)
    expect(hit).to_have_count(1)
    marks = hit.locator(".snippet mark")
    expect(marks.first).to_be_visible()
    assert all("معتقلين" in text for text in marks.all_inner_texts())
    expect(page.locator(".hits li", has_text=EN_TITLE)).to_have_count(0)


def test_a_search_result_opens_the_documents_record(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    _search(page, "Karim Nassar")
    page.get_by_role("link", name=EN_TITLE).click()
    code = site.codes["en_detainees"]
    page.wait_for_url(f"**/doc/{code}")
    expect(page.locator("h1")).to_have_text(EN_TITLE)
    expect(page.locator("dl.block code").first).to_have_text(code)
    expect(page.locator(".text")).to_contain_text("a teacher from Homs")


def test_switching_to_arabic_lays_the_page_out_right_to_left(page: Any) -> None:
    from playwright.sync_api import expect

    _search(page, "Sednaya")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    page.get_by_role("link", name="العربية").click()
    html = page.locator("html")
    expect(html).to_have_attribute("dir", "rtl")
    expect(html).to_have_attribute("lang", "ar")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    expect(page.locator("header nav a").first).to_have_text("بحث")
    # the filters column sits on the right of the results, as an Arabic reader expects
    facets = page.locator("aside.facets").bounding_box()
    results = page.locator("section.results").bounding_box()
    assert facets["x"] > results["x"]


def test_the_chosen_language_stays_on_the_next_page(page: Any) -> None:
    from playwright.sync_api import expect

    page.goto("/search?lang=ar")
    page.locator("header nav a[href='/entities']").click()
    page.wait_for_url("**/entities*")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_an_editor_sets_reliability_with_a_note_on_the_record_page(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    log_in(page, "hala")
    note = "Matches the association's published list"
    _review(page, site.codes["ar_detainees"], "correct", note)
    rating = page.locator("dl.block").first.locator("dt:text-is('Reliability') + dd")
    expect(rating).to_have_text(re.compile(r"^\s*Correct\b"))  # not "Incorrect"
    expect(rating).to_contain_text(note)
    expect(rating).to_contain_text("hala")


def test_an_admin_sees_the_editors_change_in_the_audit_log(
    browser: Any, page: Any, site: Site
) -> None:
    from playwright.sync_api import expect

    code = site.codes["en_detainees"]
    note = "No second source for the figure yet"
    log_in(page, "hala")
    _review(page, code, "unverified", note)

    admin = new_page(browser, site)
    try:
        log_in(admin, "nizar")
        admin.locator("header nav a[href='/audit']").click()
        row = admin.locator("tbody tr", has_text=note)
        expect(row).to_have_count(1)
        expect(row).to_contain_text("hala")
        expect(row).to_contain_text(code)
        expect(row).to_contain_text("Unverified")
    finally:
        admin.context.close()


def test_a_viewer_without_an_account_gets_no_review_form(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    page.goto(f"/doc/{site.codes['en_detainees']}")
    expect(page.locator("h1")).to_have_text(EN_TITLE)
    expect(page.locator("section.review")).to_have_count(0)


def _assert_inert(page: Any) -> None:
    """Nothing from the document ran or became an element."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("main img").count() == 0
    assert page.locator("main script").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0


def test_script_and_html_in_a_document_show_as_text_on_its_record(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    dialogs: list[str] = []

    def refuse(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    page.goto(f"/doc/{site.codes['payload']}")
    page.wait_for_load_state("load")
    expect(page.locator("h1")).to_contain_text(SCRIPT_TEXT)
    expect(page.locator(".text")).to_contain_text(SCRIPT_TEXT)
    expect(page.locator(".text")).to_contain_text(IMG_TEXT)
    _assert_inert(page)
    assert dialogs == []


def test_script_and_html_in_a_document_show_as_text_in_search_results(page: Any) -> None:
    from playwright.sync_api import expect

    _search(page, "volunteer pasted")
    hit = page.locator(".hits li", has_text="Notes pasted from a web form")
    expect(hit).to_have_count(1)
    expect(hit.locator(".title")).to_contain_text(SCRIPT_TEXT)
    _assert_inert(page)


def test_an_html_original_is_downloaded_never_rendered(page: Any, site: Site) -> None:
    from playwright.sync_api import expect

    code = site.codes["captured_page"]
    page.goto(f"/doc/{code}")
    expect(page.locator("h1")).to_have_text("Volunteers record visits to Adra prison")
    with page.expect_download() as download:
        page.locator("a.button[href$='/original']").click()
    assert download.value.suggested_filename == code
    assert page.url.endswith(f"/doc/{code}")
    _assert_inert(page)

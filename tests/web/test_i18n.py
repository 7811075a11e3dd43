"""The interface in Arabic and English: direction, switching, digits, complete catalogues."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dhakira.views.web import i18n
from dhakira.views.web.render import TEMPLATES

from .conftest import ClientFor, Codes


def test_arabic_pages_are_right_to_left_and_the_choice_is_kept(shared_client: ClientFor) -> None:
    client = shared_client(None)
    assert '<html lang="ar" dir="rtl">' in client.get("/search?lang=ar").text
    later = client.get("/entities").text
    assert '<html lang="ar" dir="rtl">' in later and "الكيانات" in later


def test_english_pages_are_left_to_right_with_a_switch_to_arabic(shared_client: ClientFor) -> None:
    body = shared_client(None).get("/search?lang=en").text
    assert '<html lang="en" dir="ltr">' in body
    assert 'href="/search?lang=ar"' in body


def test_the_browser_language_is_the_default(shared_client: ClientFor) -> None:
    body = shared_client(None).get("/search", headers={"accept-language": "ar-SY,ar;q=0.9"}).text
    assert 'dir="rtl"' in body


def test_arabic_pages_write_numbers_in_arabic_indic_digits_unless_the_reader_asks_latin(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    client = shared_client(None)
    assert "٢٠١٧-٠٢-٠٧" in client.get(f"/doc/{codes.public_en}?lang=ar").text
    latin = client.get(f"/doc/{codes.public_en}?lang=ar&digits=latn").text
    assert "2017-02-07" in latin and "٢٠١٧" not in latin
    assert codes.public_en in latin  # archive codes keep their Latin digits


def test_mixed_direction_values_are_isolated(
    shared_archive: tuple[Path, Codes], shared_client: ClientFor
) -> None:
    _path, codes = shared_archive
    body = shared_client(None).get(f"/doc/{codes.public_ar}?lang=en").text
    assert '<h1 dir="auto">بيان عن سجن صيدنايا</h1>' in body
    assert "<bdi>الشبكة السورية</bdi>" in body


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_message_is_written_in_both_languages(lang: str) -> None:
    for key in i18n.message_keys():
        assert i18n.translate(lang, key).strip(), key


def test_every_message_the_templates_ask_for_is_in_the_catalogue() -> None:
    asked = set()
    for template in TEMPLATES.glob("*.html"):
        asked |= set(re.findall(r"""t\(["']([a-z_]+)["']\)""", template.read_text("utf-8")))
    assert asked and asked <= i18n.message_keys()


def test_digits_converts_only_digits() -> None:
    assert i18n.digits("DHK 2017-02", "arab") == "DHK ٢٠١٧-٠٢"
    assert i18n.digits(None, "arab") == ""

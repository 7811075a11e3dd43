"""Markdown files lose their markup at text.clean, keeping every word (and losing addresses)."""

from __future__ import annotations

from datetime import UTC, datetime

from dhakira.records import Document, Item
from dhakira.text.clean import clean_text
from dhakira.text.markdown import markdown_text


def _cleaned(text: str, media_type: str = "text/markdown") -> str:
    item = Item(
        data=text.encode(),
        source="note.md",
        media_type=media_type,
        captured_at=datetime(2024, 1, 1, tzinfo=UTC),
    )
    return clean_text(Document(item=item, raw_text=text)).text


def test_a_link_keeps_its_words_and_loses_its_address() -> None:
    assert markdown_text("See [the report](/reports/1) now.") == "See the report now."


def test_headings_emphasis_and_quotations_lose_their_marks() -> None:
    text = "# عنوان الخبر\n\n*دمشق — مراسل*\n\n> **مهم:** نص"
    assert markdown_text(text) == "عنوان الخبر\n\nدمشق — مراسل\n\nمهم: نص"


def test_a_markdown_breadcrumb_is_removed_as_page_residue() -> None:
    body = (
        "توافدت آلاف العائلات السورية منذ صباح أمس الأحد إلى سجن صيدنايا العسكري شمال دمشق "
        "بحثاً عن أبنائها المعتقلين."
    )
    text = f"[الرئيسية](/) › [سوريا](/syria) › فتح أبواب صيدنايا\n\n# العنوان\n\n{body}"
    cleaned = _cleaned(text)
    assert "الرئيسية" not in cleaned and "](" not in cleaned
    assert cleaned.endswith(body)


def test_plain_text_keeps_its_asterisks_and_brackets() -> None:
    text = "Figures marked * are estimates [see note](1) of 2024."
    assert _cleaned(text, "text/plain") == text


def test_the_top_heading_is_kept_as_the_page_title() -> None:
    text = "[Home](/) › Reports\n\n# Ten *Years* of Missing\n\nBody text of the report."
    item = Item(
        data=text.encode(),
        source="r.md",
        media_type="text/markdown",
        captured_at=datetime(2024, 1, 1, tzinfo=UTC),
    )
    doc = clean_text(Document(item=item, raw_text=text))
    assert doc.format_meta["title"] == "Ten Years of Missing"
    assert "#" not in doc.text

"""Page metadata read cheaply from the parsed page: <meta> tags, JSON-LD, a byline element, the
canonical URL — and the tree handed back unchanged for the article extraction."""

from __future__ import annotations

import lxml.html
from lxml import etree

from dhakira.text.html import extract_html
from dhakira.text.page_meta import page_meta

PARAGRAPH = (
    "Families of detainees gathered outside the courthouse on Monday, asking the authorities "
    "to publish the names of all those who died in custody in the central prison."
)


def _tree(head: str, body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def test_json_ld_gives_date_author_and_publisher() -> None:
    head = (
        '<script type="application/ld+json">'
        '{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"datePublished": "2019-03-15T08:00:00Z", "author": {"name": "Rana Haddad"}, '
        '"publisher": {"name": "Example Rights Monitor"}}</script>'
    )
    meta = page_meta(_tree(head, f"<p>{PARAGRAPH}</p>"))
    assert (meta.date, meta.author, meta.sitename) == (
        "2019-03-15",
        "Rana Haddad",
        "Example Rights Monitor",
    )


def test_byline_element_names_the_author_but_a_commenter_does_not() -> None:
    body = (
        f'<article><p class="byline">By Sami Khoury</p><p>{PARAGRAPH}</p></article>'
        '<section id="comments"><span class="comment-author">Anonymous Visitor</span></section>'
    )
    assert page_meta(_tree("", body)).author == "Sami Khoury"
    commented = _tree("", f'<p>{PARAGRAPH}</p><div class="comments">'
                      '<span class="author">Anonymous Visitor</span></div>')  # fmt: skip
    assert page_meta(commented).author is None


def test_date_in_the_canonical_url_is_found() -> None:
    head = '<link rel="canonical" href="https://news.example.org/2018/11/20/families-ask">'
    assert page_meta(_tree(head, f"<p>{PARAGRAPH}</p>")).date == "2018-11-20"


def test_one_word_author_is_a_login_not_a_person() -> None:
    meta = page_meta(_tree('<meta name="author" content="admin">', f"<p>{PARAGRAPH}</p>"))
    assert meta.author is None


def test_reading_the_metadata_leaves_the_tree_unchanged() -> None:
    tree = _tree('<meta name="author" content="Rana Haddad">', f"<p>{PARAGRAPH}</p>")
    before = etree.tostring(tree)
    page_meta(tree)
    assert etree.tostring(tree) == before


def test_script_and_style_text_never_reaches_the_article() -> None:
    page = (
        "<html><head><style>.x { color: red }</style></head><body><article>"
        f"<p>{PARAGRAPH}</p><script>var secret = 'tracking code';</script>"
        f"<p>{PARAGRAPH.replace('Monday', 'Tuesday')}</p></article></body></html>"
    )
    text = extract_html(page).text
    assert "Tuesday" in text
    assert "tracking" not in text and "color" not in text

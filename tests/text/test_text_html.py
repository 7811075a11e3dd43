"""HTML pages: the article without navigation, adverts or comments, paragraphs kept apart, and
the page's metadata recorded without overwriting what capture found."""

from __future__ import annotations

from dhakira.records import Document, Item
from dhakira.text.clean import clean_text
from dhakira.text.html import extract_html

BODY = [
    "Families of detainees held in Sednaya prison gathered outside the courthouse on Monday, "
    "asking the authorities to publish the names of all those who died in custody.",
    "The rights group said it had documented more than two hundred cases of enforced "
    "disappearance in the province since the beginning of the year, most of them young men.",
    "A lawyer for several families said that none of them had received a death certificate "
    "or any official word about where their relatives were buried.",
]
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Families demand answers on Sednaya detainees | Example Rights Monitor</title>
<meta name="author" content="Rana Haddad">
<meta property="og:site_name" content="Example Rights Monitor">
<meta name="description" content="Families ask for the names of detainees who died.">
<meta property="article:published_time" content="2021-03-15T10:00:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/reports">Reports</a></li><li><a href="/about">About us</a></li></ul></nav>
<div class="ad-banner">Buy cheap flights to Istanbul now! Limited offer, book today.</div>
<article>
<h1>Families demand answers on Sednaya detainees</h1>
<p>{BODY[0]}</p>
<p>{BODY[1]}</p>
<p>{BODY[2]}</p>
</article>
<section id="comments" class="comments">
<h3>3 Comments</h3>
<div class="comment"><p>Visitor wrote: this comment section text must stay out.</p></div>
<form><label>Leave a Reply</label><textarea></textarea><button>Post Comment</button></form>
</section>
<footer>Copyright 2021 Example Rights Monitor. All rights reserved.</footer>
</body></html>"""


def _clean(html: str, format_meta: dict[str, str] | None = None) -> Document:
    item = Item(data=html.encode("utf-8"), source="page.html", media_type="text/html")
    doc = Document(item=item, html=html, format_meta=dict(format_meta or {}))
    return clean_text(doc)


def test_article_paragraphs_are_kept_apart_by_blank_lines() -> None:
    text = _clean(PAGE).text
    assert "\n\n".join(BODY) in text


def test_navigation_adverts_and_comments_are_left_out() -> None:
    text = _clean(PAGE).text
    for residue in ("About us", "cheap flights", "comment section text", "Leave a Reply"):
        assert residue not in text


def test_page_metadata_is_recorded() -> None:
    meta = _clean(PAGE).format_meta
    assert meta["author"] == "Rana Haddad"
    assert meta["date"] == "2021-03-15"
    assert meta["sitename"] == "Example Rights Monitor"
    assert "Families demand answers" in meta["title"]


def test_metadata_from_capture_is_not_overwritten() -> None:
    meta = _clean(PAGE, {"title": "Title given by capture", "author": ""}).format_meta
    assert meta["title"] == "Title given by capture"
    assert meta["author"] == "Rana Haddad"  # an empty value is filled in


def test_page_without_an_article_still_gives_its_text() -> None:
    html = (
        "<html><body><div><span>تاريخ الصدور 2017</span><span>بيان صحفي</span></div></body></html>"
    )
    result = extract_html(html)
    assert "بيان صحفي" in result.text
    assert result.method != "empty"


def test_page_without_text_is_honestly_empty() -> None:
    assert extract_html("<html><body><script>var x = 1;</script></body></html>").text == ""


def test_document_needing_ocr_keeps_an_empty_text() -> None:
    item = Item(data=b"%PDF-1.7", source="scan.pdf", media_type="application/pdf")
    doc = Document(item=item, raw_text="stray", text_status="needs_ocr")
    assert clean_text(doc).text == ""


def test_plain_text_is_normalised() -> None:
    item = Item(data=b"", source="note.txt", media_type="text/plain")
    decomposed = "Cafe\u0301 statement.  \r\nSecond line\r\n\r\n\r\n\r\nThird paragraph."
    doc = clean_text(Document(item=item, raw_text=decomposed))
    assert doc.text == "Café statement.\nSecond line\n\nThird paragraph."

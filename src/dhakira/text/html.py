"""The main text of an HTML page and the facts its markup gives about it.

trafilatura finds the article in the page and drops navigation, adverts and the comment section;
`dhakira.text.page_meta` reads what the markup states (title, date, author, site name) from the
same parsed tree — trafilatura's own metadata search is not run: it cost more than the extraction.
The text is rendered from trafilatura's element tree so that paragraphs stay apart (one blank
line between them), which the language and analysis steps rely on.

A page that has text never comes back empty: if the article extraction finds nothing, or very
little compared with the text of the whole page, the next way is tried in turn — trafilatura
favouring recall, trafilatura's baseline, then a plain rendering of every text block of the page.
`HtmlText.method` says which one produced the text, so a reviewer can see a weak extraction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from dhakira.text.page_meta import PageMeta, page_meta

MIN_CHARS = 500  # below this an extraction is checked against the page's whole text
SHORT_SHARE = 0.2  # ... and replaced if it holds less than this share of that text

_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "li", "ul", "ol",
    "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
    "br", "hr", "form", "figure", "figcaption", "address", "body", "td", "th",
}  # fmt: skip
_DROPPED_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
_SPACES = re.compile(r"[ \t\u00a0]+")
# Markup that never holds page text: scripts (but not JSON data, which trafilatura's baseline
# reads), styles, inline SVG, <link>, <input> and the <meta> tags of the head (already read).
_CODE = etree.XPath(
    "//script[not(contains(@type, 'json'))] | //style | //svg | //link | //input | //head/meta"
)


# The extractions tried in turn: precise first (measured best on the article benchmark), then
# trafilatura's balanced default, then favouring recall, while the result is too short.
_ATTEMPTS: tuple[tuple[str, dict[str, bool]], ...] = (
    ("trafilatura-precision", {"favor_precision": True}),
    ("trafilatura", {}),
    ("trafilatura-recall", {"favor_recall": True}),
)


@dataclass(frozen=True)
class HtmlText:
    """The main text of a page, its metadata, and which extraction produced the text."""

    text: str
    meta: PageMeta
    method: str  # one of the _ATTEMPTS names, "baseline", "page-text" or "empty"


def extract_html(html: str, url: str | None = None) -> HtmlText:
    """Main text (paragraphs split by blank lines) and metadata of an HTML page.

    The page is parsed once: the metadata is read from that tree, then each extraction works
    on its own copy of it.
    """
    tree = trafilatura.load_html(html)
    if tree is None:  # not markup trafilatura can work with; lxml may still read its <head>
        plain = _parse(html)
        return _fallback(html, page_meta(plain, url) if plain is not None else PageMeta())
    meta = page_meta(tree, url)  # reads the whole page, scripts included; changes nothing
    for code in _CODE(tree):  # trafilatura's cleaning drops these too, but only after its
        code.drop_tree()  # first passes over the whole tree: fewer nodes, same text
    best = _extract(html, tree, url)
    if best.text:  # possibly short, but what the article extraction found: a short article
        return HtmlText(best.text, meta, best.method)
    return _fallback(html, meta)


def _extract(html: str, tree: Any, url: str | None) -> HtmlText:
    """The first extraction in _ATTEMPTS that is long enough, else the longest one."""
    page_text: str | None = None
    best = HtmlText("", PageMeta(), "empty")
    for method, settings in _ATTEMPTS:
        document = _bare_extraction(tree, url, **settings)
        if document is None:
            continue
        text = _render_body(document.body)
        if len(text) > len(best.text):
            best = HtmlText(text, best.meta, method)
        if len(text) >= MIN_CHARS:
            return best
        page_text = page_text if page_text is not None else page_text_of(html)
        if text and len(text) >= SHORT_SHARE * len(page_text):
            return best
    return best


def _fallback(html: str, meta: PageMeta) -> HtmlText:
    """The article extraction found nothing: baseline, else the page's whole text."""
    _, baseline_text, _ = trafilatura.baseline(html)
    baseline_text = _tidy(baseline_text or "")
    if baseline_text:
        return HtmlText(baseline_text, meta, "baseline")
    page_text = page_text_of(html)
    if page_text:
        return HtmlText(page_text, meta, "page-text")
    return HtmlText("", meta, "empty")


def _bare_extraction(tree: Any, url: str | None, **settings: Any) -> Any:
    """trafilatura's result (its text tree), or None when it finds nothing; `tree` is copied."""
    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=False,
        **settings,
    )


def _render_body(body: Any) -> str:
    """Text of trafilatura's body tree: one paragraph per block, blank lines between.

    Text can also sit in the tail of a block (after a heading, outside any <p>); it becomes a
    paragraph of its own rather than being lost.
    """
    if body is None:
        return ""
    paragraphs = [_tidy(body.text or "")]
    for child in body:
        paragraphs.append(_inline(child))
        paragraphs.append(_tidy(child.tail or ""))
    return "\n\n".join(p for p in paragraphs if p)


# Inside a block, these start a new line (list items, table rows, line breaks, nested blocks).
_LINE_TAGS = {"lb", "item", "row", "p", "head", "quote", "list", "table", "code"}


def _inline(element: Any) -> str:
    """The text of one block; list items, table rows and <lb/> on lines of their own."""
    parts: list[str] = []
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if node is not element and node.tag in _LINE_TAGS:
                parts.append("\n")
            elif node.tag == "cell" and node.getprevious() is not None:
                parts.append(" | ")
            parts.append(node.text or "" if isinstance(node.tag, str) else "")
        elif node is not element:
            parts.append(node.tail or "")
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def page_text_of(html: str) -> str:
    """Every text block of the page, scripts and styles left out: the last fallback."""
    tree = _parse(html)
    if tree is None:
        return ""
    for bad in tree.xpath("|".join(f"//{tag}" for tag in _DROPPED_TAGS)):
        bad.drop_tree()
    blocks: list[str] = []
    current: list[str] = []
    for event, node in etree.iterwalk(tree, events=("start", "end")):
        if not isinstance(node.tag, str):  # comments and processing instructions
            current.append(node.tail or "" if event == "end" else "")
            continue
        if node.tag in _BLOCK_TAGS:
            blocks.append("".join(current))
            current = []
        if event == "start":
            current.append(node.text or "")
        else:
            current.append(node.tail or "")
    blocks.append("".join(current))
    return "\n\n".join(t for t in (_tidy(b) for b in blocks) if t)


def _parse(html: str) -> Any:
    """lxml tree of a page, or None when it holds no markup at all."""
    if not html.strip():
        return None
    try:
        return lxml.html.fromstring(html)
    except ValueError:  # a str that still carries an XML encoding declaration
        return lxml.html.fromstring(html.encode("utf-8"))
    except etree.ParserError:
        return None

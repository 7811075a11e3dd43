"""What a web page's markup says about itself: title, date, author, site name, description.

trafilatura's own metadata search reads the <meta> tags and JSON-LD cheaply, but then looks for
an author through the whole page with regular-expression XPaths and asks htmldate for an
extensive search of the page text; those two cost more than the article extraction itself. Here
the cheap parts of trafilatura's reading are kept as they are (so the values are the ones it
would give), the author search is one plain XPath over the tree, and htmldate runs its quick
search (meta tags, <time>, the canonical URL) first and searches the text only when that found
nothing.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import asdict, dataclass
from typing import Any

from htmldate import find_date
from lxml import etree
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_url

_SPACES = re.compile(r"\s+")
_DOMAIN = re.compile(r"https?://(?:www\.|w[0-9]+\.)?([^/]+)")
_MAX_AUTHOR_CHARS = 120
# Elements that name the author, most specific first; inside comment sections they name
# commenters instead, and dates inside a byline are not part of the name.
# Every element whose attributes may mark an author or byline (one pass over the attributes);
# _author_rank then orders them as trafilatura does: specific author markers first.
_AUTHOR_CANDIDATES = etree.XPath(
    "//@class[contains(., 'uthor') or contains(., 'yline')]/.. | //@id[contains(., 'author')]/.."
    " | //@rel[. = 'author']/.. | //@itemprop[contains(., 'author')]/.. | //author"
)
_NOT_NAME = frozenset({"time", "figure", "script", "style"})


@dataclass(frozen=True)
class PageMeta:
    """What the page's markup says about itself; None where it says nothing."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    sitename: str | None = None
    description: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The fields that were found, for `Document.format_meta`."""
        return {k: v for k, v in asdict(self).items() if v}


def page_meta(tree: Any, url: str | None = None) -> PageMeta:
    """The metadata of a parsed page (an lxml.html tree); the tree is left unchanged."""
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # one word is a login or a site, not a person
    with suppress(Exception):  # a faulty JSON-LD block only loses its own facts
        found = extract_meta_json(tree, found)
    page_url = extract_url(tree, url) if not found.url else found.url
    return PageMeta(
        title=_clean(tree.findtext(".//title")) or _clean(found.title),
        date=_date(tree, page_url),
        author=_clean(found.author) or _dom_author(tree),
        sitename=_sitename(found.sitename or extract_sitename(tree), page_url),
        description=_clean(found.description),
    )


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACES.sub(" ", value).strip() or None


def _date(tree: Any, url: str | None) -> str | None:
    """The publication date (YYYY-MM-DD): markup and URL first, the page text only if need be."""
    for extensive in (False, True):
        try:
            found = find_date(tree, extensive_search=extensive, original_date=True, url=url)
        except (ValueError, TypeError):  # htmldate gives up on odd markup rather than guess
            found = None
        if found:
            return str(found)
    return None


def _dom_author(tree: Any) -> str | None:
    """The first short text of an element marked as the author, else as the byline."""
    ranked = [
        (rank, element) for element in _AUTHOR_CANDIDATES(tree) if (rank := _author_rank(element))
    ]
    for _, element in sorted(ranked, key=lambda pair: pair[0]):  # stable: page order within a rank
        if _in_comments(element):
            continue
        text = _clean(" ".join(_name_parts(element)))
        if text and 2 < len(text) <= _MAX_AUTHOR_CHARS:
            name = normalize_authors(None, text)
            if name:
                return str(name)
    return None


def _author_rank(element: Any) -> int:
    """1 for an element marked as the author, 2 for a byline or author area, 0 for neither."""
    css, ident = element.get("class") or "", element.get("id") or ""
    itemprop = element.get("itemprop") or ""
    if (
        element.tag == "author"
        or element.get("rel") == "author"
        or "author" in (ident, css)
        or itemprop == "author name"
        or any(mark in css for mark in ("author-name", "authorName", "AuthorName"))
    ):
        return 1
    if "author" in itemprop or "author" in ident or "author" in css:
        return 2
    return 2 if "byline" in css or "Byline" in css else 0


def _in_comments(element: Any) -> bool:
    """Whether the element is, or sits inside, a comment section (it names a commenter)."""
    for node in (element, *element.iterancestors()):
        if "comment" in (node.get("id") or "") or "comment" in (node.get("class") or ""):
            return True
    return False


def _name_parts(element: Any) -> list[str]:
    """The texts of an element, leaving out dates, figures and scripts inside it."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag not in _NOT_NAME:
            parts.extend(_name_parts(child))
        parts.append(child.tail or "")
    return parts


def _sitename(name: str | None, url: str | None) -> str | None:
    """The site's own name as stated, else the domain of the page's URL."""
    name = _clean(name)
    if name:
        name = name.lstrip("@")
        if name and "." not in name and not name[0].isupper():
            name = name.title()
        return name or None
    found = _DOMAIN.match(url or "")
    return found.group(1) if found else None

"""Markdown's markup taken off, so a Markdown file's text reads like any other document's.

A page saved as Markdown keeps its links as `[words](address)`, headings as `# `, emphasis as
`*` and `**`, quotations as `> `, rules as `---`, tables between `|` and notes as
`<!-- -->`. Left in, they show in snippets (a
breadcrumb reads "[Home](/) › [Syria](/syria)") and hide residue from `text.residue`, which
knows a breadcrumb line only when it starts with "Home". Only the marks go: every word stays,
the words of a link and the alternative text of an image included; addresses are dropped, as a
web page's are when its HTML is read. The first "# " heading is kept as the page's title
(`markdown_title`), as an HTML page's <title> is.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_RULE = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BULLET = re.compile(r"^( {0,3})[-*+][ \t]+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_CODE = re.compile(r"`([^`\n]+)`")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TABLE_RULE = re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
_TABLE_ROW = re.compile(r"^ {0,3}\|(.*)\|[ \t]*$")


def _line(line: str) -> str:
    """One line without its block marks (heading, quotation, bullet, rule)."""
    if _RULE.match(line) or _TABLE_RULE.match(line):
        return ""
    row = _TABLE_ROW.match(line)
    if row:
        return row.group(1).strip()
    while _QUOTE.match(line):
        line = _QUOTE.sub("", line, count=1)
    heading = _HEADING.match(line)
    if heading:
        return heading.group(1)
    return _BULLET.sub(r"\1", line)


def _inline(text: str) -> str:
    """Links, images, emphasis and code spans reduced to their words."""
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    return _EMPHASIS.sub(r"\1", text)


HEADER_LINES = 40  # a title heading stands near the top


def markdown_title(text: str) -> str | None:
    """The first top-level heading ("# Title") near the top, as words: the page's own title,
    kept as page metadata because the heading mark that said so is gone from the text."""
    for line in text.split("\n")[:HEADER_LINES]:
        if line.startswith("# "):
            return _inline(line[2:]).strip(" #") or None
    return None


def markdown_text(text: str) -> str:
    """The plain text of a Markdown document, line by line (line breaks are kept)."""
    text = _COMMENT.sub("", text)
    return "\n".join(_inline(_line(line)) for line in text.split("\n"))

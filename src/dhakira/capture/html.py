"""Reading HTML (also gzipped, also WARC payloads) into markup, plain text and <meta> facts.

Markup is kept as decoded text for the later main-text extraction; `raw_text` is a plain
rendering with line breaks at block elements. The nesting depth is measured with a cheap scan
before parsing, because pathological nesting (100,000 <div>s) makes tree code recurse or crawl;
such a page fails with LimitExceeded instead of hanging the batch.
"""

from __future__ import annotations

import re
import zlib

from lxml import etree
from lxml import html as lxml_html

from dhakira.capture.charset import Decoded, decode_declared, decode_text
from dhakira.config import Limits
from dhakira.errors import CorruptInput, LimitExceeded
from dhakira.records import Document, Item

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
# Written as "unrolled loops" ([^<]* runs between single '<' checks) rather than with .*?, so a
# long script or comment is skipped at C speed instead of one character at a time.
_SKIPPED_BLOCKS = re.compile(
    rb"<(script|style|textarea)\b[^<]*(?:<(?!/\1\s*>)[^<]*)*</\1\s*>|<!--[^-]*(?:-(?!->)[^-]*)*-->",
    re.I,
)
# (closing slash, name, self-closing slash); a tag ending in "//>" does not match: not nesting.
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:[^>]*[^>/])?(/?)>")
# Elements that never hold children, or whose end tag HTML lets the parser imply.
_NOT_NESTING = frozenset(
    b"area base br col embed hr img input link meta param source track wbr "
    b"p li dt dd tr td th option optgroup thead tbody tfoot colgroup rt rp".split()
)
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "title",
        "tr",
        "ul",
    }
)
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "head"})
_META_NAMES = frozenset(
    {
        "description",
        "author",
        "date",
        "keywords",
        "dc.title",
        "dc.creator",
        "dc.date",
        "pubdate",
        "publish-date",
        "publication_date",
        "citation_title",
        "citation_date",
    }
)


def read_html(item: Item, limits: Limits) -> Document:
    """A Document with html, raw_text and format_meta from an HTML Item (gzipped or not)."""
    data = _gunzip(item.data, item.source, limits) if item.data[:2] == b"\x1f\x8b" else item.data
    decoded = _decode(data, item)
    depth = nesting_depth(data)
    if depth > limits.max_html_depth:
        raise LimitExceeded(
            f"HTML nests elements {depth} deep, above the limit of {limits.max_html_depth}",
            item=item.source,
            hint="the page is probably malformed; raise max_html_depth only if it is genuine",
        )
    root = _parse(decoded.text, item.source)
    meta = {**_head_meta(root), **decoded.meta()}
    return Document(item=item, raw_text=_render(root), html=decoded.text, format_meta=meta)


def nesting_depth(data: bytes) -> int:
    """The deepest element nesting, counted over tags without building a tree."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(_SKIPPED_BLOCKS.sub(b"", data)):
        if self_closing or name.lower() in _NOT_NESTING:
            continue
        if closing:
            depth -= 1 if depth else 0
        else:
            depth += 1
            deepest = depth if depth > deepest else deepest
    return deepest


def _gunzip(data: bytes, source: str, limits: Limits) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limits.max_file_bytes + 1)
    except zlib.error as error:
        raise CorruptInput(f"damaged gzip stream: {error}", item=source) from error
    if len(out) > limits.max_file_bytes:
        raise LimitExceeded(
            f"gzipped HTML expands beyond {limits.max_file_bytes} bytes",
            item=source,
            hint="raise it with --max-file-size",
        )
    if not inflater.eof:
        raise CorruptInput(
            f"truncated gzip stream: it ends after {len(data)} bytes, before the end marker",
            item=source,
            hint="the file is incomplete; copy it again from its source",
        )
    return out


def _decode(data: bytes, item: Item) -> Decoded:
    """Order of trust: byte-order mark, HTTP header charset, <meta charset>, then detection."""
    http = _HTTP_CHARSET.search(str(item.fields.get("content_type", "")))
    meta = _META_CHARSET.search(data[:4096])
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return decode_text(data)
    return (
        decode_declared(data, http.group(1) if http else None)
        or decode_declared(data, meta.group(1).decode("ascii") if meta else None)
        or decode_text(data)
    )


def _parse(text: str, source: str) -> etree._Element:
    """Parse leniently, but refuse when libxml2 gave up part way (it would drop the rest)."""
    if not text.strip():
        raise CorruptInput("HTML page is empty", item=source)
    parser = lxml_html.HTMLParser(remove_comments=True, encoding="utf-8", huge_tree=True)
    try:
        root = lxml_html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError, RecursionError) as error:
        raise CorruptInput(f"HTML could not be parsed: {error}", item=source) from error
    fatal = [error for error in parser.error_log if error.level_name == "FATAL"]
    if fatal:
        raise LimitExceeded(
            f"HTML parser stopped: {fatal[0].message.strip()}",
            item=source,
            hint="lower max_html_depth so such pages fail early, or repair the page",
        )
    return root


def _render(root: etree._Element) -> str:
    """Plain text with a line break around block elements; iterative, so depth cannot hurt."""
    parts: list[str] = []
    hidden = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _INVISIBLE:
            hidden += 1 if event == "start" else -1
            if event == "end" and hidden == 0 and element.tail:
                parts.append(element.tail)
            continue
        if hidden:
            continue
        if tag in _BLOCKS:
            parts.append("\n")
        if event == "start" and element.text and tag:
            parts.append(element.text)
        if event == "end" and element.tail:
            parts.append(element.tail)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _head_meta(root: etree._Element) -> dict[str, str]:
    """<title>, <html lang>, and <meta> description/author/date, og:* and article:* values."""
    found: dict[str, str] = {}
    title = root.findtext(".//title")
    if title and title.strip():
        found["title"] = " ".join(title.split())
    lang = root.get("lang")
    if lang:
        found["lang"] = lang.strip()
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        wanted = key in _META_NAMES or key.startswith(("og:", "article:"))
        if wanted and value and key not in found:
            found[key] = value
    return found

"""Remove page residue from scraped plain text, line by line, without touching the article.

Scraped pages keep the furniture of the site around the article: titles of neighbouring
articles with their dates, breadcrumbs, share and login widgets, comment forms, cookie notices
and copyright banners, in English and Arabic. None of that is evidence, and some of it (another
article's title and date, "14,000 killed") would be read as facts of this document later on.

The rules are deliberately narrow, because an archive must never lose a sentence of the body:
- a line is removed anywhere only when the *whole line* is a known widget text ("Share",
  "Leave a Reply", "اترك تعليقاً") — a body sentence that mentions sharing stays;
- a comment form or related-articles heading near the end cuts the tail after it, but only
  when everything after it is short, widget-like lines;
- breadcrumbs, neighbouring-article lists and banners are removed only in the edge blocks
  (before the first or after the last body sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Arabic short vowels, tanween, shadda, sukun, superscript alef, and tatweel: ignored when matching.
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
# (variant, plain letter): no plain letter is itself a variant, so the order does not matter
_ALEF_FORMS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"))


def _fold_arabic(text: str) -> str:
    """Arabic marks dropped and letter variants folded, so patterns match any spelling.

    One `str.replace` per variant the text holds: `str.translate` looks every character up
    in a dict, many times slower on a line of Arabic.
    """
    text = _ARABIC_MARKS.sub("", text)
    for variant, plain in _ALEF_FORMS:
        if variant in text:
            text = text.replace(variant, plain)
    return text


def _shape(pattern: str) -> re.Pattern[str]:
    """A line pattern written in plain Arabic spelling, compiled to match folded keys."""
    return re.compile(_fold_arabic(pattern))


def _key(line: str) -> str:
    """A matching key: lower case, Arabic marks and alef forms folded, spacing squeezed."""
    if line.isascii():  # nothing to fold (the common case, and a hot path)
        return " ".join(line.lower().split())
    folded = _fold_arabic(line).lower().replace("’", "'")
    return " ".join(folded.split())  # NBSP is whitespace to str.split


def _alternation(phrases: Iterable[str]) -> str:
    return "|".join(re.escape(_key(p)) for p in phrases)


# Whole lines that are always widget text (compared on the folded key, optional trailing
# punctuation/colon/arrow and an optional count, e.g. "Share 12" or "Comments (3)").
# fmt: off
_WIDGET_PHRASES = [
    "share", "share this", "share this:", "share this article", "share this story",
    "share on facebook", "share on twitter", "share on whatsapp", "share via email", "tweet",
    "facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "reddit", "e-mail",
    "print this page", "copy link", "like this:", "loading...", "click to share on twitter",
    "click to share on facebook", "click to print", "click to email a link to a friend", "log in",
    "login", "sign in", "sign up", "log out", "logout", "subscribe", "subscribe now",
    "subscribe to our newsletter", "follow us", "skip to content", "skip to main content",
    "back to top", "read more", "continue reading", "leave a reply", "leave a comment",
    "post a comment", "add a comment", "cancel reply", "post comment", "submit comment",
    "your email address will not be published.", "required fields are marked *",
    "please enter your comment!", "please enter your name here",
    "you have entered an incorrect email address!", "please enter your email address here",
    "save my name, email, and website in this browser for the next time i comment.",
    "notify me of follow-up comments by email.", "notify me of new posts by email.", "name *",
    "email *", "connecting to %s", "fill in your details below or click an icon to log in:",
    "related posts", "related articles", "related stories", "you may also like",
    "more from this author", "tags:", "previous article", "next article", "previous post",
    "next post", "شارك", "شارك:", "مشاركة", "شارك هذا", "شارك هذا المقال", "شارك الخبر", "تويتر",
    "فيسبوك", "فيس بوك", "واتساب", "واتس اب", "تيليجرام", "اترك تعليقا", "اترك تعليقاً",
    "اترك رد", "اترك رداً", "أضف تعليق", "أضف تعليقاً", "إرسال التعليق", "ارسل التعليق",
    "إلغاء الرد", "لن يتم نشر عنوان بريدك الإلكتروني.", "لن يتم نشر عنوان بريدك الإلكتروني",
    "الحقول الإلزامية مشار إليها بـ *", "الاسم *", "البريد الإلكتروني *", "الموقع الإلكتروني",
    "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضاً", "اقرأ المزيد", "مواضيع ذات صلة", "مقالات ذات صلة",
    "أخبار ذات صلة", "الوسوم:", "كلمات مفتاحية", "كلمات مفتاحية:", "سجل الدخول", "تسجيل الدخول",
    "تسجيل الخروج", "اشترك", "اشترك الآن", "اشترك في النشرة البريدية", "تابعنا", "المقال السابق",
    "المقال التالي", "الخبر السابق", "الخبر التالي",
]
# fmt: on
_WIDGET = re.compile(
    rf"^(?:{_alternation(_WIDGET_PHRASES)})\s*[:»›>|\-–—.!]*\s*(?:\(?\d{{1,6}}\)?)?$"
)

# Single words that are widgets at the page's edges but could be a heading inside an article.
# fmt: off
_AMBIGUOUS_PHRASES = [
    "email", "print", "like", "register", "menu", "search", "comments", "comment", "reply",
    "name", "website", "related", "recommended", "most popular", "most read", "tags", "طباعة",
    "البريد الإلكتروني", "التعليقات", "تعليقات", "تعليق", "رد", "المزيد", "ذات صلة",
    "الأكثر قراءة", "الوسوم", "بحث", "القائمة",
]
# fmt: on
_AMBIGUOUS = re.compile(
    rf"^(?:{_alternation(_AMBIGUOUS_PHRASES)})\s*[:»›>|\-–—.!*]*\s*(?:\(?\d{{1,6}}\)?)?$"
)

# Lines that are widget text by their shape wherever they stand.
_WIDGET_SHAPES = [
    _shape(r"^you are commenting using your( \S+)? account\. ?log out ?/ ?change ?\)?$"),
    _shape(r"^this site uses akismet to reduce spam\..{0,80}$"),
    _shape(r"^fill in your details below or click an icon to log in:?.{0,20}$"),
    _shape(r"^(tags|filed under|categories|posted in|الوسوم|كلمات مفتاحية)\s*:.{0,200}$"),
    _shape(r"^(google\+?|twitter|facebook|wordpress\.com) (photo|picture)$"),
    _shape(r"^notify me of (new|follow-up) .{0,40} by email\.?$"),
    _shape(r"^(الرئيسية|home)\s*[»›>/|].{0,200}$"),
]

# Headings after which a page's tail is comment form or related links, not article.
# fmt: off
_TAIL_PHRASES = [
    "leave a reply", "leave a comment", "post a comment", "add a comment", "related posts",
    "related articles", "related stories", "you may also like", "اترك تعليقا",
    "اترك تعليقاً", "اترك رد", "اترك رداً", "أضف تعليق", "أضف تعليقاً", "اقرأ أيضا",
    "اقرأ أيضاً", "إقرأ أيضاً", "مواضيع ذات صلة", "مقالات ذات صلة", "أخبار ذات صلة",
]
# fmt: on
_TAIL_HEADINGS = re.compile(
    rf"^(?:{_alternation(_TAIL_PHRASES)})\s*[:»›>|\-–—.!]*\s*(?:\(?\d{{1,6}}\)?)?$"
)
# A bare "Comments" could also head a part of an article: it cuts the tail only when a
# comment-form line follows it.
_WEAK_TAIL_HEADINGS = re.compile(
    rf"^(?:{_alternation(['comments', 'التعليقات', 'تعليقات'])})\s*[:.]*\s*(?:\(?\d{{1,6}}\)?)?$"
)

# Banners and notices that stand before or after the article, never inside it.
_EDGE_SHAPES = [
    _shape(r"^.{0,120}\b(uses|use) cookies\b.{0,200}$"),
    _shape(r"^.{0,80}\b(accept|allow) (all )?cookies\b.{0,80}$"),
    _shape(r"^.{0,100}(ملفات تعريف الارتباط|الكوكيز).{0,200}$"),
    _shape(r"^(©|\(c\)|copyright\b).{0,120}$"),
    _shape(r"^.{0,80}(all rights reserved|جميع الحقوق محفوظة).{0,80}$"),
]

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|"
    "ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|"
    "كانون الأول"
)
_DATE_LINE = re.compile(
    rf"^(?:\w+,?\s+)?(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+(?:{_MONTHS}),?\s+"
    rf"\d{{4}}|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})"
    r"(?:,?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?$",
    re.IGNORECASE,
)

SHORT_WORDS = 12  # a widget line has at most this many words
TITLE_WORDS = 20  # a neighbouring article's title has at most this many words


def is_widget_line(line: str) -> bool:
    """True when the whole line is share/login/comment-form text, wherever it stands."""
    return _is_widget_key(_key(line))


def _is_widget_key(key: str) -> bool:
    """is_widget_line, given the line's matching key."""
    if not key:
        return False
    return bool(_WIDGET.match(key)) or any(p.match(key) for p in _WIDGET_SHAPES)


def _is_edge_residue(key: str, widget: bool) -> bool:
    """Residue at the page's edges, given the line's key and whether it is a widget line."""
    return widget or bool(_AMBIGUOUS.match(key)) or any(p.match(key) for p in _EDGE_SHAPES)


def _is_sentence(line: str) -> bool:
    """A body-like line: long enough, or ending like a sentence."""
    words = line.split()
    return len(words) > SHORT_WORDS or (len(words) >= 6 and line.rstrip()[-1:] in '.!?؟…"”»)')


def _is_date_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line.strip()))


def _is_title_line(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= TITLE_WORDS and not _is_date_line(line)


def _tail_cut(lines: list[str], keys: list[str], widgets: list[bool]) -> int:
    """Index where a comment form / related-links tail starts, or len(lines) if none."""
    for i, key in enumerate(keys):
        strong, weak = _TAIL_HEADINGS.match(key), _WEAK_TAIL_HEADINGS.match(key)
        if not (strong or weak):
            continue
        rest = [j for j in range(i + 1, len(lines)) if lines[j].strip()]
        if not all(widgets[j] or not _is_sentence(lines[j]) for j in rest):
            continue
        if strong or not rest or any(widgets[j] for j in rest):
            return i
    return len(lines)


def _neighbour_blocks(lines: list[str]) -> set[int]:
    """Line indexes of lists of other articles: ≥2 (title, date) pairs in one block."""
    drop: set[int] = set()
    start = 0
    while start < len(lines):
        if not lines[start].strip():
            start += 1
            continue
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        block = lines[start:end]
        if _is_listing(block):
            drop.update(range(start, end))
        start = end
    return drop


def _is_listing(block: list[str]) -> bool:
    if len(block) < 4 or len(block) % 2:
        return False
    firsts, seconds = block[0::2], block[1::2]
    title_date = all(map(_is_title_line, firsts)) and all(map(_is_date_line, seconds))
    date_title = all(map(_is_date_line, firsts)) and all(map(_is_title_line, seconds))
    return title_date or date_title


def _edge_drops(lines: list[str], keys: list[str], widgets: list[bool]) -> set[int]:
    """Residue lines before the first and after the last body sentence."""
    body = [i for i, line in enumerate(lines) if _is_sentence(line) and not widgets[i]]
    if not body:
        return set()
    first, last = body[0], body[-1]
    edges = list(range(first)) + list(range(last + 1, len(lines)))
    return {i for i in edges if lines[i].strip() and _is_edge_residue(keys[i], widgets[i])}


_HOME = _shape(r"^(?:home|الرئيسية)\s+(.+)$")


def _breadcrumbs(lines: list[str], keys: list[str]) -> set[int]:
    """Lines "Home <section> <title of this page>": a breadcrumb without separators.

    Only recognised when the line ends with another line of the same page (its title), so a
    headline that merely begins with "Home" is left alone.
    """
    others = {keys[i] for i, line in enumerate(lines) if 2 <= len(line.split()) <= TITLE_WORDS}
    drop = set()
    for i, line in enumerate(lines):
        match = _HOME.match(keys[i])
        if not match or len(line.split()) > TITLE_WORDS + 6:
            continue
        rest = match.group(1)
        if any(rest.endswith(title) and title != keys[i] for title in others):
            drop.add(i)
    return drop


def _collapse_blank_lines(lines: list[str]) -> str:
    text = "\n".join(lines)
    text = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)
    return text.strip("\n")


def strip_residue(text: str) -> str:
    """The article text of a scraped page with the site's residue lines removed.

    Each line's matching key (and whether it is a widget line) is worked out once and handed
    to every rule: folding Arabic lines is the costly part.
    """
    lines = [line.rstrip() for line in text.splitlines()]
    keys = [_key(line) for line in lines]
    widgets = [_is_widget_key(key) for key in keys]
    cut = _tail_cut(lines, keys, widgets)
    lines, keys, widgets = lines[:cut], keys[:cut], widgets[:cut]
    drop = _neighbour_blocks(lines) | _edge_drops(lines, keys, widgets) | _breadcrumbs(lines, keys)
    drop |= {i for i, widget in enumerate(widgets) if widget}
    kept = [line for i, line in enumerate(lines) if i not in drop]
    return _collapse_blank_lines(kept)

"""Filter values written into the full-text index as terms, so filters narrow a search there.

A search for a common word with a filter ("prison", statements of 2015–2016) used to score
every document holding the word and only then drop those outside the filter: tens of
milliseconds per query on a large archive. With a document's type, languages, publisher and
year indexed as reserved terms beside its words, the index intersects the word's documents with
the filter's before anything is scored. The exact filter conditions still run in SQL on the
(now few) remaining documents, so a day-precise range stays exact.

Reserved terms start with "qqf", which no analyzed word does in practice, and hold only ASCII
letters and digits so every backend's tokenizer keeps them whole.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from dhakira.records import Document
from dhakira.text.normalize import analyze

_PREFIX = "qqf"
_MAX_YEARS = 40  # a longer or open range is left to the SQL condition alone
_YEAR = re.compile(r"^(\d{4})")


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", value.casefold())


def type_term(doc_type: str) -> str:
    return f"{_PREFIX}t{_slug(doc_type)}"


def language_term(language: str) -> str:
    return f"{_PREFIX}l{_slug(language)}"


def publisher_term(publisher: str) -> str:
    digest = hashlib.sha256(publisher.strip().casefold().encode("utf-8")).hexdigest()[:12]
    return f"{_PREFIX}p{digest}"


def year_term(year: int) -> str:
    return f"{_PREFIX}y{year}"


def document_facets(
    date: str | None, doc_type: str | None, languages: Sequence[str], publisher: str | None
) -> list[str]:
    """The reserved terms of one document."""
    terms = [language_term(language) for language in languages if language]
    if doc_type:
        terms.append(type_term(doc_type))
    if publisher and publisher.strip():
        terms.append(publisher_term(publisher))
    year = _YEAR.match(date or "")
    if year:
        terms.append(year_term(int(year.group(1))))
    return terms


def index_terms(
    title: str | None,
    text: str,
    *,
    date: str | None,
    doc_type: str | None,
    languages: Sequence[str],
    publisher: str | None,
) -> tuple[list[str], list[str]]:
    """Title terms and body terms (words, then the reserved filter terms) of one document."""
    body = analyze(text) + document_facets(date, doc_type, languages, publisher)
    return analyze(title or ""), body


def filter_groups(
    date_from: str | None,
    date_to: str | None,
    doc_type: str | None,
    language: str | None,
    publisher: str | None,
) -> list[list[str]]:
    """Index conditions for the filters: each group is OR'ed inside, the groups AND'ed."""
    groups: list[list[str]] = []
    if doc_type:
        groups.append([type_term(doc_type)])
    if language:
        groups.append([language_term(language)])
    if publisher and publisher.strip():
        groups.append([publisher_term(publisher)])
    first, last = _YEAR.match(date_from or ""), _YEAR.match(date_to or "")
    if first and last:
        years = range(int(first.group(1)), int(last.group(1)) + 1)
        if 0 < len(years) <= _MAX_YEARS:
            groups.append([year_term(year) for year in years])
    return groups


def document_terms(doc: Document) -> tuple[list[str], list[str]]:
    """What the search index holds for a document: its words and its filter values."""
    return index_terms(
        doc.title,
        doc.text,
        date=doc.date.value if doc.date else None,
        doc_type=doc.doc_type,
        languages=[doc.language or "", *doc.languages],
        publisher=doc.publisher,
    )

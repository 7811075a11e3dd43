"""The plain records that flow between the stages of dhakira.

capture → text → analysis → archive: each stage takes and returns these small dataclasses,
never database rows or framework objects, so a stage can be tested, re-run and replaced alone.

- `Item` is what capture hands on: the untouched original bytes and where they came from.
- `Document` is what the text and analysis steps fill in, one field group per stage; every
  step records its versioned name in `Document.steps` so a stored value can be traced back.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

DocType = Literal[
    "press_release", "statement", "news_report", "ngo_report", "testimony", "legal_document", "other"
]
DOC_TYPES: tuple[str, ...] = (
    "press_release",
    "statement",
    "news_report",
    "ngo_report",
    "testimony",
    "legal_document",
    "other",
)
DatePrecision = Literal["day", "month", "year"]
Reliability = Literal["correct", "incorrect", "unverified", "unspecified"]
RELIABILITIES: tuple[str, ...] = ("correct", "incorrect", "unverified", "unspecified")
Visibility = Literal["public", "restricted"]
# "ok": text was extracted; "needs_ocr": kept, but it has no text layer to read.
TextStatus = Literal["ok", "needs_ocr"]


def sha256_hex(data: bytes) -> str:
    """The content address of an original: lowercase hex SHA-256 of its exact bytes."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Item:
    """One original to archive, exactly as it was found.

    `data` is never modified after capture. `media_type` is the format capture decided on
    ("text/plain", "text/html", "application/pdf", ...). `fields` carries metadata that came
    with the item rather than from its text: columns of a CSV/JSONL export row, the target URL
    and date of a WARC record. `source` names the item for people: a path, a path plus a row
    number or a WARC record, or a URL.
    """

    data: bytes
    source: str
    media_type: str
    url: str | None = None
    captured_at: datetime | None = None
    container: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return sha256_hex(self.data)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the clean text with its detected language (None when undecided)."""

    start: int
    end: int
    language: str | None


@dataclass(frozen=True)
class DateIssued:
    """When a document was issued, as precisely as the evidence allows.

    `value` is ISO 8601 cut to the precision: "2017-02-07", "2017-02" or "2017".
    `source` says where it came from ("header", "html-meta", "body", "record-block",
    "relative", "supplied", "context", ...), so a reviewer can weigh it.
    """

    value: str
    precision: DatePrecision
    source: str


@dataclass
class Document:
    """A document on its way through the pipeline; each stage fills its own group of fields."""

    item: Item
    # text stage
    raw_text: str = ""
    html: str | None = None
    text: str = ""
    text_status: TextStatus = "ok"
    pages: int | None = None
    language: str | None = None
    languages: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    # facts the format itself carries (HTML <meta>, PDF info, DOCX core properties)
    format_meta: dict[str, str] = field(default_factory=dict)
    # analysis stage
    title: str | None = None
    title_generated: bool = False
    date: DateIssued | None = None
    doc_type: str = "other"
    publisher: str | None = None
    issuing_body: str | None = None
    author: str | None = None
    # fields read from an archive record block on the page (e.g. Syrian Memory)
    record: dict[str, Any] = field(default_factory=dict)
    # step name → version that produced the values now held
    steps: dict[str, str] = field(default_factory=dict)

    def extract_json(self) -> dict[str, Any]:
        """The object `dhakira extract --json` prints; other tools read these key names."""
        return {
            "title": self.title,
            "title_generated": self.title_generated,
            "date": self.date.value if self.date else None,
            "date_precision": self.date.precision if self.date else None,
            "language": self.language,
            "languages": list(self.languages),
            "doc_type": self.doc_type,
            "publisher": self.publisher,
            "issuing_body": self.issuing_body,
            "author": self.author,
            "text": self.text,
        }


@dataclass(frozen=True)
class Failure:
    """An original that could not be processed: kept with its reason, never dropped.

    `data` holds the bytes when they were read (so the archive can keep them); it is None when
    reading itself was refused, e.g. a file over the size limit.
    """

    source: str
    reason: str
    data: bytes | None = None
    media_type: str | None = None

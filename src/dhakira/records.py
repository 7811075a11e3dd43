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
    "press_release",
    "statement",
    "news_report",
    "ngo_report",
    "testimony",
    "legal_document",
    "other",
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


EntityType = Literal["person", "organization", "place", "facility", "report", "event"]
ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "place", "facility", "report", "event")
EventType = Literal[
    "execution",
    "killing",
    "death_in_custody",
    "torture",
    "detention",
    "enforced_disappearance",
    "death_sentence",
    "release",
    "other",
]
EVENT_TYPES: tuple[str, ...] = (
    "execution",
    "killing",
    "death_in_custody",
    "torture",
    "detention",
    "enforced_disappearance",
    "death_sentence",
    "release",
    "other",
)


@dataclass(frozen=True)
class Mention:
    """A named entity found in a document's clean text, `text == doc.text[start:end]`.

    `entity_id` and `canonical_name` are set when the mention is linked to a known entity
    (knowledge base id such as "facility:sednaya-prison", or a document-local id for a name the
    knowledge base does not know); `found_by` names the analyser that found it.
    """

    text: str
    start: int
    end: int
    type: str
    entity_id: str | None = None
    canonical_name: str | None = None
    found_by: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "entity_id": self.entity_id,
            "canonical_name": self.canonical_name,
        }


@dataclass(frozen=True)
class Claim:
    """A quantitative statement in a document: what, how many, where, when, by whom, says who.

    Figures are numbers (`low`/`high`/`best`; a range fills low and high, "as many as 13,000"
    fills high, "at least 16" fills low, "an estimated 215,000" fills best). `kind` is "victims"
    for figures about people harmed or violations, "method" for figures about how the
    documentation was done ("interviews with 84 witnesses"). `quote == text[start:end]`.
    """

    event: str
    low: float | None
    high: float | None
    best: float | None
    qualifier: str | None
    place: str | None
    period_start: str | None
    period_end: str | None
    actor: str | None
    attributed_to: str | None
    quote: str
    start: int
    end: int
    kind: str = "victims"

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "low": _number(self.low),
            "high": _number(self.high),
            "best": _number(self.best),
            "qualifier": self.qualifier,
            "place": self.place,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "actor": self.actor,
            "attributed_to": self.attributed_to,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class Incident:
    """The main incident a news report tells of, in the fields documenters fill in (FA-KES)."""

    governorate: str | None = None
    date: str | None = None
    cause: str | None = None
    actor: str | None = None
    civilians: int = 0
    noncivilians: int = 0
    children: int = 0
    women: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "governorate": self.governorate,
            "date": self.date,
            "cause": self.cause,
            "actor": self.actor,
            "civilians": self.civilians,
            "noncivilians": self.noncivilians,
            "children": self.children,
            "women": self.women,
        }


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
    # understanding: who and what is named, which figures are claimed, the main incident
    entities: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    incident: Incident | None = None
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
            "entities": [mention.to_json() for mention in self.entities],
            "claims": [claim.to_json() for claim in self.claims],
            "incident": self.incident.to_json() if self.incident else None,
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

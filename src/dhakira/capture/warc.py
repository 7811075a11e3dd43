"""Expanding a WARC (web archive) file into one `Item` per archived HTML page.

Only HTML is taken: response records whose HTTP Content-Type is HTML, and resource records whose
WARC Content-Type is. Request, metadata, revisit and non-HTML responses (images, scripts, CSS) are
skipped and counted nowhere: they are not documents, and the WARC file itself remains the
original of record. Records are numbered from 1 in file order over all records, so
"#record-3" points at the third record whatever its type.

warcio does not complain about a truncated file: it stops early or hands back a short payload.
So each record's remaining Content-Length and the offset reached are checked, and a truncated
file ends in one `Failure` naming the offset where reading stopped.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dhakira.capture import formats
from dhakira.records import Failure, Item

_HINT = "the file is incomplete; copy it again from its source"


def iter_warc(path: Path, source: str) -> Iterator[Item | Failure]:
    """Yield an Item per HTML record of the WARC at `path`, then a Failure if it is cut short."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        yield from _iter_records(handle, source, size)


def _iter_records(handle: BinaryIO, source: str, size: int) -> Iterator[Item | Failure]:
    records = ArchiveIterator(handle)
    number = 0
    try:
        for record in records:
            number += 1
            start = records.offset
            item = _html_item(record, source, number)
            if getattr(record.raw_stream, "limit", 0) > 0:
                yield _truncated(handle, source, start, f"record {number} is cut short")
                return
            if item is not None:
                yield item
    except (
        ArchiveLoadFailed,
        EOFError,
        OSError,
        ValueError,
        AttributeError,
        TypeError,
        KeyError,
        IndexError,
    ) as error:  # warcio fails in assorted ways on damaged headers
        what = f"unreadable after record {number}: {type(error).__name__}: {error}"
        yield _truncated(handle, source, records.offset, what)
        return
    if records.offset < size and _has_more(handle, records.offset):
        yield _truncated(handle, source, records.offset, f"unreadable after record {number}")


def _html_item(record: Any, source: str, number: int) -> Item | None:
    """Read the record's payload (or drain it) and make an Item if it is an HTML page."""
    content_type = _content_type(record)
    if "html" not in content_type.lower():
        record.raw_stream.read()
        return None
    payload = record.content_stream().read()
    record.raw_stream.read()
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Item(
        data=payload,
        source=f"{source}#record-{number} {url or ''}".rstrip(),
        media_type=formats.HTML,
        url=url,
        captured_at=_warc_date(record.rec_headers.get_header("WARC-Date")),
        container=source,
        fields={"content_type": content_type},
    )


def _content_type(record: Any) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        return str(record.http_headers.get_header("Content-Type") or "")
    if record.rec_type == "resource":
        return str(record.rec_headers.get_header("Content-Type") or "")
    return ""


def _warc_date(value: str | None) -> datetime | None:
    """WARC-Date is ISO 8601 in UTC ("2017-02-07T10:00:00Z"); always return it timezone-aware."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _has_more(handle: BinaryIO, offset: int) -> bool:
    """Whether anything but blank lines follows the last complete record."""
    handle.seek(offset)
    return bool(handle.read().strip())


def _truncated(handle: BinaryIO, source: str, offset: int, what: str) -> Failure:
    """The unread tail from `offset` is kept as the failure's bytes, so nothing is lost."""
    handle.seek(offset)
    return Failure(
        source=source,
        reason=f"[DK104] truncated WARC: {what}; reading stopped at byte offset {offset} ({_HINT})",
        data=handle.read(),
        media_type=formats.WARC,
    )

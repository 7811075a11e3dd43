"""Expanding CSV and JSONL exports into one `Item` per row.

Exports from scrapers and spreadsheets name the same things differently ("body", "content",
"link", "published_at", "publisher"); they are mapped onto five canonical fields so later steps
read one vocabulary, and every other column is kept under "extra". Each row's bytes are its
canonical JSON, so the same row exported twice has the same hash. A bad row is a `Failure` of
its own; the rest of the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dhakira.capture import formats
from dhakira.capture.charset import decode_text
from dhakira.config import Limits
from dhakira.records import Failure, Item

# canonical field → column names that mean it, first found wins
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "text": ("text", "body", "content"),
    "url": ("url", "link"),
    "date": ("date", "published", "published_at"),
    "source": ("source", "publisher"),
}


def iter_jsonl(path: Path, source: str, limits: Limits) -> Iterator[Item | Failure]:
    """One Item per non-blank line holding a JSON object; a Failure per line that does not."""
    lines = (line for line in decode_text(path.read_bytes()).text.splitlines() if line.strip())
    for number, line in enumerate(lines, start=1):
        if number > limits.max_rows:
            yield _too_many_rows(source, limits)
            return
        yield _jsonl_row(line, f"{source}#row-{number}", number)


def iter_csv(path: Path, source: str, limits: Limits) -> Iterator[Item | Failure]:
    """One Item per data row under the header line; charset detected as for text files."""
    text = decode_text(path.read_bytes()).text
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_file_bytes))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            if number > limits.max_rows:
                yield _too_many_rows(source, limits)
                return
            yield row_item(_clean_csv_row(row), f"{source}#row-{number}", number)
    except csv.Error as error:
        yield Failure(
            source=f"{source}#row-{number + 1}",
            reason=f"[DK104] CSV unreadable from row {number + 1}: {error} "
            "(fix the quoting of that row and ingest again)",
            media_type=formats.CSV,
        )


def row_item(row: dict[str, Any], source: str, number: int) -> Item | Failure:
    """The Item for one export row, or a Failure when the row carries no text."""
    data = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    fields = map_fields(row)
    if not str(fields.get("text") or "").strip():
        return Failure(
            source=source,
            reason=f"[DK104] row {number} has no text (fill a text, body or content column)",
            data=data,
            media_type=formats.ROW,
        )
    url = str(fields["url"]) if fields.get("url") else None
    return Item(data=data, source=source, media_type=formats.ROW, url=url, fields=fields)


def map_fields(row: dict[str, Any]) -> dict[str, Any]:
    """Canonical fields from a row's columns (names matched case-insensitively); rest in extra."""
    by_name = {str(key).strip().lower(): key for key in row}
    fields: dict[str, Any] = {}
    used: set[Any] = set()
    for canonical, names in ALIASES.items():
        for name in names:
            key = by_name.get(name)
            if key is not None and row[key] not in (None, ""):
                fields[canonical] = row[key] if isinstance(row[key], str) else str(row[key])
                used.add(key)
                break
    fields["extra"] = {str(key): value for key, value in row.items() if key not in used}
    return fields


def _jsonl_row(line: str, source: str, number: int) -> Item | Failure:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return _bad_line(line, source, f"row {number} is not valid JSON: {error}")
    if not isinstance(row, dict):
        kind = type(row).__name__
        return _bad_line(line, source, f"row {number} is a JSON {kind}, not an object")
    return row_item(row, source, number)


def _bad_line(line: str, source: str, what: str) -> Failure:
    return Failure(
        source=source,
        reason=f"[DK104] {what} (each line must be one JSON object)",
        data=line.encode(),
        media_type=formats.JSONL,
    )


def _clean_csv_row(row: dict[str | None, Any]) -> dict[str, Any]:
    """csv puts surplus cells under the key None; keep them, under a name JSON can hold."""
    cleaned: dict[str, Any] = {}
    for key, value in row.items():
        cleaned["_surplus" if key is None else key] = value
    return cleaned


def _delimiter(text: str) -> str:
    """The separator most used on the header line (csv.Sniffer misreads prose in cells)."""
    header = text.split("\n", 1)[0]
    return max(",;\t|", key=header.count)


def _too_many_rows(source: str, limits: Limits) -> Failure:
    return Failure(
        source=source,
        reason=f"[DK102] more than {limits.max_rows} rows; rows after {limits.max_rows} were "
        "not read (raise the limit with --max-rows, or split the file)",
        media_type=formats.ROW,
    )

"""WARC files: each HTML response becomes an Item with its URL and date; other records are
skipped; a truncated file keeps what it could read and ends in one Failure with the offset."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from capture_fixtures import ARABIC, ENGLISH, write_sample_warc

from dhakira.capture import iter_items, read_item
from dhakira.config import Limits
from dhakira.records import Failure, Item

LIMITS = Limits()


@pytest.mark.parametrize(("name", "gzip"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_each_html_response_becomes_an_item(tmp_path: Path, name: str, gzip: bool) -> None:
    path = write_sample_warc(tmp_path / name, gzip=gzip)
    items = list(iter_items([path], LIMITS))
    assert [item.url for item in items if isinstance(item, Item)] == [
        "https://example.org/ar",
        "https://example.org/en",
    ]
    assert all(isinstance(item, Item) for item in items)


def test_warc_item_carries_provenance(tmp_path: Path) -> None:
    path = write_sample_warc(tmp_path / "crawl.warc.gz")
    first = next(iter(iter_items([path], LIMITS)))
    assert isinstance(first, Item)
    assert first.source == f"{path}#record-2 https://example.org/ar"
    assert first.container == str(path)
    assert first.media_type == "text/html"
    assert first.captured_at == datetime(2017, 2, 7, 10, 30, tzinfo=UTC)


def test_warc_payload_is_read_as_html(tmp_path: Path) -> None:
    path = write_sample_warc(tmp_path / "crawl.warc.gz")
    arabic, english = list(iter_items([path], LIMITS))
    assert isinstance(arabic, Item) and isinstance(english, Item)
    assert ARABIC in read_item(arabic, LIMITS).raw_text
    assert read_item(english, LIMITS).format_meta["title"] == "Statement"
    assert ENGLISH in read_item(english, LIMITS).raw_text


@pytest.mark.parametrize(("name", "gzip"), [("cut.warc.gz", True), ("cut.warc", False)])
def test_truncated_warc_keeps_read_records_then_fails_with_offset(
    tmp_path: Path, name: str, gzip: bool
) -> None:
    path = write_sample_warc(tmp_path / name, gzip=gzip)
    whole = path.read_bytes()
    path.write_bytes(whole[:-60])
    *items, failure = list(iter_items([path], LIMITS))
    assert [item.url for item in items if isinstance(item, Item)] == ["https://example.org/ar"]
    assert isinstance(failure, Failure)
    assert failure.source == str(path)
    assert "truncated WARC" in failure.reason
    offset = int(failure.reason.split("byte offset ")[1].split()[0])
    assert 0 < offset < len(whole) - 60
    assert failure.data == whole[offset:-60]

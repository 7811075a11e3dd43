"""Plain text and Markdown: charsets are decoded correctly, damage is flagged, empty is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from capture_fixtures import ARABIC, ENGLISH

from dhakira.capture import iter_items, read_item
from dhakira.config import Limits
from dhakira.errors import CorruptInput
from dhakira.records import Document, Failure, Item

LIMITS = Limits()


def read_file(path: Path) -> Document:
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item), item
    return read_item(item, LIMITS)


def test_utf8_english_text_is_read_as_is(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    document = read_file(path)
    assert document.raw_text == ENGLISH
    assert document.format_meta["encoding"] == "utf-8"


def test_plain_file_item_keeps_path_and_has_no_capture_time(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# " + ENGLISH, encoding="utf-8")
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item)
    assert item.source == str(path)
    assert item.media_type == "text/markdown"
    assert item.captured_at is None


def test_utf8_with_bom_drops_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARABIC.encode())
    assert read_file(path).raw_text == ARABIC


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom_decodes_arabic(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "statement.txt"
    path.write_bytes(ARABIC.encode(encoding))
    assert read_file(path).raw_text == ARABIC


def test_windows_1256_arabic_decodes_to_arabic(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    document = read_file(path)
    assert document.raw_text == ARABIC
    assert document.format_meta["encoding"] == "cp1256"


def test_short_windows_1256_arabic_is_not_taken_for_hebrew(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_bytes("سجن صيدنايا".encode("cp1256"))
    assert read_file(path).raw_text == "سجن صيدنايا"


def test_iso_8859_6_arabic_decodes_to_arabic(tmp_path: Path) -> None:
    path = tmp_path / "iso.txt"
    path.write_bytes(ARABIC.encode("iso8859_6"))
    assert read_file(path).raw_text == ARABIC


def test_invalid_utf8_is_decoded_with_replacement_and_flagged(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(ARABIC.encode() + b"\xff\xfe" + ENGLISH.encode())
    document = read_file(path)
    assert document.raw_text.startswith(ARABIC)
    assert "\ufffd" in document.raw_text
    assert document.format_meta["encoding"] == "utf-8"
    assert "replaced" in document.format_meta["decode_warning"]


def test_empty_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    (failure,) = list(iter_items([path], LIMITS))
    assert isinstance(failure, Failure)
    assert failure.reason == "[DK104] file is empty"
    assert failure.data == b""


def test_whitespace_only_file_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\t\n")
    with pytest.raises(CorruptInput, match=r"\[DK104\] .*file is empty"):
        read_file(path)

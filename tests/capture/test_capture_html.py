"""HTML pages: decoded by their declared charset, rendered to text, <meta> facts kept, and
pathological input (truncated gzip, extreme nesting) failing with a reason instead of a crash."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from capture_fixtures import ARABIC, ENGLISH, html_page

from dhakira.capture import iter_items, read_item
from dhakira.capture.html import nesting_depth
from dhakira.config import Limits
from dhakira.errors import CorruptInput, LimitExceeded
from dhakira.records import Document, Item

LIMITS = Limits()

PAGE = (
    "<html><head><title>Sednaya statement</title>"
    '<meta name="description" content="Executions in Sednaya">'
    '<meta name="author" content="Rights Group">'
    '<meta property="og:title" content="Statement on Sednaya">'
    '<meta name="date" content="2017-02-07">'
    "<script>var a = 1 < 2;</script><style>p {color: red}</style></head>"
    "<body><h1>Statement</h1><p>First paragraph.</p><p>Second paragraph.</p></body></html>"
)


def read_file(path: Path, limits: Limits = LIMITS) -> Document:
    (item,) = list(iter_items([path], limits))
    assert isinstance(item, Item), item
    return read_item(item, limits)


def test_html_text_has_blocks_on_their_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    document = read_file(path)
    assert document.raw_text.splitlines() == [
        "Statement",
        "",
        "First paragraph.",
        "",
        "Second paragraph.",
    ]


def test_html_keeps_the_markup(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert read_file(path).html == PAGE


def test_html_title_and_meta_go_into_format_meta(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(PAGE, encoding="utf-8")
    meta = read_file(path).format_meta
    assert meta["title"] == "Sednaya statement"
    assert meta["description"] == "Executions in Sednaya"
    assert meta["author"] == "Rights Group"
    assert meta["og:title"] == "Statement on Sednaya"
    assert meta["date"] == "2017-02-07"


def test_html_meta_charset_windows_1256_decodes_arabic(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    markup = f'<html><head><meta charset="windows-1256"></head><body><p>{ARABIC}</p></body></html>'
    path.write_bytes(markup.encode("cp1256"))
    document = read_file(path)
    assert document.raw_text == ARABIC
    assert document.format_meta["encoding"] == "cp1256"


def test_html_detected_by_content_even_with_txt_name(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_bytes(html_page("Title", ENGLISH))
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item)
    assert item.media_type == "text/html"


def test_gzipped_html_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(html_page("بيان", ARABIC)))
    document = read_file(path)
    assert ARABIC in document.raw_text
    assert document.format_meta["title"] == "بيان"


def test_truncated_gzipped_html_is_corrupt_input(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    whole = gzip.compress(html_page("Statement", ENGLISH * 20))
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(CorruptInput, match="truncated gzip stream"):
        read_file(path)


def test_deeply_nested_html_fails_on_depth_without_crashing(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "x" + "</div>" * 100_000, "utf-8")
    with pytest.raises(LimitExceeded, match="100002 deep"):
        read_file(path)


def test_nesting_under_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    markup = "<html><body>" + "<div>" * 400 + "deep text" + "</div>" * 400 + "<p>after</p>"
    path.write_text(markup, "utf-8")
    assert read_file(path).raw_text == "deep text\n\nafter"


def test_parser_giving_up_is_an_error_not_a_shorter_text(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 3000 + "x" + "</div>" * 3000, "utf-8")
    with pytest.raises(LimitExceeded, match="HTML parser stopped"):
        read_file(path, Limits(max_html_depth=1_000_000))


def test_unclosed_paragraphs_do_not_count_as_nesting() -> None:
    assert nesting_depth(b"<html><body>" + b"<p>line" * 1000 + b"</body></html>") == 2


def test_script_contents_do_not_count_as_nesting() -> None:
    markup = b"<html><script>" + b"if (a <b) {}" * 1000 + b"</script></html>"
    assert nesting_depth(markup) == 1

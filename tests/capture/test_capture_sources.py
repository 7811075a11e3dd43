"""Walking sources: sorted and repeatable, junk skipped, limits checked before reading, and
every broken file kept as a Failure beside the good ones."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from capture_fixtures import ARABIC, ENGLISH, html_page

from dhakira.capture import iter_items, read_item
from dhakira.config import Limits
from dhakira.errors import CaptureError
from dhakira.records import Failure, Item

LIMITS = Limits()


def test_file_over_the_size_limit_fails_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: no disk, no time
    (failure,) = list(iter_items([path], Limits(max_file_bytes=50 * 1024 * 1024)))
    assert isinstance(failure, Failure)
    assert failure.reason == (
        "[DK102] file is 200.0 MB, above the 50.0 MB limit (raise it with --max-file-size)"
    )
    assert failure.data is None


def test_unsupported_file_keeps_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    (failure,) = list(iter_items([path], LIMITS))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("[DK101] unsupported format")
    assert failure.data == b"\xff\xd8\xff\xe0 jpeg"


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    (failure,) = list(iter_items([tmp_path / "nowhere"], LIMITS))
    assert isinstance(failure, Failure)
    assert "no such file or folder" in failure.reason


def test_pdf_named_txt_is_detected_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.4\n%...")
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item)
    assert item.media_type == "application/pdf"


def test_hidden_and_junk_files_are_skipped_in_folders(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x", "utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "Thumbs.db").write_bytes(b"junk")
    (tmp_path / "note.txt").write_text(ENGLISH, "utf-8")
    sources = [result.source for result in iter_items([tmp_path], LIMITS)]
    assert sources == [str(tmp_path / "note.txt")]


def make_mixed_folder(root: Path) -> None:
    (root / "b").mkdir()
    (root / "a.txt").write_text(ENGLISH, "utf-8")
    (root / "b" / "arabic.txt").write_bytes(ARABIC.encode("cp1256"))
    (root / "b" / "empty.txt").write_bytes(b"")
    (root / "b" / "page.html").write_bytes(html_page("Statement", ENGLISH))
    (root / "c.pdf").write_bytes(os.urandom(32))
    (root / "d.bin").write_bytes(b"\x00\x01\x02")
    (root / "e.jsonl").write_text('{"text": "one"}\n{broken\n', "utf-8")
    (root / "f.html.gz").write_bytes(gzip.compress(html_page("Cut", ENGLISH))[:30])


def test_batch_walk_yields_items_and_failures_in_a_stable_order(tmp_path: Path) -> None:
    make_mixed_folder(tmp_path)
    results = list(iter_items([tmp_path], LIMITS))
    summary = [(Path(r.source).relative_to(tmp_path).as_posix(), type(r).__name__) for r in results]
    assert summary == [
        ("a.txt", "Item"),
        ("b/arabic.txt", "Item"),
        ("b/empty.txt", "Failure"),
        ("b/page.html", "Item"),
        ("c.pdf", "Item"),  # read_item decides it is not a PDF
        ("d.bin", "Failure"),
        ("e.jsonl#row-1", "Item"),
        ("e.jsonl#row-2", "Failure"),
        ("f.html.gz", "Item"),  # read_item finds the gzip stream truncated
    ]
    assert [r.source for r in iter_items([tmp_path], LIMITS)] == [r.source for r in results]


def outcome(result: Item | Failure) -> str:
    """What an ingest would record: "ok", or the error code of the failure."""
    if isinstance(result, Failure):
        return result.reason.split("]")[0] + "]"
    try:
        read_item(result, LIMITS)
    except CaptureError as error:
        return f"[{error.code}]"
    return "ok"


def test_batch_walk_then_read_gives_each_file_its_status(tmp_path: Path) -> None:
    make_mixed_folder(tmp_path)
    outcomes = [outcome(result) for result in iter_items([tmp_path], LIMITS)]
    assert outcomes == [
        "ok",
        "ok",
        "[DK104]",
        "ok",
        "[DK104]",
        "[DK101]",
        "ok",
        "[DK104]",
        "[DK104]",
    ]

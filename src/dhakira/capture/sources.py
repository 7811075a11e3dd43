"""Walking what the user gave (files, folders, exports, web archives) into Items and Failures.

This is the first place an original is seen, so it must never lose one: every file either
becomes one or more `Item`s or a `Failure` with its reason (and its bytes whenever they could be
read). Sizes are checked with stat before anything is read, so a huge file costs nothing. The
walk is sorted so two runs over the same folder give the same order.

Hidden files and folders (".git", ".DS_Store") and operating-system junk are skipped only
while walking a folder; a file named explicitly is always taken.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from dhakira.capture import formats
from dhakira.capture.tabular import iter_csv, iter_jsonl
from dhakira.capture.warc import iter_warc
from dhakira.config import Limits
from dhakira.records import Failure, Item

_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "__macosx", "$recycle.bin"})
_SUPPORTED = ".txt .md .html .htm .html.gz .pdf .docx .warc .warc.gz .jsonl .ndjson .csv"


def iter_items(paths: Sequence[Path], limits: Limits) -> Iterator[Item | Failure]:
    """Every original under `paths`, in a stable order: Items to read, Failures to keep."""
    for path in paths:
        if path.is_dir():
            for file in _walk(path):
                yield from _file_items(file, limits)
        elif path.exists():
            yield from _file_items(path, limits)
        else:
            yield Failure(
                source=str(path),
                reason="[DK100] no such file or folder (check the path)",
            )


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder`, depth first, sorted by name; links to folders are not followed."""
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if _is_skipped(entry):
            continue
        if entry.is_dir() and not entry.is_symlink():
            yield from _walk(entry)
        elif entry.is_file():
            yield entry


def _is_skipped(path: Path) -> bool:
    name = path.name
    return name.startswith((".", "~$")) or name.lower() in _JUNK_NAMES


def _file_items(path: Path, limits: Limits) -> Iterator[Item | Failure]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            yield _too_big(source, size, limits)
            return
        with path.open("rb") as handle:
            head = handle.read(formats.HEAD_BYTES)
        media_type = formats.detect_format(path, head)
        yield from _expand(path, source, media_type, size, limits)
    except OSError as error:
        yield Failure(
            source=source,
            reason=f"[DK100] cannot read file: {error.strerror or error} "
            "(check its permissions, or whether the disk is still attached)",
        )


def _expand(
    path: Path, source: str, media_type: str | None, size: int, limits: Limits
) -> Iterator[Item | Failure]:
    if size == 0:
        yield Failure(
            source=source, reason="[DK104] file is empty", data=b"", media_type=media_type
        )
    elif media_type == formats.WARC:
        yield from iter_warc(path, source)
    elif media_type == formats.JSONL:
        yield from iter_jsonl(path, source, limits)
    elif media_type == formats.CSV:
        yield from iter_csv(path, source, limits)
    elif media_type is None:
        yield Failure(
            source=source,
            reason=f"[DK101] unsupported format (dhakira reads {_SUPPORTED})",
            data=path.read_bytes(),
        )
    else:
        yield Item(data=path.read_bytes(), source=source, media_type=media_type)


def _too_big(source: str, size: int, limits: Limits) -> Failure:
    return Failure(
        source=source,
        reason=f"[DK102] file is {_megabytes(size)}, above the {_megabytes(limits.max_file_bytes)} "
        "limit (raise it with --max-file-size)",
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"

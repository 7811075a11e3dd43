"""Settings that travel through the flow: limits for capture and where the archive lives."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ARCHIVE = "./dhakira-archive"
ARCHIVE_ENV = "DHAKIRA_ARCHIVE"
DATABASE_ENV = "DHAKIRA_DATABASE_URL"


@dataclass(frozen=True)
class Limits:
    """Bounds that turn a pathological input into a clear failure instead of a hang."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_pages: int = 2000
    max_rows: int = 1_000_000
    max_html_depth: int = 500


def archive_path(given: str | Path | None) -> Path:
    """The archive folder: the option if given, else $DHAKIRA_ARCHIVE, else ./dhakira-archive."""
    return Path(given or os.environ.get(ARCHIVE_ENV) or DEFAULT_ARCHIVE)


def parse_size(text: str) -> int:
    """Read a size such as "50MB", "512k" or "1048576" into bytes."""
    units = {
        "": 1,
        "b": 1,
        "k": 1024,
        "kb": 1024,
        "m": 1024**2,
        "mb": 1024**2,
        "g": 1024**3,
        "gb": 1024**3,
    }
    cleaned = text.strip().lower().replace(" ", "")
    number = cleaned.rstrip("kmgb")
    unit = cleaned[len(number) :]
    if not number or unit not in units:
        raise ValueError(f"not a size: {text!r} (use e.g. 50MB, 512KB or a number of bytes)")
    return int(float(number) * units[unit])

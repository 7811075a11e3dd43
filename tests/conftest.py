"""Fixtures shared by the command-line tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dhakira.views.cli import app

IngestTexts = Callable[[Path, dict[str, str]], Path]


def _ingest_texts(root: Path, files: dict[str, str]) -> Path:
    """Write `files` (name → text) into `root/in`, ingest that folder with `dhakira ingest`
    into `root/archive`, and return the archive's path."""
    folder = root / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    path = root / "archive"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--archive", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def ingest_texts() -> IngestTexts:
    """An archive made by the real command from hand-written files (see `_ingest_texts`)."""
    return _ingest_texts

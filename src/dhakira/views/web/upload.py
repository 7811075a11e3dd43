"""Taking uploaded files into the archive, one outcome per item, as `dhakira ingest` does.

An upload is written to a private temporary folder only so the capture code can read it; the
provenance stored is "upload:<file name>", never the temporary path. New documents are
restricted until someone publishes them.
"""

from __future__ import annotations

import dataclasses
import re
import tempfile
from pathlib import Path
from typing import Any

from dhakira.archive import Archive
from dhakira.capture.sources import iter_items
from dhakira.config import Limits
from dhakira.errors import DhakiraError
from dhakira.pipeline import analyse
from dhakira.records import Failure

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)


def safe_name(name: str) -> str:
    """A file name with no folders and no characters a file system may refuse."""
    base = Path(name.replace("\\", "/")).name
    return _UNSAFE.sub("_", base).strip("._") or "upload"


def ingest_upload(
    archive: Archive, files: list[tuple[str, bytes]], actor: str, limits: Limits
) -> dict[str, Any]:
    """Ingest (file name, bytes) pairs as one batch; the page lists every item's outcome."""
    batch = archive.start_batch(f"web upload by {actor}")
    outcomes: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="dhakira-upload-") as folder:
        for name, data in files:
            path = Path(folder) / safe_name(name)
            path.write_bytes(data)
            outcomes += _ingest_file(archive, path, f"upload:{path.name}", batch, limits)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome["status"]] = counts.get(outcome["status"], 0) + 1
    archive.finish_batch(batch, counts)
    return {"batch": batch, "counts": counts, "outcomes": outcomes}


def _ingest_file(
    archive: Archive, path: Path, label: str, batch: str, limits: Limits
) -> list[dict[str, Any]]:
    outcomes = []
    for entry in iter_items([path], limits):
        entry = dataclasses.replace(entry, source=entry.source.replace(str(path), label, 1))
        if isinstance(entry, Failure):
            archive.add_failure(entry, batch)
            outcomes.append(_outcome(entry.source, "failed", reason=entry.reason))
            continue
        try:
            doc = analyse(entry, limits)
        except DhakiraError as exc:
            failure = Failure(entry.source, exc.reason, entry.data, entry.media_type)
            archive.add_failure(failure, batch)
            outcomes.append(_outcome(entry.source, "failed", reason=exc.reason))
            continue
        added = archive.add(doc, batch)
        status = "duplicate" if added.duplicate else "ingested"
        if not added.duplicate and doc.text_status == "needs_ocr":
            status = "needs_ocr"
        outcomes.append(_outcome(entry.source, status, code=added.code))
    return outcomes


def _outcome(
    source: str, status: str, code: str | None = None, reason: str | None = None
) -> dict[str, Any]:
    return {"source": source, "status": status, "code": code, "reason": reason}

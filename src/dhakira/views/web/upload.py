"""Taking uploaded files into the archive, one outcome per item, as `dhakira ingest` does.

The request only keeps the files (`Archive.uploads.receive`: originals in the blob store, one
waiting row each); `ingest_batch` then takes them in, in a server thread, recording each file's
outcome as it finishes, so a status page can show the progress from the database whichever
server process serves it. Each original is written to a private temporary folder only so the
capture code can read it; the provenance stored is "upload:<file name>", never the temporary
path. New documents are restricted until someone publishes them.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

from dhakira.archive import Archive
from dhakira.archive.linkstore import Linker
from dhakira.archive.uploads import WAITING, UploadBatch, UploadedFile
from dhakira.capture.sources import iter_items
from dhakira.config import Limits
from dhakira.ingest import IngestOptions, Writer, ingest_entries
from dhakira.records import Failure

_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)
log = logging.getLogger(__name__)


def safe_name(name: str) -> str:
    """A file name with no folders and no characters a file system may refuse."""
    base = Path(name.replace("\\", "/")).name
    return _UNSAFE.sub("_", base).strip("._") or "upload"


def ingest_batch(
    archive: Archive,
    batch: str,
    runner: str,
    limits: Limits,
    stop: threading.Event,
    linker: Linker | None = None,
) -> Linker | None:
    """Ingest the batch's waiting files in order, recording each outcome; when none is left,
    make every server process count afresh and close the batch. Stops between two files when
    `stop` is set (the rest stay waiting for the next start) or another runner took over.

    `linker`, from an earlier batch, is used while it is current (rebuilding it reads every
    stored signature: seconds on a large archive); the linker used is returned to keep."""
    uploads = archive.uploads
    options = IngestOptions(limits=limits)
    writer = Writer(archive, batch, options, lambda _outcome: None, linker)
    while not stop.is_set():
        upload = uploads.next_waiting(batch, runner)
        if upload is None:
            break
        outcomes = _ingest_upload(writer, upload)
        uploads.record(upload, runner, _resumed(archive, upload, outcomes))
    _finish_when_done(archive, uploads.batch(batch))
    return writer.linker or linker


def _resumed(
    archive: Archive, upload: UploadedFile, outcomes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The outcomes, with "duplicate" said as "ingested" when the document found is this very
    file's, stored by an earlier attempt that stopped before its outcome was written (the
    server stopped in between); a second copy sent in the same batch stays a duplicate."""
    if [o["status"] for o in outcomes] != ["duplicate"]:
        return outcomes
    stored = archive.get(str(outcomes[0]["code"]))
    if stored.batch != upload.batch or stored.sha256 != upload.sha256:
        return outcomes
    files = archive.uploads.batch(upload.batch).files
    if any(f.sha256 == upload.sha256 for f in files if f.position < upload.position):
        return outcomes
    return [{**outcomes[0], "status": "ingested"}]


def _finish_when_done(archive: Archive, state: UploadBatch) -> None:
    if state.finished_at is not None or any(f.status == WAITING for f in state.files):
        return
    archive.touch()  # every server process counts afresh: the uploader finds them at once
    archive.finish_batch(state.id, item_counts(state))


def item_counts(state: UploadBatch) -> dict[str, int]:
    """How many items of the batch reached each outcome (a waiting file counts as one)."""
    counts: dict[str, int] = {}
    for upload in state.files:
        statuses = [o["status"] for o in upload.outcomes] or [upload.status]
        for status in statuses:
            counts[status] = counts.get(status, 0) + 1
    return counts


def _ingest_upload(writer: Writer, upload: UploadedFile) -> list[dict[str, Any]]:
    """The outcome of each item of one stored upload, stored and linked as `dhakira ingest`
    does (`ingest.ingest_entries`). An error no step foresaw is kept as the file's failure
    (logged, with its original), so one bad file cannot stall the batch."""
    archive, limits = writer.archive, writer.options.limits
    data = archive.blobs.get(upload.sha256)
    label = f"upload:{upload.name}"
    start = len(writer.outcomes)
    with tempfile.TemporaryDirectory(prefix="dhakira-upload-") as folder:
        path = Path(folder) / upload.name
        path.write_bytes(data)
        entries = (
            dataclasses.replace(entry, source=entry.source.replace(str(path), label, 1))
            for entry in iter_items([path], limits)
        )
        try:
            ingest_entries(writer, entries)
        except Exception as exc:
            log.exception("upload %s: %s could not be ingested", upload.batch, label)
            reason = f"unexpected error while ingesting ({type(exc).__name__}: {exc}); the "
            reason += "original is kept: report it, then ingest the original again"
            writer.failure(Failure(label, reason, data, None), label)
    return [_outcome(o.source, o.status, o.code, o.reason) for o in writer.outcomes[start:]]


def _outcome(
    source: str, status: str, code: str | None = None, reason: str | None = None
) -> dict[str, Any]:
    return {"source": source, "status": status, "code": code, "reason": reason}


def status_page(state: UploadBatch) -> dict[str, Any]:
    """The progress page of a batch (and its JSON twin), read from the database alone."""
    files = [_file_view(upload) for upload in state.files]
    done = sum(1 for upload in state.files if upload.status != WAITING)
    return {
        "batch": state.id,
        "description": state.description,
        "started_at": state.started_at,
        "finished_at": state.finished_at,
        "running": state.finished_at is None,
        "total": len(files),
        "done": done,
        "counts": item_counts(state),
        "files": files,
        "outcomes": [outcome for upload in state.files for outcome in upload.outcomes],
        "page_url": f"/upload/{state.id}",
        "status_url": f"/upload/{state.id}.json",
    }


def _file_view(upload: UploadedFile) -> dict[str, Any]:
    return {
        "position": upload.position,
        "name": upload.name,
        "size": upload.size,
        "sha256": upload.sha256,
        "status": upload.status,
        "code": upload.code,
        "reason": upload.reason,
        "outcomes": upload.outcomes,
    }

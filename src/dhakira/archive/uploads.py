"""Files received by a web upload, kept before they are ingested, with each one's outcome.

A web upload is answered at once and ingested by a server thread afterwards; so that no file
is lost when the server stops mid-batch, `receive` first writes every original to the blob
store and one "waiting" row per file, in the batch's order. The thread takes the rows one by
one (`next_waiting`) and records each outcome (`record`); a server starting again adopts the
rows an earlier process left waiting (`adopt`) and ingests them from the stored originals.

Each row names its runner (a token per server process). Taking a row over from another runner
is allowed only for rows that have not moved since the new process started, and a runner
checks before each file that the row is still its own: when two processes meet on one batch,
at most the file in hand is ingested twice, which adding by SHA-256 turns into a duplicate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from dhakira.archive.schema import batches, upload_files
from dhakira.errors import ConfigError, NotFound

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

WAITING = "waiting"
OUTCOMES = ("ingested", "duplicate", "needs_ocr", "failed")
STATUSES = (WAITING, *OUTCOMES)


def now_precise() -> str:
    """The current UTC time with microseconds: rows written within one second stay ordered."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class UploadedFile:
    """One received file and where its ingest stands; `outcomes` lists each item it held."""

    batch: str
    position: int
    name: str
    sha256: str
    size: int
    status: str
    code: str | None
    reason: str | None
    outcomes: list[dict[str, Any]] = field(default_factory=list)
    runner: str | None = None
    updated_at: str = ""


@dataclass(frozen=True)
class UploadBatch:
    """An upload batch: who started it and when, whether it is finished, and its files."""

    id: str
    description: str
    started_at: str
    finished_at: str | None
    files: list[UploadedFile]


@dataclass(frozen=True)
class RecentUpload:
    """One upload batch in the list of recent ones: how many files, how many done."""

    id: str
    description: str
    started_at: str
    finished_at: str | None
    files: int
    done: int


class Uploads:
    """Keep received files first, then record each one's outcome as the ingest goes on."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def receive(self, files: list[tuple[str, bytes]], actor: str, runner: str) -> str:
        """Store each (name, bytes) original and a waiting row for it; the new batch's id."""
        if not files:
            raise ConfigError("an upload needs at least one file", hint="choose files to send")
        batch = self.archive.start_batch(f"web upload by {actor}")
        shas = [self.archive.blobs.put(data) for _name, data in files]
        at = now_precise()
        rows = [
            {"batch": batch, "position": position, "name": name, "sha256": sha}
            | {"size": len(data), "status": WAITING, "runner": runner, "updated_at": at}
            for position, ((name, data), sha) in enumerate(zip(files, shas, strict=True))
        ]
        with self.archive._write() as conn:
            conn.execute(upload_files.insert(), rows)
        return batch

    def batch(self, batch_id: str) -> UploadBatch:
        """The batch with its files in the order they were sent; NotFound for another id."""
        with self.archive._read() as conn:
            found = conn.execute(sa.select(batches).where(batches.c.id == batch_id)).mappings()
            head = found.first()
            files = _files(conn, upload_files.c.batch == batch_id)
        if head is None or not files:
            raise NotFound(
                "no upload batch with this id",
                item=batch_id,
                hint="the page after an upload gives its id",
            )
        return UploadBatch(
            head["id"], head["description"], head["started_at"], head["finished_at"], files
        )

    def recent(self, limit: int = 10) -> list[RecentUpload]:
        """The latest upload batches, newest first, with their files counted (for the upload
        page, so a batch can be followed again after its page was closed)."""
        done = sa.func.sum(sa.case((upload_files.c.status != WAITING, 1), else_=0))
        query = (
            sa.select(
                batches.c.id,
                batches.c.description,
                batches.c.started_at,
                batches.c.finished_at,
                sa.func.count().label("files"),
                done.label("done"),
            )
            .join(upload_files, upload_files.c.batch == batches.c.id)
            .group_by(batches.c.id, batches.c.description, batches.c.started_at)
            .group_by(batches.c.finished_at)
            .order_by(batches.c.started_at.desc(), batches.c.id.desc())
            .limit(limit)
        )
        with self.archive._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [
            RecentUpload(
                row["id"], row["description"], row["started_at"], row["finished_at"],
                int(row["files"]), int(row["done"] or 0),
            )
            for row in rows
        ]  # fmt: skip

    def adopt(self, runner: str, before: str) -> list[str]:
        """Take over the waiting rows that have not moved since `before` (left by a server
        that stopped); the batches this runner now has waiting files in, oldest first."""
        with self.archive._write() as conn:
            conn.execute(
                upload_files.update()
                .where(
                    upload_files.c.status == WAITING,
                    upload_files.c.updated_at < before,
                )
                .values(runner=runner, updated_at=now_precise())
            )
            query = (
                sa.select(upload_files.c.batch)
                .where(upload_files.c.status == WAITING, upload_files.c.runner == runner)
                .distinct()
                .order_by(upload_files.c.batch)
            )
            return list(conn.execute(query).scalars())

    def next_waiting(self, batch_id: str, runner: str) -> UploadedFile | None:
        """The batch's first waiting file when it is this runner's; None when none is left or
        another runner has taken the batch over."""
        with self.archive._read() as conn:
            waiting = _files(
                conn, sa.and_(upload_files.c.batch == batch_id, upload_files.c.status == WAITING)
            )
        if not waiting or waiting[0].runner != runner:
            return None
        return waiting[0]

    def record(self, upload: UploadedFile, runner: str, outcomes: list[dict[str, Any]]) -> bool:
        """Write the file's outcome (summed up from its items' `outcomes`) unless another
        runner wrote one first; the batch's other waiting rows are marked as still moving."""
        status, code, reason = summary(outcomes)
        at = now_precise()
        with self.archive._write() as conn:
            done = conn.execute(
                upload_files.update()
                .where(
                    upload_files.c.batch == upload.batch,
                    upload_files.c.position == upload.position,
                    upload_files.c.status == WAITING,
                )
                .values(status=status, code=code, reason=reason, outcomes=outcomes)
                .values(updated_at=at)
            )
            conn.execute(
                upload_files.update()
                .where(
                    upload_files.c.batch == upload.batch,
                    upload_files.c.status == WAITING,
                    upload_files.c.runner == runner,
                )
                .values(updated_at=at)
            )
        return bool(done.rowcount)


def summary(outcomes: list[dict[str, Any]]) -> tuple[str, str | None, str | None]:
    """A file's status, code and reason from its items' outcomes: the one item's when it held
    one; for many, the best status any reached (each item keeps its own in `outcomes`)."""
    if not outcomes:
        return "failed", None, "the file held nothing to archive"
    if len(outcomes) == 1:
        [only] = outcomes
        return str(only["status"]), only.get("code"), only.get("reason")
    reached = {str(o["status"]) for o in outcomes}
    return next(status for status in OUTCOMES if status in reached), None, None


def _files(conn: Connection, where: sa.ColumnElement[bool]) -> list[UploadedFile]:
    query = sa.select(upload_files).where(where).order_by(upload_files.c.position)
    return [_file(row) for row in conn.execute(query).mappings()]


def _file(row: sa.RowMapping) -> UploadedFile:
    return UploadedFile(
        batch=row["batch"],
        position=int(row["position"]),
        name=row["name"],
        sha256=row["sha256"],
        size=int(row["size"]),
        status=row["status"],
        code=row["code"],
        reason=row["reason"],
        outcomes=list(row["outcomes"] or []),
        runner=row["runner"],
        updated_at=row["updated_at"],
    )

"""Ingest: take what a documenter collected into the archive without losing anything.

The flow for every item: capture (bytes + provenance) → analysis pipeline → archive, one
transaction per document. Analysis may run in worker processes (`jobs > 1`); all writes go
through this process, one writer, so the audit chain and the duplicate check stay simple.

Every item ends in exactly one outcome — ingested, duplicate, needs_ocr or failed — and a failed
item is recorded in the archive with its reason (and its bytes when they could be read).
Re-running an interrupted ingest finishes the job: what is stored is recognised by its hash.

`reanalyze` runs the same pipeline again over originals already stored, so a better analyser
reaches old documents too.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from dhakira.archive import Archive, ReanalyzeResult
from dhakira.archive.linkstore import Linker
from dhakira.capture.sources import iter_items
from dhakira.config import Limits
from dhakira.errors import DhakiraError
from dhakira.pipeline import analyse
from dhakira.records import Document, Failure, Item

OutcomeStatus = Literal["ingested", "duplicate", "needs_ocr", "failed"]
STATUSES: tuple[OutcomeStatus, ...] = ("ingested", "duplicate", "needs_ocr", "failed")


@dataclass(frozen=True)
class Outcome:
    """What became of one item."""

    source: str
    status: OutcomeStatus
    code: str | None = None
    reason: str | None = None
    file: str | None = None


@dataclass
class IngestSummary:
    """The end-of-run account of a batch."""

    batch: str
    outcomes: list[Outcome] = field(default_factory=list)
    interrupted: bool = False

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(o.status for o in self.outcomes)
        return {status: tally.get(status, 0) for status in STATUSES}

    def to_json(self) -> dict[str, object]:
        return {
            "batch": self.batch,
            "interrupted": self.interrupted,
            "counts": self.counts,
            "failed": [
                {"source": o.source, "reason": o.reason}
                for o in self.outcomes
                if o.status == "failed"
            ],
            "needs_ocr": [o.source for o in self.outcomes if o.status == "needs_ocr"],
        }


@dataclass(frozen=True)
class IngestOptions:
    limits: Limits = Limits()
    jobs: int = 1
    visibility: str = "restricted"


Report = Callable[[Outcome], None]


def _analyse_or_fail(item: Item, limits: Limits) -> Document | Failure:
    """Worker body: a document, or the failure that explains why there is none."""
    try:
        return analyse(item, limits)
    except DhakiraError as exc:
        return Failure(item.source, exc.reason, item.data, item.media_type)


def _file_of(item: Item | Failure) -> str:
    if isinstance(item, Item) and item.container:
        return item.container
    return item.source.split("#", 1)[0]


class Writer:
    """Turns analysis results into archive records and outcomes; the only writer. Every way
    in — `dhakira ingest` and the web upload (`ingest_entries`) — stores, links and reports
    each item through here, so an item's outcome means the same wherever it came from."""

    def __init__(
        self,
        archive: Archive,
        batch: str,
        options: IngestOptions,
        report: Report,
        linker: Linker | None = None,
    ):
        self.archive = archive
        self.batch = batch
        self.options = options
        self.report = report
        self.outcomes: list[Outcome] = []
        self._kept = linker  # a linker from an earlier batch, used if still current
        self.linker: Linker | None = None

    def link(self, code: str, doc: Document) -> None:
        """Link a new document to the duplicates and stories already stored; the linker (its
        indexes rebuilt from stored signatures, or the kept one while no other writer has
        linked since) is made once, at the first new document."""
        if self.linker is None:
            self.linker = self.archive.links.linker(self._kept)
        self.linker.link(code, doc)

    def emit(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)
        self.report(outcome)

    def failure(self, failure: Failure, file: str) -> None:
        self.archive.add_failure(failure, self.batch)
        self.emit(Outcome(failure.source, "failed", reason=failure.reason, file=file))

    def result(self, result: Document | Failure, file: str) -> None:
        if isinstance(result, Failure):
            self.failure(result, file)
            return
        added = self.archive.add(result, self.batch, visibility=self.options.visibility)
        status: OutcomeStatus = "ingested"
        if added.duplicate:
            status = "duplicate"
        elif result.text_status == "needs_ocr":
            status = "needs_ocr"
        if not added.duplicate:
            self.link(added.code, result)
        self.emit(Outcome(result.item.source, status, code=added.code, file=file))

    def known(self, item: Item, file: str) -> bool:
        """Report a duplicate without analysing it again when the bytes are already stored."""
        code = self.archive.find_sha(item.sha256)
        if code is None:
            return False
        self.emit(Outcome(item.source, "duplicate", code=code, file=file))
        return True


def ingest(
    archive: Archive,
    paths: Sequence[Path],
    options: IngestOptions = IngestOptions(),
    report: Report | None = None,
    description: str | None = None,
) -> IngestSummary:
    """Ingest files and folders into `archive`; `report` hears each outcome as it happens."""
    batch = archive.start_batch(description or "ingest " + " ".join(str(p) for p in paths))
    writer = Writer(archive, batch, options, report or (lambda _o: None))
    summary = IngestSummary(batch)
    try:
        found = iter_items(paths, options.limits)
        if options.jobs > 1:
            _run_parallel(found, writer, options)
        else:
            _run_serial(found, writer, options)
    except KeyboardInterrupt:
        summary.interrupted = True
    summary.outcomes = writer.outcomes
    archive.finish_batch(batch, {**summary.counts, "interrupted": int(summary.interrupted)})
    return summary


def ingest_entries(writer: Writer, entries: Iterable[Item | Failure]) -> list[Outcome]:
    """Store captured entries in the writer's batch, one after another, linking each new
    document as `ingest` does; the outcomes these entries got (for a caller that takes its
    items in one file at a time, such as the web upload)."""
    start = len(writer.outcomes)
    _run_serial(entries, writer, writer.options)
    return writer.outcomes[start:]


def _run_serial(found: Iterable[Item | Failure], writer: Writer, options: IngestOptions) -> None:
    for entry in found:
        file = _file_of(entry)
        if isinstance(entry, Failure):
            writer.failure(entry, file)
        elif not writer.known(entry, file):
            writer.result(_analyse_or_fail(entry, options.limits), file)


def _run_parallel(found: Iterable[Item | Failure], writer: Writer, options: IngestOptions) -> None:
    """Analyse in worker processes, keep a bounded number in flight, write here in one place."""
    context = multiprocessing.get_context("forkserver")
    pending: dict[Future[Document | Failure], tuple[Item, str]] = {}
    with ProcessPoolExecutor(max_workers=options.jobs, mp_context=context) as pool:
        try:
            for entry in found:
                file = _file_of(entry)
                if isinstance(entry, Failure):
                    writer.failure(entry, file)
                    continue
                if writer.known(entry, file):
                    continue
                try:
                    pending[pool.submit(_analyse_or_fail, entry, options.limits)] = (entry, file)
                except BrokenProcessPool:  # a worker died earlier: finish this one here
                    writer.result(_analyse_or_fail(entry, options.limits), file)
                if len(pending) >= options.jobs * 4:
                    _drain(pending, writer, block_until_one=True)
            _drain(pending, writer, block_until_one=False)
        except KeyboardInterrupt:
            for future in pending:
                future.cancel()
            raise


def _drain(
    pending: dict[Future[Document | Failure], tuple[Item, str]],
    writer: Writer,
    block_until_one: bool,
) -> None:
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            item, file = pending.pop(future)
            writer.result(_result_of(future, item), file)
        if block_until_one:
            return


def _result_of(future: Future[Document | Failure], item: Item) -> Document | Failure:
    """A worker that died (e.g. out of memory) becomes a failure of its item, not a crash."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        reason = f"[DK501] the analysis worker died on this item ({exc}); ingest it again alone"
        return Failure(item.source, reason, item.data, item.media_type)


def iter_outcome_lines(summary: IngestSummary) -> Iterator[str]:
    """Human lines for the failures and needs-OCR items of a summary."""
    for outcome in summary.outcomes:
        if outcome.status == "failed":
            yield f"failed     {outcome.source}: {outcome.reason}"
        elif outcome.status == "needs_ocr":
            yield f"needs OCR  {outcome.source} ({outcome.code}): kept, no text layer to read"


@dataclass
class ReanalyzeSummary:
    """The account of a re-analysis run: what changed in each document, and what failed."""

    results: list[ReanalyzeResult] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False

    def to_json(self) -> dict[str, object]:
        changed = [r for r in self.results if r.changed]
        return {
            "checked": len(self.results) + len(self.failed),
            "changed": len(changed),
            "unchanged": len(self.results) - len(changed),
            "failed": [{"code": code, "reason": reason} for code, reason in self.failed],
            "interrupted": self.interrupted,
            "documents": [{"code": r.code, "changed": list(r.changed)} for r in changed],
        }


class _Replacer:
    """The main-process side of a re-analysis: reads originals, writes results, keeps count."""

    def __init__(self, archive: Archive, actor: str, report: Callable[[str], None] | None) -> None:
        self.archive = archive
        self.actor = actor
        self.report = report
        self.summary = ReanalyzeSummary()

    def load(self, code: str) -> Item | None:
        """The stored Item, or None (and a failure listed) when it cannot be read."""
        try:
            return self.archive.stored_item(code)
        except DhakiraError as exc:
            self.fail(code, exc.reason)
            return None

    def fail(self, code: str, reason: str) -> None:
        self.summary.failed.append((code, reason))
        if self.report is not None:
            self.report(code)

    def store(self, code: str, result: Document | Failure) -> None:
        if isinstance(result, Failure):
            self.fail(code, result.reason)
            return
        try:
            self.summary.results.append(self.archive.replace_analysis(code, result, self.actor))
        except DhakiraError as exc:
            self.fail(code, exc.reason)
            return
        if self.report is not None:
            self.report(code)


def reanalyze(
    archive: Archive,
    codes: Sequence[str],
    actor: str,
    limits: Limits | None = None,
    report: Callable[[str], None] | None = None,
    jobs: int = 1,
) -> ReanalyzeSummary:
    """Analyse stored originals again and replace what the analysers made, one transaction per
    document; `report` hears each code when it is done. With `jobs > 1` the analysis runs in
    worker processes and this process alone writes, as in ingest. A document whose original
    can no longer be read or analysed is listed as failed and keeps its stored analysis."""
    limits = limits or Limits()
    replacer = _Replacer(archive, actor, report)
    try:
        if jobs > 1:
            _reanalyze_parallel(codes, replacer, limits, jobs)
        else:
            for code in codes:
                item = replacer.load(code)
                if item is not None:
                    replacer.store(code, _analyse_or_fail(item, limits))
    except KeyboardInterrupt:
        replacer.summary.interrupted = True
    archive.links.relink([r.code for r in replacer.summary.results if r.changed])
    return replacer.summary


def _reanalyze_parallel(
    codes: Sequence[str], replacer: _Replacer, limits: Limits, jobs: int
) -> None:
    context = multiprocessing.get_context("forkserver")
    pending: dict[Future[Document | Failure], tuple[str, Item]] = {}
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        try:
            for code in codes:
                item = replacer.load(code)
                if item is None:
                    continue
                pending[pool.submit(_analyse_or_fail, item, limits)] = (code, item)
                while len(pending) >= jobs * 4:
                    _store_finished(pending, replacer)
            while pending:
                _store_finished(pending, replacer)
        except KeyboardInterrupt:
            for future in pending:
                future.cancel()
            raise


def _store_finished(
    pending: dict[Future[Document | Failure], tuple[str, Item]], replacer: _Replacer
) -> None:
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        code, item = pending.pop(future)
        replacer.store(code, _result_of(future, item))

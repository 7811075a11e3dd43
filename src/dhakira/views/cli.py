"""The `dhakira` command line: thin commands over the archive, the ingest and the views.

Each command opens the archive, calls one function, and renders a view dict either as text or,
with `--json`, as JSON. Errors a user can meet are `DhakiraError`s: printed with their code, the
item and a hint, and the command exits with status 2 (1 when `verify` finds a problem).
"""

from __future__ import annotations

import csv
import getpass
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from dhakira import __version__
from dhakira.config import ARCHIVE_ENV, DATABASE_ENV, DEFAULT_ARCHIVE, Limits, parse_size
from dhakira.errors import ConfigError, DhakiraError
from dhakira.views import console as render
from dhakira.views import pages

app = typer.Typer(
    name="dhakira",
    help="dhakira (ذاكرة): an evidence archive for human-rights documentation.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure dhakira against annotated data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

out = Console()
err = Console(stderr=True)

ArchiveOpt = Annotated[
    Path,
    typer.Option("--archive", envvar=ARCHIVE_ENV, help="Archive folder (originals + database)."),
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        envvar=DATABASE_ENV,
        help="SQLAlchemy URL of a server database (PostgreSQL) instead of SQLite.",
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the same content as JSON.")]


@contextmanager
def _archive(path: Path, database_url: str | None, create: bool = False) -> Iterator[Any]:
    from dhakira.archive import Archive

    archive = Archive.open(path, database_url, create=create)
    try:
        yield archive
    finally:
        archive.close()


@app.command(
    epilog="Examples:\n\n  dhakira ingest ~/collected --jobs 2\n\n"
    "  dhakira ingest report.pdf page.html.gz export.csv --max-file-size 100MB\n\n"
    "  dhakira ingest crawl.warc.gz --json"
)
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (recursive).")],
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel workers.")] = 1,
    max_file_size: Annotated[str, typer.Option(help="Largest file accepted, e.g. 50MB.")] = "50MB",
    max_pages: Annotated[int, typer.Option(min=1, help="Most PDF pages accepted.")] = 2000,
    max_rows: Annotated[
        int, typer.Option(min=1, help="Most rows read from one CSV/JSONL.")
    ] = 1_000_000,
    public: Annotated[
        bool, typer.Option("--public", help="Publish this batch (default: restricted).")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Take files into the archive: originals kept by hash, text and metadata extracted.

    Every item ends as ingested, duplicate, needs-OCR or failed (with its reason); nothing is
    dropped. Re-running the same ingest after an interruption finishes it without duplicates.
    """
    from dhakira.ingest import IngestOptions
    from dhakira.ingest import ingest as run_ingest

    for path in paths:
        if not path.exists():
            raise ConfigError("no such file or folder", item=str(path), hint="check the path")
    try:
        limit = parse_size(max_file_size)
    except ValueError as exc:
        raise ConfigError(str(exc), item="--max-file-size") from exc
    options = IngestOptions(
        Limits(max_file_bytes=limit, max_pages=max_pages, max_rows=max_rows),
        jobs,
        "public" if public else "restricted",
    )
    total = _count_files(paths)
    with _archive(archive, database_url, create=True) as store, _progress() as progress:
        task = progress.add_task("ingesting", total=total)
        seen: set[str] = set()

        def report(outcome: Any) -> None:
            seen.add(outcome.file or outcome.source)
            progress.update(
                task, completed=min(len(seen), total), description=f"ingesting ({len(seen)} files)"
            )

        summary = run_ingest(store, paths, options, report)
        progress.update(task, completed=total)
    page = pages.ingest_page(summary)
    if as_json:
        render.print_json(page)
    else:
        render.render_ingest(out, page)
    if summary.interrupted:
        raise typer.Exit(130)


def _count_files(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        else:
            total += 1
    return max(total, 1)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


@app.command(
    epilog="Examples:\n\n  dhakira search صيدنايا\n\n"
    '  dhakira search "Saydnaya executions" --from 2017-01-01 --to 2017-12-31\n\n'
    "  dhakira search detainees --type press_release --language en --json"
)
def search(
    query: Annotated[str, typer.Argument(help="Words to find; any text is a valid query.")] = "",
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Issued on/after (YYYY[-MM[-DD]]).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Issued on/before (YYYY[-MM[-DD]]).")
    ] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Document type.")] = None,
    language: Annotated[str | None, typer.Option(help="Language code, e.g. ar or en.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher name.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=1000)] = 20,
    offset: Annotated[int, typer.Option(min=0)] = 0,
    as_json: JsonOpt = False,
) -> None:
    """Search the archive in Arabic and English, with filters and snippets."""
    from dhakira.archive import SearchQuery

    q = SearchQuery(query, date_from, date_to, doc_type, language, publisher, limit, offset)
    with _archive(archive, database_url) as store:
        page = pages.search_page(q, store.search(q))
    if as_json:
        render.print_json(page)
    else:
        render.render_search(out, page)


@app.command(
    "show",
    epilog="Examples:\n\n  dhakira show DHK-2017-3F9A2C\n\n  dhakira show DHK-2017-3F9A2C --json",
)
def show_record(
    code: Annotated[str, typer.Argument(help="Archive code, e.g. DHK-2017-3F9A2C.")],
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Print one document as an archive record: metadata, reliability, provenance, hash, text."""
    from dhakira.views.connections import with_connections

    with _archive(archive, database_url) as store:
        page = pages.record_page(store.get(code), store.audit(code), store.links.of(code))
        page = with_connections(page, store, public_only=False)
    if as_json:
        render.print_json(page)
    else:
        render.render_record(out, page)
        render.render_connections(out, page)


@app.command(
    epilog="Examples:\n\n  dhakira export > archive.jsonl\n\n"
    "  dhakira export --format csv --output archive.csv\n\n"
    "  dhakira export --public --output public.jsonl   (what anonymous readers may see)"
)
def export(
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
    public: Annotated[
        bool,
        typer.Option(
            "--public",
            help="Only what a reader without an account sees: public documents, restricted "
            "fields masked, no provenance paths or links (for publishing a dataset).",
        ),
    ] = False,
) -> None:
    """Write every document as JSON Lines or CSV, with hashes, provenance and links."""
    from dhakira.views.exporting import operator_records, visible_records

    if fmt not in ("jsonl", "csv"):
        raise ConfigError(
            f"unknown export format {fmt!r}", item="--format", hint="use jsonl or csv"
        )
    stream = output.open("w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        with _archive(archive, database_url) as store:
            records = (
                visible_records(store, public_only=True, hide_fields=True)
                if public
                else operator_records(store)
            )
            count = _write_jsonl(records, stream) if fmt == "jsonl" else _write_csv(records, stream)
    finally:
        if output:
            stream.close()
    err.print(f"exported {count} documents" + (f" to {output}" if output else ""), style="dim")


def _write_jsonl(records: Iterator[dict[str, Any]], stream: Any) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def _write_csv(records: Iterator[dict[str, Any]], stream: Any) -> int:
    writer: csv.DictWriter[str] | None = None
    count = 0
    for record in records:
        flat = {k: _csv_cell(v) for k, v in record.items()}
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
        count += 1
    return count


def _csv_cell(value: Any) -> Any:
    """Lists of plain values joined with ";"; mappings and lists of records as JSON."""
    if isinstance(value, list) and not any(isinstance(v, dict | list) for v in value):
        return ";".join(str(v) for v in value)
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return value


@app.command(epilog="Examples:\n\n  dhakira verify\n\n  dhakira verify --json")
def verify(
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Re-hash every original and check the audit chain; exit 1 on any problem."""
    with _archive(archive, database_url) as store:
        page = pages.verify_page(store.verify())
    if as_json:
        render.print_json(page)
    else:
        render.render_verify(out, page)
    if not page["ok"]:
        raise typer.Exit(1)


@app.command(
    epilog="Examples:\n\n  dhakira review DHK-2017-3F9A2C --reliability correct "
    '--note "matches the Amnesty report"\n\n'
    '  dhakira review DHK-2017-3F9A2C --visibility public --note "cleared for release"\n\n'
    '  dhakira review DHK-2017-3F9A2C --restrict-field "entity:person:zubayda qarawi" '
    '--note "witness asked for anonymity"'
)
def review(
    code: Annotated[str, typer.Argument(help="Archive code.")],
    note: Annotated[str, typer.Option(help="Why: kept in the audit log.")],
    reliability: Annotated[
        str | None, typer.Option(help="correct, incorrect, unverified or unspecified.")
    ] = None,
    visibility: Annotated[str | None, typer.Option(help="public or restricted.")] = None,
    restrict_field: Annotated[
        list[str] | None,
        typer.Option(
            help="Hide a field from visitors and viewers: author, issuing_body or "
            "entity:<key> (a person named in the document). Repeatable."
        ),
    ] = None,
    unrestrict_field: Annotated[
        list[str] | None, typer.Option(help="Show a restricted field again. Repeatable.")
    ] = None,
    title: Annotated[str | None, typer.Option(help="Correct the title.")] = None,
    date: Annotated[
        str | None, typer.Option(help="Correct the date issued: YYYY, YYYY-MM or YYYY-MM-DD.")
    ] = None,
    doc_type: Annotated[
        str | None, typer.Option("--type", help="Correct the document type.")
    ] = None,
    publisher: Annotated[str | None, typer.Option(help="Correct the publisher.")] = None,
    confirm: Annotated[
        list[str] | None,
        typer.Option(help="Confirm a finding: mention:START-END or claim:START-END. Repeatable."),
    ] = None,
    reject: Annotated[
        list[str] | None,
        typer.Option(help="Reject a finding: mention:START-END or claim:START-END. Repeatable."),
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Who reviews (default: your user name).")
    ] = None,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rate a document's reliability, change its visibility, restrict fields, correct its
    metadata or confirm and reject what the analysers found; every change is audited."""
    edits = {"title": title, "date": date, "doc_type": doc_type, "publisher": publisher}
    verdicts = [("confirmed", f) for f in confirm or []] + [("rejected", f) for f in reject or []]
    flags = (reliability, visibility, restrict_field, unrestrict_field, verdicts)
    if not any(flags) and not any(edits.values()):
        raise ConfigError(
            "nothing to change",
            item=code,
            hint="give --reliability, --visibility, --restrict-field, --title, --confirm ...",
        )
    who = actor or f"cli:{getpass.getuser()}"
    with _archive(archive, database_url) as store:
        for field in restrict_field or []:
            store.restrictions.restrict(code, field, note=note, actor=who)
        for field in unrestrict_field or []:
            store.restrictions.unrestrict(code, field, note=note, actor=who)
        store.editing.edit(code, edits, note=note, actor=who)
        for verdict, finding in verdicts:
            kind, start, end = _finding(finding)
            store.editing.judge(code, kind, start, end, verdict, note=note, actor=who)
        doc = store.review(
            code, note=note, actor=who, reliability=reliability, visibility=visibility
        )
        page = pages.record_page(doc, store.audit(code))
        page["restricted_fields"] = store.restrictions.fields(code)
    if as_json:
        render.print_json(page)
    else:
        hidden = ", ".join(page["restricted_fields"]) or "none"
        out.print(
            f"{code}: reliability {doc.reliability}, visibility {doc.visibility}, "
            f"restricted fields {hidden} (recorded in the audit log by {who})",
            highlight=False,
        )


def _finding(spec: str) -> tuple[str, int, int]:
    """ "claim:120-164" as (kind, start, end)."""
    kind, _, span = spec.partition(":")
    start, _, end = span.partition("-")
    if not (start.isdigit() and end.isdigit()):
        raise ConfigError(
            f"{spec!r} does not name a finding",
            hint="write mention:START-END or claim:START-END (from `dhakira show CODE --json`)",
        )
    return kind, int(start), int(end)


@app.command(epilog="Examples:\n\n  dhakira log\n\n  dhakira log DHK-2017-3F9A2C --json")
def log(
    code: Annotated[str | None, typer.Argument(help="Only this document.")] = None,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the audit log: every change, by whom, when, old and new value, and why."""
    with _archive(archive, database_url) as store:
        entries = [pages.audit_line(e) for e in store.audit(code)]
    for entry in entries:
        if as_json:
            render.print_json_line(entry)
        else:
            out.print(render.history_line(entry), highlight=False)


@app.command(epilog="Examples:\n\n  dhakira failures\n\n  dhakira failures --json")
def failures(
    batch: Annotated[str | None, typer.Option(help="Only this ingest batch.")] = None,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List items that could not be processed, with their reasons (their bytes are kept)."""
    from dataclasses import asdict

    with _archive(archive, database_url) as store:
        records = [asdict(f) for f in store.failures(batch)]
    for record in records:
        if as_json:
            render.print_json_line(record)
        else:
            out.print(f"{record['at']}  {record['source']}: {record['reason']}", highlight=False)


@app.command(
    epilog="Examples:\n\n  dhakira extract statement.html --json\n\n"
    "  dhakira extract export.csv --json   (one JSON line per row)"
)
def extract(
    file: Annotated[Path, typer.Argument(help="One file (a CSV/JSONL/WARC gives one per item).")],
    max_file_size: Annotated[str, typer.Option(help="Largest file accepted, e.g. 50MB.")] = "50MB",
    as_json: JsonOpt = False,
) -> None:
    """Show what the pipeline makes of a file without storing anything."""
    from dhakira.capture.sources import iter_items
    from dhakira.pipeline import analyse
    from dhakira.records import Failure

    if not file.is_file():
        raise ConfigError("no such file", item=str(file), hint="give the path of one file")
    limits = Limits(max_file_bytes=parse_size(max_file_size))
    results = []
    for entry in iter_items([file], limits):
        if isinstance(entry, Failure):
            raise DhakiraError.from_reason(entry.reason, item=entry.source)
        results.append(analyse(entry, limits).extract_json())
    if not results:
        raise DhakiraError("no document found in this file", item=str(file))
    for result in results:
        if as_json:
            (render.print_json if len(results) == 1 else render.print_json_line)(result)
        else:
            render.render_extract(out, result)


@eval_app.command("seeds", epilog="Example:\n\n  dhakira eval seeds --json")
def eval_seeds(
    seeds: Annotated[Path | None, typer.Option(help="Folder of seed pages.")] = None,
    gold: Annotated[Path | None, typer.Option(help="gold.json with the expected analysis.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check the pipeline on the seed pages against their hand annotations."""
    from dhakira.evaluation.seeds import evaluate_all_seeds

    shared = _shared() if seeds is None or gold is None else Path()
    result = evaluate_all_seeds(
        seeds or shared / "corpus" / "seeds", gold or shared / "eval" / "seeds" / "gold.json"
    )
    if as_json:
        render.print_json(result)
    else:
        render.render_eval_seeds(out, result)


@eval_app.command("articles", epilog="Example:\n\n  dhakira eval articles --json")
def eval_articles(
    bench: Annotated[Path | None, typer.Option(help="The article-bench folder.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Body-text F1 on the article benchmark, beside trafilatura alone in the same run."""
    from dhakira.evaluation.articles import evaluate_articles

    result = evaluate_articles(bench or _shared() / "eval" / "article-bench")
    if as_json:
        render.print_json(result)
    else:
        render.render_eval_articles(out, result)


@eval_app.command(
    "incidents", epilog="Example:\n\n  dhakira eval incidents ../shared/eval/fakes/dev.jsonl"
)
def eval_incidents(
    path: Annotated[Path, typer.Argument(help="JSONL shaped like FA-KES dev.jsonl.")],
    as_json: JsonOpt = False,
) -> None:
    """Accuracy of the main-incident fields (place, date, cause, actor, counts) per field."""
    from dhakira.evaluation.incidents import evaluate_incidents, render_text

    if not path.is_file():
        raise ConfigError("no such file", item=str(path), hint="give a JSONL file like dev.jsonl")
    result = evaluate_incidents(path)
    if as_json:
        render.print_json(result)
    else:
        out.print(render_text(result), highlight=False)


def _shared() -> Path:
    """../shared beside the working folder or the repository, where the evaluation data lives."""
    candidates = [
        Path.cwd() / "shared",
        Path.cwd().parent / "shared",
        Path(__file__).resolve().parents[3].parent / "shared",
    ]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise ConfigError(
        "evaluation data not found",
        item="../shared",
        hint="pass the paths with --seeds/--gold or --bench",
    )


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    if version:
        out.print(__version__)
        raise typer.Exit()


def main() -> None:
    """Entry point: run the app, turning dhakira errors into a clear message and exit code 2."""
    try:
        app()
    except DhakiraError as exc:
        err.print(f"error: {exc}", style="red", highlight=False)
        sys.exit(2)


# the analysis commands (reanalyze, entities, claims, tag, eval ner) register themselves on `app`
from dhakira.views import cli_analysis as _cli_analysis  # noqa: E402,F401

# the link commands (link, stories, entities merge/split/undo) register themselves on `app`
from dhakira.views import cli_links as _cli_links  # noqa: E402,F401

# the web commands (serve, users) register themselves on `app`
from dhakira.views import cli_web as _cli_web  # noqa: E402,F401

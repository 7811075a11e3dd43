"""Commands about what the analysers find: re-analysis, entity and claim listings, NER tagging.

They are registered on the one `dhakira` app of `cli.py` (imported at its end) and follow its
conventions: `--archive`, `--database-url`, `--json`, examples in every `--help`.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from dhakira.config import DEFAULT_ARCHIVE, Limits, parse_size
from dhakira.errors import ConfigError
from dhakira.records import EVENT_TYPES
from dhakira.views import console as render
from dhakira.views import pages
from dhakira.views.cli import (
    ArchiveOpt,
    DatabaseOpt,
    JsonOpt,
    _archive,
    _progress,
    app,
    eval_app,
    out,
)

CLAIM_KINDS = ("victims", "method")
LimitOpt = Annotated[int, typer.Option("--limit", min=1, max=100_000, help="Most lines listed.")]


@app.command(
    epilog="Examples:\n\n  dhakira reanalyze --all\n\n"
    "  dhakira reanalyze --outdated --jobs 4\n\n"
    "  dhakira reanalyze DHK-2017-3F9A2C DHK-2018-0B1C2D --json"
)
def reanalyze(
    codes: Annotated[list[str] | None, typer.Argument(help="Archive codes.")] = None,
    every: Annotated[bool, typer.Option("--all", help="Every document in the archive.")] = False,
    outdated: Annotated[
        bool,
        typer.Option(
            "--outdated", help="Documents analysed by other analyser versions than these."
        ),
    ] = False,
    actor: Annotated[str | None, typer.Option(help="Who runs it (default: your name).")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel workers.")] = 1,
    max_file_size: Annotated[str, typer.Option(help="Largest original read, e.g. 50MB.")] = "50MB",
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the analysers again on stored originals and replace what they made.

    Metadata, text, languages, entities, claims, the main incident and the search entry are
    recomputed; provenance, reliability ratings, visibility and archive codes never change.
    Each changed document gets one audit entry listing what changed.
    """
    from dhakira.ingest import reanalyze as run_reanalyze

    if [bool(codes), every, outdated].count(True) != 1:
        raise ConfigError(
            "say which documents to analyse again",
            item="reanalyze",
            hint="give archive codes, --all or --outdated (one of them)",
        )
    who = actor or f"cli:{getpass.getuser()}"
    limits = Limits(max_file_bytes=parse_size(max_file_size))
    with _archive(archive, database_url) as store:
        wanted = _chosen(store, codes or [], every)
        with _progress() as progress:
            task = progress.add_task("re-analysing", total=max(len(wanted), 1))
            summary = run_reanalyze(
                store, wanted, who, limits, lambda _code: progress.advance(task), jobs
            )
    page = pages.reanalyze_page(summary)
    if as_json:
        render.print_json(page)
    else:
        render.render_reanalyze(out, page)
    if summary.interrupted:
        raise typer.Exit(130)


def _chosen(store: Any, codes: list[str], every: bool) -> list[str]:
    """The codes given, every code, or those the current analysers would analyse differently."""
    from dhakira.pipeline import default_steps

    if codes:
        return list(codes)
    if every:
        return list(store.codes())
    return list(store.outdated({step.name: step.version for step in default_steps()}))


# `dhakira entities` (the listing with reviewers' merges and splits) is in cli_links.py


@app.command(
    epilog="Examples:\n\n  dhakira claims --event execution --place Sednaya\n\n"
    "  dhakira claims --attributed-to Amnesty --from 2011 --to 2015 --json"
)
def claims(
    event: Annotated[
        str | None,
        typer.Option(help="execution, killing, death_in_custody, torture, detention, ..."),
    ] = None,
    place: Annotated[str | None, typer.Option(help="Part of the place name.")] = None,
    attributed_to: Annotated[
        str | None,
        typer.Option("--attributed-to", help="Part of the name of who the claim is attributed to."),
    ] = None,
    year_from: Annotated[str | None, typer.Option("--from", help="Period reaches YEAR.")] = None,
    year_to: Annotated[str | None, typer.Option("--to", help="Period starts by YEAR.")] = None,
    kind: Annotated[str | None, typer.Option(help="victims or method.")] = None,
    limit: LimitOpt = 1000,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the figures claimed across the archive about victims and violations.

    Each line: event, figures and qualifier, place, period, attribution, quote and document
    code. A claim without a period counts at its document's date. `--json` prints JSON Lines.
    """
    from dhakira.archive import ClaimQuery

    _check_choice("--event", event, EVENT_TYPES)
    _check_choice("--kind", kind, CLAIM_KINDS)
    for option, year in (("--from", year_from), ("--to", year_to)):
        if year is not None and not (len(year.strip()) == 4 and year.strip().isdigit()):
            raise ConfigError(f"{year!r} is not a year", item=option, hint="write it as 2017")
    query = ClaimQuery(event, place, attributed_to, year_from, year_to, kind, limit)
    with _archive(archive, database_url) as store:
        lines = [pages.claim_line(c) for c in store.claims(query)]
    _print_lines(lines, as_json, render.render_claims)


def _check_choice(option: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ConfigError(
            f"{value!r} is not a valid choice",
            item=option,
            hint=f"use one of: {', '.join(allowed)}",
        )


def _print_lines(lines: list[dict[str, Any]], as_json: bool, text: Any) -> None:
    if as_json:
        for line in lines:
            render.print_json_line(line)
    else:
        text(out, lines)


@app.command(
    epilog="Examples:\n\n  dhakira tag tokens.txt\n\n"
    "  dhakira tag ANERCorp_test.txt --output predicted.txt"
)
def tag(
    file: Annotated[
        Path,
        typer.Argument(
            help="One token per line (a second column is ignored); a blank line between sentences."
        ),
    ],
    output: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
) -> None:
    """Tag each token with a BIO named-entity tag: PERS, ORG, LOC (places and facilities), MISC.

    Writes `token TAG` per line with the blank lines between sentences kept, so any corpus in
    this format can be tagged and then scored (see `dhakira eval ner`).
    """
    from dhakira.evaluation.ner import tag_file

    if not file.is_file():
        raise ConfigError("no such file", item=str(file), hint="give a file of one token per line")
    sentences = tag_file(file)
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        for number, sentence in enumerate(sentences):
            if number:
                stream.write("\n")
            stream.writelines(f"{token} {label}\n" for token, label in sentence)
    finally:
        if output:
            stream.close()


@eval_app.command("ner", epilog="Example:\n\n  dhakira eval ner ANERCorp_test.txt --json")
def eval_ner(
    path: Annotated[Path, typer.Argument(help="Tagged file: token and BIO tag per line.")],
    as_json: JsonOpt = False,
) -> None:
    """Entity-level precision, recall and F1 per type and overall on a tagged file."""
    from dhakira.evaluation.ner import evaluate_ner

    if not path.is_file():
        raise ConfigError(
            "no such file", item=str(path), hint="give a file of token and tag per line"
        )
    result = evaluate_ner(path)
    if as_json:
        render.print_json(result)
    else:
        render.render_eval_ner(out, result)

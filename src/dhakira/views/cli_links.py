"""Commands about links between documents and entities: link, stories, incidents, timeline,
entities and decisions.

Registered on the one `dhakira` app of `cli.py` (imported at its end), with its conventions:
`--archive`, `--database-url`, `--json`, examples in every `--help`. `dhakira entities` lists
entities with reviewers' merges and splits applied; its subcommands record those decisions.
"""

from __future__ import annotations

import getpass
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer

from dhakira.config import DEFAULT_ARCHIVE
from dhakira.errors import ConfigError
from dhakira.records import ENTITY_TYPES, EVENT_TYPES
from dhakira.views import console as render
from dhakira.views import pages
from dhakira.views.cli import ArchiveOpt, DatabaseOpt, JsonOpt, _archive, _progress, app, out

entities_app = typer.Typer(
    help="List entities across the archive; merge, split and undo (each decision audited).",
    invoke_without_command=True,
)
app.add_typer(entities_app, name="entities")

incidents_app = typer.Typer(
    help="Incidents: claims from several documents about one event, side by side.",
    invoke_without_command=True,
)
app.add_typer(incidents_app, name="incidents")

NoteOpt = Annotated[str, typer.Option("--note", help="Why: kept in the audit log.")]
ActorOpt = Annotated[str | None, typer.Option(help="Who decides (default: your user name).")]


def _who(actor: str | None) -> str:
    return actor or f"cli:{getpass.getuser()}"


@app.command(epilog="Examples:\n\n  dhakira link\n\n  dhakira link --all --json")
def link(
    every: Annotated[
        bool, typer.Option("--all", help="Forget every link and link the whole archive again.")
    ] = False,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Link documents to their duplicates (primary copy marked) and group them into stories.

    Only documents never linked, or linked by another link version, are linked; ingest links
    new documents itself. `--all` recomputes every link from the stored texts.
    """
    from dhakira.archive.linkstore import as_document

    with _archive(archive, database_url) as store:
        if every:
            store.links.forget()
        wanted = store.links.pending()
        if wanted and not every:
            # an outdated version's links go before relinking (all at once when all are)
            store.links.forget(None if len(wanted) == store.count() else wanted)
        linker = store.links.linker()
        duplicates = story_links = 0
        with _progress() as progress:
            task = progress.add_task("linking", total=max(len(wanted), 1))
            for code in wanted:
                result = linker.link(code, as_document(store.get(code)))
                duplicates += result.duplicates
                story_links += result.story_links
                progress.advance(task)
        stories = len(store.links.stories(limit=1_000_000))
    page = {
        "linked": len(wanted),
        "duplicate_links": duplicates,
        "story_links": story_links,
        "stories": stories,
    }
    if as_json:
        render.print_json(page)
    else:
        out.print(
            f"linked {len(wanted)} documents: {duplicates} duplicate links, "
            f"{story_links} story links; {stories} stories in the archive"
        )


@app.command(
    epilog="Examples:\n\n  dhakira stories --from 2017-01-01 --to 2017-12-31\n\n"
    "  dhakira stories --entity Sednaya --json"
)
def stories(
    date_from: Annotated[
        str | None, typer.Option("--from", help="Story reaches this date.")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Story starts by this date.")] = None,
    entity: Annotated[
        str | None,
        typer.Option(
            help="A document of the story names it (part of a name, a spelling or an entity id)."
        ),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=100_000, help="Most stories listed.")] = 200,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List stories (documents about one event or report, in any language) with their documents.

    Newest first; each story names its primary document. `--json` prints JSON Lines.
    """
    with _archive(archive, database_url) as store:
        found = store.links.stories(date_from, date_to, entity, limit)
    if as_json:
        for story in found:
            render.print_json_line(story)
    else:
        render.render_stories(out, found)


@entities_app.callback(
    epilog="Examples:\n\n  dhakira entities --type facility\n\n"
    "  dhakira entities --name Sednaya --json\n\n"
    '  dhakira entities merge person:a person:b --note "same person"'
)
def entities(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Option("--type", help="person, organization, place, facility, report or event."),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Part of the name or of a spelling.")] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, max=100_000, help="Most lines listed.")
    ] = 1000,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the people, organizations, places and facilities named across the archive.

    One line per entity, most mentioned first: type, canonical name, number of mentions and of
    documents, and the spellings seen, after reviewers' merges and splits. `--json` prints JSON
    Lines (the `key` field is the id the subcommands take).
    """
    from dhakira.archive import EntityQuery

    if ctx.invoked_subcommand is not None:
        return
    if kind is not None and kind not in ENTITY_TYPES:
        raise ConfigError(
            f"{kind!r} is not a valid choice",
            item="--type",
            hint=f"use one of: {', '.join(ENTITY_TYPES)}",
        )
    with _archive(archive, database_url) as store:
        found = store.entity_decisions.entities(EntityQuery(kind, name, limit))
    lines = [pages.entity_line(e) for e in found]
    if as_json:
        for line in lines:
            render.print_json_line(line)
    else:
        render.render_entities(out, lines)


def _print_decision(decision: Any, as_json: bool) -> None:
    line = asdict(decision)
    if as_json:
        render.print_json(line)
        return
    state = f"  (undone {line['undone_at']})" if line["undone_at"] else ""
    chosen = ", ".join(line["documents"] + line["mentions"])
    detail = f" [{chosen}]" if chosen else ""
    out.print(
        f"#{line['id']} {line['kind']}: {line['entity']} → {line['target']}{detail}  "
        f"by {line['actor']} at {line['at']}: {line['note']}{state}",
        highlight=False,
    )


@entities_app.command(
    "merge",
    epilog="Example:\n\n  dhakira entities merge "
    'facility:sednaya-prison "facility:saydnaya jail" --note "one prison"',
)
def merge(
    keep: Annotated[str, typer.Argument(help="The entity kept (its key).")],
    other: Annotated[str, typer.Argument(help="The entity whose mentions join it.")],
    note: NoteOpt,
    actor: ActorOpt = None,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Count every mention of OTHER as KEEP (one entity, many names); audited, undoable."""
    with _archive(archive, database_url) as store:
        decision = store.entity_decisions.merge(keep, other, note=note, actor=_who(actor))
    _print_decision(decision, as_json)


@entities_app.command(
    "split",
    epilog="Examples:\n\n  dhakira entities split person:ali-x "
    '--documents DHK-2017-3F9A2C --note "another man of that name"\n\n'
    "  dhakira entities split person:ali-x --mentions DHK-2017-3F9A2C:120 "
    '--note "..."',
)
def split(
    entity: Annotated[str, typer.Argument(help="The entity to split (its key).")],
    note: NoteOpt,
    documents: Annotated[
        list[str] | None,
        typer.Option("--documents", help="Its mentions in these documents leave it."),
    ] = None,
    mentions: Annotated[
        list[str] | None, typer.Option("--mentions", help="These mentions (CODE:START) leave it.")
    ] = None,
    actor: ActorOpt = None,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Make some mentions of ENTITY a new entity (split:N); audited, undoable."""
    with _archive(archive, database_url) as store:
        decision = store.entity_decisions.split(
            entity, documents_=documents, mentions_=mentions, note=note, actor=_who(actor)
        )
    _print_decision(decision, as_json)


@entities_app.command("undo", epilog='Example:\n\n  dhakira entities undo 3 --note "wrong merge"')
def undo(
    decision_id: Annotated[int, typer.Argument(help="The decision's number.")],
    note: NoteOpt,
    actor: ActorOpt = None,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Undo a merge or split; the decision stays listed as undone, and the audit log says why."""
    with _archive(archive, database_url) as store:
        decision = store.entity_decisions.undo(decision_id, note=note, actor=_who(actor))
    _print_decision(decision, as_json)


@entities_app.command("decisions", epilog="Example:\n\n  dhakira entities decisions --json")
def decisions(
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List every merge and split, undone ones included."""
    with _archive(archive, database_url) as store:
        found = store.entity_decisions.decisions()
    for decision in found:
        if as_json:
            render.print_json_line(asdict(decision))
        else:
            _print_decision(decision, False)


@incidents_app.callback(
    epilog="Examples:\n\n  dhakira incidents --event execution --place Saydnaya\n\n"
    "  dhakira incidents --from 2011 --to 2015 --json\n\n"
    "  dhakira incidents show DHK-2017-3F9A2C:120"
)
def incidents(
    ctx: typer.Context,
    event: Annotated[
        str | None, typer.Option(help="Kind of event: execution, killing, detention...")
    ] = None,
    place: Annotated[str | None, typer.Option(help="Place, in any spelling.")] = None,
    entity: Annotated[
        str | None,
        typer.Option(help="A document of the incident names it (id, name or spelling)."),
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Claims speak of this day or later.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Claims speak of this day or earlier.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=100_000, help="Most incidents listed.")] = 200,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List incidents: claims from several documents about one event, most documents first.

    Each shows its figures, how many independent sources stand behind them (two reports quoting
    Amnesty are one source), the consolidated low / best / high, and conflicts. `--json`
    prints JSON Lines, one incident each.
    """
    from dhakira.views.connections import incidents_view

    if ctx.invoked_subcommand is not None:
        return
    if event is not None and event not in EVENT_TYPES:
        raise ConfigError(
            f"{event!r} is not a kind of event",
            item="--event",
            hint=f"use one of: {', '.join(EVENT_TYPES)}",
        )
    with _archive(archive, database_url) as store:
        page = incidents_view(
            store,
            event=event,
            place=place,
            entity=entity,
            date_from=date_from,
            date_to=date_to,
            public_only=False,
            limit=limit,
        )
    if as_json:
        for incident in page["incidents"]:
            render.print_json_line(incident)
    else:
        render.render_incidents(out, page)


@incidents_app.command(
    "show", epilog="Examples:\n\n  dhakira incidents show DHK-2017-3F9A2C:120 --json"
)
def incident_show(
    incident_id: Annotated[
        str, typer.Argument(help="The incident's id, or any of its claims (CODE:START).")
    ],
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one incident side by side: figure, document, publisher, attribution, source,
    repeats, consolidation, conflicts, and each claim's suggested reliability with reasons."""
    from dhakira.views.connections import incident_view

    with _archive(archive, database_url) as store:
        page = incident_view(store, incident_id, public_only=False)
    if as_json:
        render.print_json(page)
    else:
        render.render_incident(out, page)


@app.command(
    epilog="Examples:\n\n  dhakira timeline --from 2016 --to 2017\n\n"
    "  dhakira timeline --facility Saydnaya --json"
)
def timeline(
    date_from: Annotated[
        str | None, typer.Option("--from", help="From this date (2017, 2017-02, 2017-02-07).")
    ] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Up to this date.")] = None,
    place: Annotated[str | None, typer.Option(help="Place or facility, any spelling.")] = None,
    facility: Annotated[
        str | None, typer.Option(help="Facility (a prison, a branch), any spelling.")
    ] = None,
    entity: Annotated[
        str | None, typer.Option(help="Entity named in the entry (id, name or spelling).")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=1_000_000, help="Most entries listed.")] = 1000,
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The chronicle (يوميات): dated entries from documents, their claims and the dates they
    cite, each with its precision (day, month, year), merged across documents.

    Counts per period come first. `--json` prints the whole page as one JSON object.
    """
    from dhakira.views.connections import timeline_view

    with _archive(archive, database_url) as store:
        page = timeline_view(
            store,
            date_from=date_from,
            date_to=date_to,
            place=place,
            facility=facility,
            entity=entity,
            public_only=False,
            limit=limit,
        )
    if as_json:
        render.print_json(page)
    else:
        render.render_timeline(out, page)

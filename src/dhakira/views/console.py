"""Terminal rendering of the view dicts built in `pages.py` (rich, no logic of its own)."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

RELIABILITY_LABELS = {
    "correct": "correct / صحيحة",
    "incorrect": "incorrect / غير صحيحة",
    "unverified": "not verified / لم يتم التأكد من صحتها",
    "unspecified": "unspecified / غير محدد",
}


def print_json(value: Any) -> None:
    """One JSON object: the `--json` form of a view that shows one thing."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")


def print_json_line(value: Any) -> None:
    """One line of JSON Lines: the `--json` form of a view that lists many things."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def _field_table(rows: list[tuple[str, Any]]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in rows:
        if value in (None, "", [], {}):
            value = "—"
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = "; ".join(f"{k}: {v}" for k, v in value.items())
        table.add_row(label, Text(str(value)))
    return table


def render_record(console: Console, page: dict[str, Any]) -> None:
    """Print a document the way an archive record page shows it."""
    meta, rel, prov = page["metadata"], page["reliability"], page["provenance"]
    title = meta["title"] or "(untitled)"
    if meta["title_generated"]:
        title += "  [generated title]"
    console.rule(Text(f"{page['code']}  {title}", style="bold"))
    date = meta["date"] and f"{meta['date']} ({meta['date_precision']}, from {meta['date_source']})"
    console.print(
        _field_table(
            [
                ("Archive code", page["code"]),
                ("Date issued", date),
                ("Document type", meta["doc_type"]),
                ("Publisher", meta["publisher"]),
                ("Issuing body", meta["issuing_body"]),
                ("Author", meta["author"]),
                (
                    "Language",
                    [meta["language"], *[x for x in meta["languages"] if x != meta["language"]]],
                ),
                ("Status", page["status"]),
                ("Visibility", page["visibility"]),
            ]
        )
    )
    console.rule("Reliability", style="dim")
    console.print(
        _field_table(
            [
                ("Rating", RELIABILITY_LABELS.get(rel["rating"], rel["rating"])),
                ("Note", rel["note"]),
                ("By", rel["by"]),
                ("At", rel["at"]),
            ]
        )
    )
    console.rule("Provenance", style="dim")
    console.print(
        _field_table(
            [
                ("Source", prov["source"]),
                ("URL", prov["url"]),
                ("Captured at", prov["captured_at"]),
                ("Ingested at", prov["ingested_at"]),
                ("Batch", prov["batch"]),
                ("Format", f"{prov['media_type']}, {prov['size']} bytes"),
                ("SHA-256", prov["sha256"]),
                ("Analysers", page["analysers"]),
            ]
        )
    )
    if page["record"]:
        console.rule("Archive record block found on the page", style="dim")
        console.print(_field_table(sorted(page["record"].items())))
    if page["supplied"]:
        console.rule("Metadata supplied with the item", style="dim")
        supplied = {k: v for k, v in page["supplied"].items() if k != "text"}  # text is below
        console.print(_field_table(sorted(supplied.items())))
    _render_findings(console, page)
    console.rule("Text", style="dim")
    console.print(Text(page["text"] or "(no text)"))
    if page["history"]:
        console.rule("History", style="dim")
        for entry in page["history"]:
            console.print(Text(history_line(entry), style="dim"))


def history_line(entry: dict[str, Any]) -> str:
    change = f" {entry['field']}: {entry['old']} → {entry['new']}" if entry.get("field") else ""
    why = f" — {entry['why']}" if entry.get("why") else ""
    return f"{entry['at']}  {entry['actor']}  {entry['action']}{change}{why}"


def render_search(console: Console, page: dict[str, Any]) -> None:
    hits = page["hits"]
    console.print(Text(f"{_count(page['total'], 'document')} ({page['took_ms']} ms)", style="dim"))
    for hit in hits:
        head = Text(hit["code"], style="bold cyan")
        head.append(
            f"  {hit['date'] or '—'}  {hit['doc_type']}  {hit['publisher'] or ''}", style="dim"
        )
        console.print(head)
        console.print(Text(hit["title"] or "(untitled)", style="bold"))
        snippet = Text(hit["snippet"])
        for start, end in hit["highlights"]:
            snippet.stylize("bold yellow", start, end)
        console.print(snippet)
        console.print()


def render_verify(console: Console, page: dict[str, Any]) -> None:
    verdict = "all originals and the audit chain check out" if page["ok"] else "PROBLEMS FOUND"
    console.print(
        Text(
            f"verified {page['checked']} originals: {verdict}",
            style="green" if page["ok"] else "bold red",
        )
    )
    for sha in page["mismatched"]:
        console.print(Text(f"hash mismatch: {sha}", style="red"))
    for sha in page["missing"]:
        console.print(Text(f"missing original: {sha}", style="red"))
    if not page["chain_ok"]:
        console.print(Text(f"audit chain broken: {page['chain_error']}", style="red"))
    if page["unreferenced"]:
        console.print(
            Text(
                f"{len(page['unreferenced'])} stored originals belong to no record "
                "(left by an interrupted ingest; harmless)",
                style="dim",
            )
        )


def render_ingest(console: Console, page: dict[str, Any]) -> None:
    counts = page["counts"]
    table = Table(
        title=f"batch {page['batch']}" + (" (interrupted)" if page["interrupted"] else "")
    )
    for name in ("ingested", "duplicate", "needs_ocr", "failed"):
        table.add_column(name.replace("_", "-"), justify="right")
    table.add_row(*(str(counts[name]) for name in ("ingested", "duplicate", "needs_ocr", "failed")))
    console.print(table)
    for source in page["needs_ocr"]:
        console.print(Text(f"needs OCR: {source} (kept; it has no text layer)", style="yellow"))
    for failure in page["failed"]:
        console.print(Text(f"failed: {failure['source']}: {failure['reason']}", style="red"))


def render_extract(console: Console, result: dict[str, Any]) -> None:
    rows = [(key, value) for key, value in result.items() if key != "text"]
    console.print(_field_table(rows))
    console.rule("Text", style="dim")
    console.print(Text(result["text"] or "(no text)"))


def _mark(ok: object) -> str:
    return "✓" if ok is True else ("✗" if ok is False else str(ok))


def render_eval_seeds(console: Console, result: dict[str, Any]) -> None:
    """Per-document checks of the seed evaluation, then the totals."""
    table = Table(title="seeds against gold.json")
    for column in ("file", "title", "date", "doc_type", "publisher", "must_drop", "must_keep"):
        table.add_column(column)
    for doc in result["documents"]:
        found = doc["found"]
        drop, keep = doc["must_drop"], doc["must_keep"]
        table.add_row(
            doc["file"][:3],
            _mark(doc["title"]) + (" (generated)" if found["title_generated"] else ""),
            f"{_mark(doc['date'])} {found['date']}",
            f"{_mark(doc['doc_type'])} {found['doc_type']}",
            _mark(doc["publisher"]),
            f"{drop[0]}/{drop[1]}",
            f"{keep[0]}/{keep[1]}",
        )
    console.print(table)
    console.print(_field_table(list(result["totals"].items())))
    if "entities" in result:
        console.rule("entities", style="dim")
        console.print(_field_table(list(result["entities"]["totals"].items())))
    if "claims" in result:
        console.rule("claims", style="dim")
        console.print(_field_table(list(result["claims"]["totals"].items())))
        for doc in result["claims"]["documents"]:
            for claim in doc["claims"]:
                console.print(
                    f"  {doc['file'][:3]} {_mark(claim['right'])} {claim['text']}", highlight=False
                )
    if "across_documents" in result:
        console.rule(
            "across documents: stories, same entities, claim groups, timeline", style="dim"
        )
        console.print(_field_table(list(result["across_documents"]["totals"].items())))


def render_eval_articles(console: Console, result: dict[str, Any]) -> None:
    """Body-text scores beside trafilatura alone, measured in the same run."""
    table = Table(title=f"article-bench, {result['pages']} pages (4-token shingles, pooled)")
    for column in ("extractor", "F1", "precision", "recall"):
        table.add_column(column)
    table.add_row(
        "dhakira", f"{result['f1']:.4f}", f"{result['precision']:.4f}", f"{result['recall']:.4f}"
    )
    table.add_row(
        "trafilatura alone (defaults)",
        f"{result['trafilatura_f1']:.4f}",
        f"{result['trafilatura_precision']:.4f}",
        f"{result['trafilatura_recall']:.4f}",
    )
    console.print(table)
    console.print("published: trafilatura 2.0.0 F1 0.958", style="dim")


def _render_findings(console: Console, page: dict[str, Any]) -> None:
    """The entities, claims and main incident sections of a record page."""
    if page.get("entities"):
        console.rule(f"Entities ({len(page['entities'])})", style="dim")
        for group in page["entities"]:
            console.print(Text(entity_text(group, f"{group['mentions']}×")))
    if page.get("claims"):
        console.rule(f"Claims ({len(page['claims'])})", style="dim")
        for claim in page["claims"]:
            console.print(Text(claim_text(claim)))
    if page.get("incident"):
        console.rule("Main incident", style="dim")
        console.print(_field_table(list(page["incident"].items())))
    if page.get("links"):
        _render_links(console, page["links"])


def _render_links(console: Console, links: dict[str, Any]) -> None:
    """Duplicates (score, which is primary), the story and the related documents."""
    if links["duplicates"]:
        console.rule(f"Copies of this document ({len(links['duplicates'])})", style="dim")
        here = "this copy is primary" if links["is_primary"] else f"primary: {links['primary']}"
        console.print(Text(here))
        for dup in links["duplicates"]:
            mark = "  [primary]" if dup["primary"] else ""
            console.print(Text(f"{dup['code']}  {dup['kind']}  {dup['score']:.2f}{mark}"))
    if links["story"]:
        story = links["story"]
        console.rule(f"Story {story['story']} ({story['size']} documents)", style="dim")
        for doc in story["documents"]:
            console.print(Text(story_document_text(doc)))
    if links["related"]:
        console.rule("Related documents", style="dim")
        for rel in links["related"]:
            console.print(Text(f"{rel['code']}  {rel['kind']}  score {rel['score']:.1f}"))


def story_document_text(doc: dict[str, Any]) -> str:
    """`DHK-2017-3F9A2C  2017-02-07  en  Human Slaughterhouse  [primary]`"""
    mark = "  [primary]" if doc.get("primary") else ""
    return (
        f"{doc['code']}  {doc['date'] or '----------'}  {doc['language'] or '--'}  "
        f"{doc['title'] or '(untitled)'}{mark}"
    )


def render_stories(console: Console, stories: list[dict[str, Any]]) -> None:
    for story in stories:
        span = f"{story['first_date'] or '?'} – {story['last_date'] or '?'}"
        console.rule(f"Story {story['story']}  {story['size']} documents  {span}", style="dim")
        for doc in story["documents"]:
            console.print(Text(story_document_text(doc)))
    if not stories:
        console.print(Text("no stories found", style="dim"))


def entity_text(entity: dict[str, Any], count: str) -> str:
    """One line: `facility  Sednaya Prison  3×  (Saydnaya, صيدنايا)`."""
    name = entity["canonical_name"] or entity["spellings"][0]
    others = [s for s in entity["spellings"] if s != name]
    spellings = f"  ({', '.join(others)})" if others else ""
    return f"{entity['type']:<12}  {name}  {count}{spellings}"


def figures(claim: dict[str, Any]) -> str:
    """A claim's figures as written for people: "5,000–13,000", "≥ 16", "≤ 13,000", "~215,000"."""

    def number(value: float | int | None) -> str:
        return "?" if value is None else f"{value:,}"

    low, high, best = claim["low"], claim["high"], claim["best"]
    if best is not None:
        return f"~{number(best)}"
    if low is not None and high is not None:
        return f"{number(low)}–{number(high)}"
    if low is not None:
        return f"≥ {number(low)}"
    if high is not None:
        return f"≤ {number(high)}"
    return "?"


def claim_text(claim: dict[str, Any]) -> str:
    """One claim on one line: event, figures (qualifier), place, period, who says it, quote."""
    parts = [claim["event"], figures(claim)]
    if claim.get("qualifier"):
        parts.append(f"({claim['qualifier']})")
    if claim.get("kind") == "method":
        parts.append("[method]")
    if claim.get("place"):
        parts.append(f"in {claim['place']}")
    if claim.get("period_start") or claim.get("period_end"):
        parts.append(f"{claim.get('period_start') or '…'}–{claim.get('period_end') or '…'}")
    if claim.get("actor"):
        parts.append(f"by {claim['actor']}")
    if claim.get("attributed_to"):
        parts.append(f"according to {claim['attributed_to']}")
    code = f"{claim['code']}  " if claim.get("code") else ""
    return f"{code}{'  '.join(parts)}\n    “{claim['quote']}”"


def render_entities(console: Console, entities: list[dict[str, Any]]) -> None:
    for entity in entities:
        mentions, documents = entity["mentions"], entity["documents"]
        count = f"{_count(mentions, 'mention')} in {_count(documents, 'document')}"
        console.print(Text(entity_text(entity, count)))
    if not entities:
        console.print(Text("no entities found", style="dim"))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def render_claims(console: Console, claims: list[dict[str, Any]]) -> None:
    for claim in claims:
        console.print(Text(claim_text(claim)))
    if not claims:
        console.print(Text("no claims found", style="dim"))


def render_reanalyze(console: Console, page: dict[str, Any]) -> None:
    head = (
        f"re-analysed {_count(page['checked'], 'document')}: {page['changed']} changed, "
        f"{page['unchanged']} unchanged, {len(page['failed'])} failed"
    )
    console.print(Text(head + (" (interrupted)" if page["interrupted"] else "")))
    for doc in page["documents"]:
        console.print(Text(f"{doc['code']}: {', '.join(doc['changed'])}", style="dim"))
    for failure in page["failed"]:
        console.print(Text(f"failed: {failure['code']}: {failure['reason']}", style="red"))


def render_eval_ner(console: Console, result: dict[str, Any]) -> None:
    """Entity-level precision, recall and F1 per type, then overall."""
    table = Table(
        title=f"NER, {result['sentences']} sentences, {result['tokens']} tokens "
        "(entity level, exact span and type)"
    )
    for column in ("type", "precision", "recall", "F1", "gold", "predicted", "correct"):
        table.add_column(column, justify="left" if column == "type" else "right")
    rows = [*result["per_type"].items(), ("overall", result["overall"])]
    for kind, row in rows:
        table.add_row(
            kind,
            f"{row['precision']:.4f}",
            f"{row['recall']:.4f}",
            f"{row['f1']:.4f}",
            str(row["gold"]),
            str(row["predicted"]),
            str(row["correct"]),
        )
    console.print(table)


# -- incidents and the chronicle (views/connections.py) -------------------------------------------


def incident_heading(incident: dict[str, Any]) -> str:
    """`execution at Sednaya Prison, 2011-01-01 – 2015-12-31: 3 documents, 2 sources`"""
    span = f"{incident['first_day'] or '?'} – {incident['last_day'] or '?'}"
    sources = incident["independent_sources"]
    return (
        f"{incident['event']} at {incident['place']}, {span}: "
        f"{_count(len(incident['documents']), 'document')}, "
        f"{_count(sources, 'independent source')}"
    )


def _suggested(value: dict[str, Any] | None) -> str:
    if not value:
        return ""
    return f"suggested {value['value']}: {'; '.join(value['reasons'])}"


def render_incident(console: Console, incident: dict[str, Any]) -> None:
    """One incident: its figures side by side, sources and repeats, consolidation, conflicts."""
    console.rule(Text(f"Incident {incident['id']}", style="bold"))
    consolidated = incident["consolidated"]
    console.print(
        _field_table(
            [
                ("What", incident_heading(incident)),
                ("Consolidated", consolidated["figure"]),
                (
                    "Low / best / high",
                    " / ".join(
                        "—" if consolidated[k] is None else f"{consolidated[k]:,}"
                        for k in ("low", "best", "high")
                    ),
                ),
                ("Sources", ["; ".join(s["names"]) for s in incident["sources"]]),
                ("Repeats", incident["repeats"]),
                ("Consistent", "yes" if incident["consistent"] else "no: figures conflict"),
            ]
        )
    )
    table = Table(show_lines=False, expand=True)
    for column in ("figure", "document", "date", "publisher", "attributed to", "source"):
        table.add_column(column, overflow="fold")
    for member in incident["members"]:
        repeat = f" (repeats {member['repeat_of']})" if member["repeat_of"] else ""
        table.add_row(
            member["figure"],
            member["code"],
            member["date"] or "—",
            member["publisher"] or "—",
            member["attributed_to"] or "—",
            member["source"] + repeat,
        )
    console.print(table)
    for conflict in incident["conflicts"]:
        console.print(Text(f"conflict: {conflict['reason']}", style="yellow"))
    for member in incident["members"]:
        if member.get("suggested"):
            line = f"{member['claim']}  rating {member['rating']}; "
            console.print(Text(line + _suggested(member["suggested"])), style="dim")


def render_incidents(console: Console, page: dict[str, Any]) -> None:
    """The incident listing: one heading and figure line per incident."""
    for incident in page["incidents"]:
        figures = ", ".join(dict.fromkeys(m["figure"] for m in incident["members"]))
        mark = "" if incident["consistent"] else "  [conflict]"
        console.print(Text(f"{incident['id']}  {incident_heading(incident)}{mark}", style="bold"))
        console.print(Text(f"    {figures} → {incident['consolidated']['figure']}"))
    shown = len(page["incidents"])
    if not shown:
        console.print(Text("no incidents found", style="dim"))
    elif page["total"] > shown:
        console.print(Text(f"{shown} of {page['total']} incidents shown", style="dim"))


def entry_text(entry: dict[str, Any]) -> str:
    """`2017-02-07  day    Amnesty International: Human Slaughterhouse  [DHK-…]`"""
    where = ", ".join(
        entry["facilities"] + [p for p in entry["places"] if p not in entry["facilities"]]
    )
    at = f"  @ {where}" if where else ""
    return (
        f"{entry['date']:<10}  {entry['precision']:<5}  {entry['what']}{at}  "
        f"[{', '.join(entry['documents'])}]"
    )


def render_timeline(console: Console, page: dict[str, Any]) -> None:
    """The chronicle: counts per period as a bar line each, then the entries in date order."""
    if page["counts"]:
        console.rule(f"Entries per {page['granularity']}", style="dim")
        most = max(c["entries"] for c in page["counts"])
        for count in page["counts"]:
            bar = "█" * max(1, round(30 * count["entries"] / most))
            console.print(Text(f"{count['period']:<7}  {bar} {count['entries']}"))
        console.rule(f"Chronicle ({page['total']} entries)", style="dim")
    for entry in page["entries"]:
        console.print(Text(entry_text(entry)))
    if not page["entries"]:
        console.print(Text("no chronicle entries found", style="dim"))
    elif page["total"] > len(page["entries"]):
        console.print(Text(f"{len(page['entries'])} of {page['total']} entries shown", style="dim"))


def render_connections(console: Console, page: dict[str, Any]) -> None:
    """What `dhakira show` adds after the record: incidents and the suggested reliability."""
    suggested = page["reliability"].get("suggested")
    if suggested:
        console.rule(
            "Suggested reliability (computed; the rating above is the person's)", style="dim"
        )
        label = RELIABILITY_LABELS.get(suggested["value"], suggested["value"])
        console.print(_field_table([("Suggested", label), ("Reasons", suggested["reasons"])]))
    incidents = page.get("links", {}).get("incidents") or []
    if incidents:
        console.rule(f"Incidents ({len(incidents)})", style="dim")
        for incident in incidents:
            mark = "" if incident["consistent"] else "  [conflict]"
            console.print(Text(f"{incident['id']}  {incident_heading(incident)}{mark}"))
            console.print(Text(f"    consolidated {incident['figure']}"))

"""Check what links documents on the seeds: stories, entities, incidents and the chronicle.

gold.json's `across_documents` says what a documenter expects once the five seeds are in one
archive. Each seed is analysed as ingest would (`evaluation.seeds.analyse_seed`), then:

- stories: `links.stories.StoryGrouper` over the seeds in file order; the stories found must be
  exactly the gold ones (every gold story whole, no other grouping);
- same_entity: every set of names must resolve to one entity id — from the mentions of the
  seeds with that text (their `entity_id`), and for a name no seed prints (صيدنايا), from the
  knowledge base's exact lookup;
- claim_groups: the incident about the gold subject (event and place read from its "about")
  must hold claims from exactly the gold member documents, be consistent or not as gold says,
  and count the gold number of independent sources (`links.corroboration`);
- timeline: every gold date must be the date of a chronicle entry (`links.chronicle`) of the
  same or a finer precision; the missing ones are listed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from dhakira.evaluation.seeds import analyse_seed
from dhakira.links.chronicle import Entry, chronicle
from dhakira.links.corroboration import Incident, group_claims, sourced_claims
from dhakira.links.stories import StoryGrouper, summarize
from dhakira.records import EVENT_TYPES, Document

_FINER = {"year": ("year", "month", "day"), "month": ("month", "day"), "day": ("day",)}


def _code(name: str) -> str:
    """A seed's code: "003_7f3f....txt" → "003"."""
    return name.split("_", 1)[0]


def check_stories(docs: dict[str, Document], gold: list[list[str]]) -> dict[str, Any]:
    """Stories found on the seeds against the gold ones."""
    grouper = StoryGrouper()
    for name in sorted(docs):
        grouper.add(summarize(docs[name], name))
    found = sorted(sorted(story) for story in grouper.stories())
    wanted = sorted(sorted(story) for story in gold)
    return {"ok": found == wanted, "found": found, "gold": wanted}


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _resolve(name: str, docs: dict[str, Document]) -> tuple[set[str], str]:
    """Entity ids a name resolves to in the seeds, else in the knowledge base."""
    ids = {
        m.entity_id
        for doc in docs.values()
        for m in doc.entities
        if m.entity_id and _fold(m.text) == _fold(name)
    }
    if ids:
        return ids, "documents"
    from dhakira.knowledge.base import load_knowledge

    entity = load_knowledge().matcher.lookup(name)
    return ({entity.id} if entity else set()), "knowledge base"


def check_same_entity(docs: dict[str, Document], gold: list[list[str]]) -> list[dict[str, Any]]:
    """Each gold set of names: the ids every name resolves to, ok when exactly one in all."""
    results = []
    for names in gold:
        resolved = {name: _resolve(name, docs) for name in names}
        ids = set().union(*(found for found, _ in resolved.values()))
        unresolved = [name for name, (found, _) in resolved.items() if not found]
        results.append(
            {
                "names": names,
                "ok": len(ids) == 1 and not unresolved,
                "ids": sorted(ids),
                "unresolved": unresolved,
                "resolved_by": {name: how for name, (_, how) in resolved.items()},
            }
        )
    return results


def _subject(about: str, incident: Incident) -> bool:
    """Does an incident match a gold "about" ("executions at Sednaya Prison, 2011-2015")?"""
    text = _fold(about)
    event = next((e for e in EVENT_TYPES if e.replace("_", " ") in text), None)
    place = _fold(incident.place or "")
    years = re.findall(r"(?:19|20)\d\d", about)
    return (
        event == incident.event
        and bool(place)
        and place in text
        and (not years or (incident.period_start or "")[:4] == years[0])
    )


def check_claim_groups(
    docs: dict[str, Document], gold: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each gold claim group against the incident about the same subject."""
    items = [item for name in sorted(docs) for item in sourced_claims(docs[name], _code(name))]
    incidents = group_claims(items)
    results = []
    for entry in gold:
        wanted = sorted({member.split(":", 1)[0].strip() for member in entry["members"]})
        found = next((i for i in incidents if _subject(entry["about"], i)), None)
        if found is None:
            results.append({"about": entry["about"], "ok": False, "found": None})
            continue
        documents = sorted(found.documents)
        checks = {
            "members": documents == wanted,
            "consistent": found.consistent == entry["consistent"],
            "independent_sources": found.independent_sources == entry["independent_sources"],
        }
        results.append(
            {
                "about": entry["about"],
                "ok": all(checks.values()),
                "checks": checks,
                "found": {
                    "documents": documents,
                    "members": [f"{m.doc_id}: {m.figure} ({m.source})" for m in found.members],
                    "consistent": found.consistent,
                    "independent_sources": found.independent_sources,
                    "sources": [list(s) for s in found.sources],
                    "low": found.low,
                    "best": found.best,
                    "high": found.high,
                },
            }
        )
    return results


def _precision_of(value: str) -> str:
    return {4: "year", 7: "month"}.get(len(value), "day")


def check_timeline(entries: list[Entry], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Gold dates present as entry dates (same or finer precision); the missing ones listed."""
    present, missing = [], []
    for item in gold:
        value = item["date"]
        finer = _FINER[_precision_of(value)]
        hit = next(
            (e for e in entries if e.date[: len(value)] == value and e.precision in finer),
            None,
        )
        if hit is None:
            missing.append(item)
        else:
            present.append({**item, "entry": hit.what, "documents": list(hit.documents)})
    return {
        "ok": not missing,
        "present": present,
        "missing": missing,
        "entries": len(entries),
    }


def evaluate_across_documents(seeds_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Analyse the seeds and check gold.json's `across_documents`: per-check results, totals."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    across = gold["across_documents"]
    docs = {e["file"]: analyse_seed(seeds_dir / e["file"]) for e in gold["documents"]}
    stories = check_stories(docs, across.get("same_story", []))
    entities = check_same_entity(docs, across.get("same_entity", []))
    groups = check_claim_groups(docs, across.get("claim_groups", []))
    timeline = check_timeline(
        chronicle({_code(name): doc for name, doc in docs.items()}), across.get("timeline", [])
    )
    totals = {
        "stories": "ok" if stories["ok"] else "wrong",
        "same_entity": f"{sum(r['ok'] for r in entities)}/{len(entities)}",
        "claim_groups": f"{sum(r['ok'] for r in groups)}/{len(groups)}",
        "timeline": f"{len(timeline['present'])}/{len(across.get('timeline', []))}",
    }
    return {
        "stories": stories,
        "same_entity": entities,
        "claim_groups": groups,
        "timeline": timeline,
        "totals": totals,
    }

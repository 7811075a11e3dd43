"""Score entity finding on the hand-annotated seed documents.

Each seed is analysed as ingest would (`dhakira.pipeline.analyse`), then the entity step runs
on it. gold.json lists, per document, every named entity of the body (name, type, and the other
surface forms it takes there), complete enough to count precision:

- a gold entity is found when some mention is linked to it (canonical name equal to its name or
  one of its surfaces) or has its name or a surface as text;
- a predicted entity (distinct linked id, or distinct text when unlinked) is right when its
  text or canonical name matches a gold entity of that document, else it is a false positive.

Names compare with case, quotes and spacing folded. The report also says whether every spelling
of Sednaya in the seeds resolves to one facility.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from dhakira.analysis.entities import find_entities
from dhakira.evaluation.seeds import analyse_seed
from dhakira.knowledge import load_knowledge
from dhakira.records import Document, Mention

SEDNAYA = re.compile(r"s[ae]y?i?dn[a]y[a]|صيدنايا|sidnaya", re.IGNORECASE)


def _fold(text: str | None) -> str:
    if not text:
        return ""
    for curly, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, plain)
    return " ".join(text.casefold().split())


def _gold_names(entity: dict[str, Any]) -> set[str]:
    return {_fold(entity["name"]), *(_fold(s) for s in entity.get("surface", []))}


def _matches(mention: Mention, names: set[str]) -> bool:
    return _fold(mention.text) in names or _fold(mention.canonical_name) in names


def _predicted(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """Mentions grouped into predicted entities: by linked id, else by folded text."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.entity_id or _fold(mention.text), []).append(mention)
    return groups


def score_document(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    """Recall over gold entities and precision over predicted entities, for one seed."""
    entities = gold.get("entities", [])
    golds = [_gold_names(e) for e in entities]
    found = [
        e["name"]
        for e, names in zip(entities, golds, strict=True)
        if any(_matches(m, names) for m in doc.entities)
    ]
    missed = [e["name"] for e in entities if e["name"] not in found]
    groups = _predicted(doc.entities)
    wrong = [
        key
        for key, mentions in groups.items()
        if not any(_matches(m, names) for m in mentions for names in golds)
    ]
    return {
        "file": gold["file"],
        "gold": len(entities),
        "found": len(found),
        "predicted": len(groups),
        "correct": len(groups) - len(wrong),
        "recall": len(found) / len(entities) if entities else 1.0,
        "precision": (len(groups) - len(wrong)) / len(groups) if groups else 1.0,
        "missed": missed,
        "false_positives": wrong,
    }


def _sednaya_ids(docs: list[Document]) -> set[str | None]:
    return {m.entity_id for d in docs for m in d.entities if SEDNAYA.search(m.text)}


def _fastest_run(doc: Document, repeats: int = 3) -> float:
    """Seconds the entity step takes on `doc`, best of a few runs (other load is noise)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        find_entities(doc)
        best = min(best, time.perf_counter() - started)
    return best


def evaluate_seed_entities(seeds_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Entity recall and precision on every seed, overall, timing, and the Sednaya check."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _ = load_knowledge().matcher  # build the index before timing, as a running process has it
    results, docs, seconds = [], [], 0.0
    for entry in gold["documents"]:
        doc = analyse_seed(seeds_dir / entry["file"])
        seconds += _fastest_run(doc)
        docs.append(doc)
        results.append(score_document(doc, entry))
    gold_total = sum(r["gold"] for r in results)
    predicted = sum(r["predicted"] for r in results)
    ids = _sednaya_ids(docs)
    return {
        "documents": results,
        "totals": {
            "documents": len(results),
            "recall": sum(r["found"] for r in results) / gold_total if gold_total else 1.0,
            "precision": sum(r["correct"] for r in results) / predicted if predicted else 1.0,
            "sednaya_one_facility": len(ids) == 1 and None not in ids,
            "ms_per_document": 1000 * seconds / max(1, len(results)),
        },
    }

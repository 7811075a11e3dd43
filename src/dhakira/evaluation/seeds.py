"""Score the full pipeline against the hand-annotated seed documents.

Each seed file is read and analysed exactly as ingest would (capture → text → analysis),
then compared with gold.json: residue that must be gone from the body, text that must
stay, the title (a generated one is right where the page has none), the issue date within
its tolerance, the document type and the publisher among the accepted values. Issuing
bodies are reported but not scored.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from dhakira.config import Limits
from dhakira.pipeline import analyse
from dhakira.records import Document, Item

SCORED = ("title", "date", "doc_type", "publisher")


def _fold(text: str | None) -> str:
    """Case, quotes and spacing folded, so ’ and ' or “ and " compare equal."""
    if text is None:
        return ""
    for curly, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("`", "'")):
        text = text.replace(curly, plain)
    return " ".join(text.lower().split())


def _title_ok(doc: Document, gold: dict[str, Any]) -> bool:
    if gold.get("title") is None:
        return doc.title_generated or doc.title is None
    return not doc.title_generated and _fold(doc.title) == _fold(gold["title"])


def _date_ok(doc: Document, gold: dict[str, Any]) -> bool:
    if gold.get("date") is None:
        return doc.date is None
    if doc.date is None or doc.date.precision != "day":
        return False
    delta = date.fromisoformat(doc.date.value) - date.fromisoformat(gold["date"])
    return abs(delta.days) <= int(gold.get("date_tolerance_days", 0))


def _publisher_ok(doc: Document, gold: dict[str, Any]) -> bool:
    accepted = gold.get("publisher")
    if accepted is None:
        return doc.publisher is None
    return _fold(doc.publisher) in {_fold(name) for name in accepted}


def score_document(doc: Document, gold: dict[str, Any]) -> dict[str, Any]:
    """Per-field verdicts and the values found, for one analysed seed."""
    body = _fold(doc.text)
    dropped = [s for s in gold.get("must_drop", []) if _fold(s) not in body]
    kept = [s for s in gold.get("must_keep", []) if _fold(s) in body]
    return {
        "file": gold["file"],
        "title": _title_ok(doc, gold),
        "date": _date_ok(doc, gold),
        "doc_type": doc.doc_type in gold.get("doc_type", []),
        "publisher": _publisher_ok(doc, gold),
        "must_drop": [len(dropped), len(gold.get("must_drop", []))],
        "must_keep": [len(kept), len(gold.get("must_keep", []))],
        "issuing_body": {"found": doc.issuing_body, "gold": gold.get("issuing_body")},
        "found": {
            "title": doc.title,
            "title_generated": doc.title_generated,
            "date": doc.date.value if doc.date else None,
            "date_source": doc.date.source if doc.date else None,
            "doc_type": doc.doc_type,
            "publisher": doc.publisher,
        },
        "residue_left": [s for s in gold.get("must_drop", []) if s not in dropped],
        "text_lost": [s for s in gold.get("must_keep", []) if s not in kept],
    }


def _totals(results: list[dict[str, Any]]) -> dict[str, Any]:
    totals: dict[str, Any] = {"documents": len(results)}
    for field in SCORED:
        totals[field] = sum(1 for r in results if r[field])
    for field in ("must_drop", "must_keep"):
        got = sum(r[field][0] for r in results)
        of = sum(r[field][1] for r in results)
        totals[field] = f"{got}/{of}"
    return totals


def analyse_seed(path: Path, limits: Limits | None = None) -> Document:
    """Run the full pipeline over one seed file, as ingest would."""
    item = Item(data=path.read_bytes(), source=str(path), media_type="text/plain")
    return analyse(item, limits or Limits())


def evaluate_seeds(seeds_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Analyse every annotated seed and score it: {"documents": [...], "totals": {...}}."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    results = [
        score_document(analyse_seed(seeds_dir / entry["file"]), entry)
        for entry in gold["documents"]
    ]
    return {"documents": results, "totals": _totals(results)}


def evaluate_all_seeds(seeds_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Metadata, entities and claims of the seeds in one report (what `dhakira eval seeds` prints).

    The metadata keys stay at the top level ("documents", "totals"); entities and claims come
    under their own keys, each with its per-document results and totals.
    """
    from dhakira.evaluation.across import evaluate_across_documents
    from dhakira.evaluation.claims import evaluate_seed_claims
    from dhakira.evaluation.entities import evaluate_seed_entities

    report = evaluate_seeds(seeds_dir, gold_path)
    report["entities"] = evaluate_seed_entities(seeds_dir, gold_path)
    report["claims"] = evaluate_seed_claims(seeds_dir, gold_path)
    report["across_documents"] = evaluate_across_documents(seeds_dir, gold_path)
    return report

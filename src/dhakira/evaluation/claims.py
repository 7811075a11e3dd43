"""Score the claims step against the hand-annotated seed documents.

Each seed is analysed as ingest would (then the entity step, when the package has one, then
the claims step), and every gold claim is looked for among the claims whose quote overlaps
the gold text. A gold claim is right when its figures (low/high; a gold "vague" word must
match the qualifier), its event and, where the gold names one, its source agree. Place and
period are reported beside it. Numbers the gold lists as `not_claims` must not be reported;
victim claims the gold does not list are counted as "extra" and shown, not failed.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path
from typing import Any

from dhakira.analysis.claims.step import STEP as CLAIMS_STEP
from dhakira.config import Limits
from dhakira.pipeline import Step, analyse, run_steps
from dhakira.records import Claim, Document, Item

# A gold "vague" word and the qualifier the step gives for the same wording.
_QUALIFIER_ALIASES = {"an estimated": "estimated", "more than": "over", "almost": "nearly"}


def _fold(text: str | None) -> str:
    if text is None:
        return ""
    for curly, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, plain)
    return " ".join(text.casefold().split())


def _extra_steps() -> list[Step]:
    """The entity step when the package has it, then the claims step."""
    steps = []
    if importlib.util.find_spec("dhakira.analysis.entities") is not None:
        steps.append(importlib.import_module("dhakira.analysis.entities").STEP)
    return [*steps, CLAIMS_STEP]


def analyse_seed_claims(path: Path, limits: Limits | None = None) -> Document:
    """Analyse one seed file as ingest would, then find its entities and claims."""
    item = Item(data=path.read_bytes(), source=str(path), media_type="text/plain")
    return run_steps(analyse(item, limits or Limits()), _extra_steps())


def _aliases(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Every accepted spelling of each gold entity, by folded canonical name, across seeds."""
    names: dict[str, set[str]] = {}
    for document in gold["documents"]:
        for entity in document.get("entities", []):
            spellings = names.setdefault(_fold(entity["name"]), {_fold(entity["name"])})
            spellings.update(_fold(s) for s in entity.get("surface") or [])
    return names


def _name_ok(found: str | None, wanted: str, aliases: dict[str, set[str]]) -> bool:
    accepted = aliases.get(_fold(wanted), {_fold(wanted)})
    return _fold(found) in accepted


def _span(text: str, quote: str) -> tuple[int, int] | None:
    at = _fold_same_length(text).find(_fold_same_length(quote))
    return (at, at + len(quote)) if at >= 0 else None


def _fold_same_length(text: str) -> str:
    for curly, plain in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, plain)
    return text.lower()


def _figures_ok(claim: Claim, quantity: dict[str, Any]) -> bool:
    if claim.low != quantity.get("low") or claim.high != quantity.get("high"):
        return False
    vague = quantity.get("vague")
    return vague is None or _QUALIFIER_ALIASES.get(vague, vague) == claim.qualifier


def _verdict(claim: Claim, wanted: dict[str, Any], aliases: dict[str, set[str]]) -> dict[str, Any]:
    source = wanted.get("attributed_to")
    period = wanted.get("period")
    verdict = {
        "figures": _figures_ok(claim, wanted["quantity"]),
        "event": claim.event == wanted["event"],
        "attribution": source is None or _name_ok(claim.attributed_to, source, aliases),
        "place": None if "place" not in wanted else _name_ok(claim.place, wanted["place"], aliases),
        "period": None if period is None else [claim.period_start, claim.period_end] == period,
    }
    verdict["right"] = verdict["figures"] and verdict["event"] and verdict["attribution"]
    return verdict


def _match(doc: Document, wanted: dict[str, Any], aliases: dict[str, set[str]]) -> dict[str, Any]:
    span = _span(doc.text, wanted["text"])
    near = [
        c for c in doc.claims
        if span is None or (c.start < span[1] and span[0] < c.end)
    ]  # fmt: skip
    best: tuple[Claim, dict[str, Any]] | None = None
    for claim in near:
        verdict = _verdict(claim, wanted, aliases)
        score = sum(bool(verdict[k]) for k in ("figures", "event", "attribution"))
        if best is None or score > sum(
            bool(best[1][k]) for k in ("figures", "event", "attribution")
        ):
            best = (claim, verdict)
    result: dict[str, Any] = {"text": wanted["text"], "found": best[0].to_json() if best else None}
    missing = {"right": False, "figures": False, "event": False, "attribution": False}
    result.update(best[1] if best else {**missing, "place": None, "period": None})
    return result


def _reported_not_claims(doc: Document, gold: dict[str, Any]) -> list[str]:
    reported = []
    for item in gold.get("not_claims") or []:
        span = _span(doc.text, item["text"])
        if span and any(c.start < span[1] and span[0] < c.end for c in doc.claims):
            reported.append(item["text"])
    return reported


def score_claims(
    doc: Document, gold: dict[str, Any], aliases: dict[str, set[str]]
) -> dict[str, Any]:
    """Per-claim verdicts for one analysed seed, with not-claims reported and extra claims."""
    matches = [_match(doc, wanted, aliases) for wanted in gold.get("claims") or []]
    matched = {(m["found"]["start"], m["found"]["end"]) for m in matches if m["found"]}
    extra = [
        c.to_json() for c in doc.claims
        if c.kind == "victims" and (c.start, c.end) not in matched
    ]  # fmt: skip
    return {
        "file": gold["file"],
        "claims": matches,
        "not_claims_reported": _reported_not_claims(doc, gold),
        "extra": extra,
    }


def evaluate_seed_claims(seeds_dir: Path, gold_path: Path) -> dict[str, Any]:
    """Analyse every annotated seed and score its claims: {"documents": [...], "totals": {...}}."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    aliases = _aliases(gold)
    results = [
        score_claims(analyse_seed_claims(seeds_dir / entry["file"]), entry, aliases)
        for entry in gold["documents"]
    ]
    claims = [m for r in results for m in r["claims"]]
    totals: dict[str, Any] = {"gold_claims": len(claims)}
    for field in ("right", "figures", "event", "attribution"):
        totals[field] = sum(1 for m in claims if m[field])
    for field in ("place", "period"):
        scored = [m[field] for m in claims if m[field] is not None]
        totals[field] = f"{sum(scored)}/{len(scored)}"
    totals["not_claims_reported"] = sum(len(r["not_claims_reported"]) for r in results)
    totals["extra"] = sum(len(r["extra"]) for r in results)
    return {"documents": results, "totals": totals}

"""How well `analysis.incident` fills the documenters' incident fields, on FA-KES-shaped data.

Data: FA-KES (Abu Salem, Al Feel, Elbassuoni, Jaber, Farah, "FA-KES: A Fake News Dataset around
the Syrian War", ICWSM 2019, DOI 10.5281/zenodo.2607278, CC BY 4.0) joined with its crowd
annotations: one JSON object a line with `unit_id`, `text` and the `gold` incident.

Each article goes through the production pipeline (`dhakira.pipeline.analyse`: cleaning,
dates, ...) and then the incident step; each field is scored by exact agreement with the gold
(the date also within one day). Beside each figure stands a baseline that needs no reading:
always 0 for the counts, the most frequent gold label for the categorical fields. Articles
are also split into two parts by a hash of their near-duplicate group ("tune": two thirds,
"check": one third), so rules tuned on one part can be checked on the other.

Run: `python -m dhakira.evaluation.incidents ../shared/eval/fakes/dev.jsonl [--json]`.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from dhakira.analysis.incident import STEP
from dhakira.config import Limits
from dhakira.errors import NotFound
from dhakira.pipeline import analyse, default_steps
from dhakira.records import Incident, Item

CREDIT = (
    "FA-KES (Abu Salem et al., ICWSM 2019, doi:10.5281/zenodo.2607278), CC BY 4.0; "
    "places: OpenSyria data-geography, CC BY 4.0"
)
CATEGORICAL = ("governorate", "cause", "actor")
COUNTS = ("civilians", "noncivilians", "children", "women")
FIELDS = ("governorate", "date", "date_pm1", *CATEGORICAL[1:], *COUNTS)
_GOLD_KEY = {"governorate": "location"}


def part_of(row: dict[str, Any]) -> str:
    """ "check" for about a third of the articles (by near-duplicate group), else "tune"."""
    key = str(row.get("dup_group") or row["unit_id"])
    return "check" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == 0 else "tune"


def load_rows(path: Path) -> list[dict[str, Any]]:
    """The articles of a FA-KES-shaped JSONL file."""
    if not path.is_file():
        raise NotFound(
            f"no such file: {path}", hint="give a JSONL file shaped like fakes/dev.jsonl"
        )
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def predict(path: Path, row: dict[str, Any]) -> Incident:
    """The incident the production pipeline plus the incident step finds in one article."""
    item = Item(
        data=row["text"].encode("utf-8"),
        source=f"{path}#{row['unit_id']}",
        media_type="text/plain",
    )
    doc = analyse(item, Limits(), [*default_steps(), STEP])
    return doc.incident or Incident()


def _within_a_day(predicted: str | None, gold: str) -> bool:
    if not predicted:
        return False
    return abs((date.fromisoformat(predicted) - date.fromisoformat(gold)).days) <= 1


def field_hits(predicted: Incident, gold: dict[str, Any]) -> dict[str, bool]:
    """Which fields of one prediction agree with the gold incident."""
    hits = {
        name: getattr(predicted, name) == gold[_GOLD_KEY.get(name, name)]
        for name in (*CATEGORICAL, *COUNTS)
    }
    hits["date"] = predicted.date == gold["date"]
    hits["date_pm1"] = _within_a_day(predicted.date, gold["date"])
    return hits


def _baseline_hits(gold: dict[str, Any], majority: dict[str, Any]) -> dict[str, bool]:
    hits = {name: gold[_GOLD_KEY.get(name, name)] == majority[name] for name in CATEGORICAL}
    hits.update({name: gold[name] == 0 for name in COUNTS})
    return hits


def _accuracy(hits: list[dict[str, bool]], fields: tuple[str, ...]) -> dict[str, float]:
    return {f: round(sum(h[f] for h in hits) / len(hits), 4) if hits else 0.0 for f in fields}


def _crowd_typed_date(row: dict[str, Any]) -> bool:
    return any(entry.get("date") for entry in row.get("crowd_raw") or [])


def _crowd_dated_dates(results: list[tuple[dict[str, Any], dict[str, bool]]]) -> dict[str, Any]:
    """Date accuracy apart for the articles whose crowd workers typed a date and the rest.

    On FA-KES the gold date of an article without a typed date does not come from its text
    (it is rarely within a day of any date the text prints), so the figure over all articles
    mixes reading errors with that; the split shows which is which."""
    parts: dict[str, list[bool]] = {"typed": [], "not_typed": []}
    for row, hits in results:
        parts["typed" if _crowd_typed_date(row) else "not_typed"].append(hits["date"])
    return {
        name: {"articles": len(hits), "accuracy": round(sum(hits) / len(hits), 4) if hits else None}
        for name, hits in parts.items()
    }


def evaluate_incidents(path: Path) -> dict[str, Any]:
    """Per-field accuracy on every article, on the "tune" and "check" parts, and baselines."""
    rows = load_rows(path)
    majority = {
        name: Counter(r["gold"][_GOLD_KEY.get(name, name)] for r in rows).most_common(1)[0][0]
        for name in CATEGORICAL
    }
    started = time.perf_counter()
    results = [(row, field_hits(predict(path, row), row["gold"])) for row in rows]
    seconds = time.perf_counter() - started
    baseline_fields = (*CATEGORICAL, *COUNTS)
    report: dict[str, Any] = {
        "data": str(path),
        "credit": CREDIT,
        "articles": len(rows),
        "accuracy": _accuracy([h for _, h in results], FIELDS),
        "baseline": _accuracy([_baseline_hits(r["gold"], majority) for r in rows], baseline_fields),
        "baseline_rule": {
            **{n: f"always {majority[n]!r}" for n in CATEGORICAL},
            **{n: "always 0" for n in COUNTS},
        },
        "seconds": round(seconds, 2),
        "documents_per_second": round(len(rows) / seconds, 1) if seconds else None,
    }
    report["date_crowd_dated"] = _crowd_dated_dates(results)
    for part in ("tune", "check"):
        chosen = [h for row, h in results if part_of(row) == part]
        gold = [_baseline_hits(r["gold"], majority) for r in rows if part_of(r) == part]
        report[part] = {
            "articles": len(chosen),
            "accuracy": _accuracy(chosen, FIELDS),
            "baseline": _accuracy(gold, baseline_fields),
        }
    return report


def render_text(report: dict[str, Any]) -> str:
    """The report as a plain table: one line a field, every figure beside its baseline."""
    lines = [
        f"incidents: {report['articles']} articles from {report['data']}",
        f"{'field':<14}{'all':>8}{'tune':>8}{'check':>8}{'baseline':>10}  baseline rule",
    ]
    for name in FIELDS:
        base = report["baseline"].get(name)
        lines.append(
            f"{name:<14}{report['accuracy'][name]:>8.3f}{report['tune']['accuracy'][name]:>8.3f}"
            f"{report['check']['accuracy'][name]:>8.3f}"
            f"{'' if base is None else f'{base:.3f}':>10}  {report['baseline_rule'].get(name, '')}"
        )
    dated = report["date_crowd_dated"]
    if dated["typed"]["articles"]:
        lines.append(
            f"date where the crowd typed one: {dated['typed']['accuracy']:.3f}"
            f" ({dated['typed']['articles']} articles); elsewhere:"
            f" {dated['not_typed']['accuracy'] or 0:.3f} ({dated['not_typed']['articles']})"
        )
    lines.append(
        f"tune {report['tune']['articles']} / check {report['check']['articles']} articles;"
        f" {report['documents_per_second']} documents/s (whole pipeline)"
    )
    lines.append(f"data: {report['credit']}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """`python -m dhakira.evaluation.incidents PATH [--json]`."""
    paths = [a for a in argv if not a.startswith("--")]
    if len(paths) != 1:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    report = evaluate_incidents(Path(paths[0]))
    print(json.dumps(report, indent=2) if "--json" in argv else render_text(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

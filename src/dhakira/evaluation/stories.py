"""Check story grouping: on the seeds (exact gold stories) and on FA-KES (same incident).

Seeds: each seed is analysed as ingest would, summarised (`dhakira.links.stories.summarize`) and
added to one `StoryGrouper` in file order. The stories found must be exactly gold.json's
`across_documents.same_story`: every gold story found whole, and no other grouping.

FA-KES: English wire reports from 15 outlets; two articles whose gold incident has the same
governorate, date and cause are counted as one story (a proxy: two attacks of one kind in one
governorate on one day would be merged by that gold). Pairwise precision and recall of the
pairs that share a story. The numbers are a check on events without named facilities or
persons; no threshold was tuned on them.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

from dhakira.config import Limits
from dhakira.evaluation.seeds import analyse_seed
from dhakira.links.stories import StoryGrouper, StoryLink, summarize
from dhakira.pipeline import analyse
from dhakira.records import Item


def evaluate_stories(seeds_dir: Path, gold: Path | dict[str, Any]) -> dict[str, Any]:
    """Stories found on the seeds against the gold ones: {"found", "gold", "ok", "links"}."""
    data = json.loads(gold.read_text(encoding="utf-8")) if isinstance(gold, Path) else gold
    files = sorted(entry["file"] for entry in data["documents"])
    grouper = StoryGrouper()
    links: list[StoryLink] = []
    for name in files:
        doc = analyse_seed(seeds_dir / name)
        links.extend(grouper.add(summarize(doc, name)).links)
    found = sorted(sorted(story) for story in grouper.stories())
    wanted = sorted(sorted(story) for story in data["across_documents"]["same_story"])
    return {
        "found": found,
        "gold": wanted,
        "ok": found == wanted,
        "links": [
            {
                "pair": [link.doc_id, link.other_id],
                "score": link.score,
                "entities": list(link.shared_entities),
                "figures": [list(f) for f in link.shared_figures],
                "text": link.text_similarity,
            }
            for link in links
        ],
    }


def _pairs(groups: list[set[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for group in groups for p in itertools.combinations(sorted(group), 2)}


def evaluate_fakes_stories(path: Path) -> dict[str, Any]:
    """Pairwise P/R of story co-membership against FA-KES's same-incident pairs."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    grouper = StoryGrouper()
    gold: dict[tuple[str, str, str], set[str]] = {}
    for row in rows:
        item = Item(row["text"].encode("utf-8"), f"{path}#{row['unit_id']}", "text/plain")
        grouper.add(summarize(analyse(item, Limits()), row["id"]))
        key = (row["gold"]["location"], row["gold"]["date"], row["gold"]["cause"])
        gold.setdefault(key, set()).add(row["id"])
    found, wanted = _pairs(grouper.stories()), _pairs(list(gold.values()))
    hits = len(found & wanted)
    return {
        "precision": round(hits / len(found), 4) if found else 1.0,
        "recall": round(hits / len(wanted), 4) if wanted else 1.0,
        "true_positives": hits,
        "predicted": len(found),
        "gold": len(wanted),
    }


def main() -> None:
    """Print the story checks for ../shared (seeds and gold.json; FA-KES dev)."""
    shared = Path(__file__).resolve().parents[3].parent / "shared"
    report = evaluate_stories(shared / "corpus" / "seeds", shared / "eval" / "seeds" / "gold.json")
    report["fakes"] = evaluate_fakes_stories(shared / "eval" / "fakes" / "dev.jsonl")
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Check story grouping on the seeds: gold.json's `across_documents.same_story`, nothing else.

Each seed is analysed as ingest would, summarised (`dhakira.links.stories.summarize`) and added
to one `StoryGrouper` in file order. The stories found must be exactly the gold ones: every gold
story found whole, and no other grouping (a document of no gold story must stay alone).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dhakira.evaluation.seeds import analyse_seed
from dhakira.links.stories import StoryGrouper, StoryLink, summarize


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


def main() -> None:
    """Print the story check for ../shared (seeds and gold.json)."""
    shared = Path(__file__).resolve().parents[3].parent / "shared"
    report = evaluate_stories(shared / "corpus" / "seeds", shared / "eval" / "seeds" / "gold.json")
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

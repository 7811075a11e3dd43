"""Measure duplicate linking: against FA-KES's near-duplicate groups, and on generated copies.

Two measures, printed side by side by `python -m dhakira.evaluation.duplicates`:

1. FA-KES dev: every article goes through one `DuplicateIndex`; the pairs it links are compared
   with the pairs that share a `dup_group`. That gold marks articles the dataset holds twice
   (under one headline); it does not mark the same agency wire republished by another outlet
   under another headline, so such links count as false positives here. They are listed in the
   report (`unmarked`) so a reader can judge them.
2. Generated copies: from the same articles, copies a documenter really meets — site residue
   around the text (banners, navigation, a "Leave a Reply" form), the first or last 30% cut off,
   re-encoded quotes and spacing, and the article wrapped in a web page and read back through
   `extract_html`. Each copy must link to its original (or the original's gold duplicates) and
   to no other article. The perturbations use a fixed seed, so the figures repeat.
"""

from __future__ import annotations

import itertools
import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dhakira.links.duplicates import DuplicateIndex, DuplicateLink
from dhakira.text.html import extract_html

SEED = 4  # the perturbations are drawn from this seed: same copies on every run
BANNERS = (
    "Home | World | Middle East | Politics | Opinion | Video | Subscribe",
    "Breaking News: Sign up for our newsletter and get the top stories every morning.",
    "Menu Search Log in Register Follow us on Facebook Twitter Instagram",
)
REPLY_FORM = (
    "Leave a Reply Cancel reply Your email address will not be published. Required fields are "
    "marked * Comment Name * Email * Website Save my name, email, and website in this browser "
    "for the next time I comment. Post Comment"
)
RELATED = (
    "Related articles: Markets close higher on oil prices | Football: league results of the week |"
    " Weather warning for the coast | Ten recipes for the holidays | Most read today"
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Scores:
    """Pairwise precision and recall with their counts."""

    precision: float
    recall: float
    true_positives: int
    predicted: int
    gold: int

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "true_positives": self.true_positives,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def pair_scores(predicted: set[frozenset[str]], gold: set[frozenset[str]]) -> Scores:
    """Pairwise precision and recall (1.0 for an empty side, as nothing was wrong)."""
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    return Scores(precision, recall, hits, len(predicted), len(gold))


def load_articles(path: Path) -> list[dict[str, Any]]:
    """The FA-KES articles of a JSONL file, in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def gold_pairs(articles: Iterable[dict[str, Any]]) -> set[frozenset[str]]:
    """Every pair of articles that share a `dup_group`."""
    groups: dict[str, list[str]] = {}
    for article in articles:
        groups.setdefault(article["dup_group"], []).append(article["id"])
    return {frozenset(p) for ids in groups.values() for p in itertools.combinations(ids, 2)}


def link_pairs(links: Iterable[DuplicateLink]) -> set[frozenset[str]]:
    return {frozenset((link.doc_id, link.other_id)) for link in links}


# --- perturbations: each takes the article text and a seeded Random, returns the copy -------


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def with_residue(text: str, rng: random.Random) -> str:
    """Site banners above, related links and a comment form below."""
    top = "\n".join(rng.sample(BANNERS, 2))
    return f"{top}\n\n{text}\n\n{RELATED}\n\n{REPLY_FORM}"


def cut_start(text: str, rng: random.Random) -> str:
    """The first 30% of sentences dropped (a copy that starts late)."""
    sentences = _sentences(text)
    return " ".join(sentences[int(len(sentences) * 0.3) :])


def cut_end(text: str, rng: random.Random) -> str:
    """The last 30% of sentences dropped (a copy cut short)."""
    sentences = _sentences(text)
    return " ".join(sentences[: max(1, round(len(sentences) * 0.7))])


def re_encoded(text: str, rng: random.Random) -> str:
    """Curly quotes, no-break spaces, doubled spaces and hard line wrapping."""
    text = text.replace("'", "\u2019").replace(' "', " \u201c").replace('" ', "\u201d ")
    words = text.split(" ")
    out: list[str] = []
    width = 0
    for word in words:
        gap = rng.choice((" ", " ", "\u00a0", "  "))
        if width > 70:
            gap, width = "\n", 0
        out.append(gap + word)
        width += len(word) + 1
    return "".join(out).strip()


def via_html(text: str, rng: random.Random) -> str:
    """The article in a web page with navigation and footer, read back by `extract_html`."""
    paragraphs = _paragraphs(_sentences(text), rng)
    body = "".join(f"<p>{_escape(p)}</p>" for p in paragraphs)
    nav = "".join(
        f'<li><a href="/s{i}">{w}</a></li>' for i, w in enumerate(BANNERS[0].split(" | "))
    )
    page = (
        "<html><head><title>News</title></head><body>"
        f"<header><nav><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>Report</h1>{body}</article></main>"
        f"<aside>{_escape(RELATED)}</aside><footer>(c) News site. All rights reserved.</footer>"
        "</body></html>"
    )
    return extract_html(page).text


def _paragraphs(sentences: list[str], rng: random.Random) -> list[str]:
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return paragraphs


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


PERTURBATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "residue": with_residue,
    "cut_start": cut_start,
    "cut_end": cut_end,
    "re_encoded": re_encoded,
    "html": via_html,
}


def perturbed_copies(
    articles: list[dict[str, Any]], per_kind: int, seed: int = SEED
) -> list[tuple[str, str, str]]:
    """(copy id, original id, copy text) for `per_kind` sampled articles per perturbation."""
    rng = random.Random(seed)
    copies: list[tuple[str, str, str]] = []
    for kind, perturb in PERTURBATIONS.items():
        for article in rng.sample(articles, min(per_kind, len(articles))):
            copies.append((f"{article['id']}~{kind}", article["id"], perturb(article["text"], rng)))
    return copies


def evaluate_duplicates(path: Path, per_kind: int = 100) -> dict[str, Any]:
    """P/R on FA-KES dup_group pairs and on generated copies of the same articles."""
    articles = load_articles(path)
    index = DuplicateIndex()
    links: list[DuplicateLink] = []
    for article in articles:
        links.extend(index.add(article["id"], article["text"]))
    gold = gold_pairs(articles)
    predicted = link_pairs(links)
    report: dict[str, Any] = {"fakes": pair_scores(predicted, gold).to_json()}
    report["fakes"]["unmarked"] = _describe(predicted - gold, articles, links)
    report["fakes"]["missed"] = _describe(gold - predicted, articles, [])
    report["copies"] = _evaluate_copies(articles, index, gold, per_kind)
    return report


def _evaluate_copies(
    articles: list[dict[str, Any]], index: DuplicateIndex, gold: set[frozenset[str]], per_kind: int
) -> dict[str, Any]:
    partners: dict[str, set[str]] = {a["id"]: {a["id"]} for a in articles}
    for pair in gold:
        a, b = tuple(pair)
        partners[a].add(b)
        partners[b].add(a)
    expected: set[frozenset[str]] = set()
    found: set[frozenset[str]] = set()
    by_kind: dict[str, list[int]] = {}
    for copy_id, original, text in perturbed_copies(articles, per_kind):
        kind = copy_id.rsplit("~", 1)[1]
        truth = {frozenset((copy_id, other)) for other in partners[original]}
        got = {
            frozenset((copy_id, link.other_id))
            for link in index.links_for(copy_id, index.signature_of(text))
        }
        expected |= truth
        found |= got
        tally = by_kind.setdefault(kind, [0, 0, 0])
        tally[0] += len(got & truth)
        tally[1] += len(got)
        tally[2] += len(truth)
    scores = pair_scores(found, expected).to_json()
    scores["by_kind"] = {kind: _counts(tally) for kind, tally in by_kind.items()}
    return scores


def _counts(tally: list[int]) -> dict[str, Any]:
    hits, predicted, gold = tally
    return {
        "precision": round(hits / predicted, 4) if predicted else 1.0,
        "recall": round(hits / gold, 4) if gold else 1.0,
        "true_positives": hits,
        "predicted": predicted,
        "gold": gold,
    }


def _describe(
    pairs: set[frozenset[str]], articles: list[dict[str, Any]], links: list[DuplicateLink]
) -> list[dict[str, Any]]:
    titles = {a["id"]: f"{a['source']}: {a['title'][:70]}" for a in articles}
    scores = {frozenset((lk.doc_id, lk.other_id)): (lk.score, lk.jaccard) for lk in links}
    rows = []
    for pair in sorted(pairs, key=sorted):
        a, b = sorted(pair)
        score = scores.get(pair)
        rows.append({"pair": [titles[a], titles[b]], "containment_jaccard": score})
    return rows


def main() -> None:
    """Print the report for ../shared/eval/fakes/dev.jsonl (or the path given)."""
    import sys

    default = Path(__file__).resolve().parents[3].parent / "shared/eval/fakes/dev.jsonl"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    print(json.dumps(evaluate_duplicates(path), indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()

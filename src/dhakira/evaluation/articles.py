"""Article-body benchmark: how much of a page's true article text our HTML path keeps.

The benchmark (../shared/eval/article-bench, from Zyte's article-extraction-benchmark) pairs real
pages with a hand-made article body. Each page is scored by comparing bags of 4-word shingles of
the extracted text and the true body; true/false positives and negatives are pooled over all
pages before precision, recall and F1 are taken, as the published table does. Plain
`trafilatura.extract` is scored in the same run, so a change to `dhakira.text.html` is always
judged against the library it builds on.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dhakira.errors import NotFound

SHINGLE = 4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class PageCounts:
    """Shingle counts of one page: kept and true (tp), extra (fp), missed (fn)."""

    tp: int
    fp: int
    fn: int


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The bag of `size`-token shingles of a text (tokens are runs of word characters)."""
    tokens = _WORD.findall(text or "")
    if 0 < len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def score_page(predicted: str, truth: str) -> PageCounts:
    """Compare one extracted text with the true body as bags of shingles."""
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    return PageCounts(tp=tp, fp=sum(pred.values()) - tp, fn=sum(gold.values()) - tp)


def pooled(counts: Iterable[PageCounts]) -> dict[str, float]:
    """Precision, recall and F1 over the counts of all pages added together."""
    tp = fp = fn = 0
    for c in counts:
        tp, fp, fn = tp + c.tp, fp + c.fp, fn + c.fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def bootstrap_f1(counts: Sequence[PageCounts], rounds: int = 500, seed: int = 0) -> float:
    """Half-width of a 95% bootstrap interval of the pooled F1 (pages resampled)."""
    if not counts:
        return 0.0
    rng = random.Random(seed)  # fixed seed: the same run gives the same interval
    values = sorted(pooled(rng.choice(counts) for _ in counts)["f1"] for _ in range(rounds))
    low, high = values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]
    return (high - low) / 2


def load_bench(bench_dir: Path, ids: Sequence[str] | None = None) -> list[tuple[str, str, str]]:
    """(id, html, true body) for the pages of the benchmark, in id order."""
    truth_path = bench_dir / "ground-truth.json"
    if not truth_path.is_file():
        raise NotFound(
            f"no ground-truth.json in {bench_dir}",
            hint="point to the article-bench folder (html/ and ground-truth.json)",
        )
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(ids if ids is not None else truth):
        raw = gzip.decompress((bench_dir / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(
            (page_id, raw.decode("utf-8", errors="replace"), truth[page_id]["articleBody"])
        )
    return pages


def dhakira_extract(html: str) -> str:
    """The body text the ingest keeps for a page: the text.clean step over its HTML."""
    from dhakira.records import Document, Item
    from dhakira.text.clean import clean_text

    item = Item(data=html.encode("utf-8"), source="article-bench", media_type="text/html")
    return clean_text(Document(item=item, html=html)).text


def _trafilatura_extract(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def score_extractor(
    extract: Callable[[str], str], pages: Sequence[tuple[str, str, str]]
) -> dict[str, float]:
    """Run one extractor over the pages: pooled scores, bootstrap ± and seconds taken."""
    started = time.perf_counter()
    counts = [score_page(extract(html), body) for _, html, body in pages]
    result = pooled(counts)
    result["f1_ci95"] = bootstrap_f1(counts)
    result["seconds"] = time.perf_counter() - started
    return result


def evaluate_articles(bench_dir: Path, ids: Sequence[str] | None = None) -> dict[str, float]:
    """Score dhakira's HTML path and plain trafilatura on the benchmark (or a subset of ids)."""
    pages = load_bench(Path(bench_dir), ids)
    ours = score_extractor(dhakira_extract, pages)
    theirs = score_extractor(_trafilatura_extract, pages)
    return {
        "f1": ours["f1"],
        "precision": ours["precision"],
        "recall": ours["recall"],
        "f1_ci95": ours["f1_ci95"],
        "seconds": ours["seconds"],
        "pages": len(pages),
        "trafilatura_f1": theirs["f1"],
        "trafilatura_precision": theirs["precision"],
        "trafilatura_recall": theirs["recall"],
        "trafilatura_seconds": theirs["seconds"],
    }

"""Analysis throughput on one core: documents per second and peak memory, English and Arabic.

Runs the whole analysis pipeline (text cleaning, language, metadata, entities, claims, main
incident) on news-sized plain texts, without storage. English texts come from
../shared/eval/fakes/dev.jsonl when it is present (real news), otherwise from the sample corpus;
Arabic texts are built from the Arabic sample documents and the Arabic news sentences of
../shared/eval/anercorp when present. Target: ≥ 100 documents/s.

    python benchmarks/analysis_bench.py [--docs 300]

Each language runs in its own process so its peak resident memory is its own; the first
document of each run, with loading its models (the Arabic CRF; for English, all of lingua's
models, which it would otherwise load lazily part-way through), is timed separately. Besides
documents per second of wall time it prints documents per CPU second, which other processes on
a shared machine do not distort. With --steps it also prints the CPU milliseconds per document
of each analysis step (and of the Arabic entity model inside analysis.entities), to show where
the time goes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar, cast

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MODEL = "  of which the Arabic model"
T = TypeVar("T")
R = TypeVar("R")


def _english_texts(count: int) -> list[str]:
    fakes = SHARED / "eval" / "fakes" / "dev.jsonl"
    if fakes.is_file():
        rows = [json.loads(line) for line in fakes.read_text(encoding="utf-8").splitlines()]
        texts = [row["text"] for row in rows if row.get("text")]
    else:
        texts = [
            p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples" / "txt").glob("en_*"))
        ]
    return [texts[i % len(texts)] for i in range(count)]


def _arabic_texts(count: int) -> list[str]:
    base = [
        p.read_text(encoding="utf-8")
        for p in sorted((ROOT / "samples").rglob("ar_*.txt"))
        if "cp1256" not in p.name and "iso8859" not in p.name and "utf16" not in p.name
    ]
    anercorp = SHARED / "eval" / "anercorp" / "train.txt"
    if anercorp.is_file():
        sentences: list[str] = []
        words: list[str] = []
        for line in anercorp.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                if words:
                    sentences.append(" ".join(words))
                words = []
            else:
                words.append(line.split()[0])
        # news-sized: about 2,500 characters of consecutive sentences per document
        chunk: list[str] = []
        for sentence in sentences:
            chunk.append(sentence)
            if sum(len(s) for s in chunk) > 2500:
                base.append("\n\n".join(chunk))
                chunk = []
    return [base[i % len(base)] for i in range(count)]


def _timed(name: str, run: Callable[[T], R], spent: dict[str, float]) -> Callable[[T], R]:
    """`run`, adding the CPU seconds each call takes to spent[name]."""

    def timed(value: T) -> R:
        started = time.process_time()
        try:
            return run(value)
        finally:
            spent[name] = spent.get(name, 0.0) + time.process_time() - started

    return timed


def _run(language: str, count: int, detail: bool, queue: multiprocessing.Queue[object]) -> None:
    from dhakira.analysis.ner import arabic
    from dhakira.config import Limits
    from dhakira.pipeline import analyse, default_steps
    from dhakira.records import Item
    from dhakira.text import language as languages

    spent: dict[str, float] = {}
    steps = default_steps()
    if detail:  # this process only runs the bench: timing wrappers are its own business
        steps = [replace(step, run=_timed(step.name, step.run, spent)) for step in steps]
        arabic.recognize = _timed(MODEL, arabic.recognize, spent)  # type: ignore[assignment]

    texts = _english_texts(count) if language == "en" else _arabic_texts(count)
    limits = Limits()
    items = [
        Item(
            data=t.encode("utf-8") + f"\n<!-- {n} -->".encode(),
            source=f"bench#{n}",
            media_type="text/plain",
        )
        for n, t in enumerate(texts)
    ]
    started = time.perf_counter()
    # lingua loads a model when some text first needs it, which may be mid-run (about a
    # second at the 250th English document): every model is loaded here, with the first
    # document. Arabic text is told by its script, so the Arabic run needs none of them.
    if language == "en":
        languages.load_models()
    analyse(items[0], limits, steps)
    first = time.perf_counter() - started
    spent.clear()
    started, cpu_started = time.perf_counter(), time.process_time()
    for item in items[1:]:
        analyse(item, limits, steps)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    chars = sum(len(t) for t in texts[1:]) / max(1, len(texts) - 1)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    count = len(items) - 1
    names = [step.name for step in default_steps()]
    names.insert(names.index("analysis.entities") + 1, MODEL)
    per_doc = {name: 1000 * spent[name] / count for name in names if name in spent}
    queue.put((first, count / seconds, count / cpu_seconds, chars, peak, per_doc))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--steps", action="store_true", help="print CPU ms per document per step")
    args = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    for language in ("en", "ar"):
        queue: multiprocessing.Queue[object] = context.Queue()
        proc = context.Process(target=_run, args=(language, args.docs, args.steps, queue))
        proc.start()
        figures = cast(tuple[float, float, float, float, float, dict[str, float]], queue.get())
        first, rate, cpu_rate, chars, peak, per_doc = figures
        proc.join()
        verdict = "meets" if rate >= 100 else "MISSES"
        print(
            f"{language}: {rate:.1f} docs/s on one core (avg {chars:.0f} chars/doc; first "
            f"document with model loading {first:.2f} s), peak RSS {peak:.0f} MB — {verdict} "
            f"the 100 docs/s target; {cpu_rate:.1f} docs per CPU second (the figure to "
            "compare on a shared machine)"
        )
        if args.steps:
            for name, milliseconds in per_doc.items():
                print(f"    {name:28} {milliseconds:6.2f} ms CPU per document")
    return 0


if __name__ == "__main__":
    sys.exit(main())

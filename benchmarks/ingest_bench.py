"""Ingest throughput: documents per second and peak memory, for plain text and for HTML.

For HTML it also times trafilatura alone on the same pages in the same run and prints the
ratio of dhakira's whole ingest (capture, text, analysis, storage) to that bare extraction;
the target is ≥ 0.7. HTML pages come from ../shared/eval/article-bench when it is present
(real pages), otherwise they are generated.

    python benchmarks/ingest_bench.py [--docs 300] [--jobs 1] [--profile 30]

Each phase runs in its own process so that its peak resident memory is its own. --profile N
adds one more HTML ingest after the measured ones, under cProfile, and prints its N costliest
functions (cumulative); the figures above it are measured without the profiler.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

SHARED_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "article-bench"

WORDS_EN = [
    "detainees",
    "families",
    "prison",
    "report",
    "rights",
    "network",
    "documented",
    "executions",
    "torture",
    "released",
    "missing",
    "court",
    "witnesses",
    "government",
    "forces",
    "security",
    "branch",
    "statement",
    "international",
    "commission",
    "investigation",
    "evidence",
    "victims",
]
WORDS_AR = [
    "المعتقلين",
    "العائلات",
    "السجن",
    "تقرير",
    "حقوق",
    "الشبكة",
    "وثقت",
    "الإعدام",
    "التعذيب",
    "الإفراج",
    "المفقودين",
    "المحكمة",
    "الشهود",
    "الحكومة",
    "القوات",
    "الأمن",
    "الفرع",
    "بيان",
    "الدولية",
    "اللجنة",
    "التحقيق",
    "الأدلة",
    "الضحايا",
]


def _sentence(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(8, 20))) + "."


def _text_doc(rng: random.Random, n: int) -> str:
    words = WORDS_AR if n % 2 else WORDS_EN
    paragraphs = [" ".join(_sentence(rng, words) for _ in range(4)) for _ in range(6)]
    return f"Document {n}\n\nMarch {1 + n % 28}, 2019\n\n" + "\n\n".join(paragraphs) + "\n"


def _html_doc(rng: random.Random, n: int) -> bytes:
    body = "".join(
        f"<p>{' '.join(_sentence(rng, WORDS_EN) for _ in range(4))}</p>" for _ in range(8)
    )
    nav = "".join(f"<li><a href='/a/{k}'>Related story {k}</a></li>" for k in range(15))
    page = (
        f"<html><head><title>Report {n} | Example News</title>"
        f"<meta name='date' content='2019-03-{1 + n % 28:02d}'></head><body>"
        f"<nav><ul>{nav}</ul></nav><article><h1>Report {n}</h1>{body}</article>"
        f"<div class='comments'><h3>Leave a Reply</h3><form>...</form></div>"
        f"<footer>All rights reserved</footer></body></html>"
    )
    return page.encode("utf-8")


def _html_pages(count: int) -> list[bytes]:
    if SHARED_BENCH.is_dir():
        pages = [
            gzip.decompress(p.read_bytes()) for p in sorted((SHARED_BENCH / "html").glob("*.gz"))
        ]
        return [pages[i % len(pages)] + f"<!-- copy {i} -->".encode() for i in range(count)]
    rng = random.Random(7)
    return [_html_doc(rng, n) for n in range(count)]


def _write_corpus(folder: Path, kind: str, count: int) -> None:
    folder.mkdir(parents=True)
    if kind == "text":
        rng = random.Random(3)
        for n in range(count):
            (folder / f"doc-{n:05d}.txt").write_text(_text_doc(rng, n), encoding="utf-8")
    else:
        for n, page in enumerate(_html_pages(count)):
            (folder / f"page-{n:05d}.html").write_bytes(page)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _phase_ingest(
    folder: str, archive: str, jobs: int, queue: multiprocessing.Queue[object]
) -> None:
    from dhakira.archive import Archive
    from dhakira.ingest import IngestOptions, ingest

    start = time.perf_counter()
    with Archive.open(Path(archive)) as store:
        summary = ingest(store, [Path(folder)], IngestOptions(jobs=jobs))
    queue.put((time.perf_counter() - start, summary.counts, _peak_mb()))


def _phase_profile(
    folder: str, archive: str, top: int, queue: multiprocessing.Queue[object]
) -> None:
    import cProfile
    import io
    import pstats

    from dhakira.archive import Archive
    from dhakira.ingest import IngestOptions, ingest

    profiler = cProfile.Profile()
    with Archive.open(Path(archive)) as store:
        profiler.runcall(ingest, store, [Path(folder)], IngestOptions(jobs=1))
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    queue.put((0.0, {}, out.getvalue()))


def _phase_trafilatura(folder: str, queue: multiprocessing.Queue[object]) -> None:
    import trafilatura

    files = sorted(Path(folder).iterdir())
    start = time.perf_counter()
    for path in files:
        trafilatura.extract(path.read_bytes().decode("utf-8", "replace"), include_comments=False)
    queue.put((time.perf_counter() - start, {"extracted": len(files)}, _peak_mb()))


def _run(target: object, *args: object) -> tuple[float, dict[str, int], float]:
    context = multiprocessing.get_context("spawn")
    queue: multiprocessing.Queue[object] = context.Queue()
    proc = context.Process(target=target, args=(*args, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result  # type: ignore[return-value]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="documents per format")
    parser.add_argument("--jobs", type=int, default=1, help="ingest workers")
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="N",
        help="then profile one more HTML ingest (jobs=1), print N functions",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for kind in ("text", "html"):
            _write_corpus(root / kind, kind, args.docs)
        seconds, counts, peak = _run(_phase_ingest, str(root / "text"), str(root / "a1"), args.jobs)
        print(
            f"text ingest: {args.docs / seconds:.1f} docs/s ({seconds:.2f} s, {counts}), "
            f"peak RSS {peak:.0f} MB"
        )
        seconds, counts, peak = _run(_phase_ingest, str(root / "html"), str(root / "a2"), args.jobs)
        rate = args.docs / seconds
        print(f"html ingest: {rate:.1f} docs/s ({seconds:.2f} s, {counts}), peak RSS {peak:.0f} MB")
        base_seconds, _, base_peak = _run(_phase_trafilatura, str(root / "html"))
        base_rate = args.docs / base_seconds
        source = "article-bench pages" if SHARED_BENCH.is_dir() else "generated pages"
        print(
            f"trafilatura alone on the same {source}: {base_rate:.1f} docs/s, "
            f"peak RSS {base_peak:.0f} MB"
        )
        ratio = rate / base_rate
        verdict = "meets" if ratio >= 0.7 else "MISSES"
        print(
            f"html ingest / trafilatura-alone: {ratio:.2f} ({verdict} the 0.7 target; "
            f"jobs={args.jobs})"
        )
        if args.profile:
            html, archive = str(root / "html"), str(root / "a3")
            _, _, report = _run(_phase_profile, html, archive, args.profile)
            print(f"\nprofile of one more html ingest (jobs=1, slowed by the profiler):\n{report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

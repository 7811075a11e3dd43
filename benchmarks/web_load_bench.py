"""Load benchmark: many readers on the web application while one ingest writes.

    python benchmarks/web_load_bench.py --docs 100000 --archive /tmp/load/archive
    python benchmarks/web_load_bench.py --docs 2000 --clients 20 --seconds 20 --workers 2

Builds (or reuses, with --archive PATH naming an existing archive) an archive of public
synthetic bilingual documents with the generator of search_bench.py, then on loopback starts
`dhakira serve` and one `dhakira ingest` of a folder of new documents, each as its own process,
and runs concurrent clients (asyncio + httpx) for a bounded time. Each client repeats a reader's
mix: searches in English and Arabic (common and rare words, some with a facet filter), opening
records found (HTML and JSON) and the entity list, with a short random pause between requests
(--think, 0 for none). Prints p50/p95/max latency per kind and overall, requests per second,
errors (non-2xx answers and exceptions, the first few shown) and whether the ingest finished.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from dhakira.archive import Archive

sys.path.insert(0, str(Path(__file__).resolve().parent))
import search_bench  # noqa: E402  (a sibling script, not a package)

DHAKIRA = Path(sys.executable).with_name("dhakira")
_SHOWN_ERRORS = 5
_SLICE = 10.0  # seconds per slice of the p95-over-time line
_INGEST_SEED = 1234


@dataclass(frozen=True)
class Request:
    """One request of the mix: its kind (for the figures) and the path with its query."""

    kind: str
    path: str


@dataclass
class Tally:
    """What the clients saw: latencies per kind, errors, and codes of records found."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    over_time: list[tuple[float, float]] = field(default_factory=list)  # (sent at s, ms)
    errors: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    zero: float = 0.0  # when the clients started (perf_counter)


@dataclass
class Outcome:
    """One run: what the clients saw, for how long, the server's CPU time, the ingest's end."""

    tally: Tally
    seconds: float
    server_cpu: float
    ingest_done: bool
    ingest_exit: int | None


# -- the archive and the ingest folder ------------------------------------------------------


def ensure_archive(path: Path, docs: int) -> None:
    """Reuse the archive at `path` if it has a database; otherwise build `docs` documents."""
    if (path / "archive.sqlite").exists():
        with Archive.open(path, create=False) as archive:
            print(f"reusing {path}: {archive.count()} documents", flush=True)
        return
    print(f"building {docs} public documents in {path} ...", flush=True)
    with Archive.open(path) as archive:
        seconds = search_bench.build(archive, docs, visibility="public", entities=True)
    print(f"built {docs} documents in {seconds:.0f} s ({docs / seconds:.0f} docs/s)", flush=True)


def write_ingest_folder(folder: Path, count: int, archived: int) -> None:
    """New text files for the concurrent ingest: the seed differs from the build's and from
    earlier runs' (it includes the archive's size), so none is a duplicate already archived."""
    folder.mkdir(parents=True, exist_ok=True)
    generator = search_bench.Generator(seed=_INGEST_SEED + archived)
    for number in range(count):
        doc = generator.document(number)
        (folder / f"new-{number:05d}.txt").write_text(f"{doc.title}\n\n{doc.text}\n")


def document_count(path: Path) -> int:
    with Archive.open(path, create=False) as archive:
        return archive.count()


# -- the processes --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(archive: Path, port: int, log: Path, workers: int = 1) -> subprocess.Popen[bytes]:
    command = [str(DHAKIRA), "serve", "--archive", str(archive), "--port", str(port)]
    command += ["--workers", str(workers)]
    return subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def start_ingest(archive: Path, folder: Path, log: Path) -> subprocess.Popen[bytes]:
    command = [str(DHAKIRA), "ingest", str(folder), "--archive", str(archive), "--public"]
    return subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process and its children (the workers of `serve
    --workers`) have used so far, from /proc (Linux); 0 elsewhere. On a shared machine the
    server's CPU per request is the figure that load does not skew."""
    total = 0.0
    for one in (pid, *_children(pid)):
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    tasks = Path(f"/proc/{pid}/task")
    if not tasks.exists():
        return []
    found: list[int] = []
    for task in tasks.iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except FileNotFoundError:
            continue
    return found


def stop(process: subprocess.Popen[bytes]) -> None:
    """Ask the process to end (SIGINT, as Ctrl+C would), then insist."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def wait_until_up(base: str, server: subprocess.Popen[bytes], limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    async with httpx.AsyncClient(base_url=base) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                raise SystemExit(f"dhakira serve exited with {server.returncode}")
            try:
                if (await client.get("/search.json?q=")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.25)
    raise SystemExit(f"dhakira serve did not answer within {limit:.0f} s")


# -- the reader's mix -----------------------------------------------------------------------


def search_terms() -> dict[str, list[str]]:
    """Common and rare words in both languages, rare ones from the generator's long tail."""
    generator = search_bench.Generator()
    english_tail = generator.english[len(search_bench.ENGLISH) + 50 :: 400]
    arabic_tail = generator.arabic[len(search_bench.ARABIC) + 50 :: 400]
    return {
        "en": ["prison", "detainees families", "torture", "mass grave", "released", "witness"],
        "en rare": english_tail,
        "ar": ["المعتقلين", "سجن صيدنايا", "التعذيب", "مقبرة جماعية", "الشهود", "الإعدام"],
        "ar rare": arabic_tail,
    }


_FACETS = ["type=report", "type=statement", "language=ar", "language=en", "from=2015&to=2016"]
# (kind, weight): searches are half the requests, records most of the rest
_MIX = [
    ("search en", 12),
    ("search en rare", 6),
    ("search ar", 12),
    ("search ar rare", 6),
    ("search + facet", 14),
    ("record", 20),
    ("record json", 20),
    ("entities", 10),
]


def next_request(rng: random.Random, terms: dict[str, list[str]], codes: list[str]) -> Request:
    kind = rng.choices([k for k, _ in _MIX], weights=[w for _, w in _MIX])[0]
    if kind.startswith("record") and not codes:
        kind = "search en"
    if kind == "search + facet":
        words = rng.choice(terms[rng.choice(["en", "ar"])])
        return Request(kind, f"/search?q={words}&{rng.choice(_FACETS)}")
    if kind.startswith("search"):
        key = kind.removeprefix("search ")
        return Request(kind, f"/search?q={rng.choice(terms[key])}")
    if kind == "record":
        return Request(kind, f"/doc/{rng.choice(codes)}")
    if kind == "record json":
        return Request(kind, f"/doc/{rng.choice(codes)}.json")
    return Request(kind, "/entities")


async def harvest_codes(client: httpx.AsyncClient, terms: dict[str, list[str]]) -> list[str]:
    """Codes of records to open, found the way a reader finds them: by searching."""
    codes: list[str] = []
    for words in terms["en"] + terms["ar"]:
        for page in (1, 2, 3):
            answer = await client.get("/search.json", params={"q": words, "page": page})
            answer.raise_for_status()
            codes += [hit["code"] for hit in answer.json()["hits"]]
    return codes


async def one_client(
    number: int,
    client: httpx.AsyncClient,
    stop_at: float,
    think: float,
    terms: dict[str, list[str]],
    tally: Tally,
) -> None:
    rng = random.Random(number)
    while time.monotonic() < stop_at:
        request = next_request(rng, terms, tally.codes)
        started = time.perf_counter()
        try:
            answer = await client.get(request.path)
            ok = 200 <= answer.status_code < 300
            problem = f"{answer.status_code} {request.path}: {answer.text[:200]}"
        except httpx.HTTPError as error:
            ok, problem = False, f"{type(error).__name__} {request.path}: {error}"
        elapsed = (time.perf_counter() - started) * 1000
        tally.latencies.setdefault(request.kind, []).append(elapsed)
        tally.over_time.append((started - tally.zero, elapsed))
        if not ok:
            tally.errors.append(problem)
        if think > 0:
            await asyncio.sleep(rng.expovariate(1 / think))


async def run_clients(
    client: httpx.AsyncClient, clients: int, seconds: float, think: float, tally: Tally
) -> float:
    """Run the clients for `seconds`; returns the time they actually took."""
    terms = search_terms()
    started = time.monotonic()
    tally.zero = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(
        *(one_client(n, client, stop_at, think, terms, tally) for n in range(clients))
    )
    return time.monotonic() - started


# -- the figures ----------------------------------------------------------------------------


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def figures_lines(outcome: Outcome) -> Iterator[str]:
    tally, seconds = outcome.tally, outcome.seconds
    everything = [ms for values in tally.latencies.values() for ms in values]
    for kind, values in [*sorted(tally.latencies.items()), ("ALL", everything)]:
        ordered = sorted(values)
        yield (
            f"  {kind:15} n={len(ordered):6}  p50 {percentile(ordered, 0.50):7.1f} ms  "
            f"p95 {percentile(ordered, 0.95):7.1f} ms  max {ordered[-1]:7.1f} ms"
        )
    yield f"  {len(everything) / seconds:.1f} requests/s over {seconds:.1f} s"
    yield "  p95 by time since the clients started (slow starts and stalls show here):"
    slices: dict[int, list[float]] = {}
    for sent, ms in tally.over_time:
        slices.setdefault(int(sent // _SLICE), []).append(ms)
    yield "    " + "  ".join(
        f"{n * _SLICE:.0f}s {percentile(sorted(values), 0.95):.0f}"
        for n, values in sorted(slices.items())
    )
    per_request = outcome.server_cpu * 1000 / max(1, len(everything))
    yield f"  server CPU {outcome.server_cpu:.1f} s, {per_request:.1f} ms per request"
    yield f"  errors: {len(tally.errors)}"
    yield from (f"    {error}" for error in tally.errors[:_SHOWN_ERRORS])


# -- the run --------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="documents to build")
    parser.add_argument("--archive", type=Path, help="archive to reuse (built there if absent)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60, help="how long the clients run")
    parser.add_argument("--think", type=float, default=0.5, help="mean pause between requests")
    parser.add_argument("--ingest-docs", type=int, default=300, help="files the ingest takes")
    parser.add_argument(
        "--warmup",
        type=float,
        default=0,
        help="seconds the clients run before the ingest starts and the figures are counted "
        "(a server that has been up a while; 0 measures from a cold start)",
    )
    parser.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    parser.add_argument("--keep", action="store_true", help="keep logs (and a built archive)")
    return parser.parse_args()


async def session(args: argparse.Namespace, archive: Path, work: Path) -> Outcome:
    """Server up, codes harvested, then the ingest and the clients start together."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(archive, port, work / "serve.log", args.workers)
    ingest: subprocess.Popen[bytes] | None = None
    limits = httpx.Limits(max_connections=args.clients, max_keepalive_connections=args.clients)
    try:
        await wait_until_up(base, server)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
            tally = Tally(codes=await harvest_codes(client, search_terms()))
            if args.warmup > 0:
                print(f"warming up: {args.clients} clients for {args.warmup:.0f} s", flush=True)
                warm = Tally(codes=tally.codes)
                await run_clients(client, args.clients, args.warmup, args.think, warm)
                print(
                    "  warm-up figures (not counted below):\n"
                    + "\n".join(figures_lines(Outcome(warm, args.warmup, 0.0, False, None))),
                    flush=True,
                )
            ingest = start_ingest(archive, work / "incoming", work / "ingest.log")
            print(
                f"{args.clients} clients for {args.seconds:.0f} s on {base} "
                f"({args.workers} server process(es)) "
                f"(think {args.think} s); ingesting {args.ingest_docs} files ...",
                flush=True,
            )
            cpu_before = cpu_seconds(server.pid)
            seconds = await run_clients(client, args.clients, args.seconds, args.think, tally)
            server_cpu = cpu_seconds(server.pid) - cpu_before
        done = ingest.poll() is not None
        return Outcome(tally, seconds, server_cpu, done, ingest.returncode if done else None)
    finally:
        if ingest is not None:
            stop(ingest)
        stop(server)


def main() -> None:
    args = parse_args()
    work = Path(tempfile.mkdtemp(prefix="dhakira-load-"))
    archive = args.archive or work / "archive"
    ensure_archive(archive, args.docs)
    before = document_count(archive)
    write_ingest_folder(work / "incoming", args.ingest_docs, before)
    outcome = asyncio.run(session(args, archive, work))
    added = document_count(archive) - before
    print(f"archive: {before} documents before the run")
    print("\n".join(figures_lines(outcome)))
    state = (
        f"finished during the run (exit {outcome.ingest_exit})"
        if outcome.ingest_done
        else "still running at the end, stopped"
    )
    print(f"  ingest: {state}; {added} of {args.ingest_docs} documents added")
    print(f"  load average at the end: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")
    if args.keep:
        print(f"  logs and files kept in {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

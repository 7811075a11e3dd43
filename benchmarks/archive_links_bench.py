"""Linking through the archive: throughput and memory at N documents, and incremental linking.

Where `links_bench.py` times the duplicate index alone, this goes through the archive as a user
does: every generated document is stored (`Archive.add`, SQLite by default) and then linked
the way ingest links it (`Linker.link`: MinHash signature and LSH lookup, story grouping,
chronicle entries, all written to the database). Documents come from `links_bench.generate`
(bilingual template text, 5% exact and 10% near copies) with an issue date, a closing line
naming one of 300 invented facilities (a mention) and a claim about it, so stories, incidents
and the chronicle have dates, entities and figures to work with; they are not run through the
analysers (that is `analysis_bench.py`'s measure).

1. store N documents (time reported apart: it is storage, not linking);
2. link all N into an empty link index, as `dhakira link --all` / ingest do: documents per
   second and the growth of peak resident memory while linking;
3. open the archive again (a new process would do the same), rebuild the linker from the
   stored signatures, store and link 1,000 new documents: the rebuild time and the linking
   time, which together are the cost of an incremental `dhakira ingest` of 1,000 documents;
4. pairwise precision and recall of the stored duplicate links against the planted copies;
5. the time the incident and chronicle views (`views/connections.py`) take over the archive.

    python benchmarks/archive_links_bench.py [--docs 100000] [--new 1000] [--dir PATH]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parent))
from links_bench import Mix, generate  # noqa: E402

from dhakira.archive import Archive  # noqa: E402
from dhakira.archive.schema import document_links, documents  # noqa: E402
from dhakira.records import Claim, DateIssued, Document, Item, Mention  # noqa: E402
from dhakira.views.connections import incidents_view, timeline_view  # noqa: E402

FIRST_DAY = date(2011, 3, 1)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


EVENTS = ("execution", "killing", "detention", "torture", "death_in_custody")
PLACES = 300  # invented facilities a document is "reported from"


def _findings(text: str, root: int) -> tuple[str, list[Mention], list[Claim]]:
    """The text with a closing line naming a facility, that facility as a mention, and a
    claim: copies of one original (same `root`) name the same facility and figure, so claims
    group into incidents the way repeated reports do."""
    place = f"Facility {root % PLACES}"
    line = f" Reported from {place}."
    start = len(text) + len(" Reported from ")
    mention = Mention(place, start, start + len(place), "facility", f"facility:f{root % PLACES}",
                      place, "kb")  # fmt: skip
    figure = float(10 * (1 + root % 40))
    claim = Claim(
        event=EVENTS[root % len(EVENTS)], low=figure, high=None, best=None, qualifier="at least",
        place=place, period_start=str(2011 + root % 10), period_end=None, actor=None,
        attributed_to=f"Group {root % 20}", quote=line.strip(), start=len(text) + 1,
        end=len(text) + len(line), kind="victims",
    )  # fmt: skip
    return text + line, [mention], [claim]


def _document(text: str, number: int, root: int, rng: random.Random) -> Document:
    """A stored-ready Document: the text as the original, an issue date, a capture time, a
    facility and a claim (see `_findings`)."""
    issued = FIRST_DAY + timedelta(days=rng.randrange(3650))
    text, entities, claims = _findings(text, root)
    item = Item(
        data=text.encode("utf-8") + f"\n#{number}".encode(),  # every original distinct
        source=f"generated/{number}.txt",
        media_type="text/plain",
        captured_at=datetime(2024, 1, 1, tzinfo=UTC) + timedelta(seconds=number),
    )
    return Document(
        item=item,
        text=text,
        raw_text=text,
        language="ar" if any("\u0600" <= c <= "\u06ff" for c in text[:200]) else "en",
        date=DateIssued(issued.isoformat(), "day", "generated"),
        title=text[:60],
        publisher=f"Publisher {number % 50}",
        doc_type="news_report",
        entities=entities,
        claims=claims,
    )


class Clock:
    """Wall and CPU seconds of a phase: on a shared machine the wall time says what a user
    waited, the CPU time what the code costs."""

    def __init__(self) -> None:
        self.wall = time.perf_counter()
        self.cpu = time.process_time()

    def stop(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def _took(span: tuple[float, float], count: int | None = None) -> str:
    wall, cpu = span
    rate = f" = {count / wall:,.0f}/s wall, {count / cpu:,.0f}/s CPU" if count else ""
    return f"{wall:.1f}s wall ({cpu:.1f}s CPU){rate}"


def _store(archive: Archive, docs: list[Document]) -> tuple[list[str], tuple[float, float]]:
    batch = archive.start_batch("links benchmark")
    clock = Clock()
    codes = [archive.add(doc, batch, visibility="public").code for doc in docs]
    return codes, clock.stop()


def _link(
    archive: Archive, codes: list[str], docs: list[Document]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """(time to rebuild the linker from stored rows, time to link the documents)."""
    clock = Clock()
    linker = archive.links.linker()
    rebuilt = clock.stop()
    clock = Clock()
    for code, doc in zip(codes, docs, strict=True):
        linker.link(code, doc)
    return rebuilt, clock.stop()


def _stored_pairs(archive: Archive) -> set[frozenset[str]]:
    first, second = documents.alias("a"), documents.alias("b")
    query = (
        sa.select(first.c.source, second.c.source)
        .select_from(document_links)
        .join(first, first.c.id == document_links.c.doc_id)
        .join(second, second.c.id == document_links.c.other_id)
        .where(document_links.c.kind.in_(("duplicate-exact", "duplicate-near")))
    )
    with archive.engine.connect() as conn:
        return {frozenset((a, b)) for a, b in conn.execute(query)}


def _planted(origin: list[int]) -> set[frozenset[str]]:
    groups: dict[int, list[str]] = {}
    for number, root in enumerate(origin):
        groups.setdefault(root, []).append(f"generated/{number}.txt")
    return {
        frozenset((a, b))
        for members in groups.values()
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    }


def _time_views(archive: Archive) -> None:
    """How long the incident and chronicle pages take over the whole archive."""
    views: dict[str, Callable[[], dict[str, Any]]] = {
        "incidents, all": lambda: incidents_view(archive, public_only=True),
        "incidents at one facility": lambda: incidents_view(
            archive, place="Facility 7", public_only=True
        ),
        "timeline, all": lambda: timeline_view(archive, public_only=True),
        "timeline, one month": lambda: timeline_view(
            archive, date_from="2015-03", date_to="2015-03", public_only=True
        ),
        "timeline at one facility": lambda: timeline_view(
            archive, facility="Facility 7", public_only=True
        ),
    }
    for name, view in views.items():
        clock = Clock()
        page = view()
        print(f"view {name}: {page['total']:,} found in {_took(clock.stop())}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dir", type=Path, help="archive folder (default: a temporary one)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool: list[str] = []
    generated = generate(args.docs, rng, pool, Mix()) + generate(args.new, rng, pool, Mix())
    origin, fresh = [], 0
    for _, source in generated:
        origin.append(fresh if source < 0 else source)
        fresh += source < 0
    docs = [_document(text, n, origin[n], rng) for n, (text, _) in enumerate(generated)]
    old, new = docs[: args.docs], docs[args.docs :]
    print(f"generated {len(old):,} + {len(new):,} documents")

    with tempfile.TemporaryDirectory() as scratch:
        folder = args.dir or Path(scratch) / "archive"
        with Archive.open(folder) as archive:
            codes, stored = _store(archive, old)
            print(f"store: {len(old):,} documents in {_took(stored, len(old))}")
            before = _peak_mb()
            _, took = _link(archive, codes, old)
            print(
                f"link: {len(old):,} documents in {_took(took, len(old))} (docs/s); "
                f"peak memory +{_peak_mb() - before:,.0f} MB while linking "
                f"(process peak {_peak_mb():,.0f} MB, generated texts included)"
            )
        with Archive.open(folder) as archive:
            new_codes, stored = _store(archive, new)
            rebuilt, took = _link(archive, new_codes, new)
            print(
                f"incremental: {len(new):,} new documents into {len(old):,}: linker rebuilt "
                f"from stored signatures in {_took(rebuilt)}, linked in {_took(took)} "
                f"({1000 * took[0] / len(new):.1f} ms each wall); stored in {_took(stored)}"
            )
            found = _stored_pairs(archive)
            _time_views(archive)
        planted = _planted(origin)
        hits = len(found & planted)
        print(
            f"planted copies: precision {hits / max(len(found), 1):.4f}, "
            f"recall {hits / max(len(planted), 1):.4f} ({hits:,} of {len(planted):,} pairs)"
        )


if __name__ == "__main__":
    main()

"""Duplicate linking at scale: throughput, peak memory, and incremental linking time.

Generates N bilingual documents (English and Arabic sentences from templates, with invented
names, places and figures), where a share are exact copies of an earlier document and a share
near copies (site residue added, or the last 30% cut). Then:

1. builds a `DuplicateIndex` over all N (signature + LSH + verification per document) and prints
   documents per second and the growth of peak resident memory during the build;
2. links 1,000 new documents (same mix) into the index of N, one by one, as ingest would, and
   prints the total and per-document time;
3. checks the links against the planted copies (pairwise precision and recall) so a fast but
   wrong index cannot pass unnoticed.

    python benchmarks/links_bench.py [--docs 100000] [--new 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from dataclasses import dataclass

from dhakira.links.duplicates import DuplicateIndex, DuplicateLink

SENTENCES_EN = (
    "{n} people were killed in {place} on {day} when {actor} shelled a {site}",
    "{person} told {org} that {n} detainees were moved from {site} to {place}",
    "the {org} said it had documented {n} cases of {crime} in {place} since {month}",
    "residents of {place} said {actor} stopped {n} trucks of aid at the {site}",
    "{person}, a {role} from {place}, said her brother was taken at a {site} in {month}",
    "according to {org}, at least {n} of the dead in {place} were children",
    "{actor} denied the report and said the {site} in {place} was a military target",
    "the families of {n} missing men from {place} asked {org} to publish their names",
    "{person} said guards at the {site} beat prisoners and denied them {need}",
    "a convoy carrying {n} families left {place} for {place2} under a deal with {actor}",
)
SENTENCES_AR = (
    "قتل {n} أشخاص في {place} يوم {day} بقصف نفذته {actor} على {site}",
    "قال {person} لـ{org} إن {n} معتقلاً نقلوا من {site} إلى {place}",
    "وثقت {org} {n} حالة {crime} في {place} منذ {month}",
    "قال سكان في {place} إن {actor} أوقفت {n} شاحنة مساعدات عند {site}",
    "أفادت {org} بأن {n} على الأقل من القتلى في {place} أطفال",
    "طالبت عائلات {n} مفقوداً من {place} بنشر أسماء أبنائها",
    "قال {person} إن الحراس في {site} ضربوا السجناء ومنعوا عنهم {need}",
    "غادرت قافلة تقل {n} عائلة {place} متجهة إلى {place2} بموجب اتفاق مع {actor}",
)
SYLLABLES = ("ka", "ra", "mi", "do", "sa", "lu", "te", "no", "ha", "zi", "be", "fa", "qu", "yo")
AR_SYLLABLES = ("كا", "را", "مي", "دو", "سا", "لو", "تي", "نو", "ها", "زي", "بي", "فا")
FILLERS = {
    "actor": ("government forces", "armed groups", "the coalition", "an unknown group"),
    "site": ("checkpoint", "market", "hospital", "school", "bakery", "prison", "camp"),
    "crime": ("torture", "enforced disappearance", "arbitrary detention", "execution"),
    "role": ("teacher", "nurse", "lawyer", "farmer", "student", "engineer"),
    "need": ("food", "medicine", "water", "visits", "sleep"),
    "month": ("January", "March", "May", "August", "October", "December"),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
BANNER = "Home | News | World | Opinion | Subscribe to our newsletter | Follow us"
REPLY = "Leave a Reply Cancel reply Your email address will not be published. Post Comment"


@dataclass(frozen=True)
class Mix:
    exact: float = 0.05
    near: float = 0.10


def _name(rng: random.Random, syllables: tuple[str, ...], parts: int) -> str:
    return "".join(rng.choice(syllables) for _ in range(parts))


def _sentence(rng: random.Random, arabic: bool) -> str:
    template = rng.choice(SENTENCES_AR if arabic else SENTENCES_EN)
    syl = AR_SYLLABLES if arabic else SYLLABLES
    values = {key: rng.choice(options) for key, options in FILLERS.items()}
    values |= {
        "n": str(rng.randint(2, 5000)),
        "place": _name(rng, syl, 3).capitalize(),
        "place2": _name(rng, syl, 3).capitalize(),
        "person": f"{_name(rng, syl, 2).capitalize()} {_name(rng, syl, 3).capitalize()}",
        "org": f"{_name(rng, syl, 2).capitalize()} Rights Group",
    }
    # a clause of invented words, as real reports differ in more than the names: without it,
    # unrelated generated documents share far more word triples than unrelated news does
    detail = " ".join(_name(rng, syl, rng.randint(1, 3)) for _ in range(rng.randint(2, 5)))
    return f"{template.format(**values)} {detail}."


def _article(rng: random.Random) -> str:
    arabic = rng.random() < 0.4
    return " ".join(_sentence(rng, arabic) for _ in range(rng.randint(6, 14)))


def _near_copy(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{BANNER}\n\n{text}\n\n{REPLY}"
    sentences = text.split(". ")
    return ". ".join(sentences[: max(2, round(len(sentences) * 0.7))])


def generate(count: int, rng: random.Random, pool: list[str], mix: Mix) -> list[tuple[str, int]]:
    """(text, index of the planted original in `pool` or -1); originals are appended to pool."""
    docs: list[tuple[str, int]] = []
    for _ in range(count):
        roll = rng.random()
        if pool and roll < mix.exact:
            source = rng.randrange(len(pool))
            docs.append((pool[source], source))
        elif pool and roll < mix.exact + mix.near:
            source = rng.randrange(len(pool))
            docs.append((_near_copy(pool[source], rng), source))
        else:
            pool.append(_article(rng))
            docs.append((pool[-1], -1))
    return docs


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _planted(docs: list[tuple[str, int]], ids: list[str], origin: list[int]) -> set[frozenset[str]]:
    """Pairs that are copies of one original (through the pool index of each doc)."""
    groups: dict[int, list[str]] = {}
    for doc_id, root in zip(ids, origin, strict=True):
        groups.setdefault(root, []).append(doc_id)
    return {
        frozenset((a, b))
        for members in groups.values()
        for i, a in enumerate(members)
        for b in members[i + 1 :]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool: list[str] = []
    started = time.perf_counter()
    docs = generate(args.docs, rng, pool, Mix())
    new = generate(args.new, rng, pool, Mix())
    print(
        f"generated {len(docs):,} + {len(new):,} documents in {time.perf_counter() - started:.1f}s"
    )

    # each document's original in the pool, so planted pairs can be checked
    origin: list[int] = []
    fresh = 0
    for _, source in docs + new:
        origin.append(fresh if source < 0 else source)
        fresh += source < 0
    ids = [f"d{i}" for i in range(len(origin))]

    index = DuplicateIndex()
    links: list[DuplicateLink] = []
    before = _peak_mb()
    started = time.perf_counter()
    for doc_id, (text, _) in zip(ids, docs, strict=False):
        links.extend(index.add(doc_id, text))
    build = time.perf_counter() - started
    grown = _peak_mb() - before
    print(
        f"build: {len(docs):,} documents in {build:.1f}s = {len(docs) / build:,.0f} docs/s; "
        f"peak memory +{grown:,.0f} MB during the build (process peak {_peak_mb():,.0f} MB)"
    )

    checked_before = index.candidates_checked
    started = time.perf_counter()
    new_links: list[DuplicateLink] = []
    for doc_id, (text, _) in zip(ids[len(docs) :], new, strict=True):
        new_links.extend(index.add(doc_id, text))
    took = time.perf_counter() - started
    checked = index.candidates_checked - checked_before
    print(
        f"incremental: {len(new):,} new documents linked into {len(docs):,} in {took:.2f}s "
        f"({1000 * took / len(new):.2f} ms each), {len(new_links):,} links, "
        f"{checked / len(new):.1f} LSH candidates verified per document"
    )

    found = {frozenset((lk.doc_id, lk.other_id)) for lk in links + new_links}
    planted = _planted(docs + new, ids, origin)
    hits = len(found & planted)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(planted) if planted else 1.0
    print(
        f"planted copies: precision {precision:.4f}, recall {recall:.4f} "
        f"({hits:,} of {len(planted):,} planted pairs, {len(found):,} links)"
    )


if __name__ == "__main__":
    main()

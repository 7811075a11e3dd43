"""Benchmark: build a bilingual archive of N synthetic documents, then time a mix of searches.

    python benchmarks/search_bench.py --docs 100000 [--database-url URL] [--keep]
    python benchmarks/search_bench.py --queries-only KEPT_ARCHIVE_FOLDER

Documents are generated from a seeded Zipf-like vocabulary (real English and Arabic words plus
thousands of synthetic rare words), about 300 words each, with varied dates, types, languages
and publishers, and stored through `Archive.add` exactly as ingest stores them. Prints the build
time and rate, then p50/p95/max search latency per query kind and overall.
"""

from __future__ import annotations

import argparse
import itertools
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from dhakira.archive import Archive, SearchQuery
from dhakira.records import DOC_TYPES, DateIssued, Document, Item, Mention

_ENGLISH_WORDS = (
    "the of and to in a said that was were prison detainees executed families report human "
    "rights government forces security branch military court sentenced torture custody death "
    "released missing relatives witness testimony statement organization international amnesty "
    "network documented killed arrested hundreds thousands between estimated least many according "
    "officials authorities city province village checkpoint hospital bodies burial mass grave "
    "hanging trial minutes confession judge field interrogation cell solitary food water disease "
    "camp displaced children women men year month week days night morning investigation evidence "
    "photographs satellite images names list victims survivors lawyers appeal demand release fate"
)
ENGLISH = _ENGLISH_WORDS.split()
_ARABIC_WORDS = (
    "في من على إلى أن قال المعتقلين المعتقلون معتقل سجن صيدنايا إعدام الإعدامات التعذيب الأهالي "
    "الشبكة السورية لحقوق الإنسان تقرير بيان صحفي منظمة العفو الدولية الأمن العسكري الفرع المحكمة "
    "الميدانية حكم بالإعدام شنقاً الجثث مقبرة جماعية الشهود الناجين ذوي المختفين قسرياً مصير "
    "آلاف مئات عدد تقدير بين عام شهر يوم الليل الصباح المدينة القرية حاجز مستشفى عسكري الأطفال "
    "النساء الرجال المحامين القاضي التحقيق الأدلة الصور الأقمار أسماء قائمة الضحايا المطالبة "
    "بالإفراج عن الحكومة القوات وفاة تحت أثناء الاحتجاز"
)
ARABIC = _ARABIC_WORDS.split()
PUBLISHERS = [f"Publisher {name}" for name in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"] + [
    "Amnesty International",
    "الشبكة السورية لحقوق الإنسان",
    "Human Rights Watch",
    "رابطة معتقلي صيدنايا",
]
_SYLLABLES = "ka ri mo sa te lun dor vak pel zin qua ber tos mil neh gor"
LATIN_SYLLABLES = _SYLLABLES.split()
ARABIC_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
# named entities a document may mention (with entities=True): places, facilities, organizations
# and invented people, in both scripts
ENTITIES = [
    ("facility", "facility:sednaya-prison", "Sednaya prison"),
    ("facility", "facility:sednaya-prison", "سجن صيدنايا"),
    ("place", "place:damascus", "Damascus"),
    ("place", "place:damascus", "دمشق"),
    ("place", "place:aleppo", "Aleppo"),
    ("place", "place:homs", "حمص"),
    ("organization", "organization:amnesty-international", "Amnesty International"),
    ("organization", "organization:snhr", "الشبكة السورية لحقوق الإنسان"),
    ("person", None, "Karo Vaklun"),
    ("person", None, "Mila Dortos"),
    ("person", None, "زيد قمرون"),
    ("person", None, "سلمى بحتري"),
]


def synthetic_vocabulary(rng: random.Random, size: int) -> tuple[list[str], list[str]]:
    """Rare words: invented Latin and Arabic words, so the vocabulary has a long tail."""
    latin = {"".join(rng.choices(LATIN_SYLLABLES, k=rng.randint(2, 4))) for _ in range(size)}
    arabic = {"".join(rng.choices(ARABIC_LETTERS, k=rng.randint(3, 6))) for _ in range(size)}
    return sorted(latin), sorted(arabic)


def zipf_weights(count: int) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + 1) for rank in range(count)))


class Generator:
    """Seeded document factory; the same seed gives the same archive."""

    def __init__(self, seed: int = 7, *, entities: bool = False) -> None:
        self.rng = random.Random(seed)
        self.entities = entities
        rare_en, rare_ar = synthetic_vocabulary(self.rng, 8000)
        self.english = ENGLISH + rare_en
        self.arabic = ARABIC + rare_ar
        self.en_weights = zipf_weights(len(self.english))
        self.ar_weights = zipf_weights(len(self.arabic))

    def sentence(self, language: str) -> str:
        words, weights = (
            (self.english, self.en_weights) if language == "en" else (self.arabic, self.ar_weights)
        )
        chosen = self.rng.choices(words, cum_weights=weights, k=self.rng.randint(8, 22))
        if self.rng.random() < 0.2:
            chosen.insert(self.rng.randrange(len(chosen)), str(self.rng.randint(1, 20000)))
        return " ".join(chosen) + "."

    def text(self, languages: list[str], words: int) -> str:
        parts: list[str] = []
        count = 0
        while count < words:
            sentence = self.sentence(self.rng.choice(languages))
            parts.append(sentence)
            count += sentence.count(" ") + 1
        return " ".join(parts)

    def document(self, number: int) -> Document:
        rng = self.rng
        roll = rng.random()
        languages = ["en"] if roll < 0.5 else ["ar"] if roll < 0.9 else ["ar", "en"]
        text = self.text(languages, rng.randint(150, 450))
        mentions: list[Mention] = []
        if self.entities:
            text, mentions = self.with_mentions(text)
        year = rng.randint(2011, 2024)
        precision = rng.choice(["day", "day", "day", "month", "year"])
        value = {
            "day": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "month": f"{year}-{rng.randint(1, 12):02d}",
            "year": str(year),
        }[precision]
        item = Item(
            data=f"{number}\n{text}".encode(),
            source=f"bench/{number}.txt",
            media_type="text/plain",
            captured_at=datetime(2024, 1, 1, tzinfo=UTC),
        )
        return Document(
            item=item,
            text=text,
            raw_text=text,
            title=self.sentence(languages[0])[:80],
            date=DateIssued(value, precision, "header"),  # type: ignore[arg-type]
            language=languages[0],
            languages=languages,
            doc_type=rng.choice(DOC_TYPES),
            publisher=rng.choice(PUBLISHERS),
            entities=mentions,
        )

    def with_mentions(self, text: str) -> tuple[str, list[Mention]]:
        """The text with one to three entity names appended, and their mentions."""
        mentions: list[Mention] = []
        for kind, entity_id, name in self.rng.sample(ENTITIES, self.rng.randint(1, 3)):
            start = len(text) + 1
            text = f"{text} {name}."
            mentions.append(
                Mention(name, start, start + len(name), kind, entity_id, found_by="bench")
            )
        return text, mentions


def build(
    archive: Archive, docs: int, *, visibility: str = "restricted", entities: bool = False
) -> float:
    """Add `docs` documents; returns seconds taken. The web load benchmark builds public
    documents with entity mentions, so anonymous readers see them and the entity list fills."""
    generator = Generator(entities=entities)
    batch = archive.start_batch(f"benchmark: {docs} synthetic documents")
    started = time.perf_counter()
    for number in range(docs):
        archive.add(generator.document(number), batch, visibility=visibility)
        if number and number % 10000 == 0:
            rate = number / (time.perf_counter() - started)
            print(f"  {number} documents, {rate:.0f} docs/s", flush=True)
    archive.finish_batch(batch, {"added": docs})
    return time.perf_counter() - started


def queries(rare_en: list[str], rare_ar: list[str]) -> Iterator[tuple[str, SearchQuery]]:
    """The query mix: common and rare terms, both languages, phrases, filters, filters only."""
    for word in ["prison", "executions", "detainees families", "torture custody death"]:
        yield "en common", SearchQuery(word)
    for word in rare_en:
        yield "en rare", SearchQuery(word)
    for word in ["المعتقلين", "سجن صيدنايا", "الإعدام", "مقبرة جماعية"]:
        yield "ar common", SearchQuery(word)
    for word in rare_ar:
        yield "ar rare", SearchQuery(word)
    yield "phrase", SearchQuery('"mass grave"')
    yield "phrase", SearchQuery('"مقبرة جماعية"')
    yield "filtered", SearchQuery("prison", doc_type="statement", date_from="2015", date_to="2016")
    yield "filtered", SearchQuery("المعتقلين", language="ar", publisher="amnesty international")
    yield "filtered", SearchQuery("executed", date_from="2020-01")
    yield "filters only", SearchQuery("", doc_type="testimony")
    yield "filters only", SearchQuery("", language="en", date_from="2018", date_to="2018")
    yield "filters only", SearchQuery("", publisher="Human Rights Watch")


def run_queries(archive: Archive, rounds: int) -> None:
    generator = Generator()
    rare_en = generator.english[len(ENGLISH) + 100 :: 900][:6]
    rare_ar = generator.arabic[len(ARABIC) + 100 :: 900][:6]
    mix = list(queries(rare_en, rare_ar))
    for _kind, query in mix:  # warm the cache as a running archive would be
        archive.search(query)
    timings: dict[str, list[float]] = {}
    for _round in range(rounds):
        for kind, query in mix:
            started = time.perf_counter()
            archive.search(query)
            timings.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
    everything = [ms for values in timings.values() for ms in values]
    for kind, values in [*timings.items(), ("ALL", everything)]:
        print(f"  {kind:13} n={len(values):4}  {_percentiles(values)}")


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50 {statistics.median(ordered):7.1f} ms  p95 {p95:7.1f} ms  max {ordered[-1]:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="passes over the query mix")
    parser.add_argument("--database-url", default=None, help="PostgreSQL URL (default SQLite)")
    parser.add_argument("--keep", action="store_true", help="keep the archive folder")
    parser.add_argument("--queries-only", type=Path, help="time searches on an existing archive")
    args = parser.parse_args()
    if args.queries_only:
        with Archive.open(args.queries_only, args.database_url, create=False) as archive:
            print(f"{archive.count()} documents in {args.queries_only}")
            run_queries(archive, args.rounds)
        return
    folder = Path(tempfile.mkdtemp(prefix="dhakira-bench-"))
    try:
        with Archive.open(folder / "archive", args.database_url) as archive:
            seconds = build(archive, args.docs)
            print(
                f"built {args.docs} documents in {seconds:.1f} s ({args.docs / seconds:.0f} docs/s)"
            )
            run_queries(archive, args.rounds)
    finally:
        if args.keep:
            print(f"archive kept in {folder / 'archive'}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

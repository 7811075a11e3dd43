"""Rebuild the Arabic entity model and its name lists from ANERcorp and the shared name data.

Run from the repository root (../shared beside it):

    python scripts/train_arabic_ner.py                  # lists, held-out model, shipped model
    python scripts/train_arabic_ner.py --heldout-only   # lists and the measured model only
    python scripts/train_arabic_ner.py --measure-only   # re-score the measured model as it is

Steps: (1) write the given/family name lists (name_parts.tsv, CC0) and the Syrian place list
(OpenSyria, CC BY 4.0) into src/dhakira/analysis/ner/resources/; (2) train a CRF with fixed
parameters on the first 5/6 of the sentences of ANERcorp train.txt (arabic-crf-v1-heldout) and
score it on the last 1/6 (entity-level, conlleval semantics); (3) train the same CRF on all
sentences (arabic-crf-v1, the model `recognize` uses); (4) write a JSON of the data hash,
parameters and held-out figures beside the models in src/dhakira/analysis/ner/models/.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import pycrfsuite

from dhakira.analysis.ner import arabic
from dhakira.analysis.ner.context import document_features
from dhakira.analysis.ner.lexicon import build_lexicon, jackknife_lexicons, write_lexicon
from dhakira.evaluation.ner import read_conll, score, split_heldout
from dhakira.text.normalize import normalize_arabic

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "eval" / "anercorp" / "train.txt"
NAMES = SHARED / "data" / "names" / "name_parts.tsv"
PLACES = SHARED / "data" / "places"
PACKAGE = REPO / "src" / "dhakira" / "analysis" / "ner"
RESOURCES = PACKAGE / "resources"
MODELS = PACKAGE / "models"

PARAMS: dict[str, Any] = {
    "algorithm": "lbfgs",
    "c1": 0.003,
    "c2": 0.01,
    "max_iterations": 250,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}
SECOND_PASS = (
    "gloss.align_glosses (bracketed Latin glosses), then descriptions.drop_descriptions "
    "(one-word places that are place adjectives, one-word persons that are their plurals, "
    "persons headed by an organization word), then consistency.spread_names "
    "(window 30 sentences, surnames of full names, not names made only of words the training "
    "text used mostly as plain words)"
)
META = MODELS / "arabic-crf-v1.json"
# Administrative words that open an official place name but not the name as written in news.
PLACE_PREFIXES = ("ناحية", "مركز", "منطقة", "محافظة", "مدينة")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_list(name: str, entries: set[str], header: str) -> None:
    lines = [f"# {line}" for line in header.splitlines()] + sorted(entries)
    (RESOURCES / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build_name_lists() -> None:
    given: set[str] = set()
    family: set[str] = set()
    with NAMES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            word = normalize_arabic(row["arabic"].strip())
            if row["role"] in ("given", "both"):
                given.add(word)
            if row["role"] in ("family", "both"):
                family.add(word)
    source = f"from ../shared/data/names/name_parts.tsv (CC0 1.0, sha256 {sha256(NAMES)[:16]})"
    write_list("given", given, f"Arabic given names, normalized; {source}")
    write_list("family", family, f"Arab family names, normalized; {source}")


def _place_names(record: dict[str, Any]) -> set[str]:
    names = {record["name"]["ar"]}
    names.update(alias["value"] for alias in record.get("aliases", []) if alias["language"] == "ar")
    cleaned: set[str] = set()
    for name in names:
        words = normalize_arabic(name).split()
        while words and words[0] in PLACE_PREFIXES and len(words) > 1:
            words = words[1:]
        if words and len(words) <= 4:
            cleaned.add(" ".join(words))
    return cleaned


def build_place_list() -> None:
    places: set[str] = set()
    for level in ("governorates", "districts", "subdistricts"):
        records = json.loads((PLACES / f"opensyria_{level}.json").read_text(encoding="utf-8"))
        for record in records:
            places.update(_place_names(record))
    commit = (PLACES / "UPSTREAM_COMMIT").read_text(encoding="utf-8").strip()
    header = (
        "Syrian governorates, districts and subdistricts, Arabic names and aliases, normalized.\n"
        f"Built from OpenSyria data-geography (commit {commit}), CC BY 4.0: OpenSyria,\n"
        "OCHA/HDX administrative boundaries, GeoNames, Wikidata."
    )
    write_list("syria_place", places, header)


def to_sequences(
    sentences: list[list[tuple[str, str | None]]],
) -> list[tuple[list[str], list[str]]]:
    return [([t for t, _ in s], [tag or "O" for _, tag in s]) for s in sentences]


def train(sentences: list[tuple[list[str], list[str]]], target: Path) -> float:
    """Train a CRF into `target` and write its lexicon beside it; the seconds it took."""
    started = time.perf_counter()
    write_lexicon(build_lexicon(sentences), target.with_suffix(".lexicon.tsv"))
    trainer = pycrfsuite.Trainer(verbose=False)
    lexicons = jackknife_lexicons(sentences)
    features = document_features([tokens for tokens, _ in sentences], lexicons)
    for (_, tags), rows in zip(sentences, features, strict=True):
        trainer.append(rows, tags)
    trainer.select(str(PARAMS["algorithm"]))
    trainer.set_params({key: value for key, value in PARAMS.items() if key != "algorithm"})
    trainer.train(str(target))
    return time.perf_counter() - started


def evaluate(model: Path, sentences: list[tuple[list[str], list[str]]]) -> dict[str, Any]:
    """Tag the sentences the way `recognize` does (second pass included) and score them."""
    started = time.perf_counter()
    predicted = arabic.tag_sentences([tokens for tokens, _ in sentences], model=model.name)
    seconds = time.perf_counter() - started
    result = score([tags for _, tags in sentences], predicted)
    tokens = sum(len(tokens) for tokens, _ in sentences)
    result["tokens_per_second"] = round(tokens / seconds)
    return result


def report(result: dict[str, Any]) -> None:
    for kind, row in [*result["per_type"].items(), ("overall", result["overall"])]:
        print(
            f"{kind:8} P {row['precision']:.3f}  R {row['recall']:.3f}  F1 {row['f1']:.3f}"
            f"  (gold {row['gold']}, predicted {row['predicted']})"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--heldout-only", action="store_true", help="train only the measured (held-out) model"
    )
    parser.add_argument("--skip-lists", action="store_true", help="keep the name lists as they are")
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="re-score the held-out model as it is (after a change to the passes after tagging)",
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(f"{CORPUS} not found: put ../shared beside the repository", file=sys.stderr)
        return 2
    if args.measure_only:
        return measure_only()
    if not args.skip_lists:
        build_name_lists()
        build_place_list()
    sentences = read_conll(CORPUS)
    first, heldout = split_heldout(sentences)
    measured = MODELS / arabic.HELDOUT_MODEL_NAME
    seconds = train(to_sequences(first), measured)
    result = evaluate(measured, to_sequences(heldout))
    report(result)
    print(f"held-out model {measured} ({measured.stat().st_size} bytes, {seconds:.0f} s)")
    meta: dict[str, Any] = {
        "corpus_sha256": sha256(CORPUS),
        "params": PARAMS,
        "resources_sha256": {path.name: sha256(path) for path in sorted(RESOURCES.glob("*.txt"))},
        "second_pass": SECOND_PASS,
        "heldout_model": {
            "file": measured.name,
            "lexicon": measured.with_suffix(".lexicon.tsv").name,
            "trained_on": "first 5/6 of the sentences of ANERcorp train.txt (CAMeL split)",
            "train_sentences": len(first),
            "heldout_sentences": len(heldout),
            "train_seconds": round(seconds, 1),
            "bytes": measured.stat().st_size,
            "heldout": {"overall": result["overall"], "per_type": result["per_type"]},
            "tokens_per_second": result["tokens_per_second"],
        },
    }
    if not args.heldout_only:
        shipped = MODELS / arabic.MODEL_NAME
        seconds = train(to_sequences(sentences), shipped)
        meta["model"] = {
            "file": shipped.name,
            "lexicon": shipped.with_suffix(".lexicon.tsv").name,
            "trained_on": "all sentences of ANERcorp train.txt (CAMeL split)",
            "train_sentences": len(sentences),
            "train_seconds": round(seconds, 1),
            "bytes": shipped.stat().st_size,
        }
        print(f"model {shipped} ({shipped.stat().st_size} bytes, {seconds:.0f} s)")
    META.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def measure_only() -> int:
    """Score the held-out model already built and update its figures in the JSON."""
    _, heldout = split_heldout(read_conll(CORPUS))
    result = evaluate(MODELS / arabic.HELDOUT_MODEL_NAME, to_sequences(heldout))
    report(result)
    meta = json.loads(META.read_text(encoding="utf-8"))
    meta["second_pass"] = SECOND_PASS
    figures = {"overall": result["overall"], "per_type": result["per_type"]}
    meta["heldout_model"]["heldout"] = figures
    meta["heldout_model"]["tokens_per_second"] = result["tokens_per_second"]
    META.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

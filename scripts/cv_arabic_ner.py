"""Cross-validate a change to the Arabic entity model on the training part of ANERcorp only.

The held-out sixth of ANERcorp (scripts/train_arabic_ner.py) measures the model; it must not also
choose it. So a change (training parameters, features, name lists) is chosen here: the first 5/6
of the sentences are cut into K contiguous folds, a CRF is trained on K-1 of them and scored on
the remaining one (second pass included, as `recognize` tags), once with the shipped parameters
and once with the candidate's, fold by fold. A change is worth taking when its mean F1 gain is
larger than the noise threshold decided before looking (+0.3 points by default).

    python scripts/cv_arabic_ner.py --set c1=0.01 --set c2=0.01      # compare parameters
    python scripts/cv_arabic_ner.py --set algorithm=ap --set max_iterations=50   # another trainer
    python scripts/cv_arabic_ner.py --baseline-only                  # score the code as it is

A feature change is compared by running --baseline-only before and after it.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from statistics import mean
from typing import Any

import pycrfsuite
from train_arabic_ner import CORPUS, PARAMS, to_sequences

from dhakira.analysis.ner import arabic
from dhakira.analysis.ner.context import document_features
from dhakira.analysis.ner.crf import CrfWeights
from dhakira.analysis.ner.lexicon import build_lexicon, jackknife_lexicons
from dhakira.evaluation.ner import read_conll, score, split_heldout

Sequences = list[tuple[list[str], list[str]]]


def _value(text: str) -> Any:
    """A parameter value as crfsuite wants it: a number when it reads as one."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return {"true": True, "false": False}.get(text.lower(), text)


def _for_algorithm(params: dict[str, Any], algorithm: str) -> dict[str, Any]:
    """The parameters another training algorithm also has: the shipped c1 and c2 mean
    nothing to the averaged perceptron (`ap`), and crfsuite refuses a parameter it lacks."""
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.select(algorithm)
    known = set(trainer.params())
    kept = {key: value for key, value in params.items() if key in known}
    return {"algorithm": algorithm, **kept}


def _train_and_score(
    train: Sequences, test: Sequences, params: dict[str, Any], target: Path, reuse: bool
) -> dict[str, Any]:
    if not (reuse and target.is_file()):
        trainer = pycrfsuite.Trainer(verbose=False)
        features = document_features([tokens for tokens, _ in train], jackknife_lexicons(train))
        for (_, tags), rows in zip(train, features, strict=True):
            trainer.append(rows, tags)
        trainer.select(str(params["algorithm"]))
        trainer.set_params({key: value for key, value in params.items() if key != "algorithm"})
        trainer.train(str(target))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(target))
    weights = CrfWeights.from_tagger(tagger, build_lexicon(train))
    predicted = arabic.tag_with(weights, [tokens for tokens, _ in test])
    return score([tags for _, tags in test], predicted)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME=VALUE", help="a candidate parameter"
    )
    parser.add_argument("--baseline-only", action="store_true", help="score the shipped setup")
    parser.add_argument("--threshold", type=float, default=0.3, help="F1 points worth taking")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the fold models in this folder and use the ones already there: for a "
        "change to the passes after tagging only (a feature change needs new models)",
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_file():
        print(f"{CORPUS} not found: put ../shared beside the repository", file=sys.stderr)
        return 2
    settings: dict[str, Any] = {}
    for setting in args.set:
        name, equals, value = setting.partition("=")
        if not (name and equals and value):
            parser.error(f"--set {setting!r}: write NAME=VALUE, e.g. --set c1=0.01")
        settings[name] = _value(value)
    algorithm = str(settings.get("algorithm", PARAMS["algorithm"]))
    candidate = {**_for_algorithm(PARAMS, algorithm), **settings}
    first, _ = split_heldout(read_conll(CORPUS))
    sentences = to_sequences(first)
    bounds = [len(sentences) * part // args.folds for part in range(args.folds + 1)]
    setups = {"baseline": dict(PARAMS)}
    if not args.baseline_only:
        setups["candidate"] = candidate
    figures: dict[str, list[float]] = {name: [] for name in setups}
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for fold in range(args.folds):
            test = sentences[bounds[fold] : bounds[fold + 1]]
            train = sentences[: bounds[fold]] + sentences[bounds[fold + 1] :]
            for name, params in setups.items():
                setting = "-".join(f"{k}={v}" for k, v in sorted(params.items()))
                target = folder / f"fold{fold + 1}of{args.folds}-{setting}.crfsuite"
                result = _train_and_score(train, test, params, target, args.keep is not None)
                figures[name].append(100 * result["overall"]["f1"])
                print(f"fold {fold + 1}/{args.folds} {name:9} F1 {figures[name][-1]:.2f}")
    summary: dict[str, Any] = {name: round(mean(values), 2) for name, values in figures.items()}
    summary["folds"] = figures
    summary["candidate_params"] = {k: v for k, v in candidate.items() if PARAMS.get(k) != v}
    print(f"baseline mean F1 {summary['baseline']:.2f}")
    if "candidate" in figures:
        gain = mean(figures["candidate"]) - mean(figures["baseline"])
        summary["gain"] = round(gain, 2)
        verdict = "take it" if gain > args.threshold else "within noise: keep the baseline"
        print(f"candidate mean F1 {summary['candidate']:.2f}, gain {gain:+.2f} points: {verdict}")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

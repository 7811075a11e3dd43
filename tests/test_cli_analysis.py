"""The analysis commands as a user types them: reanalyze, entities, claims, show, tag, eval ner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from dhakira.views.cli import app

if TYPE_CHECKING:
    from conftest import IngestTexts

runner = CliRunner()

RELEASE = (
    "Syria: executions at Saydnaya prison\n\n"
    "Press release\n"
    "Amnesty International\n"
    "February 7, 2017\n\n"
    "Amnesty International said as many as 13,000 people were executed at Saydnaya prison "
    "between 2011 and 2015. The report is based on interviews with 84 witnesses.\n"
)
BAYAN = (
    "بيان صحفي\n\n"
    "قالت الشبكة السورية لحقوق الإنسان إن خمسة آلاف معتقل قتلوا تحت التعذيب في سجن صيدنايا.\n"
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, ingest_texts: IngestTexts) -> Path:
    root = tmp_path_factory.mktemp("cli")
    return ingest_texts(root, {"release.txt": RELEASE, "bayan.txt": BAYAN})


def _run(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _lines(args: list[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in _run(args).splitlines() if line.strip()]


def test_entities_json_lines_group_the_spellings_of_sednaya(archive: Path) -> None:
    found = _lines(["entities", "--archive", str(archive), "--json"])
    sednaya = [e for e in found if e["entity_id"] == "facility:sednaya-prison"]
    assert len(sednaya) == 1
    assert sednaya[0]["documents"] == 2
    assert "سجن صيدنايا" in sednaya[0]["spellings"]  # type: ignore[operator]


def test_entities_type_filter(archive: Path) -> None:
    found = _lines(["entities", "--type", "organization", "--archive", str(archive), "--json"])
    assert found and {e["type"] for e in found} == {"organization"}


def test_entities_name_filter_finds_arabic_spellings_too(archive: Path) -> None:
    found = _lines(["entities", "--name", "صيدنايا", "--archive", str(archive), "--json"])
    assert [e["entity_id"] for e in found] == ["facility:sednaya-prison"]


def test_entities_text_lists_name_counts_and_spellings(archive: Path) -> None:
    text = _run(["entities", "--type", "facility", "--archive", str(archive)])
    assert "Sednaya Prison" in text and "2 documents" in text


def test_entities_rejects_an_unknown_type(archive: Path) -> None:
    result = runner.invoke(app, ["entities", "--type", "animal", "--archive", str(archive)])
    assert result.exit_code != 0 and "--type" in str(result.exception)


def test_claims_json_lines_carry_the_extract_keys_and_the_code(archive: Path) -> None:
    found = _lines(["claims", "--event", "execution", "--archive", str(archive), "--json"])
    assert [c["high"] for c in found] == [13000]
    assert found[0]["code"].startswith("DHK-2017-")  # type: ignore[union-attr]
    assert found[0]["attributed_to"] == "Amnesty International"
    assert (found[0]["period_start"], found[0]["period_end"]) == ("2011", "2015")


def test_claims_filters_combine(archive: Path) -> None:
    base = ["--archive", str(archive), "--json"]
    method = _lines(["claims", "--kind", "method", *base])
    assert [c["kind"] for c in method] == ["method"] and "84" in str(method[0]["quote"])
    assert (
        _lines(["claims", "--attributed-to", "amnesty", "--kind", "victims", "--to", "2010", *base])
        == []
    )
    assert _lines(["claims", "--from", "2014", "--to", "2016", "--event", "execution", *base])


def test_claims_text_shows_figures_and_quote(archive: Path) -> None:
    text = _run(["claims", "--event", "execution", "--archive", str(archive)])
    assert "≤ 13,000" in text and "as many as 13,000 people" in text


def test_claims_rejects_a_year_that_is_not_one(archive: Path) -> None:
    result = runner.invoke(app, ["claims", "--from", "last year", "--archive", str(archive)])
    assert result.exit_code != 0 and "--from" in str(result.exception)


def _code(archive: Path, query: str) -> str:
    page = json.loads(_run(["search", query, "--archive", str(archive), "--json"]))
    return str(page["hits"][0]["code"])


def test_show_json_has_grouped_entities_claims_and_incident(archive: Path) -> None:
    page = json.loads(
        _run(["show", _code(archive, "Amnesty"), "--archive", str(archive), "--json"])
    )
    sednaya = [g for g in page["entities"] if g["entity_id"] == "facility:sednaya-prison"]
    assert sednaya[0]["mentions"] == 2
    assert any(c["high"] == 13000 for c in page["claims"])
    assert set(page["incident"]) >= {"governorate", "date", "cause", "actor", "civilians"}


def test_show_text_lists_entities_and_claims(archive: Path) -> None:
    text = _run(["show", _code(archive, "Amnesty"), "--archive", str(archive)])
    assert "Entities" in text and "Claims" in text and "Sednaya Prison" in text


def test_reanalyze_all_on_a_fresh_archive_changes_nothing(archive: Path) -> None:
    page = json.loads(_run(["reanalyze", "--all", "--archive", str(archive), "--json"]))
    assert (page["checked"], page["changed"], page["failed"]) == (2, 0, [])


def test_reanalyze_outdated_skips_documents_the_current_analysers_made(archive: Path) -> None:
    page = json.loads(_run(["reanalyze", "--outdated", "--archive", str(archive), "--json"]))
    assert page["checked"] == 0


def test_reanalyze_needs_codes_or_all(archive: Path) -> None:
    result = runner.invoke(app, ["reanalyze", "--archive", str(archive)])
    assert result.exit_code != 0 and "--all" in str(result.exception)


TOKENS = "Amnesty\nsaid\nSaydnaya\nprison\n.\n\nقال\nبشار\nالأسد\nفي\nدمشق\n"


def test_tag_writes_a_bio_tag_per_token_and_keeps_sentence_breaks(tmp_path: Path) -> None:
    source = tmp_path / "tokens.txt"
    source.write_text(TOKENS, encoding="utf-8")
    target = tmp_path / "tagged.txt"
    _run(["tag", str(source), "--output", str(target)])
    lines = target.read_text(encoding="utf-8").split("\n")
    assert lines[5] == "" and lines[-1] == ""
    pairs = [line.split(" ") for line in lines if line]
    assert [token for token, _ in pairs] == [t for t in TOKENS.split("\n") if t]
    allowed = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "ORG", "LOC", "MISC")}
    assert {tag for _, tag in pairs} <= allowed


def test_tag_ignores_a_second_column(tmp_path: Path) -> None:
    source = tmp_path / "gold.txt"
    source.write_text("دمشق B-LOC\nمدينة O\n", encoding="utf-8")
    out = _run(["tag", str(source)])
    assert [line.split(" ")[0] for line in out.splitlines()] == ["دمشق", "مدينة"]


GOLD = "وصل B-PERS\nبشار I-PERS\nإلى O\nدمشق B-LOC\n\nAmnesty B-ORG\nsaid O\n"


def test_eval_ner_json_has_per_type_and_overall_scores(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    result = json.loads(_run(["eval", "ner", str(path), "--json"]))
    assert result["overall"]["gold"] == 3
    assert set(result["per_type"]) >= {"PERS", "LOC", "ORG", "MISC"}
    assert 0.0 <= result["overall"]["f1"] <= 1.0


def test_eval_ner_prints_a_table(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text(GOLD, encoding="utf-8")
    text = _run(["eval", "ner", str(path)])
    assert "overall" in text and "precision" in text


@pytest.mark.parametrize(
    "command", [["reanalyze"], ["entities"], ["claims"], ["tag"], ["eval", "ner"]]
)
def test_new_commands_have_help_with_examples(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0 and "Example" in result.stdout


def test_export_csv_keeps_findings_as_json_cells(archive: Path, tmp_path: Path) -> None:
    import csv

    target = tmp_path / "out.csv"
    _run(["export", "--format", "csv", "--output", str(target), "--archive", str(archive)])
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    claims = [claim for row in rows for claim in json.loads(row["claims"])]
    assert any(claim["high"] == 13000 for claim in claims)

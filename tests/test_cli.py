"""The command line as a user types it: every command works, `--json` gives the same content."""

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

STATEMENT = (
    "Coalition Calls for Access to Detention Centres\n\n"
    "Press release\n"
    "Syrian Coalition\n"
    "December 25, 2018\n\n"
    "The Syrian Coalition called on the International Committee of the Red Cross to be given "
    "access to all detention centres, including Sednaya prison, where detainees are held.\n"
)
ARABIC = (
    "بيان صحفي\n\nدعا الائتلاف إلى الكشف عن مصير المعتقلين في سجن صيدنايا وإطلاق سراحهم فوراً.\n"
)


@pytest.fixture()
def archive(tmp_path: Path, ingest_texts: IngestTexts) -> Path:
    return ingest_texts(tmp_path, {"statement.txt": STATEMENT, "arabic.txt": ARABIC})


def _json(args: list[str]) -> object:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _code(archive: Path, query: str) -> str:
    page = _json(["search", query, "--archive", str(archive), "--json"])
    assert isinstance(page, dict) and page["hits"], page
    return str(page["hits"][0]["code"])


def test_ingest_json_summary_counts_each_outcome(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STATEMENT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    page = _json(["ingest", str(folder), "--archive", str(tmp_path / "a"), "--json"])
    assert isinstance(page, dict)
    assert page["counts"] == {"ingested": 1, "duplicate": 0, "needs_ocr": 0, "failed": 1}
    assert page["failed"][0]["source"].endswith("empty.txt")


def test_search_finds_arabic_with_another_form_of_the_word(archive: Path) -> None:
    page = _json(["search", "المعتقلون", "--archive", str(archive), "--json"])
    assert isinstance(page, dict) and page["total"] == 1


def test_search_filters_by_language(archive: Path) -> None:
    page = _json(["search", "Sednaya", "--language", "ar", "--archive", str(archive), "--json"])
    assert isinstance(page, dict) and page["total"] == 0


def test_show_json_carries_record_provenance_and_hash(archive: Path) -> None:
    code = _code(archive, "Sednaya")
    page = _json(["show", code, "--archive", str(archive), "--json"])
    assert isinstance(page, dict)
    assert page["code"] == code
    assert len(page["provenance"]["sha256"]) == 64
    assert page["metadata"]["date"] == "2018-12-25"
    assert page["reliability"]["rating"] == "unspecified"


def test_show_prints_an_archive_record(archive: Path) -> None:
    code = _code(archive, "Sednaya")
    result = runner.invoke(app, ["show", code, "--archive", str(archive)])
    assert result.exit_code == 0
    assert "SHA-256" in result.stdout and "Provenance" in result.stdout


def test_show_unknown_code_is_a_clear_error(archive: Path) -> None:
    result = runner.invoke(app, ["show", "DHK-1999-000000", "--archive", str(archive)])
    assert result.exit_code != 0
    assert "DHK-1999-000000" in str(result.exception)


def test_review_is_recorded_and_audited(archive: Path) -> None:
    code = _code(archive, "Sednaya")
    args = [
        "review",
        code,
        "--reliability",
        "correct",
        "--note",
        "checked against the report",
        "--actor",
        "tester",
        "--archive",
        str(archive),
        "--json",
    ]
    page = _json(args)
    assert isinstance(page, dict) and page["reliability"]["rating"] == "correct"
    lines = runner.invoke(app, ["log", code, "--archive", str(archive), "--json"]).stdout
    entries = [json.loads(line) for line in lines.splitlines()]
    change = [e for e in entries if e["field"] == "reliability"]
    assert change and change[0]["new"] == "correct" and change[0]["actor"] == "tester"
    assert change[0]["why"] == "checked against the report"


def test_review_rejects_an_unknown_rating(archive: Path) -> None:
    code = _code(archive, "Sednaya")
    result = runner.invoke(
        app, ["review", code, "--reliability", "probably", "--note", "x", "--archive", str(archive)]
    )
    assert result.exit_code != 0


def test_export_jsonl_has_extract_keys_and_archive_keys(archive: Path) -> None:
    result = runner.invoke(app, ["export", "--archive", str(archive)])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(records) == 2
    expected = {
        "title",
        "title_generated",
        "date",
        "date_precision",
        "language",
        "languages",
        "doc_type",
        "publisher",
        "issuing_body",
        "author",
        "text",
        "code",
        "sha256",
        "source",
        "captured_at",
        "status",
        "reliability",
        "visibility",
    }
    assert all(expected <= set(r) for r in records)


def test_export_csv_has_a_header_and_a_row_per_document(archive: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = runner.invoke(
        app, ["export", "--format", "csv", "--output", str(target), "--archive", str(archive)]
    )
    assert result.exit_code == 0
    import csv

    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 2 and "sha256" in rows[0]


def test_verify_passes_on_an_untouched_archive(archive: Path) -> None:
    page = _json(["verify", "--archive", str(archive), "--json"])
    assert isinstance(page, dict) and page["ok"] is True and page["checked"] == 2


def test_verify_fails_when_an_original_is_altered(archive: Path) -> None:
    blob = next(p for p in (archive / "originals").rglob("*") if p.is_file())
    blob.chmod(0o644)
    blob.write_bytes(blob.read_bytes() + b"tampered")
    result = runner.invoke(app, ["verify", "--archive", str(archive), "--json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["mismatched"]


def test_extract_json_has_the_documented_keys(tmp_path: Path) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(STATEMENT, encoding="utf-8")
    data = _json(["extract", str(path), "--json"])
    assert isinstance(data, dict)
    assert set(data) >= {
        "title",
        "title_generated",
        "date",
        "date_precision",
        "language",
        "languages",
        "doc_type",
        "publisher",
        "issuing_body",
        "author",
        "text",
    }
    assert data["date"] == "2018-12-25" and data["doc_type"] == "press_release"


def test_archive_option_comes_from_the_environment(archive: Path) -> None:
    result = runner.invoke(app, ["verify", "--json"], env={"DHAKIRA_ARCHIVE": str(archive)})
    assert result.exit_code == 0 and json.loads(result.stdout)["checked"] == 2


@pytest.mark.parametrize(
    "command",
    ["ingest", "search", "show", "export", "verify", "review", "extract", "log", "failures"],
)
def test_every_command_has_help_with_examples(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.stdout


def test_extract_of_an_unreadable_file_names_it_with_one_error_code(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code != 0
    message = str(result.exception)
    assert message.startswith("[DK104] ") and str(path) in message and message.count("[DK") == 1

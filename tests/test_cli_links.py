"""The link commands as a user types them: ingest links copies, show, stories, link, export,
entities merge/split/undo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dhakira.views.cli import app

runner = CliRunner()

REPORT = (
    "Amnesty International said on Tuesday that as many as 13,000 people were hanged in secret "
    "at Saydnaya military prison near Damascus between 2011 and 2015. The report describes "
    "weekly mass hangings carried out in the middle of the night. Detainees were taken from "
    "their cells, told they would be transferred to civilian prisons, and instead were beaten "
    "and hanged. The organisation called on the United Nations to open an independent "
    "investigation into the killings and to grant monitors access to all detention facilities."
)
FLOODS = (
    "Heavy rain flooded several camps for displaced families in Idlib this week. Aid workers "
    "said tents were washed away and roads were cut, leaving hundreds of families without "
    "shelter, blankets or clean water as temperatures fell below freezing at night."
)
HTML = (
    "<html><head><title>Repost</title></head><body><nav>Home | News | Contact</nav>"
    f"<article><p>{REPORT}</p></article><footer>Share this story.</footer></body></html>"
)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("links")
    folder = root / "in"
    folder.mkdir()
    (folder / "a_report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b_repost.html").write_text(HTML, encoding="utf-8")
    (folder / "c_cut.txt").write_text(REPORT[: int(len(REPORT) * 0.7)], encoding="utf-8")
    (folder / "d_floods.txt").write_text(FLOODS, encoding="utf-8")
    path = root / "archive"
    result = runner.invoke(app, ["ingest", str(folder), "--archive", str(path), "--json"])
    assert result.exit_code == 0, result.output
    return path


def _run(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _exported(archive: Path) -> dict[str, dict[str, object]]:
    lines = _run(["export", "--archive", str(archive)]).splitlines()
    return {Path(str(r["source"])).name: r for r in map(json.loads, lines)}  # type: ignore[arg-type]


def _code(archive: Path, name: str) -> str:
    return str(_exported(archive)[name]["code"])


def test_ingest_links_the_html_copy_and_the_cut_short_copy(archive: Path) -> None:
    code = _code(archive, "a_report.txt")
    page = json.loads(_run(["show", code, "--archive", str(archive), "--json"]))
    kinds = {d["code"]: d["kind"] for d in page["links"]["duplicates"]}
    # the page's article text is the same words as the .txt file: an exact copy of the text
    assert kinds == {
        _code(archive, "b_repost.html"): "duplicate-exact",
        _code(archive, "c_cut.txt"): "duplicate-near",
    }


def test_one_copy_is_primary_for_the_whole_group(archive: Path) -> None:
    exported = _exported(archive)
    copies = ["a_report.txt", "b_repost.html", "c_cut.txt"]
    primaries = {exported[name]["links"]["primary"] for name in copies}  # type: ignore[index]
    assert len(primaries) == 1
    assert exported["d_floods.txt"]["links"]["duplicates"] == []  # type: ignore[index]


def test_export_gives_every_document_its_links(archive: Path) -> None:
    assert all("links" in record for record in _exported(archive).values())


def test_link_finds_nothing_new_after_ingest_and_relinks_with_all(archive: Path) -> None:
    assert json.loads(_run(["link", "--archive", str(archive), "--json"]))["linked"] == 0
    again = json.loads(_run(["link", "--all", "--archive", str(archive), "--json"]))
    assert again["linked"] == 4 and again["duplicate_links"] == 3


def test_stories_json_lists_documents_of_each_story(archive: Path) -> None:
    lines = _run(["stories", "--archive", str(archive), "--json"]).splitlines()
    stories = [json.loads(line) for line in lines]
    assert all(story["size"] == len(story["documents"]) >= 2 for story in stories)
    floods = _code(archive, "d_floods.txt")
    assert all(floods not in {d["code"] for d in story["documents"]} for story in stories)


def test_entities_merge_and_undo_from_the_command_line(archive: Path) -> None:
    keys = [
        json.loads(line)["key"]
        for line in _run(["entities", "--archive", str(archive), "--json"]).splitlines()
    ]
    keep, other = keys[0], keys[1]
    merged = json.loads(
        _run(
            [
                "entities",
                "merge",
                keep,
                other,
                "--note",
                "test merge",
                "--archive",
                str(archive),
                "--json",
            ]
        )
    )
    after = [
        json.loads(line)["key"]
        for line in _run(["entities", "--archive", str(archive), "--json"]).splitlines()
    ]
    assert other not in after and keep in after
    _run(
        [
            "entities",
            "undo",
            str(merged["id"]),
            "--note",
            "test undo",
            "--archive",
            str(archive),
            "--json",
        ]
    )
    listed = [
        json.loads(line)
        for line in _run(
            ["entities", "decisions", "--archive", str(archive), "--json"]
        ).splitlines()
    ]
    assert listed[-1]["undone_at"] is not None
    log = _run(["log", "--archive", str(archive), "--json"])
    assert "entity-merge" in log and "entity-undo" in log
    assert json.loads(_run(["verify", "--archive", str(archive), "--json"]))["ok"]


def test_split_without_mentions_is_refused(archive: Path) -> None:
    result = runner.invoke(
        app, ["entities", "split", "place:sy", "--note", "x", "--archive", str(archive)]
    )
    assert result.exit_code != 0

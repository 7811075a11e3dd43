"""The link commands as a user types them: ingest links copies, show, stories, link, export,
entities merge/split/undo."""

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
def archive(tmp_path_factory: pytest.TempPathFactory, ingest_texts: IngestTexts) -> Path:
    files = {
        "a_report.txt": REPORT,
        "b_repost.html": HTML,
        "c_cut.txt": REPORT[: int(len(REPORT) * 0.7)],
        "d_floods.txt": FLOODS,
    }
    return ingest_texts(tmp_path_factory.mktemp("links"), files)


def _run(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _exported(archive: Path) -> dict[str, dict[str, object]]:
    lines = _run(["export", "--archive", str(archive)]).splitlines()
    return {Path(str(r["source"])).name: r for r in map(json.loads, lines)}


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


MONITOR = (
    "The Syrian Network for Human Rights said on 1 March 2017 that at least 5,000 detainees "
    "were executed at Saydnaya prison since 2011, according to its own records."
)


@pytest.fixture(scope="module")
def connected(tmp_path_factory: pytest.TempPathFactory, ingest_texts: IngestTexts) -> Path:
    """An archive with Amnesty's figure, a cut-short copy of it and a monitor's own figure."""
    files = {
        "a_report.txt": REPORT,
        "c_cut.txt": REPORT[: int(len(REPORT) * 0.7)],
        "e_monitor.txt": MONITOR,
    }
    return ingest_texts(tmp_path_factory.mktemp("connected"), files)


def _incidents(archive: Path, *options: str) -> list[dict[str, object]]:
    lines = _run(["incidents", *options, "--archive", str(archive), "--json"]).splitlines()
    return [json.loads(line) for line in lines]


def test_incidents_count_a_copy_as_a_repeat_not_a_source(connected: Path) -> None:
    [incident] = _incidents(connected)
    assert len(incident["documents"]) == 3  # type: ignore[arg-type]
    assert incident["independent_sources"] == 2
    assert incident["repeats"] == 1
    assert incident["consolidated"] == {
        "low": 5000, "best": None, "high": 13000, "figure": "5,000-13,000"
    }  # fmt: skip


def test_incidents_filters_take_spellings_and_events(connected: Path) -> None:
    assert len(_incidents(connected, "--place", "Saydnaya")) == 1
    assert _incidents(connected, "--place", "Aleppo") == []
    assert _incidents(connected, "--event", "torture") == []
    assert _incidents(connected, "--from", "2019") == []


def test_an_unknown_event_is_refused_with_the_choices(connected: Path) -> None:
    result = runner.invoke(app, ["incidents", "--event", "hanging", "--archive", str(connected)])
    assert result.exit_code != 0 and "execution" in str(result.exception)


def test_incidents_show_finds_the_incident_by_any_member_claim(connected: Path) -> None:
    [incident] = _incidents(connected)
    last = incident["members"][-1]["claim"]  # type: ignore[index]
    shown = json.loads(_run(["incidents", "show", last, "--archive", str(connected), "--json"]))
    assert shown["id"] == incident["id"]
    assert all(m["suggested"]["reasons"] for m in shown["members"])
    text = _run(["incidents", "show", last, "--archive", str(connected)])
    assert "5,000-13,000" in text


def test_show_lists_incidents_and_suggests_beside_the_rating(connected: Path) -> None:
    code = _code(connected, "e_monitor.txt")
    _run(["review", code, "--reliability", "unverified", "--note", "not checked yet",
          "--archive", str(connected)])  # fmt: skip
    page = json.loads(_run(["show", code, "--archive", str(connected), "--json"]))
    assert len(page["links"]["incidents"]) == 1
    assert page["reliability"]["rating"] == "unverified"
    assert page["reliability"]["suggested"]["value"] == "correct"
    assert "Suggested reliability" in _run(["show", code, "--archive", str(connected)])


def test_export_carries_incidents_and_the_suggested_reliability(connected: Path) -> None:
    record = _exported(connected)["a_report.txt"]
    assert record["links"]["incidents"]  # type: ignore[index]
    assert record["links"]["duplicates"]  # type: ignore[index]
    assert record["suggested_reliability"]["value"] == "correct"  # type: ignore[index]


def test_timeline_lists_dated_entries_with_precision_and_counts(connected: Path) -> None:
    page = json.loads(_run(["timeline", "--archive", str(connected), "--json"]))
    dated = {(e["date"], e["precision"]) for e in page["entries"]}
    assert ("2017-03-01", "day") in dated and ("2011", "year") in dated
    assert sum(c["entries"] for c in page["counts"]) == page["total"]
    later = json.loads(_run(["timeline", "--from", "2016", "--archive", str(connected), "--json"]))
    assert {e["date"][:4] for e in later["entries"]} == {"2017"}
    assert "Chronicle" in _run(["timeline", "--facility", "Saydnaya", "--archive", str(connected)])

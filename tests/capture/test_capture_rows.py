"""CSV and JSONL exports: one Item per row with canonical fields, stable bytes per row, and a
Failure for each row that has no text or is not JSON, without stopping the rest."""

from __future__ import annotations

import json
from pathlib import Path

from capture_fixtures import ARABIC, ENGLISH

from dhakira.capture import iter_items, read_item
from dhakira.config import Limits
from dhakira.records import Failure, Item

LIMITS = Limits()


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", "utf-8")
    return path


def test_jsonl_rows_become_items_with_canonical_fields(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "export.jsonl",
        [
            {
                "title": "بيان",
                "body": ARABIC,
                "link": "https://example.org/1",
                "published_at": "2017-02-07",
                "publisher": "Rights Group",
                "tags": ["sednaya"],
            }
        ],
    )
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item)
    assert item.source == f"{path}#row-1"
    assert item.media_type == "application/x-dhakira-row"
    assert item.fields == {
        "title": "بيان",
        "text": ARABIC,
        "url": "https://example.org/1",
        "date": "2017-02-07",
        "source": "Rights Group",
        "extra": {"tags": ["sednaya"]},
    }


def test_row_bytes_are_canonical_json(tmp_path: Path) -> None:
    one = write_jsonl(tmp_path / "one.jsonl", [{"text": ARABIC, "title": "t"}])
    two = write_jsonl(tmp_path / "two.jsonl", [{"title": "t", "text": ARABIC}])
    (first,), (second,) = list(iter_items([one], LIMITS)), list(iter_items([two], LIMITS))
    assert isinstance(first, Item) and isinstance(second, Item)
    assert first.data == second.data
    assert (
        first.data
        == json.dumps(
            {"text": ARABIC, "title": "t"},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        ).encode()
    )


def test_bad_json_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "export.ndjson"
    path.write_text(
        json.dumps({"text": ENGLISH}) + "\n{not json\n" + json.dumps({"text": "Second"}) + "\n",
        "utf-8",
    )
    first, bad, third = list(iter_items([path], LIMITS))
    assert isinstance(first, Item) and isinstance(third, Item)
    assert isinstance(bad, Failure)
    assert bad.source == f"{path}#row-2"
    assert "row 2 is not valid JSON" in bad.reason
    assert bad.data == b"{not json"


def test_row_without_text_is_a_failure_naming_the_row(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "export.jsonl", [{"text": ENGLISH}, {"title": "No body"}])
    _, failure = list(iter_items([path], LIMITS))
    assert isinstance(failure, Failure)
    assert failure.reason.startswith("[DK104] row 2 has no text")


def test_csv_rows_map_columns_and_keep_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "Title,Content,URL,Date,Region\n"
        f'"بيان","{ARABIC}, مع فاصلة",https://example.org/1,2017-02-07,Damascus\n',
        "utf-8",
    )
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item)
    assert item.fields["text"] == f"{ARABIC}, مع فاصلة"
    assert item.fields["title"] == "بيان"
    assert item.fields["extra"] == {"Region": "Damascus"}


def test_csv_in_windows_1256_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes(f"title;text\nبيان;{ARABIC}\n".encode("cp1256"))
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item)
    assert item.fields["text"] == ARABIC


def test_rows_over_the_limit_end_in_one_failure(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "big.jsonl", [{"text": f"row {n}"} for n in range(5)])
    results = list(iter_items([path], Limits(max_rows=3)))
    assert [type(result) for result in results] == [Item, Item, Item, Failure]
    assert "more than 3 rows" in results[-1].reason


def test_row_document_has_text_and_facts(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "export.jsonl",
        [{"text": ENGLISH, "title": "Statement", "date": "2017-02-07", "url": "https://e.org"}],
    )
    (item,) = list(iter_items([path], LIMITS))
    assert isinstance(item, Item)
    document = read_item(item, LIMITS)
    assert document.raw_text == ENGLISH
    assert document.format_meta == {
        "title": "Statement",
        "date": "2017-02-07",
        "url": "https://e.org",
    }

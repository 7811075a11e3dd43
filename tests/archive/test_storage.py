"""Storing documents: what add writes, duplicates, atomicity, codes, failures, reading back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from dhakira.archive import Archive
from dhakira.archive.schema import documents
from dhakira.errors import NotFound
from dhakira.records import Document, Failure, sha256_hex

MakeDoc = Callable[..., Document]

STATEMENT = "Amnesty International said thousands were executed in Saydnaya prison."
BAYAN = "قالت المنظمة إن آلاف المعتقلين أُعدموا في سجن صيدنايا."


def test_add_then_get_returns_every_field(archive: Archive, batch: str, make_doc: MakeDoc) -> None:
    doc = make_doc(
        STATEMENT,
        title="Syria: executions in Saydnaya",
        date="2017-02-07",
        language="en",
        languages=["en"],
        doc_type="press_release",
        publisher="Amnesty International",
        url="https://example.org/a",
        record={"reliability": "correct", "archive_code": "SM-1"},
        supplied={"column": "value"},
        steps={"text.clean": "v1"},
    )
    result = archive.add(doc, batch)
    stored = archive.get(result.code)
    assert result.duplicate is False
    assert stored.sha256 == sha256_hex(STATEMENT.encode())
    assert (stored.title, stored.date, stored.date_precision) == (doc.title, "2017-02-07", "day")
    assert stored.publisher == "Amnesty International"
    assert stored.reliability == "correct"
    assert stored.visibility == "restricted"
    assert stored.supplied == {"column": "value"}
    assert stored.steps == {"text.clean": "v1"}
    assert stored.captured_at == "2024-05-01T12:00:00Z"
    assert stored.batch == batch
    assert archive.original(result.code) == STATEMENT.encode()


def test_same_bytes_twice_is_a_duplicate(archive: Archive, batch: str, make_doc: MakeDoc) -> None:
    first = archive.add(make_doc(STATEMENT), batch)
    second = archive.add(make_doc("other text", data=STATEMENT.encode()), batch)
    assert second == type(second)(first.code, duplicate=True)
    assert archive.count() == 1
    assert len(archive.audit()) == 1


def test_needs_ocr_documents_are_kept_with_that_status(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    code = archive.add(make_doc("", data=b"%PDF-1.4 scanned", text_status="needs_ocr"), batch).code
    assert archive.get(code).status == "needs_ocr"


def test_failure_inside_add_leaves_nothing_behind(
    archive: Archive, batch: str, make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_index(*_args: object) -> None:
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(archive.dialect, "index_document", broken_index)
    with pytest.raises(RuntimeError):
        archive.add(make_doc(STATEMENT), batch)
    assert archive.count() == 0
    assert archive.audit() == []
    assert archive.find_sha(sha256_hex(STATEMENT.encode())) is None


def test_add_works_again_after_a_failed_add(
    archive: Archive, batch: str, make_doc: MakeDoc, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(archive.dialect, "index_document", _raise)
        with pytest.raises(RuntimeError):
            archive.add(make_doc(STATEMENT), batch)
    assert archive.add(make_doc(STATEMENT), batch).duplicate is False
    assert archive.verify().ok


def _raise(*_args: object) -> None:
    raise RuntimeError("boom")


def test_code_has_year_and_hash(archive: Archive, batch: str, make_doc: MakeDoc) -> None:
    sha = sha256_hex(STATEMENT.encode())
    dated = archive.add(make_doc(STATEMENT, date="2017-02-07"), batch).code
    undated = archive.add(make_doc(BAYAN), batch).code
    assert dated == f"DHK-2017-{sha[:6].upper()}"
    assert undated.startswith("DHK-XXXX-")


def test_code_is_the_same_in_any_archive(
    tmp_path: Path, database_url: str | None, make_doc: MakeDoc
) -> None:
    codes = []
    for name in ("one", "two"):
        with Archive.open(tmp_path / name, database_url) as opened:
            codes.append(opened.add(make_doc(BAYAN, date="2016"), opened.start_batch("x")).code)
        if database_url:  # one PostgreSQL database: the second add is a duplicate
            break
    assert len(set(codes)) == 1


def test_colliding_code_is_lengthened(archive: Archive, batch: str, make_doc: MakeDoc) -> None:
    first = archive.add(make_doc(STATEMENT), batch).code
    second_sha = sha256_hex(BAYAN.encode())
    taken = f"DHK-XXXX-{second_sha[:6].upper()}"
    with archive.engine.begin() as conn:
        conn.execute(documents.update().where(documents.c.code == first).values(code=taken))
    second = archive.add(make_doc(BAYAN), batch).code
    assert second == f"DHK-XXXX-{second_sha[:8].upper()}"


def test_code_survives_reopening(
    tmp_path: Path, database_url: str | None, make_doc: MakeDoc
) -> None:
    with Archive.open(tmp_path / "a", database_url) as opened:
        code = opened.add(make_doc(STATEMENT), opened.start_batch("x")).code
    with Archive.open(tmp_path / "a", database_url, create=False) as reopened:
        assert reopened.get(code).code == code
        assert reopened.find_sha(sha256_hex(STATEMENT.encode())) == code


def test_open_without_create_needs_an_archive(tmp_path: Path) -> None:
    with pytest.raises(NotFound, match="dhakira ingest"):
        Archive.open(tmp_path / "nothing", create=False)


def test_unknown_code_names_the_code_and_search(archive: Archive) -> None:
    with pytest.raises(NotFound, match="DHK-1999-000000.*dhakira search"):
        archive.get("DHK-1999-000000")


def test_original_blob_is_read_only_and_content_addressed(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    archive.add(make_doc(STATEMENT), batch)
    sha = sha256_hex(STATEMENT.encode())
    blob = archive.path / "originals" / sha[:2] / sha[2:4] / sha
    assert blob.read_bytes() == STATEMENT.encode()
    assert blob.stat().st_mode & 0o777 == 0o444


def test_documents_streams_all_in_code_order(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    for number in range(7):
        archive.add(make_doc(f"document number {number}"), batch)
    codes = [doc.code for doc in archive.documents()]
    assert codes == sorted(codes)
    assert len(codes) == archive.count() == 7


def test_export_json_has_extract_keys_and_provenance(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    code = archive.add(make_doc(BAYAN, title="بيان", language="ar"), batch).code
    exported = archive.get(code).export_json()
    assert exported["code"] == code
    assert exported["sha256"] == sha256_hex(BAYAN.encode())
    assert {"title", "text", "date_precision", "reliability", "visibility"} <= exported.keys()


def test_failures_are_kept_with_their_bytes(archive: Archive, batch: str) -> None:
    archive.add_failure(Failure("bad.pdf", "[DK104] truncated PDF", data=b"%PDF-broken"), batch)
    archive.add_failure(Failure("huge.bin", "[DK102] over the size limit"), batch)
    kept = archive.failures(batch)
    assert [(f.source, f.sha256, f.size) for f in kept] == [
        ("bad.pdf", sha256_hex(b"%PDF-broken"), 11),
        ("huge.bin", None, None),
    ]
    assert archive.blobs.get(sha256_hex(b"%PDF-broken")) == b"%PDF-broken"


def test_finish_batch_records_counts(archive: Archive, batch: str) -> None:
    archive.finish_batch(batch, {"added": 2, "failed": 1})
    with archive.engine.connect() as conn:
        counts = conn.execute(sa.text("SELECT counts FROM batches")).scalar_one()
    assert "added" in str(counts)


def test_unstorable_characters_are_replaced_but_original_kept(
    archive: Archive, batch: str, make_doc: MakeDoc
) -> None:
    data = b"broken \x00 bytes"
    code = archive.add(make_doc("broken \x00 text \udcff here", data=data), batch).code
    assert archive.get(code).text == "broken \ufffd text \ufffd here"
    assert archive.original(code) == data


def test_database_url_can_come_from_the_environment(
    tmp_path: Path, database_url: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if database_url is None:
        pytest.skip("the SQLite default needs no URL")
    monkeypatch.setenv("DHAKIRA_DATABASE_URL", database_url)
    with Archive.open(tmp_path / "env") as opened:
        assert opened.engine.dialect.name == "postgresql"
    assert not (tmp_path / "env" / "archive.sqlite").exists()

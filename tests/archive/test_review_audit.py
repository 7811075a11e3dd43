"""Review and the tamper-evident record: audit entries per change, and verify catching edits."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
import sqlalchemy as sa

from dhakira.archive import Archive
from dhakira.archive.schema import audit
from dhakira.errors import ConfigError
from dhakira.records import Document

MakeDoc = Callable[..., Document]
TEXT = "The committee documented the death in custody of a detainee in 2014."


@pytest.fixture
def code(archive: Archive, batch: str, make_doc: MakeDoc) -> str:
    return archive.add(make_doc(TEXT), batch).code


def test_add_writes_an_ingest_audit_entry(archive: Archive, code: str) -> None:
    (entry,) = archive.audit(code)
    assert (entry.action, entry.code, entry.new) == ("ingest", code, archive.get(code).sha256)


def test_review_changes_reliability_with_reviewer_and_note(archive: Archive, code: str) -> None:
    reviewed = archive.review(code, note="matches two sources", actor="rana", reliability="correct")
    assert reviewed.reliability == "correct"
    assert (reviewed.reliability_by, reviewed.reliability_note) == ("rana", "matches two sources")
    assert reviewed.reliability_at is not None


def test_review_audits_each_changed_field(archive: Archive, code: str) -> None:
    archive.review(
        code, note="checked", actor="rana", reliability="unverified", visibility="public"
    )
    changes = [(e.field, e.old, e.new, e.why, e.actor) for e in archive.audit(code)[1:]]
    assert changes == [
        ("reliability", "unspecified", "unverified", "checked", "rana"),
        ("visibility", "restricted", "public", "checked", "rana"),
    ]


def test_review_of_an_unchanged_value_writes_no_entry(archive: Archive, code: str) -> None:
    archive.review(code, note="still restricted", actor="rana", visibility="restricted")
    assert len(archive.audit(code)) == 1


def test_review_rejects_unknown_values_listing_allowed_ones(archive: Archive, code: str) -> None:
    with pytest.raises(ConfigError, match="correct, incorrect, unverified, unspecified"):
        archive.review(code, note="x", actor="rana", reliability="probably")
    assert archive.get(code).reliability == "unspecified"


def test_audit_chain_links_each_entry_to_the_previous(archive: Archive, code: str) -> None:
    archive.review(code, note="a", actor="rana", reliability="correct")
    first, second = archive.audit()
    assert second.prev_hash == first.hash
    assert archive.verify().chain_ok


def test_verify_passes_on_an_untouched_archive(archive: Archive, code: str) -> None:
    report = archive.verify()
    assert report.ok and report.checked == 1


def test_verify_detects_a_tampered_original(archive: Archive, code: str) -> None:
    blob = archive.blobs.path(archive.get(code).sha256)
    os.chmod(blob, 0o644)
    blob.write_bytes(TEXT.replace("2014", "2015").encode())
    report = archive.verify()
    assert report.mismatched == [archive.get(code).sha256]
    assert not report.ok


def test_verify_detects_a_missing_original(archive: Archive, code: str) -> None:
    archive.blobs.path(archive.get(code).sha256).unlink()
    assert archive.verify().missing == [archive.get(code).sha256]


def test_verify_detects_an_edited_audit_row(archive: Archive, code: str) -> None:
    archive.review(code, note="honest note", actor="rana", reliability="correct")
    with archive.engine.begin() as conn:
        conn.execute(audit.update().where(audit.c.seq == 2).values(why="forged note"))
    report = archive.verify()
    assert not report.chain_ok
    assert "entry 2" in (report.chain_error or "")


def test_verify_detects_a_deleted_audit_row(archive: Archive, code: str) -> None:
    archive.review(code, note="a", actor="rana", reliability="correct")
    archive.review(code, note="b", actor="rana", reliability="incorrect")
    with archive.engine.begin() as conn:
        conn.execute(sa.delete(audit).where(audit.c.seq == 2))
    assert not archive.verify().chain_ok


def test_verify_lists_unreferenced_blobs_without_failing(archive: Archive, code: str) -> None:
    stray = archive.blobs.put(b"left by a crash before commit")
    report = archive.verify()
    assert report.unreferenced == [stray]
    assert report.ok


def test_verify_checks_kept_failure_bytes(archive: Archive, batch: str) -> None:
    from dhakira.records import Failure, sha256_hex

    archive.add_failure(Failure("bad.docx", "[DK104] damaged", data=b"PK-broken"), batch)
    report = archive.verify()
    assert report.checked == 1 and sha256_hex(b"PK-broken") not in report.unreferenced


def test_review_of_an_unknown_code_is_not_found(archive: Archive) -> None:
    from dhakira.errors import NotFound

    with pytest.raises(NotFound, match="DHK-2000-ABCDEF"):
        archive.review("DHK-2000-ABCDEF", note="x", actor="rana", reliability="correct")

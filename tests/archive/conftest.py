"""Fixtures: an empty archive on each backend, and a builder for hand-made Documents.

SQLite always runs. PostgreSQL runs when DHAKIRA_TEST_POSTGRES_URL names a server (e.g.
postgresql+pg8000://postgres@127.0.0.1:5432/postgres): one fresh database is created for the
session and dropped afterwards; each test starts from an empty schema in it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from dhakira.archive import Archive
from dhakira.records import DateIssued, Document, Item

POSTGRES_ENV = "DHAKIRA_TEST_POSTGRES_URL"

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database for this test session."""
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        pytest.skip(f"{POSTGRES_ENV} not set: PostgreSQL tests skipped")
    name = f"dhakira_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(server).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _empty_postgres(url: str) -> None:
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str | None:
    """None for the SQLite default, else the URL of an emptied PostgreSQL database."""
    if request.param == "sqlite":
        return None
    url: str = request.getfixturevalue("postgres_url")
    _empty_postgres(url)
    return url


@pytest.fixture
def archive(tmp_path: Path, database_url: str | None) -> Iterator[Archive]:
    with Archive.open(tmp_path / "archive", database_url) as opened:
        yield opened


@pytest.fixture
def batch(archive: Archive) -> str:
    return archive.start_batch("test batch")


MakeDoc = Callable[..., Document]


@pytest.fixture
def make_doc() -> MakeDoc:
    """Build a Document by hand; `data` defaults to the text so each text is a new original."""

    def build(text: str, *, data: bytes | None = None, **fields: Any) -> Document:
        date = fields.pop("date", None)
        item = Item(
            data=data if data is not None else text.encode("utf-8"),
            source=fields.pop("source", "fixtures/doc.txt"),
            media_type=fields.pop("media_type", "text/plain"),
            url=fields.pop("url", None),
            captured_at=fields.pop("captured_at", datetime(2024, 5, 1, 12, 0, tzinfo=UTC)),
            fields=fields.pop("supplied", {}),
        )
        precision = {10: "day", 7: "month"}.get(len(date or ""), "year")
        issued = DateIssued(date, precision, "header") if date else None
        return Document(item=item, text=text, raw_text=text, date=issued, **fields)

    return build

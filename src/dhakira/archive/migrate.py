"""Run the packaged Alembic migrations programmatically, so users never need alembic.ini."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

from dhakira.archive.dialects import WRITE_FLAG, Dialect

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def upgrade_to_head(engine: Engine, dialect: Dialect) -> None:
    """Bring the schema to the newest revision shipped with this dhakira, as the only writer
    (two processes opening a new archive at once must not both create the tables)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        conn.info[WRITE_FLAG] = True
        with conn.begin():
            conn.info[WRITE_FLAG] = False
            dialect.lock_writers(conn)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

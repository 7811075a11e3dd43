"""Accounts in the archive: hashed passwords, roles, sessions, tokens, all changes audited."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from dhakira.archive import Archive
from dhakira.archive.schema import api_tokens, sessions, users
from dhakira.errors import ConfigError, NotFound


@pytest.fixture
def archive(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Archive.open(tmp_path / "archive") as opened:
        yield opened


def test_passwords_are_stored_as_argon2_hashes(archive: Archive) -> None:
    archive.accounts.add("rania", "a long enough password", "editor", actor="test")
    with archive.engine.connect() as conn:
        stored = conn.execute(sa.select(users.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2") and "a long enough password" not in stored


def test_a_right_password_logs_in_and_a_wrong_one_does_not(archive: Archive) -> None:
    archive.accounts.add("rania", "a long enough password", "editor", actor="test")
    assert archive.accounts.check_password("rania", "a long enough password", "::1").name == "rania"
    assert archive.accounts.check_password("rania", "wrong", "::1") is None
    assert archive.accounts.check_password("nobody", "wrong", "::1") is None


def test_short_passwords_and_unknown_roles_are_refused(archive: Archive) -> None:
    with pytest.raises(ConfigError):
        archive.accounts.add("rania", "short", "editor", actor="test")
    with pytest.raises(ConfigError):
        archive.accounts.add("rania", "a long enough password", "owner", actor="test")


def test_role_changes_are_audited_with_old_and_new_role(archive: Archive) -> None:
    archive.accounts.add("rania", "a long enough password", "viewer", actor="cli:admin")
    archive.accounts.set_role("rania", "admin", actor="cli:admin", why="leads reviews")
    last = archive.audit()[-1]
    assert (last.actor, last.action, last.field, last.old, last.new, last.why) == (
        "cli:admin",
        "user_role",
        "user:rania",
        "viewer",
        "admin",
        "leads reviews",
    )
    assert archive.verify().chain_ok


def test_a_session_follows_role_changes_and_ends_with_the_user(archive: Archive) -> None:
    user = archive.accounts.add("rania", "a long enough password", "viewer", actor="test")
    token = archive.accounts.new_session(user)
    archive.accounts.set_role("rania", "editor", actor="test")
    assert archive.accounts.session_user(token).role == "editor"
    archive.accounts.remove("rania", actor="test")
    assert archive.accounts.session_user(token) is None
    with pytest.raises(NotFound):
        archive.accounts.get("rania")


def test_an_expired_session_is_not_accepted(archive: Archive) -> None:
    user = archive.accounts.add("rania", "a long enough password", "viewer", actor="test")
    assert archive.accounts.session_user(archive.accounts.new_session(user, hours=0)) is None


def test_tokens_are_stored_only_as_digests(archive: Archive) -> None:
    archive.accounts.add("bot", "a long enough password", "viewer", actor="test")
    token = archive.accounts.new_token("bot", "nightly", actor="test")
    user = archive.accounts.new_session(archive.accounts.get("bot"))
    with archive.engine.connect() as conn:
        stored = list(conn.execute(sa.select(api_tokens.c.token_hash)).scalars())
        stored += list(conn.execute(sa.select(sessions.c.token_hash)).scalars())
    assert token not in stored and user not in stored
    assert archive.accounts.token_user(token).name == "bot"

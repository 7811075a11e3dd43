"""People of the web application: users and roles, sessions, API tokens and login attempts.

Kept beside the archive (same database, same transactions) so that every server process sees
the same accounts and the same rate limit, and every change to an account is written to the
archive's audit chain like any other change. Passwords are argon2 hashes; session and API
tokens are random and stored only as SHA-256 digests.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Connection

from dhakira.archive import rows
from dhakira.archive.audit import append_entry
from dhakira.archive.schema import api_tokens, login_attempts, sessions, users
from dhakira.errors import ConfigError, NotFound

if TYPE_CHECKING:
    from dhakira.archive.archive import Archive

ROLES: tuple[str, ...] = ("admin", "editor", "viewer")
MIN_PASSWORD = 10
SESSION_HOURS = 12
_HASHER = PasswordHasher()
# verified when the user does not exist, so a wrong name costs the same time as a wrong password
_DUMMY_HASH = _HASHER.hash("not a password of anyone")


@dataclass(frozen=True)
class User:
    """A person who can log in; `role` decides what they may see and change."""

    id: int
    name: str
    role: str
    created_at: str

    def can(self, role: str) -> bool:
        """True when this user's role is `role` or above (admin > editor > viewer)."""
        return ROLES.index(self.role) <= ROLES.index(role)


@dataclass(frozen=True)
class LoginLimits:
    """Failed logins allowed per user name and per address within `window_seconds`."""

    per_name: int = 5
    per_address: int = 20
    window_seconds: int = 900


def digest(token: str) -> str:
    """How a session or API token is stored: its SHA-256, never the token itself."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(row: sa.RowMapping) -> User:
    return User(int(row["id"]), row["name"], row["role"], row["created_at"])


def _stamp(moment: datetime) -> str:
    return rows.iso(moment)


class Accounts:
    """The account operations of one open Archive (same connection, same thread)."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    # -- users --------------------------------------------------------------------------------

    def add(self, name: str, password: str, role: str, *, actor: str, why: str = "") -> User:
        """Create a user; the audit entry names the user and role, never the password."""
        name = name.strip()
        _check_role(role)
        if not name:
            raise ConfigError("a user needs a name", hint="give a name such as 'rania'")
        if len(password) < MIN_PASSWORD:
            raise ConfigError(
                f"the password is shorter than {MIN_PASSWORD} characters",
                item=name,
                hint="choose a longer password (a few words work well)",
            )
        with self.archive._write() as conn:
            if self._find(conn, name) is not None:
                raise ConfigError("a user with this name exists", item=name, hint="pick another")
            conn.execute(
                users.insert().values(
                    name=name,
                    password_hash=_HASHER.hash(password),
                    role=role,
                    created_at=rows.utc_now(),
                )
            )
            append_entry(conn, actor, "user_add", None, f"user:{name}", None, role, why)
            found = self._find(conn, name)
        assert found is not None
        return found

    def users(self) -> list[User]:
        with self.archive._read() as conn:
            return [
                _user(row)
                for row in conn.execute(sa.select(users).order_by(users.c.name)).mappings()
            ]

    def get(self, name: str) -> User:
        with self.archive._read() as conn:
            found = self._find(conn, name)
        if found is None:
            raise NotFound(
                "no user with this name", item=name, hint="list them: dhakira users list"
            )
        return found

    def _find(self, conn: Connection, name: str) -> User | None:
        row = conn.execute(sa.select(users).where(users.c.name == name.strip())).mappings().first()
        return _user(row) if row else None

    def set_role(self, name: str, role: str, *, actor: str, why: str = "") -> User:
        _check_role(role)
        with self.archive._write() as conn:
            current = self._required(conn, name)
            if current.role != role:
                conn.execute(users.update().where(users.c.id == current.id).values(role=role))
                append_entry(
                    conn, actor, "user_role", None, f"user:{current.name}", current.role, role, why
                )
        return self.get(name)

    def remove(self, name: str, *, actor: str, why: str = "") -> None:
        """Delete a user with their sessions and API tokens; the audit log keeps their name."""
        with self.archive._write() as conn:
            current = self._required(conn, name)
            for table in (sessions, api_tokens):
                conn.execute(table.delete().where(table.c.user_id == current.id))
            conn.execute(users.delete().where(users.c.id == current.id))
            append_entry(
                conn, actor, "user_remove", None, f"user:{current.name}", current.role, None, why
            )

    def _required(self, conn: Connection, name: str) -> User:
        found = self._find(conn, name)
        if found is None:
            raise NotFound(
                "no user with this name", item=name, hint="list them: dhakira users list"
            )
        return found

    # -- logging in ---------------------------------------------------------------------------

    def throttled(self, name: str, address: str, limits: LoginLimits = LoginLimits()) -> bool:
        """True when too many logins failed lately for this name or from this address."""
        since = _stamp(datetime.now(UTC) - timedelta(seconds=limits.window_seconds))
        failed = sa.and_(login_attempts.c.ok.is_(False), login_attempts.c.at >= since)
        count = sa.select(sa.func.count()).select_from(login_attempts)
        with self.archive._read() as conn:
            by_name = conn.execute(count.where(failed, login_attempts.c.name == name)).scalar_one()
            by_address = conn.execute(
                count.where(failed, login_attempts.c.address == address)
            ).scalar_one()
        return int(by_name) >= limits.per_name or int(by_address) >= limits.per_address

    def check_password(self, name: str, password: str, address: str) -> User | None:
        """The user when the password is right, else None; every attempt is recorded."""
        with self.archive._write() as conn:
            row = conn.execute(sa.select(users).where(users.c.name == name)).mappings().first()
            ok = _verify(row["password_hash"] if row else _DUMMY_HASH, password) and row is not None
            # attempts older than a day decide nothing: dropped so the table stays small
            old = _stamp(datetime.now(UTC) - timedelta(days=1))
            conn.execute(login_attempts.delete().where(login_attempts.c.at < old))
            conn.execute(
                login_attempts.insert().values(
                    name=name[:100], address=address[:100], at=rows.utc_now(), ok=ok
                )
            )
        return _user(row) if ok and row else None

    def new_session(self, user: User, hours: int = SESSION_HOURS) -> str:
        """A fresh session token for the cookie (only its digest is stored)."""
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        with self.archive._write() as conn:
            conn.execute(sessions.delete().where(sessions.c.expires_at <= _stamp(now)))
            conn.execute(
                sessions.insert().values(
                    token_hash=digest(token),
                    user_id=user.id,
                    created_at=_stamp(now),
                    expires_at=_stamp(now + timedelta(hours=hours)),
                )
            )
        return token

    def session_user(self, token: str) -> User | None:
        """The user of an unexpired session, read fresh so a role change applies at once."""
        query = (
            sa.select(users)
            .join(sessions, sessions.c.user_id == users.c.id)
            .where(sessions.c.token_hash == digest(token), sessions.c.expires_at > rows.utc_now())
        )
        with self.archive._read() as conn:
            row = conn.execute(query).mappings().first()
        return _user(row) if row else None

    def end_session(self, token: str) -> None:
        with self.archive._write() as conn:
            conn.execute(sessions.delete().where(sessions.c.token_hash == digest(token)))

    # -- API tokens ---------------------------------------------------------------------------

    def new_token(self, name: str, label: str, *, actor: str) -> str:
        """A new API token for a user; shown once, stored as a digest, audited by label."""
        token = "dhk_" + secrets.token_urlsafe(32)
        with self.archive._write() as conn:
            user = self._required(conn, name)
            conn.execute(
                api_tokens.insert().values(
                    token_hash=digest(token),
                    user_id=user.id,
                    label=label,
                    created_at=rows.utc_now(),
                )
            )
            append_entry(conn, actor, "token_add", None, f"user:{user.name}", None, label, None)
        return token

    def token_user(self, token: str) -> User | None:
        query = (
            sa.select(users)
            .join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token_hash == digest(token))
        )
        with self.archive._read() as conn:
            row = conn.execute(query).mappings().first()
        return _user(row) if row else None


def _verify(stored: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ConfigError(f"{role!r} is not a role", hint=f"use one of: {', '.join(ROLES)}")

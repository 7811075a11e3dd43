"""Commands of the web application: `dhakira serve` and `dhakira users ...`.

Registered on the one `dhakira` app of `cli.py` (imported at its end), with its conventions:
`--archive`, `--database-url`, `--json`, examples in every `--help`. Changes to accounts are
written to the audit log with the person at the terminal as actor.
"""

from __future__ import annotations

import getpass
import webbrowser
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from dhakira.config import DEFAULT_ARCHIVE
from dhakira.errors import ConfigError
from dhakira.views import console as render
from dhakira.views.cli import ArchiveOpt, DatabaseOpt, JsonOpt, _archive, app, err, out

users_app = typer.Typer(help="Manage the people who use the web application.", no_args_is_help=True)
app.add_typer(users_app, name="users")
RoleOpt = Annotated[str, typer.Option("--role", help="admin, editor or viewer.")]
WhyOpt = Annotated[str, typer.Option("--why", help="Why: kept in the audit log.")]


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


@app.command(
    epilog="Examples:\n\n  dhakira serve\n\n  dhakira serve --port 8080 --open\n\n"
    "  dhakira serve --host 0.0.0.0 --secure-cookies   (behind an HTTPS proxy)"
)
def serve(
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the browser at the URL.")] = (
        False
    ),
    secure_cookies: Annotated[
        bool,
        typer.Option("--secure-cookies", help="Send cookies only over HTTPS (use behind HTTPS)."),
    ] = False,
) -> None:
    """Serve the archive in a browser (Arabic and English) and as a JSON API."""
    import uvicorn

    from dhakira.views.web import WebSettings, create_app

    web = create_app(archive, database_url, WebSettings(secure_cookies=secure_cookies))
    url = f"http://{host}:{port}/search"
    out.print(f"dhakira archive at {url}  (Ctrl+C to stop)", highlight=False)
    if open_browser:
        webbrowser.open(url)
    uvicorn.run(web, host=host, port=port, log_level="warning")


@users_app.command("add", epilog="Example:\n\n  dhakira users add rania --role editor")
def users_add(
    name: Annotated[str, typer.Argument(help="User name for logging in.")],
    role: RoleOpt = "viewer",
    password: Annotated[
        str | None, typer.Option(help="Password (asked without echo when not given).")
    ] = None,
    why: WhyOpt = "",
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
) -> None:
    """Create a user with a role; the password is stored as an argon2 hash."""
    secret = password or typer.prompt("password", hide_input=True, confirmation_prompt=True)
    with _archive(archive, database_url) as store:
        user = store.accounts.add(name, secret, role, actor=_actor(), why=why)
    out.print(f"user {user.name} added as {user.role}", highlight=False)


@users_app.command("list", epilog="Example:\n\n  dhakira users list --json")
def users_list(
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List users with their roles."""
    with _archive(archive, database_url) as store:
        found = store.accounts.users()
    for user in found:
        if as_json:
            render.print_json_line(asdict(user))
        else:
            out.print(f"{user.name}\t{user.role}\t{user.created_at}", highlight=False)


@users_app.command(
    "set-role",
    epilog='Example:\n\n  dhakira users set-role rania admin --why "leads the review team"',
)
def users_set_role(
    name: Annotated[str, typer.Argument(help="User name.")],
    role: Annotated[str, typer.Argument(help="admin, editor or viewer.")],
    why: WhyOpt = "",
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
) -> None:
    """Change a user's role (applies to their open sessions at once)."""
    with _archive(archive, database_url) as store:
        user = store.accounts.set_role(name, role, actor=_actor(), why=why)
    out.print(f"user {user.name} is now {user.role}", highlight=False)


@users_app.command("remove", epilog='Example:\n\n  dhakira users remove rania --why "left"')
def users_remove(
    name: Annotated[str, typer.Argument(help="User name.")],
    why: WhyOpt = "",
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
) -> None:
    """Remove a user with their sessions and API tokens (the audit log keeps their name)."""
    with _archive(archive, database_url) as store:
        store.accounts.remove(name, actor=_actor(), why=why)
    out.print(f"user {name} removed", highlight=False)


@users_app.command(
    "token", epilog='Example:\n\n  dhakira users token harvester --label "nightly import"'
)
def users_token(
    name: Annotated[str, typer.Argument(help="User the token acts as.")],
    label: Annotated[str, typer.Option(help="What the token is for.")],
    archive: ArchiveOpt = Path(DEFAULT_ARCHIVE),
    database_url: DatabaseOpt = None,
) -> None:
    """Make an API token (Authorization: Bearer ...); it is printed once and stored hashed."""
    if not label.strip():
        raise ConfigError("a token needs a label", item=name, hint="say what it is for")
    with _archive(archive, database_url) as store:
        token = store.accounts.new_token(name, label, actor=_actor())
    err.print("keep this token secret; it is not shown again", style="dim")
    out.print(token, highlight=False)

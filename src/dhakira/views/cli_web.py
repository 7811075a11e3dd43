"""Commands of the web application: `dhakira serve` and `dhakira users ...`.

Registered on the one `dhakira` app of `cli.py` (imported at its end), with its conventions:
`--archive`, `--database-url`, `--json`, examples in every `--help`. Changes to accounts are
written to the audit log with the person at the terminal as actor.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
import threading
import time
import webbrowser
from collections.abc import Callable, Mapping
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
# Seconds an idle connection is kept open. uvicorn's default (5 s) is shorter than readers and
# API clients keep theirs: a request sent just as the server closes such a connection fails
# on the client (a read error) instead of being answered.
KEEP_ALIVE = 75
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
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes sharing the port (more readers at once; each uses its own "
            "memory and cache). One is enough for a few readers.",
        ),
    ] = 1,
) -> None:
    """Serve the archive in a browser (Arabic and English) and as a JSON API.

    The URL is printed first; with --open the reader's browser is opened at it once the server
    listens. Where no browser can be shown (no display, no $BROWSER) the URL is all there is.
    With --workers N, N processes answer on the same port (Python runs one request's code at
    a time per process, so a busy archive is served faster by several).
    """
    import uvicorn

    from dhakira.views.web import WebSettings, create_app

    web = create_app(archive, database_url, WebSettings(secure_cookies=secure_cookies))
    listening = _listen(host, port)
    url = _page_url(host, port)
    out.print(f"dhakira archive at {url}  (Ctrl+C to stop)", highlight=False)
    if workers > 1:
        if open_browser:  # the socket already listens: the browser's request waits for a worker
            _open_when_started(lambda: True, url)
        _serve_workers(listening, workers, archive, database_url, secure_cookies)
        return
    server = uvicorn.Server(
        uvicorn.Config(
            web, host=host, port=port, log_level="warning", timeout_keep_alive=KEEP_ALIVE
        )
    )
    if open_browser:
        _open_when_started(lambda: server.started, url)
    server.run(sockets=[listening])


def _serve_workers(
    listening: socket.socket,
    workers: int,
    archive: Path,
    database_url: str | None,
    secure_cookies: bool,
) -> None:
    """Run `workers` server processes on the bound socket until Ctrl+C (uvicorn supervises
    them and replaces one that dies). Each makes its app from the environment set here (the
    archive was opened and migrated above, so the workers skip that)."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    from dhakira.views.web import app as web_app

    os.environ[web_app.SERVED_ARCHIVE] = str(Path(archive).resolve())
    os.environ[web_app.SERVED_DATABASE_URL] = database_url or ""
    os.environ[web_app.SERVED_SECURE_COOKIES] = "1" if secure_cookies else "0"
    config = uvicorn.Config(
        "dhakira.views.web.app:app_from_environment",
        factory=True,
        workers=workers,
        log_level="warning",
        timeout_keep_alive=KEEP_ALIVE,
    )
    Multiprocess(config, sockets=[listening]).run()


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so a busy port is reported before anything else."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio turns Nagle off (TCP_NODELAY) only on sockets that say they
    # are TCP; otherwise each answer on a kept-alive connection waits ~40 ms for a delayed ACK
    listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
        listening.listen(2048)  # from now on a connection waits for the server, never refused
    except OSError as exc:
        listening.close()
        raise ConfigError(
            f"cannot listen on {host}:{port} ({exc.strerror})",
            item=f"{host}:{port}",
            hint="choose another port with --port, or stop what uses this one",
        ) from exc
    return listening


def _page_url(host: str, port: int) -> str:
    """The search page's address; a wildcard host is shown as loopback, which a browser opens."""
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/search"


def can_show_browser(environ: Mapping[str, str], platform: str) -> bool:
    """Whether a browser window can be opened here: on macOS and Windows, under a graphical
    display, or when $BROWSER names one. Elsewhere (a server, a container, an SSH session)
    Python would fall back to a terminal browser that takes over the console."""
    if environ.get("BROWSER"):
        return True
    if platform in ("darwin", "win32"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def _open_when_started(started: Callable[[], bool], url: str) -> None:
    """Open the browser at `url` once `started()` says the server answers (in a background
    thread)."""
    if not can_show_browser(os.environ, sys.platform):
        err.print("no browser can be opened here: open the URL above yourself", style="dim")
        return

    def wait_then_open() -> None:
        deadline = time.monotonic() + 60
        while not started():
            if time.monotonic() > deadline:
                return
            time.sleep(0.1)
        try:
            opened = webbrowser.open(url)
        except webbrowser.Error:
            opened = False
        if not opened:
            err.print("could not open a browser: open the URL above yourself", style="dim")

    threading.Thread(target=wait_then_open, name="open-browser", daemon=True).start()


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

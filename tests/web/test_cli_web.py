"""`dhakira users ...` manages accounts; `dhakira serve` is registered with its options."""

from __future__ import annotations

import asyncio
import json
import socket
from pathlib import Path

from typer.testing import CliRunner

from dhakira.archive import Archive
from dhakira.views.cli import app
from dhakira.views.cli_web import _listen

runner = CliRunner()


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_users_add_list_set_role_and_remove(tmp_path: Path) -> None:
    where = ["--archive", str(tmp_path / "archive")]
    Archive.open(tmp_path / "archive").close()
    _run(
        "users", "add", "rania", "--role", "editor", "--password", "a long enough password", *where
    )
    listed = [json.loads(line) for line in _run("users", "list", "--json", *where).splitlines()]
    assert [(u["name"], u["role"]) for u in listed] == [("rania", "editor")]
    assert "now admin" in _run("users", "set-role", "rania", "admin", "--why", "lead", *where)
    _run("users", "remove", "rania", *where)
    assert _run("users", "list", *where).strip() == ""


def test_users_token_prints_a_token_that_authenticates(tmp_path: Path) -> None:
    where = ["--archive", str(tmp_path / "archive")]
    Archive.open(tmp_path / "archive").close()
    _run("users", "add", "bot", "--password", "a long enough password", *where)
    token = _run("users", "token", "bot", "--label", "nightly", *where).split()[-1]
    with Archive.open(tmp_path / "archive") as archive:
        assert archive.accounts.token_user(token).name == "bot"


def test_serve_binds_loopback_by_default() -> None:
    output = runner.invoke(app, ["serve", "--help"]).output
    assert "127.0.0.1" in output


def test_connections_to_the_served_socket_send_without_waiting_for_acks() -> None:
    # the server answers a request in several writes (head, body): with Nagle's algorithm on,
    # each answer on a kept-alive connection waited ~40 ms for the client's delayed ACK
    listening = _listen("127.0.0.1", 0)
    nodelay: list[int] = []

    async def served() -> None:
        async def handle(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            sock = writer.get_extra_info("socket")
            nodelay.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(handle, sock=listening)
        _reader, writer = await asyncio.open_connection(*listening.getsockname()[:2])
        await _reader.read()
        writer.close()
        server.close()
        await server.wait_closed()

    asyncio.run(served())
    assert nodelay == [1]

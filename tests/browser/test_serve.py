"""`dhakira serve --open`, the last step of the quick start: it prints the URL, opens the
browser there once the page answers, and never fails for want of a browser or a display."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dhakira.archive import Archive
from dhakira.errors import ConfigError
from dhakira.views.cli import app
from dhakira.views.cli_web import can_show_browser

# stands in for a browser: fetches the URL it is given and writes what it got
FAKE_BROWSER = """
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=10) as answer:
    open(sys.argv[2], "w").write(f"{answer.status} {sys.argv[1]}")
"""


@pytest.fixture
def empty_archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive"
    Archive.open(path).close()
    return path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_for(path: Path, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, f"nothing written to {path} in {seconds} s"
        time.sleep(0.1)
    return path.read_text()


@pytest.mark.slow  # a real `dhakira serve` process: its start-up imports everything
def test_serve_open_prints_the_url_and_opens_the_browser_when_the_page_answers(
    empty_archive: Path, tmp_path: Path
) -> None:
    opener = tmp_path / "browser.py"
    opener.write_text(FAKE_BROWSER)
    seen = tmp_path / "seen"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["BROWSER"] = f"{sys.executable} {opener} %s {seen}"
    port = _free_port()
    command = [sys.executable, "-c", "from dhakira.views.cli import main; main()", "serve"]
    server = subprocess.Popen(
        [*command, "--archive", str(empty_archive), "--port", str(port), "--open"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = f"http://127.0.0.1:{port}/search"
        assert url in server.stdout.readline()
        assert _wait_for(seen, 60) == f"200 {url}"
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            raise


def test_a_busy_port_is_refused_with_a_hint(empty_archive: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = CliRunner().invoke(app, ["serve", "--archive", str(empty_archive), "--port", port])
    assert isinstance(result.exception, ConfigError)
    assert "--port" in str(result.exception)


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", False),  # a server or container: no window to open
        ({"DISPLAY": ":0"}, "linux", True),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", True),
        ({"BROWSER": "firefox"}, "linux", True),
        ({}, "darwin", True),
        ({}, "win32", True),
    ],
)
def test_a_browser_is_opened_only_where_one_can_be_shown(
    environ: dict[str, str], platform: str, expected: bool
) -> None:
    assert can_show_browser(environ, platform) is expected


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.update(int(child) for child in (task / "children").read_text().split())
    return found


@pytest.mark.slow  # real `dhakira serve` processes
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_serve_workers_answer_from_several_processes_and_stop_together(
    empty_archive: Path,
) -> None:
    port = _free_port()
    command = [sys.executable, "-c", "from dhakira.views.cli import main; main()", "serve"]
    server = subprocess.Popen(
        [*command, "--archive", str(empty_archive), "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        assert f"http://127.0.0.1:{port}/search" in server.stdout.readline()
        # the socket listens before the workers start: the first request waits, never refused
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/search.json?q=")
        first = connection.getresponse()
        first.read()
        assert first.status == 200
        workers = _children(server.pid)
        assert len(workers) >= 2
        # a connection left idle for longer than uvicorn's default keep-alive (5 s) still
        # answers: closing it under a client about to reuse it made that request fail
        time.sleep(6)
        connection.request("GET", "/search.json?q=")
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        server.send_signal(signal.SIGINT)  # Ctrl+C
        server.wait(timeout=30)
    deadline = time.monotonic() + 10  # the workers end just after the parent that joined them
    while left := [pid for pid in workers if _running(pid)]:
        assert time.monotonic() < deadline, f"processes left after Ctrl+C: {left}"
        time.sleep(0.2)


def _running(pid: int) -> bool:
    """Whether the process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"

"""What the browser tests stand on: the real application served on a loopback port, and
Debian's Chromium driven by Playwright.

Playwright is used with the system browser only (`executable_path`), never with a browser of
its own: nothing is downloaded. Without Chromium the tests skip with a message, except on CI
(`CI=true`), where a missing browser would silently turn the browser tests off: there they fail.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest
import uvicorn

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ("--headless", "--no-sandbox", "--disable-background-networking")
INSTALL_HINT = "install it with `apt-get install -y chromium` (.ci/run does)"


def on_ci() -> bool:
    """True when running under CI, where a missing browser is an error, not a skip."""
    return os.environ.get("CI", "").lower() == "true"


def require_browser() -> None:
    """Skip (or on CI fail) when Chromium or Playwright is missing."""
    problem = None
    if not CHROMIUM.exists():
        problem = f"{CHROMIUM} not found: {INSTALL_HINT}"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "playwright not installed: pip install -e '.[test]'"
    if problem is None:
        return
    if on_ci():
        pytest.fail(f"browser tests cannot run on CI: {problem}", pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}")


def launch_chromium(playwright: Any) -> Any:
    """Debian's headless Chromium, without sandbox (containers) or background traffic."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(CHROMIUM_ARGS))


class LiveServer:
    """A uvicorn server for `app` on a free loopback port, run in a thread of this process."""

    def __init__(self, app: Any) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self, timeout: float = 20.0) -> None:
        """Start serving and wait until the server accepts requests."""
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the test server at {self.url} did not start")
            time.sleep(0.05)

    def stop(self) -> None:
        """Ask the server to finish and wait for its thread."""
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()

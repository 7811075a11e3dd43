"""Fixtures of the browser tests: a small public archive ingested from the hand-written
documents in `documents/`, the real web application serving it on a loopback port, and one
headless Chromium; all three are made once per module, each test gets a fresh browser context
(no cookies carried from one test to the next).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .harness import LiveServer, launch_chromium, require_browser

DOCUMENTS = Path(__file__).parent / "documents"
FIXTURES = sorted(p for p in DOCUMENTS.iterdir() if p.suffix in (".txt", ".html"))
PASSWORD = "walnut harbour lantern"
USERS = {"hala": "editor", "nizar": "admin"}  # invented people
TIMEOUT_MS = 20_000  # generous: the machine running the suite may be busy with other work


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "browser: drives headless Chromium (skipped without it, except on CI)"
    )


@dataclass(frozen=True)
class Site:
    """The served archive: its address and the codes of the fixture documents by file stem."""

    url: str
    codes: dict[str, str]


def _build_archive(path: Path) -> dict[str, str]:
    """Ingest the fixture documents as a public batch and add one editor and one admin."""
    from dhakira.archive import Archive
    from dhakira.ingest import IngestOptions, ingest

    with Archive.open(path) as archive:
        summary = ingest(archive, FIXTURES, IngestOptions(visibility="public"))
        for name, role in USERS.items():
            archive.accounts.add(name, PASSWORD, role, actor="test")
    codes = {Path(o.source).stem: o.code for o in summary.outcomes if o.code}
    assert {"en_detainees", "ar_detainees", "payload", "captured_page"} <= set(codes), (
        summary.outcomes
    )
    return codes


@pytest.fixture(scope="module")
def cheap_password_hashing() -> Iterator[None]:
    """argon2 at its smallest cost while the module runs: logging in is walked, not timed."""
    from argon2 import PasswordHasher

    from dhakira.archive import accounts

    kept = accounts._HASHER
    accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    yield
    accounts._HASHER = kept


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, cheap_password_hashing: None) -> Iterator[Site]:
    """The real application over the fixture archive, served on a free loopback port."""
    require_browser()
    from dhakira.views.web import create_app

    path = tmp_path_factory.mktemp("browser") / "archive"
    codes = _build_archive(path)
    server = LiveServer(create_app(path))
    server.start()
    yield Site(server.url, codes)
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for the module."""
    require_browser()
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


def new_page(browser: Any, site: Site) -> Any:
    """A page in a fresh English-speaking browser context (no cookies) pointed at the site."""
    context = browser.new_context(base_url=site.url, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


@pytest.fixture
def page(browser: Any, site: Site) -> Iterator[Any]:
    """A new visitor's page, closed with its context after the test."""
    opened = new_page(browser, site)
    try:
        yield opened
    finally:
        opened.context.close()


def log_in(page: Any, name: str) -> None:
    """Log in through the login form, as a person would."""
    page.goto("/login")
    page.locator("input[name=name]").fill(name)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form.stack button[type=submit]").click()
    page.wait_for_url("**/search")

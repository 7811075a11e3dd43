"""Screenshots of the web application's main pages in English and Arabic, for the README.

    python scripts/screenshots.py [--out docs/screenshots]

The sample documents (`samples/`) are ingested as a public batch into a temporary archive, the
application is served on a free loopback port, and Debian's headless Chromium (driven by
Playwright, never a browser of Playwright's own) saves one 1280x900 PNG per page and language:
search with results, a record, an entity, the entity and claim lists, login, an upload's
progress page once its files are done (as an editor) and the audit log (as an admin). Any
other page linked from the header (incidents, the timeline, ...) and the first page it links
to below itself are taken too, so new pages are picked up by running the script again.
"""

from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import uvicorn

from dhakira.archive import Archive
from dhakira.ingest import IngestOptions, ingest
from dhakira.views.web import create_app

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking"]
VIEWPORT = {"width": 1280, "height": 900}
PASSWORD = "screenshot sample password"
QUERIES = {"en": "Saydnaya", "ar": "صيدنايا"}
LOCALES = {"en": "en-US", "ar": "ar-SY"}  # also the language of the browser's own controls
# header links that are not pages to picture, or are pictured on their own
NOT_PICTURED = {"/search", "/entities", "/claims", "/upload", "/audit", "/export.jsonl", "/api"}
SIZE_WARNING = 300_000
# what the editor uploads: a new note, a sample already in the archive, and a broken PDF
UPLOAD_NOTES = {
    "en": "Note of 12 March 2021: a family asks about a brother detained at Sednaya in 2013.\n",
    "ar": "ملاحظة بتاريخ 12 آذار 2021: عائلة تسأل عن أخ اعتُقل في صيدنايا عام 2013.\n",
}
UPLOAD_DUPLICATE = ROOT / "samples" / "txt" / "en_press_release_sednaya_2018.txt"
UPLOAD_SECONDS = 60


def build_sample_archive(path: Path) -> None:
    """The samples as a public batch, with an editor and an admin to log in as."""
    with Archive.open(path) as archive:
        summary = ingest(
            archive, sorted((ROOT / "samples").iterdir()), IngestOptions(visibility="public")
        )
        archive.accounts.add("editor", PASSWORD, "editor", actor="screenshots")
        archive.accounts.add("admin", PASSWORD, "admin", actor="screenshots")
    print(f"samples ingested: {summary.counts}")


@contextmanager
def serving(archive: Path) -> Iterator[str]:
    """The application over `archive` on a free loopback port, in a thread; yields its URL."""
    listening = socket.socket()
    listening.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(archive), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the application did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{listening.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listening.close()


class Camera:
    """Takes the pictures of one language in one browser context."""

    def __init__(self, browser: Any, url: str, lang: str, out: Path) -> None:
        self.context = browser.new_context(base_url=url, viewport=VIEWPORT, locale=LOCALES[lang])
        self.page = self.context.new_page()
        self.lang = lang
        self.out = out
        self.taken: list[Path] = []
        self.page.goto(f"/search?lang={lang}")  # the language is kept in a cookie from here

    def shoot(self, name: str, path: str | None = None, show: str | None = None) -> Path:
        """Go to `path` (or stay), scroll to the element `show` if given, and save the
        viewport as NAME-LANG.png."""
        if path is not None:
            self.page.goto(path)
        self.page.wait_for_load_state("networkidle")
        if show is not None:
            self.page.locator(show).first.scroll_into_view_if_needed()
        target = self.out / f"{name}-{self.lang}.png"
        self.page.screenshot(path=str(target))
        self.taken.append(target)
        size = target.stat().st_size
        flag = "  (over 300 KB)" if size > SIZE_WARNING else ""
        print(f"{shown(target)}  {size // 1024} KB  {self.page.url}{flag}")
        return target

    def first_link(self, selector: str) -> str | None:
        """The path of the first link matching `selector` on the current page."""
        link = self.page.locator(selector).first
        if link.count() == 0:
            return None
        href = link.get_attribute("href")
        return urlsplit(href).path if href else None

    def log_in(self, name: str) -> None:
        self.page.goto("/login")
        self.page.locator("input[name=name]").fill(name)
        self.page.locator("input[name=password]").fill(PASSWORD)
        self.page.locator("main form button[type=submit]").click()
        self.page.wait_for_url("**/search*")


def shoot_language(camera: Camera) -> list[Path]:
    """Every main page in the camera's language, reading as an anonymous visitor first."""
    camera.shoot("search", f"/search?q={QUERIES[camera.lang]}")
    record = camera.first_link(".hits a.title")
    if record is not None:
        camera.shoot("record", record)
        entity = camera.first_link("dl.block a[href^='/entities/']")
        if entity:
            camera.shoot("entity", entity)
    camera.shoot("entities", "/entities")
    camera.shoot("claims", "/claims")
    for path in other_header_pages(camera):
        name = path.strip("/").replace("/", "-")
        camera.shoot(name, path)
        detail = camera.first_link(f"main a[href^='{path}/']")
        if detail:
            camera.shoot(name.rstrip("s") if name.endswith("s") else f"{name}-item", detail)
    camera.shoot("login", "/login")
    camera.log_in("editor")
    if record is not None:
        camera.shoot("review", record, show="section.review")
    upload_samples(camera)
    camera.shoot("upload")
    camera.context.clear_cookies()
    camera.page.goto(f"/search?lang={camera.lang}")
    camera.log_in("admin")
    camera.shoot("audit", "/audit")
    return camera.taken


def upload_samples(camera: Camera) -> None:
    """Send three files through the upload form and stay on the progress page it leads to
    until every file has its outcome (the page stops reloading itself then)."""
    page = camera.page
    page.goto("/upload")
    note = UPLOAD_NOTES[camera.lang].encode()
    page.locator("input[name=files]").set_input_files(
        [
            {"name": f"family_note_{camera.lang}.txt", "mimeType": "text/plain", "buffer": note},
            {
                "name": UPLOAD_DUPLICATE.name,
                "mimeType": "text/plain",
                "buffer": UPLOAD_DUPLICATE.read_bytes(),
            },
            {"name": "scan_damaged.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n"},
        ]
    )
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/upload/*")
    deadline = time.monotonic() + UPLOAD_SECONDS
    while page.locator("meta[http-equiv=refresh]").count():
        if time.monotonic() > deadline:
            raise RuntimeError(f"the upload did not finish within {UPLOAD_SECONDS} s: {page.url}")
        time.sleep(0.5)
        page.reload()


def other_header_pages(camera: Camera) -> list[str]:
    """Pages linked from the header beyond the ones pictured by name (new pages land here)."""
    camera.page.goto("/search")
    paths = []
    for href in camera.page.locator("header nav a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    ):
        path = urlsplit(href or "").path
        if path.startswith("/") and path not in NOT_PICTURED and path not in paths:
            paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} not found: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dhakira-shots-") as temp:
        archive = Path(temp) / "archive"
        build_sample_archive(archive)
        with serving(archive) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            taken = []
            for lang in ("en", "ar"):
                camera = Camera(browser, url, lang, args.out)
                taken += shoot_language(camera)
                camera.context.close()
            browser.close()
    report_unreferenced(taken)


def report_unreferenced(taken: list[Path]) -> None:
    """Name the pictures the README does not show yet (a page that landed since it was written)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in taken:
        if shown(path) not in readme:
            print(f"not referenced in README.md yet: {shown(path)}")


def shown(path: Path) -> str:
    """`path` as the README spells it: relative to the repository when inside it."""
    resolved = path.resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(path)


if __name__ == "__main__":
    main()

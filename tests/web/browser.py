"""Real headless Chromium against a real server on 127.0.0.1, for the dashboard tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Request, sync_playwright

from tests.api.live import live_server

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
DOCS_SHOTS = ROOT / "docs" / "screenshots"


@dataclass
class Session:
    """A browser on a live server, with what went wrong on the page collected."""

    browser: Browser
    url: str
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def page(self, width: int = 1400, height: int = 900) -> Page:
        page = self.browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True).new_page()
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("request", self._note_request)
        return page

    def _note_request(self, request: Request) -> None:
        if not request.url.startswith((self.url, "blob:", "data:")):
            self.outside.append(request.url)

    def open(self, page: Page, query: str = "") -> None:
        """Go to a dashboard URL and wait until its view is drawn."""
        page.goto(f"{self.url}/{query}")
        wait_ready(page)


def wait_ready(page: Page) -> None:
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    page.wait_for_function("() => !document.querySelector('[aria-busy=true], .loading')", timeout=15_000)


@contextmanager
def session(db: Path, token: str) -> Iterator[Session]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")
    with live_server(db, token) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        found = Session(browser, url)
        try:
            yield found
        finally:
            browser.close()
        assert found.outside == [], f"the dashboard fetched from outside: {found.outside}"
        assert found.errors == [], found.errors


def shoot(page: Page, name: str, docs: bool = False, full_page: bool = False) -> None:
    """Save a screenshot under tests/artifacts (and docs/screenshots for the README and docs)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=full_page)
    if docs:
        DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTIFACTS / name, DOCS_SHOTS / name)


def no_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))

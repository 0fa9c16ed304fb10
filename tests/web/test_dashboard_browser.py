"""The dashboard in real headless Chromium: dyad chart, evidence, a correction kept after reload."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.analysis.fixture_store import make_store
from tests.api.live import live_server

pytestmark = [pytest.mark.browser, pytest.mark.server]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
TOKEN = "browser-token-abcdef"
ROOT = Path(__file__).resolve().parents[2]
SHOTS = [ROOT / "docs" / "screenshots", ROOT / "tests" / "artifacts"]


def shoot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    for folder in SHOTS:
        folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS[1] / name), full_page=True)
    shutil.copy(SHOTS[1] / name, SHOTS[0] / name)


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, str]]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")
    from playwright.sync_api import sync_playwright

    db = make_store(tmp_path_factory.mktemp("browser") / "browser.duckdb")
    with live_server(db, TOKEN) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        outside: list[str] = []
        page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(url) else None)

        def answer(dialog) -> None:  # type: ignore[no-untyped-def]
            dialog.accept(TOKEN if "token" in dialog.message.lower() else "Browser Test")

        page.on("dialog", answer)
        page.goto(url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=15_000)
        yield page, url
        assert outside == [], f"the dashboard fetched from outside: {outside}"
        assert not [e for e in errors if "Content Security Policy" in e], errors
        browser.close()


def test_dyad_chart_evidence_and_review(browser_page: tuple[object, str]) -> None:
    page, url = browser_page
    page.select_option("#actor-a", "IRN")  # type: ignore[attr-defined]
    page.select_option("#actor-b", "RUS")  # type: ignore[attr-defined]
    page.click("#show-dyad")  # type: ignore[attr-defined]
    page.wait_for_selector("#chart svg rect.bar")  # type: ignore[attr-defined]
    # one rect per quad class with events: March (verbal coop, verbal conflict),
    # May (material coop, verbal conflict)
    assert page.locator("#chart rect.bar").count() == 4  # type: ignore[attr-defined]
    page.click("rect.bar[data-period='2022-03']")  # type: ignore[attr-defined]
    assert page.locator("#period-events .event-card").count() == 3  # type: ignore[attr-defined]
    shoot(page, "dashboard-timeline.png")

    page.click("rect.bar[data-period='2022-05']")  # type: ignore[attr-defined]
    page.click("button.evidence-btn[data-mention='m6']")  # type: ignore[attr-defined]
    page.wait_for_selector("#doc-text mark.focus[data-id='m6']")  # type: ignore[attr-defined]
    focused = page.text_content("#doc-text mark.focus")  # type: ignore[attr-defined]
    assert focused == "Russian engineers began joint work at an Iranian plant on 5 May."
    # the stored text holds a <script> element: it is shown as text and never runs
    assert "<script>window.__xss = 1</script>" in page.text_content("#doc-text")  # type: ignore[attr-defined]
    assert page.evaluate("() => window.__xss === undefined")  # type: ignore[attr-defined]
    assert page.locator("#doc-text script").count() == 0  # type: ignore[attr-defined]
    shoot(page, "dashboard-evidence.png")

    page.select_option("#review-type", "AID")  # type: ignore[attr-defined]
    page.click("#review-correct")  # type: ignore[attr-defined]
    page.wait_for_selector("#review-state")  # type: ignore[attr-defined]
    assert "corrected by Browser Test" in page.text_content("#review-state")  # type: ignore[attr-defined]

    page.reload()  # type: ignore[attr-defined]
    page.wait_for_selector("body[data-ready='1']")  # type: ignore[attr-defined]
    page.select_option("#actor-a", "IRN")  # type: ignore[attr-defined]
    page.select_option("#actor-b", "RUS")  # type: ignore[attr-defined]
    page.click("#show-dyad")  # type: ignore[attr-defined]
    page.wait_for_selector("#chart svg rect.bar")  # type: ignore[attr-defined]
    page.click("rect.bar[data-period='2022-05']")  # type: ignore[attr-defined]
    card = page.locator("#period-events .event-card[data-event='e5'] h4")  # type: ignore[attr-defined]
    assert card.text_content().startswith("AID") and "corrected" in card.text_content()
    page.click("button.evidence-btn[data-mention='m6']")  # type: ignore[attr-defined]
    page.wait_for_selector("#review-state")  # type: ignore[attr-defined]
    assert page.input_value("#review-type") == "AID"  # type: ignore[attr-defined]
    shoot(page, "dashboard-review.png")


def test_other_views(browser_page: tuple[object, str]) -> None:
    page, _ = browser_page
    page.click("#tabs button[data-tab='network']")  # type: ignore[attr-defined]
    page.wait_for_selector("#network svg .node")  # type: ignore[attr-defined]
    assert page.locator("#network .node").count() == 5  # type: ignore[attr-defined]
    shoot(page, "dashboard-network.png")
    page.click("#tabs button[data-tab='disputes']")  # type: ignore[attr-defined]
    page.wait_for_selector("#disputes .version")  # type: ignore[attr-defined]
    assert page.locator("#disputes .version").count() == 2  # type: ignore[attr-defined]
    page.click("#tabs button[data-tab='events']")  # type: ignore[attr-defined]
    page.wait_for_selector("#events-table tbody tr")  # type: ignore[attr-defined]
    page.select_option("#ev-level", "event")  # type: ignore[attr-defined]
    page.click("#events-form button[type='submit']")  # type: ignore[attr-defined]
    page.wait_for_selector("#events-table tr[data-id='e1']")  # type: ignore[attr-defined]
    page.click("#events-table tr[data-id='e1']")  # type: ignore[attr-defined]
    page.wait_for_selector("#doc-text mark.focus[data-id='m1']")  # type: ignore[attr-defined]
    page.click("#tabs button[data-tab='search']")  # type: ignore[attr-defined]
    page.fill("#search-q", "script")  # type: ignore[attr-defined]
    page.click("#search-form button[type='submit']")  # type: ignore[attr-defined]
    page.wait_for_selector("#search-results .hit")  # type: ignore[attr-defined]
    assert "<script>" in page.text_content("#search-results")  # type: ignore[attr-defined]
    assert page.evaluate("() => window.__xss === undefined")  # type: ignore[attr-defined]

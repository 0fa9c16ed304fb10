"""A new user's first hour on the demo store (the sample that `make demo` ingests), in real Chromium.

The demo's records come from the extraction pipeline, so this walk checks what must hold on any
store (every way in highlights its evidence, counts agree, nothing overflows); the exact counts
are checked on the hand-made store in test_dashboard_browser.py. It also makes the README's and
the docs' screenshots.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page
from typer.testing import CliRunner

from dragoman.cli import app
from tests.web.browser import Session, no_horizontal_scroll, session, shoot, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.server]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    result = CliRunner().invoke(app, ["demo", "--no-serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with session(db, "demo-token-0123456789") as found:
        yield found


def test_first_hour_on_the_demo(demo: Session) -> None:
    page = demo.page()
    demo.open(page)
    overview = page.text_content("#overview") or ""
    assert re.search(r"\d+ documents, \d+ events", overview)
    shoot(page, "demo-overview.png", docs=True)

    # one click into the busiest pair's timeline, people counted under their country
    page.click("#open-busiest")
    wait_ready(page)
    n_events, on_chart, undated, coarse = timeline_counts(page)
    assert page.locator("#unplaced .event-card").count() == undated + coarse
    chart_total = sum(int(t) for t in page.locator("#chart-table td:nth-child(2)").all_text_contents())
    assert chart_total == on_chart
    shoot(page, "demo-timeline.png", docs=True)

    # the demo's briefs are dated news: an event without a date word takes the report's
    # date; with report dates left out, such events are listed beside the chart as undated
    # (the hand-made store of test_dashboard_browser.py checks an undated event exactly)
    page.select_option("#timeline-form select[name=dates]", "text")
    page.click("#timeline-form button[type=submit]")
    wait_ready(page)
    assert "dates=text" in page.url
    text_only = timeline_counts(page)
    assert text_only[0] == n_events and text_only[2] >= undated
    assert page.locator("#unplaced .reason", has_text="undated").count() == text_only[2]
    page.go_back()
    wait_ready(page)

    # a quote inside an event's sentence: both spans shown, the event outlined and in view
    for period in page.locator("#chart .period[role=button]").all():
        period.click()
        wait_ready(page)
        if page.locator("#period-events .mention", has_text="Mohajer-6").count():
            break
    page.locator("#period-events .mention", has_text="Mohajer-6").first.locator("button.evidence-btn").click()
    wait_ready(page)
    focus = page.locator("#doc-text mark.ev.focus")
    assert "Mohajer-6" in (focus.text_content() or "")
    assert focus.locator("mark.quote").count() == 1
    shoot(page, "demo-evidence.png", docs=True)

    # the link can be sent: a fresh page on the same URL shows the same evidence
    other = demo.page()
    demo.open(other, page.url.removeprefix(demo.url + "/"))
    assert other.text_content("#doc-text mark.focus") == focus.text_content()


def test_every_way_in_highlights_the_evidence(demo: Session) -> None:
    page = demo.page()
    for query, selector in [
        ("?view=events", "#events-table tbody tr:first-child"),
        ("?view=quotes", "#quotes-table tbody tr:first-child"),
        ("?view=disputes", "#disputes button.open-evidence >> nth=0"),
        ("?view=search&sq=drones", "#search-table button.open-hit >> nth=0"),
        ("?view=timeline&a=IRN&b=RUS", "#unplaced button.evidence-btn >> nth=0"),
    ]:
        demo.open(page, query)
        page.click(selector)
        wait_ready(page)
        assert page.locator("#doc-text .focus").count() >= 1, query
        assert page.evaluate(
            "() => { const m = document.querySelector('#doc-text .focus').getBoundingClientRect();"
            " const b = document.getElementById('doc-text').getBoundingClientRect();"
            " return m.top >= b.top && m.top < b.bottom; }"
        ), query
        # the head of the pane stays in sight: title, source line and review buttons
        for fixed in ("#doc-title", "#doc-meta", "#review-right"):
            if page.locator(fixed).count():
                box = page.locator(fixed).bounding_box()
                assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 900, (query, fixed)


def test_download_network_and_narrow_screen(demo: Session) -> None:
    page = demo.page()
    demo.open(page, "?view=quotes")
    total = int((page.text_content("#quotes-table .downloads span") or "0").split()[0])
    with page.expect_download() as waiting:
        page.click("#quotes-table button.download[data-format='csv']")
    rows = list(csv.DictReader(io.StringIO(Path(waiting.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == total and {"speaker", "quote", "source", "published"} <= set(rows[0])

    demo.open(page, "?view=network")
    shoot(page, "demo-network.png", docs=True)
    page.locator("#network .node").first.click()
    wait_ready(page)
    assert "view=events" in page.url and page.locator("#events-table tbody tr").count() >= 1

    narrow = demo.page(390, 844)
    demo.open(narrow, "?view=timeline&a=IRN&b=RUS")
    assert no_horizontal_scroll(narrow)
    shoot(narrow, "demo-mobile-timeline.png", docs=True)
    narrow.locator("#period-events button.evidence-btn").first.click()
    wait_ready(narrow)
    assert no_horizontal_scroll(narrow)
    shoot(narrow, "demo-mobile-evidence.png", docs=True)


def timeline_counts(page: Page) -> tuple[int, int, int, int]:
    """(events, on the chart, undated, dated too coarsely) from the summary, which must add up."""
    summary = re.search(
        r"(\d+) events .*: (\d+) on the chart, (\d+) undated and (\d+) dated", page.text_content("#dyad-summary") or ""
    )
    assert summary is not None
    n_events, on_chart, undated, coarse = map(int, summary.groups())
    assert on_chart + undated + coarse == n_events
    return n_events, on_chart, undated, coarse


def test_the_map_shows_a_point_per_place_of_the_demo_and_opens_the_evidence(demo: Session) -> None:
    """Every located report of the demo is on the map, a point per place; a click opens its sentence."""
    page = demo.page()
    demo.open(page, "?view=map")
    wait_ready(page)
    page.wait_for_selector("#map[data-ready='1']")
    located = page.evaluate(
        "async () => (await (await fetch('/api/locations?format=geojson&page_size=500')).json()).features"
    )
    places = {(f["geometry"]["coordinates"][0], f["geometry"]["coordinates"][1]) for f in located}
    assert len(located) >= 1
    assert page.locator("#map svg circle.map-point").count() == len(places)
    assert page.locator("#map svg path.map-country").count() > 150  # the bundled world layer, no tile server
    page.locator("#map svg circle.map-point").first.click()
    page.wait_for_selector("#map-place")
    first = page.locator("#map-events li.map-event").first
    mention = first.get_attribute("data-id")
    first.locator("button.map-open").click()
    wait_ready(page)
    page.wait_for_selector(f"#doc-text mark.focus[data-id='{mention}']")
    assert f"focus={mention}" in page.url

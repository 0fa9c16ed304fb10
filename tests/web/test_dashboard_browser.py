"""The dashboard in real headless Chromium on the hand-made store, whose counts are known by hand."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.analysis.fixture_store import make_store
from tests.web.browser import Session, no_horizontal_scroll, session, shoot, wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.server]

TOKEN = "browser-token-abcdef"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    db = make_store(tmp_path_factory.mktemp("browser") / "browser.duckdb")
    with session(db, TOKEN) as found:
        yield found


def answer_prompts(page: Page) -> None:
    page.on("dialog", lambda d: d.accept(TOKEN if "token" in d.message.lower() else "Browser Test"))


def go(page: Page, selector: str) -> None:
    """Click something that changes the URL, and wait for the new view."""
    page.click(selector)
    wait_ready(page)


def in_view(page: Page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"] if page.viewport_size else 0
    return box is not None and 0 <= box["y"] and box["y"] + box["height"] <= height


def test_start_page_leads_to_the_busiest_timeline(live: Session) -> None:
    page = live.page()
    live.open(page)
    assert page.text_content("#open-busiest") == "Open the busiest pair's timeline: Iran – Russia (7 events) →"
    lead = page.text_content("#overview .lead") or ""
    assert lead.startswith("3 documents, 9 events (10 reports), 1 quote and 1 dispute")
    go(page, "#open-busiest")
    assert "view=timeline" in page.url and "a=IRN" in page.url and "b=RUS" in page.url
    # people and institutions counted under their country: the ministers' April accusation is in
    assert page.locator("#chart rect.bar").count() == 5
    assert page.locator("#chart .period[data-period='2022-04'] rect.bar").count() == 1
    # the event dated only to the year is listed beside the chart, with its reason
    assert page.locator("#unplaced .event-card").count() == 1
    card = page.text_content("#unplaced .event-card[data-event='e9']") or ""
    assert "dated only to the year (2022), too coarse for a month" in card
    assert "6 on the chart, 0 undated and 1 dated too coarsely" in (page.text_content("#dyad-summary") or "")
    shoot(page, "dashboard-timeline.png", docs=True)

    page.select_option("#timeline-form select[name=scope]", "states")
    go(page, "#timeline-form button[type=submit]")
    assert "scope=states" in page.url
    assert page.locator("#chart rect.bar").count() == 4
    assert "(the states only)" in (page.text_content("#dyad-summary") or "")


def test_date_range_keyboard_and_evidence_from_the_timeline(live: Session) -> None:
    page = live.page()
    answer_prompts(page)
    live.open(page, "?view=timeline&a=IRN&b=RUS&since=2022-04")
    assert [p.get_attribute("data-period") for p in page.locator("#chart .period").all()] == ["2022-04", "2022-05"]
    assert (page.text_content("#range-note") or "").startswith("Showing 2022-04 to the end; 3 dated events")
    page.focus("#chart .period[data-period='2022-05']")
    page.keyboard.press(" ")
    wait_ready(page)
    assert "period=2022-05" in page.url
    assert page.text_content("#period-heading") == "2022-05: 2 events, score 0.0"
    go(page, "button.evidence-btn[data-mention='m6']")
    assert page.text_content("#doc-text mark.focus[data-id='m6']") == (
        "Russian engineers began joint work at an Iranian plant on 5 May."
    )
    assert in_view(page, "#doc-title") and in_view(page, "#review-right") and in_view(page, "#doc-text mark.focus")
    assert page.text_content("#doc-meta") == "Gamma Review · 2022-05-10"
    # the stored text holds a <script> element: it is shown as text and never runs
    assert "<script>window.__xss = 1</script>" in (page.text_content("#doc-text") or "")
    assert page.evaluate("() => window.__xss === undefined")
    assert page.locator("#doc-text script").count() == 0
    shoot(page, "dashboard-evidence.png", docs=True)

    page.select_option("#review-type", "AID")
    page.click("#review-correct")
    page.wait_for_selector("#review-state")
    assert "corrected by Browser Test" in (page.text_content("#review-state") or "")

    # the URL holds the view: a reload comes back to the same timeline, period and evidence
    shared = page.url
    page.reload()
    wait_ready(page)
    assert page.url == shared
    page.wait_for_selector("#doc-text mark.focus[data-id='m6']")
    assert page.input_value("#review-type") == "AID"
    title = page.text_content("#period-events .event-card[data-event='e5'] h4") or ""
    assert "AID" in title and "corrected" in title
    shoot(page, "dashboard-review.png", docs=True)
    # Back stays in the dashboard: the document closes, the period stays
    page.go_back()
    page.wait_for_url(lambda url: "doc=" not in url)
    wait_ready(page)
    assert page.url.startswith(live.url) and "doc=" not in page.url and "period=2022-05" in page.url
    assert page.locator("#doc-view").is_hidden()


def test_evidence_from_tables_disputes_and_search(live: Session) -> None:
    page = live.page()
    live.open(page, "?view=events")
    go(page, "#events-table tr[data-id='m1']")
    assert page.text_content("#doc-text mark.focus") == (
        "Iranian envoys held talks in Moscow with Russian officials on 15 March."
    )
    live.open(page, "?view=quotes")
    go(page, "#quotes-table tr[data-id='q1']")
    assert page.text_content("#doc-text mark.focus[data-id='q1']") == "Moscow will stand with Tehran."
    live.open(page, "?view=disputes")
    assert page.locator("#disputes .version").count() == 2
    go(page, "#disputes button.open-evidence[data-member='m2']")
    assert page.text_content("#doc-text mark.focus[data-id='m2']") == (
        "Officials from Iran met their Russian counterparts in Moscow last month."
    )
    live.open(page, "?view=search&sq=grain")
    go(page, "#search-table button.open-hit")
    assert page.text_content("#doc-text mark.focus") == "Russia agreed a grain deal with Iran the next day."
    live.open(page, "?view=search&sq=script")
    assert "<script>" in (page.text_content("#search-table") or "")
    assert page.evaluate("() => window.__xss === undefined")


def test_tables_sort_filter_download_and_say_what_is_wrong(live: Session) -> None:
    page = live.page()
    live.open(page, "?view=events")
    go(page, "#events-table button.sort[data-sort='date']")
    go(page, "#events-table button.sort[data-sort='date']")
    assert "esort=-date" in page.url
    assert page.text_content("#events-table tbody tr:first-child td:first-child") == "2022-05-07"
    with page.expect_download() as waiting:
        page.click("#events-table button.download[data-format='csv']")
    rows = list(csv.DictReader(io.StringIO(Path(waiting.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == 10 and rows[0]["date"] == "2022-05-07"
    assert {r["actor codes"] for r in rows} >= {"IRN", "RUS", "ardalan"}
    with page.expect_download() as waiting:
        page.click("#events-table button.download[data-format='json']")
    items = json.loads(Path(waiting.value.path()).read_text(encoding="utf-8"))
    assert len(items) == 10 and items[0]["id"] == "m8"

    page.fill("#events-form input[name=efrom]", "March 2022")
    page.click("#events-form button[type=submit]")
    wait_ready(page)
    assert page.text_content("#events-form .field-error") == "use a date as YYYY, YYYY-MM or YYYY-MM-DD"
    assert page.get_attribute("#events-form input[name=efrom]", "aria-invalid") == "true"
    assert "pattern" not in (page.text_content("body") or "")
    page.click("#tab-quotes")
    wait_ready(page)
    assert page.text_content("#status") == ""

    live.open(page, "?view=events&eactor=Iramn")
    assert (page.text_content("#events-table .empty") or "").startswith("No event reports match these filters.")
    live.open(page, "?view=events&etype=ACCUSE&efrom=2022-04")
    assert page.locator("#events-table tbody tr").count() == 2


def test_network_is_readable_and_clicks_through(live: Session) -> None:
    page = live.page()
    live.open(page, "?view=network")
    nodes = sorted(n.get_attribute("data-id") or "" for n in page.locator("#network .node").all())
    assert nodes == ["IRN", "RUS", "USA"]
    assert page.locator("#network marker").count() == 2
    shoot(page, "dashboard-network.png", docs=True)
    page.focus("#network path.edge[data-source='IRN'][data-target='RUS']")
    page.keyboard.press("Enter")
    wait_ready(page)
    assert "view=timeline" in page.url and "a=IRN" in page.url and "b=RUS" in page.url
    page.go_back()
    page.wait_for_url(lambda url: "view=network" in url)
    wait_ready(page)
    go(page, "#network .node[data-id='USA']")
    assert "view=events" in page.url and "eactor=USA" in page.url
    assert page.text_content("#events-table .downloads span") == "1 event reports"


def test_narrow_screen_has_one_column_and_legible_charts(live: Session) -> None:
    page = live.page(390, 844)
    views = ["", "?view=timeline&a=IRN&b=RUS", "?view=network", "?view=events", "?view=quotes", "?view=disputes"]
    for query in [*views, "?view=search&sq=Iran", "?view=timeline&a=IRN&b=RUS&doc=doc3&focus=m6"]:
        live.open(page, query)
        assert no_horizontal_scroll(page), query
    tick = page.locator("#chart text.tick").first.bounding_box()
    assert tick is not None and tick["height"] >= 10
    assert in_view(page, "#doc-title") and in_view(page, "#doc-text mark.focus")
    shoot(page, "dashboard-mobile.png", docs=True)

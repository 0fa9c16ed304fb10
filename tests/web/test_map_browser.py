"""The dashboard's map in real headless Chromium: one point per located place, a click lists the
place's events with the words that place them, and opens the evidence; nothing fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from dragoman.domain.records import Document, EventMention, Location, Mention, ProcessedDocument, Sentence
from dragoman.store import Store
from tests.api.live import live_server
from tests.store.test_db import IRAN, RUSSIA
from tests.web.browser import ARGS, CHROMIUM, shoot

pytestmark = [pytest.mark.browser, pytest.mark.server]

CITIES = {"Moscow": ("RUS", 55.75204, 37.61781), "Kyiv": ("UKR", 50.45466, 30.5238)}


def talks(doc_id: str, city: str, date: str = "2022-03") -> ProcessedDocument:
    """A one-sentence brief, 'Iran and Russia held talks in <city>.', with its located event."""
    text = f"Iran and Russia held talks in {city}."
    country, lat, lon = CITIES[city]
    start = text.index(f"in {city}")
    event = EventMention(
        id=f"{doc_id}-e1", doc_id=doc_id, sentence_index=0, type="CONSULT", quad=1, actors=[IRAN, RUSSIA],
        recipients=[], sentence=text, start=0, end=len(text), extractor="events.rules@test", confidence=0.9,
        date=date, date_precision="month",
        location=Location(city, "city", country, lat, lon, "exact", start, len(text) - 1, f"in {city}"),
    )  # fmt: skip
    return ProcessedDocument(
        document=Document(doc_id=doc_id, path=f"{doc_id}.txt", text=text, content_hash=doc_id, source_format="txt"),
        sentences=[Sentence(doc_id, 0, 0, len(text), text)],
        mentions=[Mention(f"{doc_id}-m1", doc_id, 0, 4, "Iran", 0, "ner", IRAN)],
        events=[event],
    )


@pytest.fixture(scope="module")
def map_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make test does)")
    from playwright.sync_api import sync_playwright

    db = tmp_path_factory.mktemp("map") / "map.duckdb"
    with Store(db) as store:
        store.write_documents([talks("d1", "Moscow"), talks("d2", "Moscow"), talks("d3", "Kyiv", "2022-05")])
    with live_server(db, None) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        missing: list[str] = []
        page.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
        outside: list[str] = []
        page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(url) else None)
        page.goto(url + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=15_000)
        yield page, url
        assert outside == [], f"the map fetched from outside: {outside}"
        assert errors == [], errors
        assert [u for u in missing if not u.endswith("/favicon.ico")] == [], missing
        browser.close()


def test_a_point_per_place_and_a_click_opens_the_evidence(map_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = map_page
    page.click("#tabs [data-view='map']")
    page.wait_for_selector("#map[data-ready='1']")
    assert page.locator("#map svg path.map-country").count() > 150  # the bundled world layer
    assert page.locator("#map svg circle.map-point").count() == 2
    assert page.text_content("#map-summary") == "3 located event reports at 2 places"
    page.click("#map svg circle.map-point[data-key='37.61781,55.75204']")
    page.wait_for_selector("#map-place")
    assert page.text_content("#map-place") == "Moscow (RUS): 2 events"
    assert page.locator("#map-events li.map-event").count() == 2
    assert page.text_content("#map-events li[data-id='d1-e1'] mark") == "in Moscow"
    shoot(page, "map.png")
    page.click("#map-events li[data-id='d1-e1'] button.map-open")
    page.wait_for_selector("#doc-view:not([hidden])")
    page.wait_for_selector("#doc-text mark.focus")
    assert "Iran and Russia held talks in Moscow." in page.text_content("#doc-text")


def summary(page) -> str:  # type: ignore[no-untyped-def]
    """The map's summary line once the view is drawn."""
    page.wait_for_selector("body[data-ready='1']")
    return str(page.text_content("#map-summary"))


def test_the_country_filter_keeps_one_place_and_the_url_keeps_it(map_page) -> None:  # type: ignore[no-untyped-def]
    page, _ = map_page
    page.click("#doc-close")
    page.fill("#map-country", "UKR")
    page.click("#map-form button[type='submit']")
    page.locator("#map-summary", has_text="1 located event report at 1 place").wait_for()
    assert page.locator("#map svg circle.map-point").count() == 1
    assert "view=map" in page.url and "mcountry=UKR" in page.url
    page.reload()
    assert summary(page) == "1 located event report at 1 place"
    assert page.input_value("#map-country") == "UKR"


def test_the_map_takes_the_timelines_period_and_keeps_its_own_dates_in_the_url(map_page) -> None:  # type: ignore[no-untyped-def]
    page, url = map_page
    page.goto(f"{url}/?view=map&since=2022-04&until=2022-12")
    assert summary(page) == "1 located event report at 1 place, 2022-04 to 2022-12 (the timeline's period)"
    assert page.input_value("#map-from") == "" and page.get_attribute("#map-from", "placeholder") == "2022-04"
    page.fill("#map-from", "2022-01")
    page.fill("#map-to", "2022-03")
    page.click("#map-form button[type='submit']")
    page.locator("#map-summary", has_text="2 located event reports at 1 place, 2022-01 to 2022-03").wait_for()
    assert "mfrom=2022-01" in page.url and "mto=2022-03" in page.url and "since=2022-04" in page.url
    page.reload()
    assert summary(page) == "2 located event reports at 1 place, 2022-01 to 2022-03"
    assert page.input_value("#map-from") == "2022-01"
    page.go_back()
    page.locator("#map-summary", has_text="(the timeline's period)").wait_for()
    assert summary(page) == "1 located event report at 1 place, 2022-04 to 2022-12 (the timeline's period)"
    assert page.input_value("#map-from") == ""
    page.fill("#map-from", "March 2022")
    page.click("#map-form button[type='submit']")
    assert page.text_content("#mfrom-error") == "use a date as YYYY, YYYY-MM or YYYY-MM-DD"


def test_a_place_links_to_the_events_table_filtered_to_it(map_page) -> None:  # type: ignore[no-untyped-def]
    page, url = map_page
    page.goto(f"{url}/?view=map&mfrom=2022-03&mto=2022-03")
    assert summary(page) == "2 located event reports at 1 place, 2022-03 to 2022-03"
    page.click("#map svg circle.map-point[data-key='37.61781,55.75204']")
    assert page.text_content("#map-table-link") == "Show these 2 events in the Events table →"
    page.click("#map-table-link")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_selector("#events-table tbody tr")
    assert "view=events" in page.url and "eplace=RUS" in page.url and "efrom=2022-03" in page.url
    assert page.input_value("#events-form [name=eplace]") == "RUS"
    assert page.input_value("#events-form [name=ebox]") == "37.61781,55.75204,37.61781,55.75204"
    ids = page.locator("#events-table tbody tr").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert ids == ["d1-e1", "d2-e1"]
    assert page.locator("#events-table td[data-label='place']").all_text_contents() == ["Moscow (RUS)"] * 2
    page.fill("#events-form [name=ebox]", "")
    page.fill("#events-form [name=eplace]", "UKR")
    page.fill("#events-form [name=efrom]", "")
    page.fill("#events-form [name=eto]", "")
    page.click("#events-form button[type='submit']")
    page.locator("#events-table tbody tr[data-id='d3-e1']").wait_for()
    assert page.locator("#events-table tbody tr").count() == 1
    assert page.text_content("#events-table td[data-label='place']") == "Kyiv (UKR)"

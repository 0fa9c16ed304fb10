"""The learned coder dates and qualifies its events the way the rules do: the date of the event's
own clause (weekdays against the report date, "since" as a range, a dateline as the report's
date), else the report's date for news; status from the cues that govern the event's clause."""

from __future__ import annotations

import pytest

from dragoman.domain.records import EventMention
from dragoman.events.learned.coder import LearnedEventCoder

pytestmark = pytest.mark.slow

PUBLISHED = "2021-05-10"  # a Monday


@pytest.fixture(scope="module")
def code(analyse):  # type: ignore[no-untyped-def]
    coder = LearnedEventCoder()

    def run(text: str, published: str = PUBLISHED) -> list[EventMention]:
        return coder.extract(*analyse(text, published, "t"))

    return run


def dated(events: list[EventMention]) -> list[tuple[str, str | None, str | None, str, str]]:
    return [(e.type, e.date, e.date_end, e.date_basis, e.status) for e in events]


def test_weekday_resolved_against_the_report_date(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Norway sent medicine to Nepal on Tuesday.")
    assert dated(events) == [("AID", "2021-05-04", None, "text", "asserted")]


def test_since_opens_a_range_to_the_report_date(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Vietnam has provided aid to Laos since March 2019.")
    assert dated(events) == [("AID", "2019-03", PUBLISHED, "text", "asserted")]


def test_dateline_is_the_report_date_and_names_no_participant(code) -> None:  # type: ignore[no-untyped-def]
    events = code("NAIROBI, May 3 (Reuters) - Kenya accused Somalia of harbouring the gunmen.")
    assert dated(events) == [("ACCUSE", "2021-05-03", None, "publication", "asserted")]


def test_undated_news_event_takes_the_report_date(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Senegal expelled two Gambian diplomats, the ministry said on Sunday.")
    # "on Sunday" dates the statement, not the expulsion.
    assert dated(events) == [("SANCTION", PUBLISHED, None, "publication", "asserted")]


def test_analysis_event_without_a_date_stays_undated(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Senegal expelled two Gambian diplomats.", published="2021")
    assert dated(events) == [("SANCTION", None, None, "none", "asserted")]


def test_each_clause_keeps_its_own_date(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Kenya shelled Somali positions in 1998, and Somalia allegedly attacked Kenya on Friday.")
    assert ("ASSAULT", "1998", None, "text", "asserted") in dated(events)
    assert all(e.date != "2021-05-07" for e in events if e.status == "asserted")


def test_allegedly_makes_its_own_clause_alleged(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Somalia allegedly shelled Kenyan border posts on Friday.")
    assert dated(events) == [("ASSAULT", "2021-05-07", None, "text", "alleged")]


def test_a_modal_makes_the_event_hypothetical_and_dates_it_ahead(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Norway could send more medicine to Nepal next month.")
    assert dated(events) == [("AID", "2021-06", None, "text", "hypothetical")]


def test_a_headline_takes_the_date_of_its_lead(code) -> None:  # type: ignore[no-untyped-def]
    events = code("Kenya accuses Somalia over raid\n\nNAIROBI (AP) - Kenya accused Somalia on Friday of a raid.")
    assert dated(events)[0] == ("ACCUSE", "2021-05-07", None, "text", "asserted")


def test_a_possible_accord_signed_is_hypothetical(code) -> None:  # type: ignore[no-untyped-def]
    # the object of the light verb is the event, so its modifier of expectation is the event's
    assert dated(code("Kenya and Somalia signed a possible accord on the border.")) == [
        ("AGREE", None, None, "none", "hypothetical")
    ]
    assert dated(code("Kenya and Somalia signed an accord on the border.")) == [
        ("AGREE", PUBLISHED, None, "publication", "asserted")
    ]


def test_this_summer_in_the_past_is_the_last_one_begun(code) -> None:  # type: ignore[no-untyped-def]
    # published in May, before the summer: a past deed fell in last year's summer, a planned one in this year's
    assert dated(code("This summer Norway sent medicine to Nepal.")) == [
        ("AID", "2020-06", "2020-08", "text", "asserted")
    ]
    assert dated(code("Norway will send medicine to Nepal this summer.")) == [
        ("AID", "2021-06", "2021-08", "text", "hypothetical")
    ]

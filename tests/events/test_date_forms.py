"""Each date form on hand-written sentences, resolved against a Friday publication date (2023-03-10)."""

from __future__ import annotations

import pytest

from dragoman.events.dates import find_dates, find_timexes

FRIDAY = "2023-03-10"


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        # weekdays: the latest on or before publication in the past, the next one in the future
        ("The envoys met on Tuesday.", None, ("2023-03-07", "day", None, "point")),
        ("The envoys met on Friday.", None, ("2023-03-10", "day", None, "point")),
        ("The envoys met last Friday.", None, ("2023-03-03", "day", None, "point")),
        ("The envoys will meet on Monday.", None, ("2023-03-13", "day", None, "point")),
        ("The envoys will meet on Friday.", None, ("2023-03-17", "day", None, "point")),
        ("The envoys met on Monday.", False, ("2023-03-06", "day", None, "point")),
        ("The envoys meet on Monday.", True, ("2023-03-13", "day", None, "point")),
        # days and weeks around publication
        ("The envoys met yesterday.", None, ("2023-03-09", "day", None, "point")),
        ("The envoys met today.", None, ("2023-03-10", "day", None, "point")),
        ("The envoys meet tonight.", None, ("2023-03-10", "day", None, "point")),
        ("The envoys met this week.", None, ("2023-03-06", "day", "2023-03-12", "range")),
        ("The envoys met last week.", None, ("2023-02-27", "day", "2023-03-05", "range")),
        ("The envoys meet next week.", None, ("2023-03-13", "day", "2023-03-19", "range")),
        ("Earlier this month the envoys met.", None, ("2023-03", "month", None, "point")),
        ("The envoys met a week ago.", None, ("2023-03-03", "day", None, "point")),
        ("The envoys met three days ago.", None, ("2023-03-07", "day", None, "point")),
        ("The ministers met last month.", None, ("2023-02", "month", None, "point")),
        ("Trade grew last year.", None, ("2022", "year", None, "point")),
        # a day without a year: the latest in the past, the next in the future
        ("The envoys met on April 24.", False, ("2022-04-24", "day", None, "point")),
        ("The envoys will meet on April 24.", None, ("2023-04-24", "day", None, "point")),
        ("The envoys met on March 2.", None, ("2023-03-02", "day", None, "point")),
        ("The ministers met in July.", None, ("2022-07", "month", None, "point")),
        # ranges: since opens one, between/from-to/dash close one
        ("Visits have gone on since February 2022.", None, ("2022-02", "month", None, "since")),
        ("Talks ran between March 3 and March 5.", None, ("2023-03-03", "day", "2023-03-05", "range")),
        ("Talks ran from 2019 to 2021.", None, ("2019", "year", "2021", "range")),
        ("Talks ran in 2019–2021.", None, ("2019", "year", "2021", "range")),
        ("Talks ran on March 3–5.", None, ("2023-03-03", "day", "2023-03-05", "range")),
        # seasons and parts of a year, with the months they cover
        ("Shells were sent in the spring of 2022.", None, ("2022-03", "month", "2022-05", "range")),
        ("Shells were sent in the winter of 2021.", None, ("2021-12", "month", "2022-02", "range")),
        ("Shells were sent in late 2022.", None, ("2022-09", "month", "2022-12", "range")),
        ("Shells were sent in early 2021.", None, ("2021-01", "month", "2021-04", "range")),
        ("Shells were sent in the first half of 2022.", None, ("2022-01", "month", "2022-06", "range")),
        # "this" season: in the past the latest begun by publication, in the future or present the coming one
        ("This summer the envoys met.", False, ("2022-06", "month", "2022-08", "range")),
        ("This winter the envoys met.", False, ("2022-12", "month", "2023-02", "range")),
        ("This spring the envoys met.", False, ("2023-03", "month", "2023-05", "range")),
        ("The envoys will meet this summer.", None, ("2023-06", "month", "2023-08", "range")),
        ("The envoys meet this summer.", True, ("2023-06", "month", "2023-08", "range")),
        ("The envoys meet this summer.", None, ("2023-06", "month", "2023-08", "range")),
        # a target date, and history
        ("Both sides will double trade by 2030.", None, ("2030", "year", None, "target")),
        ("The empires fought in the 19th century.", None, ("1800", "year", "1899", "range")),
        ("Trade grew in the 1990s.", None, ("1990", "year", "1999", "range")),
    ],
)
def test_each_date_form(text: str, future: bool | None, expected: tuple[str, str, str | None, str]) -> None:
    [found] = find_dates(text, FRIDAY, future)
    assert (found.value, found.precision, found.end, found.kind) == expected


@pytest.mark.parametrize(
    ("text", "timexes"),
    [
        ("The envoys meet tonight.", ["2023-03-10TNI"]),
        ("The envoys met last week.", ["2023-W09"]),
        ("Shells were sent in the spring of 2022.", ["2022-SP"]),
        ("Shells were sent in the first half of 2022.", ["2022-H1"]),
        ("Profits fell in the third quarter.", ["2022-Q3"]),
        ("Trade grew in the 1990s.", ["199"]),
        ("The empires fought in the 19th century.", ["18"]),
        ("The talks lasted three days.", ["P3D"]),
        ("Trade is growing now.", ["PRESENT_REF"]),
        ("Talks ran between March 3 and March 5.", ["2023-03-03", "2023-03-05"]),
    ],
)
def test_timeml_values(text: str, timexes: list[str]) -> None:
    assert [t.timex for t in find_timexes(text, FRIDAY)] == timexes


def test_durations_and_vague_words_date_nothing() -> None:
    assert find_dates("The talks lasted three days.", FRIDAY) == []
    assert find_dates("Trade is growing now.", FRIDAY) == []


def test_may_the_verb_and_figures_are_not_dates() -> None:
    assert find_dates("The two sides may meet again soon.", FRIDAY) == []
    assert find_dates("A $40 billion deal covering 2,000 wells and 1990 troops.", FRIDAY) == []


def test_no_publication_date_resolves_only_absolute_dates() -> None:
    assert [d.value for d in find_dates("The envoys met on Tuesday in 2019.", None)] == ["2019"]


@pytest.mark.parametrize(
    ("text", "timexes"),
    [
        ("The envoy spoke of nineteen ninety-six and two thousand one.", ["1996", "2001"]),
        ("Trade boomed in the nineties.", ["199"]),
        ("The envoys met last night.", ["2023-03-09TNI"]),
        ("The Sun reported the talks.", []),
        ("Trade has grown in recent years.", ["PXY"]),
    ],
)
def test_spoken_years_decades_nights_and_stretches(text: str, timexes: list[str]) -> None:
    assert [t.timex for t in find_timexes(text, FRIDAY)] == timexes

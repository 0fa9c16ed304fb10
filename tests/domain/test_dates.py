from __future__ import annotations

from datetime import date

import pytest

from dragoman.domain.dates import PartialDate, compatible, precision_of
from dragoman.domain.errors import DragomanError, PartialDateError


def test_parse_keeps_precision_and_text() -> None:
    assert PartialDate.parse("2022") == PartialDate(2022)
    assert PartialDate.parse(" 2022-02 ").precision == "month"
    assert PartialDate.parse("2022-02-24").precision == "day"
    assert str(PartialDate.parse("2022-02")) == "2022-02"


def test_periods_start_and_end() -> None:
    assert PartialDate.parse("2023").start == date(2023, 1, 1)
    assert PartialDate.parse("2023").end_of_period == date(2023, 12, 31)
    assert PartialDate.parse("2024-02").end_of_period == date(2024, 2, 29)
    assert PartialDate.parse("2022-12").end_of_period == date(2022, 12, 31)
    assert PartialDate.parse("2022-07-19").end_of_period == date(2022, 7, 19)


@pytest.mark.parametrize(
    ("text", "reason"),
    [("22-01", "is not YYYY"), ("2022-13", "does not exist"), ("2022-02-30", "does not exist"), ("", "is not")],
)
def test_bad_dates_raise_a_typed_error(text: str, reason: str) -> None:
    with pytest.raises(PartialDateError, match=reason) as caught:
        PartialDate.parse(text)
    assert isinstance(caught.value, ValueError) and isinstance(caught.value, DragomanError)
    assert caught.value.code == "D302"
    assert PartialDate.parse_or_none(text) is None


def test_precision_of_stored_text() -> None:
    assert [precision_of(v) for v in ("2022", "2022-01", "2022-01-02", None, "20")] == [
        "year",
        "month",
        "day",
        "unknown",
        "unknown",
    ]


def test_compatible() -> None:
    assert compatible("2022", "2022-07-19") and compatible(None, "2022-01")
    assert compatible("2022-07-19", "2022-07-26") and not compatible("2022-07-19", "2022-07-27")
    assert not compatible("2022-07", "2022-08-01")


def test_a_range_takes_in_a_date_inside_it_at_each_precision() -> None:
    # "since August 2022" up to a report of 15 June 2023, against points inside and outside it
    assert compatible("2022-08", "2022-11-03", a_end="2023-06-15")
    assert compatible("2022-11-03", "2022-08", b_end="2023-06-15")
    assert compatible("2022-08", "2023", a_end="2023-06-15")  # the year overlaps the range
    assert compatible("2022-08", "2022", a_end="2023-06-15")
    assert compatible("2022-08", "2023-06", a_end="2023-06-15")  # June 2023 begins before the range ends
    assert not compatible("2022-08", "2022-07", a_end="2023-06-15")
    assert not compatible("2022-08", "2023-07-01", a_end="2023-06-15")
    assert not compatible("2022-08", "2021", a_end="2023-06-15")


def test_ranges_match_when_they_overlap() -> None:
    # "this summer" (June to August 2022) and "since August 2022"
    assert compatible("2022-06", "2022-08", a_end="2022-08", b_end="2023-06-15")
    # "between October and April" does not reach back into the summer
    assert not compatible("2022-06", "2022-10", a_end="2022-08", b_end="2023-04")
    assert compatible("2006", "2010", a_end="2015", b_end="2012")  # one range inside the other


def test_facing_days_of_ranges_keep_the_days_tolerance() -> None:
    assert compatible("2022-03-01", "2022-03-17", a_end="2022-03-10")  # seven days after the end
    assert not compatible("2022-03-01", "2022-03-18", a_end="2022-03-10")
    assert compatible("2022-03-20", "2022-03-01", a_end="2022-03-25", b_end="2022-03-13")
    # a month's end is no day: July then 1 August stay apart, as for two points
    assert not compatible("2022-05", "2022-08-01", a_end="2022-07")


def test_points_compare_as_before_and_unknown_matches_ranges() -> None:
    assert compatible(None, "2022-01", b_end="2022-03") and compatible("2022-01", None, a_end="2022-03")
    assert compatible("2022-07-19", "2022-07-26", a_end=None, b_end=None)
    assert not compatible("2022-07-19", "2022-07-27", a_end=None, b_end=None)
    # a malformed end leaves the start to compare as a point
    assert compatible("2022-07", "2022-07-04", a_end="July") and not compatible("2022-07", "2022-09", a_end="x")
    # a range given backwards counts from its start alone
    assert not compatible("2023-05", "2022-08", a_end="2022-01")

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

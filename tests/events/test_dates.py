from __future__ import annotations

from datetime import date

import pytest

from dragoman.events.dates import find_dates, reference_date, sentence_date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("On March 15 the two ministers met.", "2022-03-20", ("2022-03-15", "day", None)),
        ("In July, the envoy returned.", "2022-09-01", ("2022-07", "month", None)),
        ("Talks stalled last month.", "2022-11-15", ("2022-10", "month", None)),
        ("Deliveries have continued since August 2022.", "2023-06-15", ("2022-08", "month", None)),
        ("Shells were sent between October 2022 and April 2023.", "2023-06", ("2022-10", "month", "2023-04")),
        ("Russian troops occupied the north in 1909–1911.", "2022", ("1909", "year", "1911")),
        ("The two empires fought six wars, the first in 1651–1653.", "2022-03", ("1651", "year", "1653")),
        ("In 2014 Moscow annexed Crimea.", "2022-03-08", ("2014", "year", None)),
        ("The call took place on 24 February 2022.", "2023-06-15", ("2022-02-24", "day", None)),
        ("Putin travelled on July 19, 2022, to Tehran.", "2023", ("2022-07-19", "day", None)),
    ],
)
def test_date_forms(text: str, published: str, expected: tuple[str, str, str | None]) -> None:
    found = sentence_date(text, published)
    assert found is not None and (found.value, found.precision, found.end) == expected


def test_no_date_and_no_false_dates() -> None:
    assert sentence_date("The two sides may meet again soon.", "2022-05") is None
    assert find_dates("A $40 billion deal covering 2,000 wells.", "2022") == []


def test_reference_date_is_the_last_day_of_the_publication_period() -> None:
    assert reference_date("2022-03-05T10:00:00") == date(2022, 3, 5)
    assert reference_date("2022-12") == date(2022, 12, 31)
    assert reference_date("2024-02") == date(2024, 2, 29)
    assert reference_date("2022") == date(2022, 12, 31)
    assert [reference_date(v) for v in (None, "", "2022-13", "2022-02-30", "March 2022")] == [None] * 5

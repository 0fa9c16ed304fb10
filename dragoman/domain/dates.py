"""One partial-date value: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, with its precision.

Every module that reads, checks or compares such a date uses this one instead of its own parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from dragoman.domain.errors import PartialDateError

DatePrecision = Literal["year", "month", "day", "unknown"]
# text: a date word of the event; publication: the report's date, inferred; none: undated.
DateBasis = Literal["text", "publication", "none"]
# As accepted at the edges (manifests, the REST API, review corrections).
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_SHAPE = re.compile(DATE_PATTERN)
_PRECISION: dict[int, DatePrecision] = {4: "year", 7: "month", 10: "day"}
# Day-precise dates this close apart are taken for the same event.
DATE_TOLERANCE_DAYS = 7


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY[-MM[-DD]]`` (surrounding space ignored); PartialDateError otherwise."""
        value = text.strip()
        if not _SHAPE.match(value):
            raise PartialDateError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        parts = [int(p) for p in value.split("-")]
        try:
            date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            raise PartialDateError(f"date {value!r} does not exist") from None
        return cls(*parts)

    @classmethod
    def parse_or_none(cls, text: str | None) -> PartialDate | None:
        """The date, or None for a missing or malformed one."""
        if not text:
            return None
        try:
            return cls.parse(text)
        except PartialDateError:
            return None

    @property
    def precision(self) -> DatePrecision:
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def end_of_period(self) -> date:
        """The last day of the period (the day itself for a day-precise date)."""
        if self.day is not None:
            return self.start
        if self.month is None:
            return date(self.year, 12, 31)
        following = date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - timedelta(days=1)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def precision_of(value: object) -> DatePrecision:
    """Precision of a stored ``YYYY[-MM[-DD]]`` string, by its shape ('unknown' when missing)."""
    if not isinstance(value, str):
        return "unknown"
    return _PRECISION.get(len(value), "unknown")


def compatible(
    a: str | None,
    b: str | None,
    tolerance_days: int = DATE_TOLERANCE_DAYS,
    *,
    a_end: str | None = None,
    b_end: str | None = None,
) -> bool:
    """Whether two mentions' dates can be one event, so that grouping and merging agree.

    Unknown matches anything; a coarser date contains a finer one; close days are one event.
    A range (``a``..``a_end``, "since August 2022", "from May to July") matches a date inside it
    or a range overlapping it, each side taken at its own precision ("2022-07" is all of July);
    facing day-precise ends a few days apart still match, as two close days do.
    """
    if a is None or b is None:
        return True
    if a_end is None and b_end is None:
        return _points_compatible(a, b, tolerance_days)
    span_a, span_b = _span(a, a_end), _span(b, b_end)
    if span_a is None or span_b is None:
        return _points_compatible(a, b, tolerance_days)
    (first_a, last_a), (first_b, last_b) = span_a, span_b
    if first_a <= last_b and first_b <= last_a:
        return True
    # No overlap: the end of the earlier one faces the start of the later one.
    before, after = ((a_end or a), b) if last_a < first_b else ((b_end or b), a)
    gap = (first_b - last_a) if last_a < first_b else (first_a - last_b)
    return len(before) == 10 and len(after) == 10 and gap.days <= tolerance_days


def _points_compatible(a: str, b: str, tolerance_days: int) -> bool:
    if a.startswith(b) or b.startswith(a):
        return True
    day_a, day_b = _day(a), _day(b)
    return bool(day_a and day_b and abs((day_a - day_b).days) <= tolerance_days)


def _span(start: str, end: str | None) -> tuple[date, date] | None:
    """First and last day a date or range covers; None when either end is malformed."""
    first, last = PartialDate.parse_or_none(start), PartialDate.parse_or_none(end or start)
    if first is None or last is None:
        return None
    if last.end_of_period < first.start:  # a range given backwards: its start alone
        return first.start, first.end_of_period
    return first.start, last.end_of_period


def _day(value: str) -> date | None:
    if len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None

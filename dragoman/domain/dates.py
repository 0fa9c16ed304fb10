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


def compatible(a: str | None, b: str | None, tolerance_days: int = DATE_TOLERANCE_DAYS) -> bool:
    """Unknown matches anything; a coarser date contains a finer one; close days are one event."""
    if a is None or b is None:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    day_a, day_b = _day(a), _day(b)
    return bool(day_a and day_b and abs((day_a - day_b).days) <= tolerance_days)


def _day(value: str) -> date | None:
    if len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None

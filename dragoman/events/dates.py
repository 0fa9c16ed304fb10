"""Dates in a sentence, resolved against the article's publication date, with their precision.

"On March 15" in a March 2022 article is 2022-03-15 (day); "in July" the latest July not after
publication (month); "in 2014" is 2014 (year, never padded with the article's month and day);
"between October 2022 and April 2023" and "1651–1653" are ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dragoman.records import DatePrecision

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
YEAR = r"((?:1[6-9]|20)\d{2})"
DASH = r"\s*(?:–|—|-|to|until)\s*"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("between", re.compile(rf"\bbetween\s+(?:{MONTH}\s+)?{YEAR}\s+and\s+(?:{MONTH}\s+)?{YEAR}", re.I)),
    ("year_range", re.compile(rf"\b{YEAR}{DASH}{YEAR}\b", re.I)),
    ("day_month_year", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+{YEAR}\b", re.I)),
    ("month_day_year", re.compile(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR}\b", re.I)),
    ("day_month", re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b", re.I)),
    ("month_day", re.compile(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:,\s*)?(?:1[6-9]|20)\d{{2}})", re.I)),
    ("since_month_year", re.compile(rf"\bsince\s+{MONTH}\s+{YEAR}\b", re.I)),
    ("month_year", re.compile(rf"\b{MONTH},?\s+{YEAR}\b", re.I)),
    ("relative", re.compile(r"\b(last|this|next|past)\s+(week|month|year)\b|\b(yesterday|today)\b", re.I)),
    ("in_month", re.compile(rf"\b(?:in|since|during|by|early|late|mid-?)\s+{MONTH}\b(?!\s+\d)", re.I)),
    ("year", re.compile(rf"(?<![\d$.,]){YEAR}(?![\d%])(?!\s*(?:billion|million|troops|soldiers))", re.I)),
]
ISO_DAY = "%Y-%m-%d"


@dataclass(frozen=True)
class DateValue:
    value: str
    precision: DatePrecision
    end: str | None = None
    span: tuple[int, int] = (0, 0)


def reference_date(published: str | None) -> date | None:
    """The publication date as a day (the last day of a month- or year-precise one)."""
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        following = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(parts[0], 12, 31)


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _year_for(month: int, day: int, ref: date | None) -> int | None:
    """The latest year in which month/day is not after the reference date."""
    if ref is None:
        return None
    return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def find_dates(text: str, published: str | None) -> list[DateValue]:
    """Every date expression in the text, left to right, without overlaps."""
    ref = reference_date(published)
    taken: list[tuple[int, int]] = []
    found: list[DateValue] = []
    for kind, pattern in PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            value = _resolve(kind, match, ref)
            if value is None:
                continue
            taken.append(span)
            found.append(DateValue(value.value, value.precision, value.end, span))
    return sorted(found, key=lambda d: d.span)


def _resolve(kind: str, match: re.Match[str], ref: date | None) -> DateValue | None:
    g = match.groups()
    if kind == "between":
        start = f"{g[1]}-{_month(g[0]):02d}" if g[0] else g[1]
        end = f"{g[3]}-{_month(g[2]):02d}" if g[2] else g[3]
        return DateValue(start, "month" if g[0] else "year", end)
    if kind == "year_range":
        if int(g[1]) <= int(g[0]):
            return None
        return DateValue(g[0], "year", g[1])
    if kind in {"day_month_year", "month_day_year"}:
        day, month = (int(g[0]), _month(g[1])) if kind == "day_month_year" else (int(g[1]), _month(g[0]))
        year = int(g[2])
        return DateValue(f"{year}-{month:02d}-{day:02d}", "day") if _valid(year, month, day) else None
    if kind in {"day_month", "month_day"}:
        day, month = (int(g[0]), _month(g[1])) if kind == "day_month" else (int(g[1]), _month(g[0]))
        if kind == "month_day" and g[0] == "may":
            return None  # the modal verb, not the month
        found_year = _year_for(month, day, ref)
        if found_year is None or not _valid(found_year, month, day):
            return None
        return DateValue(f"{found_year}-{month:02d}-{day:02d}", "day")
    if kind == "since_month_year" or kind == "month_year":
        if g[0].lower() == "may" and kind == "month_year" and not match.group(0)[0].isupper():
            return None  # "may 2023" in lower case is a modal verb, not a month
        return DateValue(f"{g[1]}-{_month(g[0]):02d}", "month")
    if kind == "relative":
        if ref is None:
            return None
        word, unit, single = (g[0] or "").lower(), (g[1] or "").lower(), (g[2] or "").lower()
        if single == "yesterday":
            return DateValue((ref - timedelta(days=1)).strftime(ISO_DAY), "day")
        if single == "today":
            return DateValue(ref.strftime(ISO_DAY), "day")
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[word]
        if unit == "month":
            month_index = ref.year * 12 + ref.month - 1 + step
            return DateValue(f"{month_index // 12}-{month_index % 12 + 1:02d}", "month")
        if unit == "year":
            return DateValue(str(ref.year + step), "year")
        return DateValue((ref + timedelta(weeks=step)).strftime(ISO_DAY), "day")
    if kind == "in_month":
        if g[0].lower() == "may" and not match.group(0).split()[-1][0].isupper():
            return None
        month = _month(g[0])
        found_year = _year_for(month, 1, ref)
        return DateValue(f"{found_year}-{month:02d}", "month") if found_year else None
    if kind == "year":
        return DateValue(g[0], "year")
    return None


def sentence_date(text: str, published: str | None) -> DateValue | None:
    """The date an event in this sentence happened: the first date expression in it."""
    dates = find_dates(text, published)
    return dates[0] if dates else None

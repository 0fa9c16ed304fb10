"""Time expressions in English news, resolved against the publication date, with their precision.

"On March 15" in a March 2022 article is 2022-03-15 (day); "in July" the latest July not after
publication (month), or the next one in a clause about the future; "on Tuesday" the latest
Tuesday on or before publication ("will meet on Monday": the next Monday); "in 2014" is 2014
(year, never padded with the article's month and day); "between October 2022 and April 2023",
"from 1998 to 2001" and "1651–1653" are ranges; "since August 2022" opens a range; "by 2030" is
a target; "in the spring of 2022" and "late 2022" are month ranges; "the 1990s" and "the 19th
century" are year ranges. Each expression also carries its TimeML value (``2022-SP``, ``199``,
``P3Y``, ``PRESENT_REF``) for the TempEval-3 evaluation. The words live in
``dragoman/lexicon/en/dates.yaml`` (``--lexicon`` overrides apply).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from dragoman.domain.dates import PartialDate
from dragoman.domain.records import DatePrecision
from dragoman.lexicon import LexiconFile, active_overrides, lexicon_file

ISO_DAY = "%Y-%m-%d"
FUTURE_WINDOW = 8  # words before an expression in which a future cue counts
DateKind = Literal["point", "range", "since", "target", "duration", "vague"]


@dataclass(frozen=True)
class DateValue:
    """A resolved expression: ``value`` (and ``end`` for a range) at ``precision``; ``timex`` is its TimeML value."""

    value: str
    precision: DatePrecision
    end: str | None = None
    span: tuple[int, int] = (0, 0)
    kind: DateKind = "point"
    timex: str | None = None

    @property
    def dates_an_event(self) -> bool:
        """Durations ("three years") and vague words ("now") say how long or roughly when, not when."""
        return self.kind not in {"duration", "vague"} and bool(self.value)


def words() -> LexiconFile:
    """The date words of the run (the packaged file and the ``--lexicon`` overrides)."""
    return lexicon_file("dates")


def alternation(names: list[str] | dict[str, Any]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return _compiled(active_overrides())


@lru_cache(maxsize=8)
def _compiled(overrides: tuple[Path, ...]) -> list[tuple[str, re.Pattern[str]]]:
    """The expressions built from the date words of ``overrides`` (one set per run)."""
    w = words()
    month = rf"(?P<month>{alternation(w['months'])})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    day2 = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>1\d{3}|20\d{2})"
    weekday = rf"(?P<weekday>{alternation(w['weekdays'])})\.?"
    season = rf"(?P<season>{alternation(w['seasons'])})"
    part = rf"(?P<part>{alternation(w['parts'])})"
    shift = rf"(?P<shift>{alternation(w['shifts'])})"
    unit = rf"(?P<unit>{alternation(w['units'])})"
    number = rf"(?P<number>\d+|{alternation(w['numbers'])})"
    ordinal = rf"(?P<ordinal>\d{{1,2}}(?:st|nd|rd|th)|{alternation(w['ordinals'])})"
    day_part = rf"(?P<day_part>{alternation(w['day_parts'])})"
    day_word = rf"(?P<day_word>{alternation(w['day_words'])})"
    not_year = alternation(w["not_year_after"])
    yw = w["year_words"]
    spoken_year = (
        rf"(?P<spoken_century>{alternation(yw['centuries'])})[- ](?:hundred[- ](?:and[- ])?)?"
        rf"(?:(?P<spoken_tens>{alternation(yw['tens'])})(?:[- ](?P<spoken_unit>{alternation(yw['units'])}))?"
        rf"|(?P<spoken_teen>{alternation(yw['teens'])})|(?P<spoken_alone>{alternation(yw['units'])}))"
    )
    clock = r"(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"
    year_of = rf"(?:{year}|(?P<year_shift>this|last|next|the)\s+year)"
    table = [
        ("iso", r"\b(?P<year>1\d{3}|20\d{2})-(?P<month_n>\d{2})-(?P<day>\d{2})\b"),
        ("weekday_date", rf"\b{weekday},?\s+{month}\s+{day}(?:,?\s+{year})?\b"),
        (
            "clock_day",
            rf"\b(?:{clock}|(?P<noon>noon|midnight))(?:\s+[A-Z]{{2,4}}\b)?\s+(?:on\s+)?(?:{weekday}|{day_word})",
        ),
        ("month_day_range", rf"\b{month}\s+{day}\s*(?:–|—|-|to)\s*{day2}(?:,?\s+{year})?\b"),
        ("month_day_year", rf"\b{month}\s+{day},?\s+{year}\b"),
        ("day_month_year", rf"\b{day}\s+(?:of\s+)?{month},?\s+{year}\b"),
        (
            "season",
            rf"\b(?:(?P<season_shift>this|last|next|the)\s+)?(?:{part}[- ]?)?{season}(?:\s+(?:of\s+)?{year})?\b",
        ),
        ("half", rf"\bthe\s+(?P<half>first|second)\s+half\s+of\s+{year_of}"),
        ("quarter", rf"\b(?:the\s+)?(?P<quarter>first|second|third|fourth)[- ]quarter(?:\s+of\s+{year_of})?"),
        ("part_year", rf"\b(?:the\s+)?{part}(?:\s+of)?[- ]?(?:the\s+)?{year}\b"),
        ("part_month", rf"\b(?:the\s+)?{part}(?:\s+of)?[- ]?(?:the\s+)?{month}(?:,?\s+{year})?\b"),
        ("month_year", rf"\b{month},?\s+(?:of\s+)?{year}\b"),
        ("month_day", rf"\b{month}\s+{day}\b(?!\s*(?:,\s*)?\d)"),
        ("day_month", rf"\b{day}\s+(?:of\s+)?{month}\b"),
        ("spoken_year", rf"\b{spoken_year}\b"),
        ("spoken_decade", rf"\bthe\s+(?P<spoken_decade>{alternation([t[:-1] + 'ies' for t in yw['tens']])})\b"),
        ("last_night", rf"\b(?:{alternation(w['last_night'])})\b"),
        ("decade", r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[- ]?)?(?P<decade>1\d{2}0|20[0-9]0|'\d0)'?s\b"),
        ("century", rf"\b(?:the\s+)?{ordinal}[- ]century\b"),
        ("within", r"\b(?P<within>earlier|later)\s+this\s+(?P<unit>week|month|year)\b"),
        ("ago", rf"\b{number}\s+{unit}s?\s+(?P<direction>ago|earlier|later)\b"),
        ("shifted_weekday", rf"\b{shift}\s+{weekday}(?:\s+{day_part})?\b"),
        ("shifted_unit", rf"\b{shift}\s+(?P<unit>week|weekend|month|year|quarter|decade|century)\b"),
        ("shifted_month", rf"\b{shift}\s+{month}\b"),
        ("day_word", rf"\b{day_word}(?:\s+{day_part})?\b"),
        ("this_part", rf"\bthis\s+{day_part}\b"),
        ("clock", r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)"),
        ("weekday", rf"\b{weekday}(?:\s+{day_part})?\b"),
        ("duration", rf"\b(?:the\s+(?:past|last|next|first)\s+)?{number}[- ]{unit}s?\b(?![- ](?:old|ago))"),
        ("month", rf"\b{month}\b(?!\s*\d)"),
        ("fiscal", rf"\bfiscal\s+{year}\b"),
        ("year", rf"(?<![\d$.,£€-]){year}(?![\d%])(?!\s*(?:{not_year})\b)"),
        ("vague", rf"\b(?:{alternation(w['vague'])})\b"),
    ]
    return [(kind, re.compile(pattern, re.I)) for kind, pattern in table]


def reference_date(published: str | None) -> date | None:
    """The publication date as a day (the last day of a month- or year-precise one)."""
    period = PartialDate.parse_or_none(published[:10] if published else None)
    return None if period is None else period.end_of_period


def future_clause(text_before: str) -> bool:
    """True when the words before an expression in its sentence speak of the future ("will meet on")."""
    clause = re.split(r"[.;!?]\s", text_before)[-1].lower()
    window = " ".join(clause.split()[-FUTURE_WINDOW:])
    return any(re.search(rf"(?<![\w']){re.escape(cue)}\b", window) for cue in words()["future_cues"])


def find_timexes(text: str, published: str | None, future: bool | None = None) -> list[DateValue]:
    """Every time expression in the text, left to right, without overlaps and without joining ranges.

    ``future`` gives the tense of the clause (True future, False past), which sets the direction of
    weekdays, yearless months and "this" seasons; None reads future cues from the clause and
    otherwise takes the latest weekday, the nearest month and this year's season.
    """
    ref = reference_date(published)
    taken: list[tuple[int, int]] = []
    found: list[DateValue] = []
    for kind, pattern in _patterns():
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            if future is not None:
                ahead: bool | None = future
            else:
                ahead = True if future_clause(text[: span[0]]) else None
            value = _resolve(kind, match, ref, ahead)
            if value is None:
                continue
            taken.append(span)
            found.append(replace(value, span=span))
    return sorted(found, key=lambda d: d.span)


def find_dates(text: str, published: str | None, future: bool | None = None) -> list[DateValue]:
    """The dates of the text as events need them: ranges joined, "since" and "by" marked."""
    timexes = [t for t in find_timexes(text, published, future) if t.dates_an_event]
    w = words()
    joins = "|".join(re.escape(j) for j in w["range_joins"])
    merged: list[DateValue] = []
    index = 0
    while index < len(timexes):
        current = timexes[index]
        if index + 1 < len(timexes):
            following = timexes[index + 1]
            gap = text[current.span[1] : following.span[0]]
            before = text[: current.span[0]]
            opener = re.search(rf"\b(?:{alternation(w['range_starts'])})\s+(?:the\s+)?$", before, re.I)
            dash = re.fullmatch(r"\s*[–—-]\s*", gap)
            if (opener or dash) and re.fullmatch(rf"\s*(?:{joins})\s*(?:the\s+)?", gap, re.I):
                start = opener.start() if opener else current.span[0]
                merged.append(_joined(current, following, (start, following.span[1])))
                index += 2
                continue
        merged.append(_marked(current, text))
        index += 1
    return merged


def sentence_date(text: str, published: str | None) -> DateValue | None:
    """The first date in a text that says when something happened."""
    dates = find_dates(text, published)
    return dates[0] if dates else None


# -- combining ---------------------------------------------------------------------------
def _joined(first: DateValue, second: DateValue, span: tuple[int, int]) -> DateValue:
    end = second.end or second.value
    if len(end) < len(first.value) and first.precision == "day" and second.precision == "year":
        end = end  # "from March 3, 2021 to 2022": keep the coarser end as written
    precision = first.precision
    return DateValue(first.value, precision, end, span, "range", first.timex)


def _marked(value: DateValue, text: str) -> DateValue:
    """ "since August 2022" opens a range; "by 2030" is a target, not when something happened."""
    w = words()
    before = text[: value.span[0]]
    since = re.search(rf"\b(?:{alternation(w['since'])})\s+(?:the\s+)?$", before, re.I)
    if since:
        return replace(value, span=(since.start(), value.span[1]), kind="since")
    target = re.search(rf"\b(?:{alternation(w['target'])})\s+(?:the\s+(?:end|middle|start)\s+of\s+)?$", before, re.I)
    if target:
        return replace(value, span=(target.start(), value.span[1]), kind="target")
    return value


# -- resolving ---------------------------------------------------------------------------
def _month(token: str) -> int:
    return int(words()["months"][token.lower().rstrip(".")])


def _is_month(token: str) -> bool:
    """ "May" is a month, "may" a verb: ambiguous names count only when capitalised."""
    name = token.lower().rstrip(".")
    return name not in words()["ambiguous_months"] or token[:1].isupper()


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _year_for(month: int, day: int, ref: date | None, future: bool | None) -> int | None:
    """The year of a month/day without one: the latest not after the reference date in a clause
    about the past, the next in one about the future; when the clause does not say, the latest
    unless the next is at most two months ahead (news report the past more than the future)."""
    if ref is None:
        return None
    if future:
        return ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
    if future is False:
        return ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    distance = ((month - ref.month) * 31 + (day - ref.day)) % 372
    ahead = 0 < distance <= 62
    latest = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    return latest + 1 if ahead else latest


def _number(token: str) -> int | None:
    value = words()["numbers"].get(token.lower(), token)
    return int(value) if str(value).isdigit() else None


def _day(value: date, kind: DateKind = "point", suffix: str = "") -> DateValue:
    iso = value.strftime(ISO_DAY)
    return DateValue(iso, "day", kind=kind, timex=iso + suffix)


def _month_range(year: int, first: int, last: int, timex: str) -> DateValue:
    end_year = year + (last < first)
    return DateValue(f"{year}-{first:02d}", "month", f"{end_year}-{last:02d}", kind="range", timex=timex)


def _shifted_year(g: dict[str, str | None], ref: date | None) -> int | None:
    if g.get("year"):
        return int(str(g["year"]))
    if ref is None:
        return None
    return ref.year + {"last": -1, "next": 1}.get((g.get("year_shift") or "this").lower(), 0)


def _resolve(kind: str, match: re.Match[str], ref: date | None, future: bool | None) -> DateValue | None:
    g = match.groupdict()
    w = words()
    text = match.group(0)
    if "month" in g and g["month"] and not _is_month(g["month"]):
        return None
    if kind == "iso":
        year, month, day = int(str(g["year"])), int(str(g["month_n"])), int(str(g["day"]))
        return _day(date(year, month, day)) if _valid(year, month, day) else None
    if kind in {"month_day_year", "day_month_year", "month_day", "day_month", "month_day_range", "weekday_date"}:
        month, day = _month(str(g["month"])), int(str(g["day"]))
        found_year = int(g["year"]) if g.get("year") else _year_for(month, day, ref, future)
        if found_year is None or not _valid(found_year, month, day):
            return None
        value = _day(date(found_year, month, day))
        if kind == "month_day_range":
            last = int(str(g["day2"]))
            if not _valid(found_year, month, last) or last <= day:
                return None
            return replace(value, end=f"{found_year}-{month:02d}-{last:02d}", kind="range")
        return value
    if kind == "month_year":
        return DateValue(
            f"{g['year']}-{_month(str(g['month'])):02d}", "month", timex=f"{g['year']}-{_month(str(g['month'])):02d}"
        )
    if kind == "month":
        if not text[:1].isupper():
            return None
        month = _month(str(g["month"]))
        found_year = _year_for(month, 28 if future else 1, ref, future)
        if found_year is None:
            return None
        return DateValue(f"{found_year}-{month:02d}", "month", timex=f"{found_year}-{month:02d}")
    if kind == "shifted_month":
        if ref is None:
            return None
        month, step = _month(str(g["month"])), int(w["shifts"][str(g["shift"]).lower()])
        if step < 0:  # "last March": the latest March before this month
            found_year = ref.year - 1 if month >= ref.month else ref.year
        elif step > 0:  # "next March": the first March after this month
            found_year = ref.year + 1 if month <= ref.month else ref.year
        else:
            found_year = ref.year
        return DateValue(f"{found_year}-{month:02d}", "month", timex=f"{found_year}-{month:02d}")
    if kind == "season":
        first, last, code = w["seasons"][str(g["season"]).lower()]
        shift = (g.get("season_shift") or "").lower()
        if g.get("year"):
            year = int(str(g["year"]))
        elif ref is None or shift not in {"this", "last", "next"}:
            return None
        else:
            year = ref.year + {"last": -1, "next": 1}.get(shift, 0)
            if shift == "this" and future is False and first > ref.month:
                # "This summer Iran sent drones", told in March: a past deed cannot fall in a season
                # still to come, so it is the latest such season begun by the report's date.
                year -= 1
        if g.get("part"):
            start, stop = w["parts"][str(g["part"]).lower()]
            span = (last - first) % 12 + 1
            offset = (start - 1) * span // 12
            first = (first - 1 + offset) % 12 + 1
            last = (first - 1 + max(0, (stop - start + 1) * span // 12 - 1)) % 12 + 1
        return _month_range(year, first, last, f"{year}-{code}")
    if kind == "half":
        half_year = _shifted_year(g, ref)
        if half_year is None:
            return None
        half = w["halves"][str(g["half"]).lower()]
        first = 1 if half == "H1" else 7
        return _month_range(half_year, first, first + 5, f"{half_year}-{half}")
    if kind == "quarter":
        quarter = w["quarters"][str(g["quarter"]).lower()]
        first = (int(quarter[1]) - 1) * 3 + 1
        if g.get("year") or g.get("year_shift"):
            quarter_year = _shifted_year(g, ref)
        else:  # "the fourth quarter" in a January report is the one just ended
            quarter_year = _year_for(first + 1, 15, ref, future)
        if quarter_year is None:
            return None
        return _month_range(quarter_year, first, first + 2, f"{quarter_year}-{quarter}")
    if kind == "part_year":
        year = int(str(g["year"]))
        first, last = w["parts"][str(g["part"]).lower()]
        return _month_range(year, first, last, str(year))
    if kind == "part_month":
        month = _month(str(g["month"]))
        year_found = int(g["year"]) if g.get("year") else _year_for(month, 1, ref, future)
        if year_found is None:
            return None
        return DateValue(f"{year_found}-{month:02d}", "month", timex=f"{year_found}-{month:02d}")
    if kind == "decade":
        digits = str(g["decade"]).lstrip("'")
        if len(digits) == 2:
            digits = ("19" if int(digits) >= 30 else "20") + digits
        start = int(digits)
        return DateValue(str(start), "year", str(start + 9), kind="range", timex=digits[:3])
    if kind == "spoken_year":
        return _spoken_year(g)
    if kind == "spoken_decade":  # "the nineties": of the last century
        digit = int(w["year_words"]["tens"][str(g["spoken_decade"]).lower()[:-3] + "y"])
        return DateValue(f"19{digit}0", "year", f"19{digit}9", kind="range", timex=f"19{digit}")
    if kind == "century":
        token = str(g["ordinal"]).lower()
        number = int(w["ordinals"].get(token, re.sub(r"\D", "", token) or 0))
        if not 1 <= number <= 21:
            return None
        first = (number - 1) * 100
        return DateValue(f"{first:04d}", "year", f"{first + 99:04d}", kind="range", timex=f"{number - 1:02d}")
    if ref is None:
        return _unanchored(kind, g)
    if kind == "last_night":
        return _day(ref - timedelta(days=1), suffix="TNI")
    if kind == "within":
        return _period(str(g["unit"]).lower(), ref, 0)
    if kind == "ago":
        count = _number(str(g["number"]))
        unit = str(g["unit"]).lower()
        if count is None:
            return None
        count *= -1 if str(g["direction"]).lower() == "later" else 1
        if unit in {"day", "night"}:
            return _day(ref - timedelta(days=count))
        if unit == "week":
            moment = ref - timedelta(weeks=count)
            iso_year, iso_week, _ = moment.isocalendar()
            return replace(_day(moment), timex=f"{iso_year}-W{iso_week:02d}")
        if unit == "month":
            index = ref.year * 12 + ref.month - 1 - count
            return DateValue(
                f"{index // 12}-{index % 12 + 1:02d}", "month", timex=f"{index // 12}-{index % 12 + 1:02d}"
            )
        if unit == "year":
            return DateValue(str(ref.year - count), "year", timex=str(ref.year - count))
        return None
    if kind == "shifted_unit":
        return _period(str(g["unit"]).lower(), ref, int(w["shifts"][str(g["shift"]).lower()]))
    if kind in {"shifted_weekday", "weekday"}:
        name = str(g["weekday"]).lower().rstrip(".")
        abbreviated = match.string[match.end("weekday") : match.end("weekday") + 1] == "."
        if name in w["ambiguous_weekdays"] and not (abbreviated and g["weekday"][:1].isupper()):
            return None  # "Sun" the newspaper, "sat" the verb: an abbreviation needs its full stop
        target = int(w["weekdays"][name])
        step = int(w["shifts"][str(g["shift"]).lower()]) if g.get("shift") else 0
        ahead = step > 0 or (step == 0 and future)
        if ahead:
            delta = (target - ref.weekday()) % 7 or 7
            when = ref + timedelta(days=delta)
        else:
            delta = (ref.weekday() - target) % 7
            if step < 0 and delta == 0:
                delta = 7
            when = ref - timedelta(days=delta)
        part = w["day_parts"].get((g.get("day_part") or "").lower())
        return _day(when, suffix=f"T{part}" if part else "")
    if kind == "day_word":
        word = str(g["day_word"]).lower()
        when = ref + timedelta(days=int(w["day_words"][word]))
        part = w["day_parts"].get((g.get("day_part") or ("tonight" if word == "tonight" else "")).lower())
        return _day(when, suffix=f"T{part}" if part else "")
    if kind == "this_part":
        return _day(ref, suffix=f"T{w['day_parts'][str(g['day_part']).lower()]}")
    if kind in {"clock", "clock_day"}:
        if g.get("noon"):
            hour, minute = (12, 0) if str(g["noon"]).lower() == "noon" else (24, 0)
        else:
            hour, minute = int(str(g["hour"])), int(g["minute"] or 0)
            if not 1 <= hour <= 12 or minute > 59:
                return None
            hour = hour % 12 + (12 if str(g["ampm"]).lower().startswith("p") else 0)
        day_value = ref
        if g.get("weekday"):
            target = int(w["weekdays"][str(g["weekday"]).lower().rstrip(".")])
            day_value = (
                ref + timedelta(days=(target - ref.weekday()) % 7 or 7)
                if future
                else ref - timedelta(days=(ref.weekday() - target) % 7)
            )
        elif g.get("day_word"):
            day_value = ref + timedelta(days=int(w["day_words"][str(g["day_word"]).lower()]))
        return _day(day_value, suffix=f"T{hour:02d}:{minute:02d}")
    if kind == "duration":
        return _duration(g)
    if kind == "fiscal":
        return DateValue(str(g["year"]), "year", timex=str(g["year"]))
    if kind == "year":
        return DateValue(str(g["year"]), "year", timex=str(g["year"]))
    if kind == "vague":
        return DateValue("", "unknown", kind="vague", timex=str(w["vague"][text.lower()]))
    return None


def _spoken_year(g: dict[str, str | None]) -> DateValue | None:
    """ "nineteen ninety-six" is 1996, "two thousand one" 2001."""
    yw = words()["year_words"]
    base = int(yw["centuries"][str(g["spoken_century"]).lower().replace("-", " ")])
    if g.get("spoken_tens"):
        rest = 10 * int(yw["tens"][str(g["spoken_tens"]).lower()]) + int(
            yw["units"].get(str(g.get("spoken_unit") or "").lower(), 0)
        )
    elif g.get("spoken_teen"):
        rest = int(yw["teens"][str(g["spoken_teen"]).lower()])
    elif g.get("spoken_alone") and base == 2000:
        rest = int(yw["units"][str(g["spoken_alone"]).lower()])
    else:
        return None
    return DateValue(str(base + rest), "year", timex=str(base + rest))


def _unanchored(kind: str, g: dict[str, str | None]) -> DateValue | None:
    """Without a publication date only absolute expressions, durations and vague words resolve."""
    if kind in {"year", "fiscal"}:
        return DateValue(str(g["year"]), "year", timex=str(g["year"]))
    if kind == "duration":
        return _duration(g)
    return None


def _duration(g: dict[str, str | None]) -> DateValue | None:
    count = _number(str(g["number"]))
    unit = words()["units"][str(g["unit"]).lower()]
    amount = "X" if count is None else str(count)
    if unit in {"H", "M", "S"} and str(g["unit"]).lower() in {"hour", "minute", "second"}:
        return DateValue("", "unknown", kind="duration", timex=f"PT{amount}{unit}")
    if unit == "DE":
        return DateValue("", "unknown", kind="duration", timex=f"P{amount}0Y" if count else "PXDE")
    if unit == "CE":
        return DateValue("", "unknown", kind="duration", timex=f"P{amount}00Y" if count else "PXCE")
    return DateValue("", "unknown", kind="duration", timex=f"P{amount}{unit}")


def _period(unit: str, ref: date, step: int) -> DateValue | None:
    """This, last or next week, weekend, month, quarter, year, decade or century."""
    if unit in {"week", "weekend"}:
        monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
        year, week, _ = monday.isocalendar()
        first = monday + timedelta(days=5) if unit == "weekend" else monday
        timex = f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else "")
        return DateValue(
            first.strftime(ISO_DAY), "day", (monday + timedelta(days=6)).strftime(ISO_DAY), kind="range", timex=timex
        )
    if unit == "month":
        index = ref.year * 12 + ref.month - 1 + step
        value = f"{index // 12}-{index % 12 + 1:02d}"
        return DateValue(value, "month", timex=value)
    if unit == "quarter":
        index = ref.year * 4 + (ref.month - 1) // 3 + step
        year, quarter = index // 4, index % 4 + 1
        return _month_range(year, (quarter - 1) * 3 + 1, quarter * 3, f"{year}-Q{quarter}")
    if unit == "year":
        return DateValue(str(ref.year + step), "year", timex=str(ref.year + step))
    if unit == "decade":
        start = ref.year // 10 * 10 + 10 * step
        return DateValue(str(start), "year", str(start + 9), kind="range", timex=str(start)[:3])
    if unit == "century":
        start = ref.year // 100 * 100 + 100 * step
        return DateValue(str(start), "year", str(start + 99), kind="range", timex=str(start)[:2])
    return None

"""Dyad timelines: what two actors did to each other, period by period, on what evidence."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd

from dragoman.analysis.plover import COUNTED_STATUSES, INTENSITY, QUAD_KEYS, TYPES
from dragoman.read.actors import actor_keys
from dragoman.read.events import mention_sentences, without_inferred_dates
from dragoman.read.merged import effective_events
from dragoman.store import Store

PERIODS = ("week", "month", "year")
# The finest date precision an event needs to be placed in a period of each size.
NEEDS = {"week": ("day",), "month": ("day", "month"), "year": ("day", "month", "year")}


def period_of(value: str, by: str) -> str:
    """The label of the period holding a date: ``2022-W11``, ``2022-03`` or ``2022``."""
    if by == "year":
        return value[:4]
    if by == "month":
        return value[:7]
    year, week, _ = date.fromisoformat(value[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def period_start(label: str, by: str) -> date:
    if by == "year":
        return date(int(label), 1, 1)
    if by == "month":
        return date(int(label[:4]), int(label[5:7]), 1)
    return date.fromisocalendar(int(label[:4]), int(label[6:]), 1)


def next_period(label: str, by: str) -> str:
    start = period_start(label, by)
    if by == "year":
        return str(start.year + 1)
    if by == "month":
        return f"{start.year + (start.month == 12):04d}-{start.month % 12 + 1:02d}"
    return period_of((start + timedelta(days=7)).isoformat(), "week")


def involves(event: dict[str, Any], a: str, b: str, countries: bool, directed: bool) -> bool:
    """True when ``a`` acts on ``b`` (or either way round unless ``directed``)."""
    actors = set().union(*(actor_keys(x, countries) for x in event["actors"] or [{}]))
    recipients = set().union(*(actor_keys(x, countries) for x in event["recipients"] or [{}]))
    if a in actors and b in recipients:
        return True
    if not directed and b in actors and a in recipients:
        return True
    # "Iran and Russia signed": both are actors of one event with no separate recipient.
    return not directed and not recipients and a in actors and b in actors


def dyad_events(
    store: Store,
    a: str,
    b: str,
    countries: bool = False,
    directed: bool = False,
    since: str | None = None,
    until: str | None = None,
    statuses: Sequence[str] = COUNTED_STATUSES,
    events: pd.DataFrame | None = None,
    inferred_dates: bool = True,
) -> pd.DataFrame:
    """The events between two actors (reviews applied), one row per real event.

    ``inferred_dates=False`` leaves out the dates taken from a report's publication date
    (``date_basis`` publication): those events count as undated.
    """
    a, b = a.strip().upper(), b.strip().upper()
    if events is None:
        events = effective_events(store)
    if not inferred_dates:
        events = without_inferred_dates(events)
    keep = [
        involves(e, a, b, countries, directed) and e["status"] in statuses
        and (since is None or (isinstance(e["date"], str) and e["date"][: len(since)] >= since))
        and (until is None or (isinstance(e["date"], str) and e["date"][: len(until)] <= until))
        for e in events.to_dict(orient="records")
    ]  # fmt: skip
    out = events[keep].reset_index(drop=True)
    out["intensity"] = out["type"].map(INTENSITY)
    return out


def timeline(events: pd.DataFrame, by: str = "month", fill: bool = True) -> pd.DataFrame:
    """Counts by quad and type and the cooperation–conflict score per period.

    Columns: ``period``, ``start``, ``n_events``, one per quad (``verbal_coop`` ...),
    one per PLOVER type that occurs, ``score`` (mean intensity, -10..10, empty for
    a period without events), ``net`` (sum of intensities) and ``event_ids``.
    Events dated more coarsely than the period (a year for a month) are not placed;
    ``timeline.attrs['unplaced']`` lists them.
    """
    if by not in PERIODS:
        raise ValueError(f"by is one of {', '.join(PERIODS)}")
    dated = events["date"].map(lambda v: isinstance(v, str)).astype(bool)  # bool even when there are no events
    placed = events[events["date_precision"].isin(NEEDS[by]) & dated]
    placed_ids = set(placed["event_id"])
    unplaced = [e for e in events["event_id"] if e not in placed_ids]
    types = [t for t in TYPES if t in set(placed["type"])]
    buckets: dict[str, list[dict[str, Any]]] = {}
    for record in placed.to_dict(orient="records"):
        buckets.setdefault(period_of(record["date"], by), []).append(record)
    labels = sorted(buckets)
    if fill and labels:
        filled, label = [], labels[0]
        while label <= labels[-1]:
            filled.append(label)
            label = next_period(label, by)
        labels = filled
    rows = []
    for label in labels:
        group = buckets.get(label, [])
        row: dict[str, Any] = {
            "period": label,
            "start": period_start(label, by).isoformat(),
            "n_events": len(group),
        }
        for quad, key in QUAD_KEYS.items():
            row[key] = sum(1 for e in group if e["quad"] == quad)
        for event_type in types:
            row[event_type] = sum(1 for e in group if e["type"] == event_type)
        scores = [INTENSITY[e["type"]] for e in group if e["type"] in INTENSITY]
        row["score"] = round(sum(scores) / len(scores), 3) if scores else None
        row["net"] = round(sum(scores), 3)
        row["event_ids"] = [e["event_id"] for e in group]
        rows.append(row)
    columns = ["period", "start", "n_events", *QUAD_KEYS.values(), *types, "score", "net", "event_ids"]
    frame = pd.DataFrame(rows, columns=columns)
    frame.attrs["unplaced"] = unplaced
    return frame


def evidence(store: Store, mention_ids: Sequence[str]) -> pd.DataFrame:
    """The sentences behind events: one row per mention with its document's source fields."""
    return mention_sentences(store, mention_ids)


def in_range(value: Any, since: str | None, until: str | None) -> bool:
    """True when a (possibly coarse) date overlaps ``since``..``until``; undated is never in range.

    Dates compare on their common prefix, so "2022" overlaps a range from "2022-03".
    """
    if not isinstance(value, str) or not value:
        return False
    if since and value[: len(since)] < since[: len(value)]:
        return False
    return not (until and value[: len(until)] > until[: len(value)])


def main_span(dates: Sequence[Any], gap_years: int = 2) -> tuple[str, str] | None:
    """The run of years holding most of the dated events, as (first date, last date) by month.

    Historical asides ("as in 1943") would stretch a timeline over decades: years are
    grouped into runs with gaps of at most ``gap_years``, and the run with the most
    events is kept.
    """
    dated = sorted(d for d in dates if isinstance(d, str) and d[:4].isdigit())
    if not dated:
        return None
    runs: list[list[str]] = [[dated[0]]]
    for value in dated[1:]:
        if int(value[:4]) - int(runs[-1][-1][:4]) > gap_years:
            runs.append([])
        runs[-1].append(value)
    best = max(runs, key=len)
    return best[0][:7], best[-1][:7]


def unplaced_reason(event: dict[str, Any], by: str) -> str:
    """Why an event has no bar: it is undated, or dated too coarsely for the period."""
    value = event.get("date")
    if not isinstance(value, str) or not value:
        return "undated"
    precision = event.get("date_precision") or ("year" if len(value) == 4 else "month")
    return f"dated only to the {precision} ({value}), too coarse for a {by}"

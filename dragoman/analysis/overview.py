"""The corpus at a glance for the dashboard's start page: counts, span, busiest dyads and actors."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd

from dragoman.analysis.actors import event_actors
from dragoman.analysis.dyad import main_span
from dragoman.analysis.events import node_key
from dragoman.analysis.plover import COUNTED_STATUSES
from dragoman.read.disputes import count_disputes, dispute_summaries
from dragoman.read.documents import recent_documents
from dragoman.store import Store


def top_dyads(
    events: pd.DataFrame, limit: int = 8, countries: bool = True, actors: pd.DataFrame | None = None
) -> list[dict[str, Any]]:
    """Undirected actor pairs with the most events between them (people counted under their country),
    counting the statuses a dyad timeline counts; ``actors`` (from event_actors) names them."""
    counts: Counter[tuple[str, str]] = Counter()
    if actors is None:
        actors = event_actors(events, countries)
    names = dict(zip(actors["key"], actors["name"], strict=True))
    counted = events[events["status"].isin(COUNTED_STATUSES)]
    for event in counted.to_dict(orient="records"):
        actors = {node_key(a, countries): a for a in event["actors"] or []}
        recipients = {node_key(a, countries): a for a in event["recipients"] or []}
        pairs = {tuple(sorted((x, y))) for x in actors for y in recipients if x != y}
        if not recipients:
            pairs = {tuple(sorted((x, y))) for x in actors for y in actors if x < y}
        for pair in pairs:
            counts[(pair[0], pair[1])] += 1
    return [
        {"a": a, "b": b, "a_name": names.get(a, a), "b_name": names.get(b, b), "n_events": n}
        for (a, b), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    ]


def overview(
    store: Store,
    events: pd.DataFrame,
    limit: int = 8,
    people: pd.DataFrame | None = None,
    countries: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """What the start page shows: record counts, the events' date span, busiest dyads and actors,
    disputes and the most recent documents (``people``/``countries``: event_actors, if at hand)."""
    people = event_actors(events, countries=False) if people is None else people
    countries = event_actors(events, countries=True) if countries is None else countries
    dates = [d for d in events["date"] if isinstance(d, str) and d]
    span = main_span(dates)
    documents = recent_documents(store, limit)
    disputes = dispute_summaries(store, limit)
    return {
        "counts": store.counts(),
        "n_events": len(events),
        "n_undated": len(events) - len(dates),
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
        "main_span": list(span) if span else None,
        "top_dyads": top_dyads(events, limit, actors=countries),
        "top_actors": people.head(limit),
        "top_countries": countries.head(limit),
        "disputes": disputes,
        "n_disputes": count_disputes(store),
        "recent_documents": documents,
    }

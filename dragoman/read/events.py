"""Event mentions as every surface reads them: one query, one set of filters, reviews applied.

``reviewed_mentions`` is the query (mentions with their document's fields, JSON
decoded, reviews applied); ``EventFilter`` holds the filters the REST API offers
(actor, type, quad, status, dates, place, confidence) and ``filter_events`` applies
them, after the corrections, to mentions and merged events alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple, dataclass, replace
from typing import Any

import pandas as pd

from dragoman.places.query import filter_located
from dragoman.read.actors import actor_keys
from dragoman.read.columns import decoded
from dragoman.read.locations import with_locations
from dragoman.read.reviews import apply_reviews, load_reviews
from dragoman.store import Store

MENTION_SQL = """
    SELECT m.id, m.event_id, m.doc_id, m.sentence_idx, m.type, m.quad, m.actors, m.recipients,
           m.date, m.date_precision, m.status, m.sentence, m.start, m."end", m.confidence,
           m.date_basis,
           d.duplicate_of, d.publisher, d.published, d.title
    FROM event_mentions m JOIN documents d USING (doc_id)
"""
ORDER = "ORDER BY m.doc_id, m.start, m.id"

# Mentions an analyst reviewed: always candidates, since a correction may move them into a filter.
REVIEWED_IDS = "m.id IN (SELECT target_id FROM reviews WHERE target_kind = 'event')"


@dataclass(frozen=True)
class EventFilter:
    """What to keep of event mentions or merged events; ``None`` means "any"."""

    actor: str | None = None
    type: str | None = None
    quad: int | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    countries: bool = False
    country: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_confidence: float | None = None
    sort: str | None = None  # a sort is not a filter, but a corrected field may be sorted on
    inferred_dates: bool = True  # False: dates taken from a publication date count as undated

    def narrows(self) -> bool:
        """True when a filter (or sort) could be changed by a correction, so rows are read whole."""
        given = any(value is not None for value in astuple(self) if not isinstance(value, bool))
        return given or not self.inferred_dates


def reviewed_mentions(
    store: Store,
    where: str = "TRUE",
    params: list[Any] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> pd.DataFrame:
    """Event mentions with document fields, JSON decoded and reviews applied.

    ``where`` is an SQL condition over ``m`` (mentions) and ``d`` (documents), with
    ``?`` placeholders bound to ``params``.
    """
    sql = f"{MENTION_SQL} WHERE {where} {ORDER}"
    params = list(params or [])
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    df = store.df(sql, params)
    for column in ("actors", "recipients"):
        df[column] = df[column].map(decoded)
    return apply_reviews(df, "event", store)


def mention_records(store: Store) -> list[dict[str, Any]]:
    """Every event mention as a plain dict with its review (JSON left as text), for merging."""
    reviews = load_reviews(store, "event")
    rows = store.rows(f"{MENTION_SQL} {ORDER}")
    for row in rows:
        review = reviews.get(row["id"])
        row["review_verdict"] = review.verdict if review else None
        row["reviewed"] = review is not None
        row["review_corrections"] = review.corrections if review else None
        row["corrected_at"] = review.created_at if review else None
    return rows


def mentions_with_ids(store: Store, ids: Sequence[str]) -> pd.DataFrame:
    """The mentions with these ids (reviews applied), in document order."""
    return reviewed_mentions(store, "m.id = ANY(?)", [list(ids)]).drop(columns=["duplicate_of"])


def mention_ids_of(store: Store, doc_id: str) -> set[str]:
    """The ids of the event mentions found in one document."""
    return set(store.df("SELECT id FROM event_mentions WHERE doc_id = ?", [doc_id])["id"])


def mention_sentences(store: Store, mention_ids: Sequence[str]) -> pd.DataFrame:
    """The sentences behind event mentions: one row per mention with its document's source fields."""
    ids = list(mention_ids)
    if not ids:
        return pd.DataFrame(
            columns=["id", "event_id", "doc_id", "sentence", "start", "end", "title", "publisher", "published"]
        )
    return store.df(
        'SELECT m.id, m.event_id, m.doc_id, m.sentence, m.start, m."end", m.status, '
        "d.title, d.publisher, d.published, d.url FROM event_mentions m JOIN documents d USING (doc_id) "
        "WHERE m.id = ANY(?) ORDER BY d.published NULLS LAST, m.doc_id, m.start",
        [ids],
    )


def mention_page(store: Store, doc_id: str | None, page: int, page_size: int) -> tuple[int, pd.DataFrame]:
    """One page of mentions (of one document, or all) paged in SQL, with their places: the total and the rows."""
    where = "(? IS NULL OR m.doc_id = ?)"
    params: list[Any] = [doc_id, doc_id]
    total = int(store.scalar(f"SELECT count(*) FROM event_mentions m WHERE {where}", params) or 0)
    rows = reviewed_mentions(store, where, params, page_size, (page - 1) * page_size)
    return total, with_locations(store, rows.drop(columns=["duplicate_of"]))


def find_mentions(store: Store, wanted: EventFilter, doc_id: str | None = None) -> pd.DataFrame:
    """The mentions (with their places) that pass a filter once reviews are applied.

    Machine fields narrow the candidates in SQL; reviewed mentions always stay
    candidates, and the exact filter runs again after the corrections are applied.
    """
    event_type = wanted.type.upper() if wanted.type else None
    where = (
        f"(? IS NULL OR m.doc_id = ?) AND ({REVIEWED_IDS} OR ((? IS NULL OR m.type = ?) "
        "AND (? IS NULL OR m.quad = ?) AND (? IS NULL OR m.status = ?) "
        "AND (? IS NULL OR strpos(upper(m.actors || m.recipients), upper(?)) > 0)))"
    )
    params = [doc_id, doc_id, event_type, event_type, wanted.quad, wanted.quad, wanted.status, wanted.status,
              wanted.actor, wanted.actor]  # fmt: skip
    found = with_locations(store, reviewed_mentions(store, where, params).drop(columns=["duplicate_of"]))
    return filter_events(found, wanted)


def located_mentions(store: Store, wanted: EventFilter) -> pd.DataFrame:
    """Mentions with a place that pass a filter (reviews applied)."""
    found = with_locations(store, reviewed_mentions(store, "m.location_lat IS NOT NULL").drop(columns=["duplicate_of"]))
    return filter_located(filter_events(found, replace(wanted, country=None, bbox=None)), wanted.country, wanted.bbox)


def filter_events(df: pd.DataFrame, wanted: EventFilter) -> pd.DataFrame:
    """Rows of mentions or merged events that pass every filter (corrected values count)."""
    if not wanted.inferred_dates:
        df = without_inferred_dates(df)
    keep = pd.Series(True, index=df.index)
    if wanted.actor:
        target = wanted.actor.upper()
        keep &= pd.Series(
            [
                any(target in actor_keys(a, wanted.countries) for a in [*(r["actors"] or []), *(r["recipients"] or [])])
                for r in df[["actors", "recipients"]].to_dict(orient="records")
            ],
            index=df.index,
            dtype=bool,
        )
    if wanted.type:
        keep &= df["type"] == wanted.type.upper()
    if wanted.quad is not None:
        keep &= df["quad"] == wanted.quad
    if wanted.status:
        keep &= df["status"] == wanted.status
    if wanted.date_from or wanted.date_to:
        keep &= df["date"].map(lambda v: in_dates(v, wanted.date_from, wanted.date_to)).astype(bool)
    df = df[keep]
    if wanted.country or wanted.bbox is not None:  # only located rows can be in a place
        df = filter_located(df, wanted.country, wanted.bbox)
    if wanted.min_confidence is not None:
        df = at_least_confidence(df, wanted.min_confidence)
    return df


def without_inferred_dates(events: pd.DataFrame) -> pd.DataFrame:
    """Mentions or events with every date inferred from a publication date removed (``date_basis``)."""
    if "date_basis" not in events.columns:
        return events
    out = events.copy()
    inferred = out["date_basis"] == "publication"
    out["date"] = out["date"].where(~inferred, None)
    out["date_precision"] = out["date_precision"].where(~inferred, "unknown")
    out["date_basis"] = out["date_basis"].where(~inferred, "none")
    return out


def at_least_confidence(df: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Rows whose confidence is at least ``threshold`` (a missing confidence counts as 0)."""
    if "confidence" not in df.columns:
        return df
    return df[pd.to_numeric(df["confidence"], errors="coerce").fillna(0) >= threshold]


def in_dates(value: Any, since: str | None, until: str | None) -> bool:
    """True when a date falls between ``since`` and ``until`` compared on their length; undated is out."""
    if since is None and until is None:
        return True
    if not isinstance(value, str):
        return False
    return (since is None or value[: len(since)] >= since) and (until is None or value[: len(until)] <= until)

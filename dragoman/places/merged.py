"""Where a merged event happened: the place its located reports name most often.

Computed at read time from the reports (the ``events`` table keeps no place of its own), so
the export and the API agree with the mentions. An event carries a place only when one place
is named by more of its reports than any other; a tie means the sources disagree on where,
and the event is left unplaced rather than placed by chance.
"""

from __future__ import annotations

from typing import Protocol

import pandas as pd


class Queryable(Protocol):
    """What is asked of the store here (the store layer sits above this one)."""

    def df(self, sql: str) -> pd.DataFrame: ...


PLACE_COLUMNS = (
    "location_name", "location_kind", "location_country", "location_lat", "location_lon", "location_precision",
    "location_place_id",
)  # fmt: skip

_COLUMNS = ", ".join(PLACE_COLUMNS)

# One row per merged event with a place: its columns, how many reports name it, how many are located.
EVENT_PLACES_SQL = f"""
    WITH counted AS (
        SELECT event_id, {_COLUMNS}, count(*) AS reports, min(id) AS first_id
        FROM event_mentions
        WHERE event_id IS NOT NULL AND location_lat IS NOT NULL AND location_lon IS NOT NULL
        GROUP BY ALL
    ), ranked AS (
        SELECT *, row_number() OVER w AS rank, lead(reports) OVER w AS runner_up,
               sum(reports) OVER (PARTITION BY event_id) AS located
        FROM counted
        WINDOW w AS (PARTITION BY event_id ORDER BY reports DESC, first_id)
    )
    SELECT event_id, {_COLUMNS}, reports AS location_reports, CAST(located AS BIGINT) AS location_located_reports
    FROM ranked
    WHERE rank = 1 AND (runner_up IS NULL OR runner_up < reports)
"""


def with_event_places(store: Queryable, events: pd.DataFrame) -> pd.DataFrame:
    """Merged events with the place most of their located reports name (empty where none is)."""
    places = store.df(EVENT_PLACES_SQL)
    kept = events.drop(columns=[c for c in places.columns if c != "event_id" and c in events.columns])
    return kept.merge(places, on="event_id", how="left")

"""The stored place of each event mention, added to mentions read without it."""

from __future__ import annotations

import pandas as pd

from dragoman.places.query import LOCATION_COLUMNS
from dragoman.store import Store
from dragoman.store.rows import from_json


def with_locations(store: Store, df: pd.DataFrame) -> pd.DataFrame:
    """Add the stored location columns to reviewed event mentions (the mention query lacks them)."""
    if df.empty:
        return df.assign(**{c: pd.Series(dtype=object) for c in LOCATION_COLUMNS if c not in df.columns})
    places = store.df(
        f"SELECT id, {', '.join(LOCATION_COLUMNS)} FROM event_mentions WHERE id = ANY(?)", [df["id"].tolist()]
    )
    places["location_alternatives"] = places["location_alternatives"].map(
        lambda v: from_json(v) if isinstance(v, str) else []  # NULL, or NaN beside stored values
    )
    kept = df.drop(columns=[c for c in LOCATION_COLUMNS if c in df.columns])
    return kept.merge(places.drop_duplicates("id"), on="id", how="left")

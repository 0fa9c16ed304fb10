"""Propositions and the disputes among them, optionally only disputes between some actors."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import pandas as pd

from dragoman.store import Store
from dragoman.store.rows import from_json

DISPUTES_SQL = "SELECT * FROM disputes ORDER BY kind, id"


def names_all(actor_keys: Any, wanted: Collection[str]) -> bool:
    """True when a dispute's ``actor_keys`` hold every wanted actor (compared in upper case)."""
    if not wanted:
        return True
    keys = {str(k).upper() for k in from_json(actor_keys if isinstance(actor_keys, str) else None, [])}
    return {w.upper() for w in wanted} <= keys


def dispute_rows(store: Store, actors: Collection[str] = ()) -> list[dict[str, Any]]:
    """Disputes by kind as plain rows (JSON as text), only those naming every actor given."""
    return [row for row in store.rows(DISPUTES_SQL) if names_all(row["actor_keys"], actors)]


def dispute_frame(store: Store, actors: Collection[str] = ()) -> pd.DataFrame:
    """Disputes by kind as a DataFrame, only those naming every actor given."""
    df = store.df(DISPUTES_SQL)
    if actors:
        df = df[df["actor_keys"].map(lambda v: names_all(v, actors))]
    return df


def dispute_summaries(store: Store, limit: int) -> pd.DataFrame:
    """The first disputes by kind: id, kind and summary."""
    return store.df("SELECT id, kind, summary FROM disputes ORDER BY kind, id LIMIT ?", [limit])


def proposition_frame(store: Store) -> pd.DataFrame:
    """Propositions, those with the most documents first."""
    return store.df("SELECT * FROM propositions ORDER BY n_documents DESC, id")


def count_disputes(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM disputes") or 0)

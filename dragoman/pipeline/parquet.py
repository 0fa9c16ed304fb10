"""Loading a Parquet export into a store: the rows go in whole, then events and claims are rebuilt."""

from __future__ import annotations

from pathlib import Path

from dragoman.pipeline.consolidate import consolidate
from dragoman.store import Store
from dragoman.store.parquet import insert_parquet


def load_parquet(store: Store, root: Path) -> dict[str, int]:
    """Add what a Parquet directory holds to the store; rerunning it adds nothing. Rows added per table."""
    added = insert_parquet(store, root)
    consolidate(store, incremental=True)
    return added

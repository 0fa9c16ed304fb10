"""The Python API for notebooks: ``dragoman.open(path)`` and DataFrames out of the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from dragoman.analysis import Analyst
from dragoman.closing import Closing
from dragoman.read.tables import frame
from dragoman.store import Store


class Corpus(Closing):
    """A read-only view of one store; every method returns a pandas DataFrame."""

    def __init__(self, path: str | Path | None = None) -> None:
        """``path``, else $DRAGOMAN_DB, else ``db`` in ./dragoman.toml, else ./dragoman.duckdb."""
        from dragoman.config import load_settings

        self.store = Store(path if path is not None else load_settings().db, read_only=True)

    def close(self) -> None:
        self.store.close()

    def documents(self) -> pd.DataFrame:
        return frame(self.store, "documents")

    def mentions(self) -> pd.DataFrame:
        return frame(self.store, "mentions")

    def actors(self) -> pd.DataFrame:
        return frame(self.store, "actors")

    def events(self, level: str = "mention") -> pd.DataFrame:
        """Event mentions (one row per report) or merged events (one row per real event)."""
        if level not in {"mention", "event"}:
            raise ValueError("level is 'mention' or 'event'")
        return frame(self.store, "event_mentions" if level == "mention" else "events")

    def locations(
        self, country: str | None = None, bbox: tuple[float, float, float, float] | None = None
    ) -> pd.DataFrame:
        """Located event mentions, in one country (ISO3) or a box (min_lon, min_lat, max_lon, max_lat)."""
        from dragoman.places.query import filter_located

        return filter_located(self.events(), country, bbox)

    def quotes(self) -> pd.DataFrame:
        return frame(self.store, "statements")

    def propositions(self) -> pd.DataFrame:
        return frame(self.store, "propositions")

    def disputes(self) -> pd.DataFrame:
        return frame(self.store, "disputes")

    def analyst(self) -> Analyst:
        """Dyad timelines, networks and search over the same store."""
        return Analyst(self.store)

    def dyad(
        self, a: str, b: str, by: str = "month", countries: bool = False, inferred_dates: bool = True
    ) -> pd.DataFrame:
        """Counts by quad and type per period, with a cooperation-conflict score; ``inferred_dates=False``
        leaves out the dates taken from publication dates."""
        return self.analyst().dyad(a, b, by=by, countries=countries, inferred_dates=inferred_dates)

    def network(self, since: str | None = None, until: str | None = None) -> pd.DataFrame:
        """Edges between actors, weighted by events per quad class."""
        return self.analyst().network(since=since, until=until)

    def search(self, q: str, **facets: Any) -> pd.DataFrame:
        """Full-text search over sentences and quotes, with facets."""
        return self.analyst().search(q=q, **facets)

    def sql(self, query: str, params: Any = None) -> pd.DataFrame:
        """Any read-only SQL over the store's tables."""
        return self.store.df(query, params)


def open(path: str | Path | None = None) -> Corpus:  # noqa: A001 - the public name is dragoman.open
    return Corpus(path)

"""Analyses over the store: dyad timelines, the actor network, search and reviews.

``Analyst`` is the notebook face of them: every method returns a pandas DataFrame.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import networkx as nx
import pandas as pd

from dragoman.analysis.actors import event_actors
from dragoman.analysis.dyad import dyad_events, evidence, timeline
from dragoman.analysis.network import build_network
from dragoman.analysis.plover import COUNTED_STATUSES
from dragoman.closing import Closing
from dragoman.read.merged import effective_events
from dragoman.read.search import SearchQuery
from dragoman.read.search import search as run_search
from dragoman.store import Store


class Analyst(Closing):
    """Read-only analyses of one store, as DataFrames (reviews applied)."""

    def __init__(self, store: Store | str | Path | None = None) -> None:
        self._own = not isinstance(store, Store)
        self.store = store if isinstance(store, Store) else Store(store, read_only=True)

    def close(self) -> None:
        if self._own:
            self.store.close()

    def events(self) -> pd.DataFrame:
        """One row per real event, merged across reports, reviews applied, wrong ones dropped."""
        return effective_events(self.store)

    def actors(self, countries: bool = False) -> pd.DataFrame:
        """Actors taking part in events, with their event counts."""
        return event_actors(effective_events(self.store), countries)

    def dyad(
        self,
        a: str,
        b: str,
        by: str = "month",
        countries: bool = False,
        directed: bool = False,
        since: str | None = None,
        until: str | None = None,
        statuses: Sequence[str] = COUNTED_STATUSES,
        inferred_dates: bool = True,
    ) -> pd.DataFrame:
        """The timeline of two actors: counts per quad and type and a score per period.

        ``inferred_dates=False`` leaves out dates taken from publication dates."""
        events = dyad_events(
            self.store, a, b, countries, directed, since, until, statuses, inferred_dates=inferred_dates
        )
        return timeline(events, by)

    def dyad_events(
        self, a: str, b: str, countries: bool = False, directed: bool = False, inferred_dates: bool = True
    ) -> pd.DataFrame:
        """The events behind a dyad timeline, one row per real event."""
        return dyad_events(self.store, a, b, countries, directed, inferred_dates=inferred_dates)

    def evidence(self, mention_ids: Sequence[str]) -> pd.DataFrame:
        """The sentences (with their documents) behind a list of event mentions."""
        return evidence(self.store, mention_ids)

    def network(self, since: str | None = None, until: str | None = None, countries: bool = False) -> pd.DataFrame:
        """Edges of the actor network: source, target, weight, events per quad, score."""
        graph = self.network_graph(since, until, countries)
        rows = [{"source": u, "target": v, **data} for u, v, data in graph.edges(data=True)]
        return pd.DataFrame(rows)

    def network_graph(self, since: str | None = None, until: str | None = None, countries: bool = False) -> nx.DiGraph:
        return build_network(self.store, since, until, countries)

    def search(self, q: str = "", page: int = 1, page_size: int = 50, **facets: object) -> pd.DataFrame:
        """Sentences and quotes matching every word of ``q``; ``attrs`` hold total and facets."""
        result = run_search(self.store, SearchQuery(q=q, page=page, page_size=page_size, **facets))  # type: ignore[arg-type]
        frame = result.results
        frame.attrs.update(total=result.total, page=result.page, facets=result.facets)
        return frame


__all__ = ["Analyst"]

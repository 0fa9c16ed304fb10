"""Actors that take part in events, with counts: the choices offered for a dyad."""

from __future__ import annotations

from typing import Any

import pandas as pd

from dragoman.analysis.events import node_key


def event_actors(events: pd.DataFrame, countries: bool = False) -> pd.DataFrame:
    """One row per actor (or country with ``countries``): key, name, country, kind, n_events."""
    found: dict[str, dict[str, Any]] = {}
    for event in events.to_dict(orient="records"):
        seen: set[str] = set()
        for actor in [*(event["actors"] or []), *(event["recipients"] or [])]:
            key = node_key(actor, countries)
            if key not in found:
                is_country = countries and actor.get("country") == key
                found[key] = {
                    "key": key,
                    "name": key if is_country else actor.get("name") or key,
                    "country": actor.get("country"),
                    "kind": "state" if is_country else actor.get("kind"),
                    "n_events": 0,
                }
            if is_country_name(actor, key, countries):
                found[key]["name"] = actor.get("name") or key
            if key not in seen:
                found[key]["n_events"] += 1
                seen.add(key)
    frame = pd.DataFrame(list(found.values()), columns=["key", "name", "country", "kind", "n_events"])
    return frame.sort_values(["n_events", "key"], ascending=[False, True]).reset_index(drop=True)


def is_country_name(actor: dict[str, Any], key: str, countries: bool) -> bool:
    """True when the actor is the state itself, so its name ("Iran") can name the country node."""
    return countries and actor.get("actor_id") == key and actor.get("country") == key

"""Actors as queries name them: the keys an actor answers to, and a stored actor looked up by id."""

from __future__ import annotations

from typing import Any

from dragoman.store import Store


def actor_keys(actor: dict[str, Any], countries: bool = False) -> set[str]:
    """The names a query can use for an actor: id, QID, IGO code, a state's ISO3 code, its name.

    With ``countries`` a person or institution also answers to its country's code.
    """
    keys = {str(actor.get(k)).upper() for k in ("actor_id", "kb_id", "org") if actor.get(k)}
    country = actor.get("country")
    if country and (countries or actor.get("kind") in (None, "state", "country") or not actor.get("actor_id")):
        keys.add(str(country).upper())
    if actor.get("name"):
        keys.add(str(actor["name"]).upper())
    return keys


def known_actor(store: Store, key: str) -> dict[str, Any] | None:
    """The stored actor whose id or knowledge-base id is ``key``, or ``None``."""
    rows = store.rows(
        "SELECT actor_id, name, country, org, kb_id, sector, kind FROM actors WHERE actor_id = ? OR kb_id = ? LIMIT 1",
        [key, key],
    )
    return rows[0] if rows else None

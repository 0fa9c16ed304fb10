"""The keys a query may name an actor by (read filters and analyses match on them)."""

from __future__ import annotations

from typing import Any


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

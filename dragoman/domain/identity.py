"""Which actor a record names, at an explicit level: the actor itself or its country.

``level="actor"`` (events, merging, reviews): the knowledge-base id, else the country or
IGO code, else the lower-cased name.  ``level="country"`` (claims and disputes compare
states): a person or ministry counts for its country, then its IGO, then itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from dragoman.domain.records import ActorRef

ActorLevel = Literal["actor", "country"]
_ORDER: dict[str, tuple[str, ...]] = {
    "actor": ("actor_id", "country", "org"),
    "country": ("country", "org", "actor_id"),
}


def actor_key(actor: ActorRef | Mapping[str, Any], level: ActorLevel = "actor") -> str:
    """The identity used to compare actors across records and documents."""
    fields = actor if isinstance(actor, Mapping) else vars(actor)
    for name in _ORDER[level]:
        if fields.get(name):
            return str(fields[name])
    return str(fields.get("name") or "").lower()

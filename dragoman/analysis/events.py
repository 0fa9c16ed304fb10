"""Events as analyses count them: the merged events of the read layer and the node an actor
is counted under.

The events themselves (merged across reports, reviews applied) are read by
``dragoman.read.merged``; this module keeps what the analyses add on top.
"""

from __future__ import annotations

from typing import Any

from dragoman.domain.dates import precision_of
from dragoman.domain.identity import actor_key
from dragoman.read.actors import actor_keys
from dragoman.read.merged import effective_events

__all__ = ["actor_keys", "effective_events", "node_key", "precision_of"]


def node_key(actor: dict[str, Any], countries: bool = False) -> str:
    """The node an actor is counted under (its country when aggregating).

    The actor-level identity (``actor_key``) with two differences on purpose: the key is the
    node's shown id, so an actor with no id, country or IGO keeps its name as written (not
    lower-cased); and aggregating puts only a country in an actor's place (an IGO's official stays
    a node of their own, where the country level of claims would count them under the IGO).
    """
    if countries and actor.get("country"):
        return str(actor["country"])
    if actor.get("actor_id") or actor.get("country") or actor.get("org"):
        return actor_key(actor)
    return str(actor.get("name", "?"))

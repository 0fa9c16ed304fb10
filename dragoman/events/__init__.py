"""Events: PLOVER-coded who did what to whom, when, and on whose word."""

from dragoman.events.extractor import EventExtractor

__all__ = ["EventExtractor"]

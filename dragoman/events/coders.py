"""Choosing the event coder by name: ``learned`` (the default) or the ``rules`` fallback."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dragoman.events.extractor import EventExtractor
    from dragoman.events.learned.coder import LearnedEventCoder

CODERS = ("learned", "rules")
DEFAULT_CODER = "learned"


def make_event_coder(name: str = DEFAULT_CODER) -> EventExtractor | LearnedEventCoder:
    """``rules`` is the trigger-word extractor, kept as a clearly named fallback."""
    if name == "rules":
        from dragoman.events.extractor import EventExtractor

        return EventExtractor()
    if name == "learned":
        from dragoman.events.learned.coder import LearnedEventCoder

        return LearnedEventCoder()
    raise ValueError(f"unknown event coder {name!r}: choose one of {', '.join(CODERS)}")

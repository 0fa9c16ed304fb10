"""Choosing the event coder by name: ``rules`` (the default) or the ``learned`` coder.

The learned coder types PLOVER's own sentences better but attributes targets worse and
reads analysts' commentary as events (docs/evaluation.md): it stays opt-in until it is
at least as right as the rules on the analyses and on wire copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dragoman.events.extractor import EventExtractor
    from dragoman.events.learned.coder import LearnedEventCoder

CODERS = ("learned", "rules")
DEFAULT_CODER = "rules"


def make_event_coder(name: str = DEFAULT_CODER) -> EventExtractor | LearnedEventCoder:
    """``rules`` is the trigger-word extractor; ``learned`` the sentence classifier with parse-based roles."""
    if name == "rules":
        from dragoman.events.extractor import EventExtractor

        return EventExtractor()
    if name == "learned":
        from dragoman.events.learned.coder import LearnedEventCoder

        return LearnedEventCoder()
    raise ValueError(f"unknown event coder {name!r}: choose one of {', '.join(CODERS)}")

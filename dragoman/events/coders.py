"""Choosing the event coder by name: ``combined`` (the default), ``learned`` or ``rules``.

``combined`` runs the learned coder on news and the rules on analysts' prose (events/combined.py);
``learned`` and ``rules`` run one coder everywhere, to compare them on the same corpus
(docs/evaluation.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dragoman.events.combined import CombinedEventCoder
    from dragoman.events.extractor import EventExtractor
    from dragoman.events.learned.coder import LearnedEventCoder

    EventCoder = EventExtractor | LearnedEventCoder | CombinedEventCoder

CODERS = ("combined", "learned", "rules")
DEFAULT_CODER = "combined"


def make_event_coder(name: str = DEFAULT_CODER, learned: LearnedEventCoder | None = None) -> EventCoder:
    """The coder called ``name``; ``learned`` is the learned coder to use (one trained per fold)."""
    if name == "rules":
        from dragoman.events.extractor import EventExtractor

        return EventExtractor()
    if name == "learned":
        from dragoman.events.learned.coder import LearnedEventCoder

        return learned or LearnedEventCoder()
    if name == "combined":
        from dragoman.events.combined import CombinedEventCoder

        return CombinedEventCoder(learned)
    raise ValueError(f"unknown event coder {name!r}: choose one of {', '.join(CODERS)}")

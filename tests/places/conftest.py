"""Fixtures for the places tests: one gazetteer and one locator per test session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.actors import KnowledgeBase
from dragoman.domain.records import EventMention, Location
from dragoman.places.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(kb=KnowledgeBase.load())


@pytest.fixture(scope="session")
def locate(gazetteer: Gazetteer, analyse) -> Callable[..., Location | None]:  # type: ignore[no-untyped-def]
    """Where an event with this trigger in the last sentence of ``text`` happened."""
    from dragoman.places.locator import EventLocator

    locator = EventLocator(gazetteer)

    def run(text: str, trigger: str, event_type: str = "ASSAULT", date: str | None = None) -> Location | None:
        document, parsed, sentences, mentions = analyse(text)
        sentence = sentences[-1]
        event = EventMention(
            id="e1", doc_id=document.doc_id, sentence_index=sentence.index, type=event_type, quad=4,
            actors=[], recipients=[], sentence=sentence.text, start=sentence.start, end=sentence.end,
            extractor="test", confidence=1.0, trigger=trigger, date=date,
            date_precision="day" if date else "unknown",
        )  # fmt: skip
        locator.locate(document, parsed, mentions, [event])
        return event.location

    return run

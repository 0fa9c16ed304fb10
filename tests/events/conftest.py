"""The learned coder on a hand-written text dated 10 May 2021 (``code``), for the construction
tests of this folder; a module with a ``code`` of its own uses that one."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.domain.records import EventMention


@pytest.fixture(scope="module")
def code(analyse) -> Callable[[str], list[EventMention]]:  # type: ignore[no-untyped-def]
    from dragoman.events.learned.coder import LearnedEventCoder

    coder = LearnedEventCoder()

    def run(text: str) -> list[EventMention]:
        return coder.extract(*analyse(text, "2021-05-10", "t"))

    return run

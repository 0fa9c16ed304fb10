"""What the learned coder's construction tests share: its events read as (type, source
countries, target countries). The coder itself is the ``code`` fixture of tests/events/conftest.py."""

from __future__ import annotations

from dragoman.domain.records import ActorRef, EventMention


def names(actors: list[ActorRef]) -> list[str]:
    return sorted(a.country or a.org or a.name for a in actors)


def summary(events: list[EventMention]) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, names(e.actors), names(e.recipients)) for e in events]

"""An attack that names no target takes the country of the place in its own clause."""

from __future__ import annotations

import pytest

from dragoman.actors.kb import KnowledgeBase
from dragoman.domain.records import ActorRef, EventMention, Location
from dragoman.places.targets import add_place_targets

ISRAEL = ActorRef(name="Israel", actor_id="ISR", country="ISR", kind="state")
SYRIA = ActorRef(name="Syria", actor_id="SYR", country="SYR", kind="state")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _place(country: str | None, basis: str = "clause") -> Location:
    return Location("Homs", "city", country, 34.7, 36.7, "exact", 30, 34, "Homs", basis)


def _event(
    event_type: str, actors: list[ActorRef], recipients: list[ActorRef], location: Location | None
) -> EventMention:
    return EventMention("e", "d", 0, event_type, 4, actors, recipients, "...", 0, 40, "test", 0.9, location=location)


def _targets(event: EventMention, kb: KnowledgeBase) -> list[str | None]:
    [coded] = add_place_targets([event], kb)
    return [r.actor_id for r in coded.recipients]


def test_an_attack_with_no_target_is_aimed_at_the_place_of_its_clause(kb: KnowledgeBase) -> None:
    assert _targets(_event("ASSAULT", [ISRAEL], [], _place("SYR")), kb) == ["SYR"]
    assert _targets(_event("COERCE", [ISRAEL], [], _place("SYR")), kb) == ["SYR"]


def test_a_named_target_stands(kb: KnowledgeBase) -> None:
    lebanon = ActorRef(name="Lebanon", actor_id="LBN", country="LBN", kind="state")
    assert _targets(_event("ASSAULT", [ISRAEL], [lebanon], _place("SYR")), kb) == ["LBN"]


@pytest.mark.parametrize(
    ("event_type", "actors", "location"),
    [
        ("CONSULT", [ISRAEL], _place("SYR")),  # talks in a place are not aimed at it
        ("ASSAULT", [SYRIA], _place("SYR")),  # at home: a domestic event, its target unnamed
        ("ASSAULT", [ISRAEL], _place("SYR", basis="context")),  # carried from the sentence before
        ("ASSAULT", [ISRAEL], _place("SYR", basis="dateline")),
        ("ASSAULT", [ISRAEL], _place(None)),  # a sea
        ("ASSAULT", [ISRAEL], None),
    ],
)
def test_no_target_from(kb: KnowledgeBase, event_type: str, actors: list[ActorRef], location: Location | None) -> None:
    assert _targets(_event(event_type, actors, [], location), kb) == []

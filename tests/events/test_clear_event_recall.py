"""The clear events the rule coder finds beyond its verb and noun lists: protesters gathering,
weapons fired, clashes, arrests, demonstrations and rallies, fire exchanged, and a meeting
noun after a verb of travel; each with its look-alike that is no event."""

from __future__ import annotations

import pytest

from dragoman.domain.records import EventMention
from dragoman.events import EventExtractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coded(analyse):  # type: ignore[no-untyped-def]
    extractor = EventExtractor()

    def run(text: str) -> list[tuple[str, str | None, list[str], list[str]]]:
        events: list[EventMention] = extractor.extract(*analyse(text))
        return [
            (e.type, e.trigger, [a.country or a.name for a in e.actors], [a.country or a.name for a in e.recipients])
            for e in events
        ]

    return run


def test_protesters_gathering_is_a_protest(coded) -> None:  # type: ignore[no-untyped-def]
    assert coded("Georgian demonstrators gathered outside the Russian embassy on Friday.") == [
        ("PROTEST", "gathered", ["GEO"], []),
    ]


def test_a_weapon_fired_at_a_target_is_an_attack_and_a_minister_fired_is_not(coded) -> None:  # type: ignore[no-untyped-def]
    assert coded("Ukrainian soldiers fired rockets at Russian positions.") == [
        ("ASSAULT", "fired", ["UKR"], ["RUS"]),
    ]
    assert coded("The Russian president fired the defence minister.") == []
    assert coded("Russia launched a new plan for the region.") == []


def test_a_rally_without_an_object_and_one_with(coded) -> None:  # type: ignore[no-untyped-def]
    assert coded("Egyptian students rallied in Cairo.") == [("PROTEST", "rallied", ["EGY"], [])]
    assert coded("Egypt rallied support for the plan.") == []


def test_fire_exchanged_an_arrest_and_an_assault(coded) -> None:  # type: ignore[no-untyped-def]
    assert coded("Armenian and Azerbaijani soldiers exchanged fire on the border.") == [
        ("ASSAULT", "exchanged", ["ARM", "AZE"], []),
    ]
    assert coded("Turkish police arrested Syrian smugglers.") == [("COERCE", "arrested", ["TUR"], ["SYR"])]
    assert coded("Russian forces repelled a Ukrainian assault.") == [("ASSAULT", "assault", ["UKR"], [])]


def test_talks_after_a_journey_take_the_traveller(coded) -> None:  # type: ignore[no-untyped-def]
    assert coded("A Japanese delegation arrived in Seoul for talks with South Korean officials.") == [
        ("CONSULT", "talks", ["JPN"], ["KOR"]),
    ]

"""Assaults a news sentence names in passing, by construction: sentences written for these tests,
each with the exact event the learned coder must add beside the one the sentence reports (or
must not add), through the real parse, resolver and models."""

from __future__ import annotations

import pytest

from dragoman.domain.records import EventMention
from dragoman.events.learned.coder import REFERENCED
from tests.events.learned_coding import names

pytestmark = pytest.mark.slow


def named_in_passing(events: list[EventMention]) -> list[tuple[str, list[str], list[str], str, str | None, str]]:
    return [
        (e.type, names(e.actors), names(e.recipients), e.status, e.date, e.date_basis)
        for e in events
        if e.confidence == REFERENCED.confidence and e.type == "ASSAULT"
    ]


@pytest.mark.parametrize(
    ("construction", "text", "expected"),
    [
        (
            "the place it happened stands for its unnamed doers",
            "Protesters marched in Dhaka after the killing of two Bangladeshi traders in Qatar.",
            ("ASSAULT", ["QAT"], ["BGD"], "asserted", None, "none"),
        ),
        (
            "the accused of a charge did it, alleged",
            "Kenya charged two Somali men with attacking a bus in northern Kenya.",
            ("ASSAULT", ["SOM"], ["KEN"], "alleged", None, "none"),
        ),
        (
            "the accused of a clause that shares its subject did it, alleged",
            "A Kenyan trader was arrested after being accused of shooting a Tanzanian farmer near Mombasa.",
            ("ASSAULT", ["KEN"], ["TZA"], "alleged", None, "none"),
        ),
        (
            "the convicted did it, as the court found",
            "A court in Nairobi convicted two Somali men of attacking a Kenyan army post.",
            ("ASSAULT", ["SOM"], ["KEN"], "asserted", None, "none"),
        ),
        (
            "found guilty of it",
            "Two Belgian mercenaries were found guilty on Monday of torturing Congolese villagers.",
            ("ASSAULT", ["BEL"], ["COD"], "asserted", None, "none"),
        ),
        (
            "sentenced for it",
            "A Chilean officer has been sentenced to ten years in prison for killing two Bolivian students.",
            ("ASSAULT", ["CHL"], ["BOL"], "asserted", None, "none"),
        ),
        (
            "the one who claims it did it",
            "A Somali militant group claimed responsibility for the bombing of a hotel in Kenya.",
            ("ASSAULT", ["SOM"], ["KEN"], "alleged", None, "none"),
        ),
        (
            "the one blamed for it did it, alleged",
            "Pakistan blamed India for the shelling of two villages.",
            ("ASSAULT", ["IND"], [], "alleged", None, "none"),
        ),
        (
            "a date of its own",
            "Police in Peru detained a student over last month's bombing of a bank in Lima.",
            ("ASSAULT", ["PER"], [], "asserted", "2021-04", "text"),
        ),
        (
            "its qualifier is its doer",
            "Thousands rallied in Ankara to condemn the Syrian shelling of a border village.",
            ("ASSAULT", ["SYR"], [], "asserted", None, "none"),
        ),
    ],
)
def test_an_assault_named_in_passing_is_coded(code, construction: str, text: str, expected: tuple) -> None:  # type: ignore[no-untyped-def]
    assert named_in_passing(code(text)) == [expected], construction


@pytest.mark.parametrize(
    ("construction", "text"),
    [
        ("the object of a verb that is no light verb", "The French minister suffered a heart attack in Paris."),
        ("the deed of a charge with no actor accused", "Chile accused the new law of attacking workers in Peru."),
        ("a background event noun", "Traders in Kenya worried about the invasion of Ukraine."),
        ("a halted deed", "Rebels in Mali agreed to a ceasefire in Gao."),
    ],
)
def test_no_assault_in_passing(code, construction: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert named_in_passing(code(text)) == [], construction

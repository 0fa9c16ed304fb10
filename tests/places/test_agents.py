"""Unnamed domestic agents ("police", "gunmen", "protesters") placed in the country their text
names, on hand-written passages with exact expected values."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.actors import KnowledgeBase
from dragoman.domain.records import Mention
from dragoman.events import EventExtractor
from dragoman.events.learned.coder import LearnedEventCoder
from dragoman.places.agents import AgentPlacer
from dragoman.places.gazetteer import Gazetteer
from dragoman.places.locator import EventLocator

pytestmark = pytest.mark.slow

Place = Callable[[str], list[Mention]]


@pytest.fixture(scope="module")
def placer(gazetteer: Gazetteer) -> AgentPlacer:
    return AgentPlacer(KnowledgeBase.load(), EventLocator(gazetteer))


@pytest.fixture(scope="module")
def place(placer: AgentPlacer, analyse) -> Place:  # type: ignore[no-untyped-def]
    def run(text: str) -> list[Mention]:
        document, parsed, sentences, mentions = analyse(text)
        return placer.place(document, parsed, sentences, mentions)

    return run


def _agents(mentions: list[Mention]) -> list[tuple[str, str | None, str | None, str | None, int]]:
    return [
        (m.text, m.actor.name, m.actor.actor_id, m.actor.sector, m.sentence_index)
        for m in mentions
        if m.method == "agent" and m.actor is not None
    ]


def test_agents_take_the_country_of_the_place_in_their_sentence(place: Place) -> None:
    mentions = place("Police in Karachi detained twelve protesters on Monday.")
    assert _agents(mentions) == [
        ("Police", "Police of Pakistan", "PAK.police", "COP", 0),
        ("protesters", "Protesters in Pakistan", "PAK.protesters", "CVL", 0),
    ]
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert [m.mention_id for m in mentions if m.method == "agent"] == ["t:a0", "t:a1"]


def test_a_state_among_the_modifiers_wins_over_the_place(place: Place) -> None:
    assert _agents(place("Malian rebels crossed the border near Niamey at dawn.")) == [
        ("rebels", "Rebels in Mali", "MLI.rebels", "REB", 0)
    ]


def test_a_place_of_the_clause_wins_over_a_nearer_place_without_a_preposition(place: Place) -> None:
    text = "Gunmen who had come from Afghanistan opened fire on a bus in Quetta."
    assert _agents(place(text)) == [("Gunmen", "Gunmen in Pakistan", "PAK.gunmen", "REB", 0)]


def test_foreign_agents_are_not_placed(place: Place) -> None:
    mentions = place("Foreign militants clashed with police in Kandahar.")
    assert _agents(mentions) == [("police", "Police of Afghanistan", "AFG.police", "COP", 0)]


def test_the_sentence_before_in_the_paragraph(place: Place) -> None:
    text = "Clashes broke out in Dhaka on Sunday. Protesters threw stones at buses.\n\nPolice made no comment."
    assert _agents(place(text)) == [("Protesters", "Protesters in Bangladesh", "BGD.protesters", "CVL", 1)]


def test_the_dateline(place: Place) -> None:
    text = "LIMA, Peru - Riot police arrested a former minister on Friday."
    assert _agents(place(text)) == [("Riot police", "Police of Peru", "PER.police", "COP", 0)]


def test_nothing_to_place_them_leaves_them_out(place: Place) -> None:
    assert _agents(place("Police said the inquiry would take months.")) == []


def test_a_modifier_of_another_noun_is_no_agent(place: Place) -> None:
    assert _agents(place("The police chief of Lagos resigned on Tuesday.")) == []


def test_an_agent_that_modifies_a_noun_of_a_deed_does_it(place: Place) -> None:
    """ "police killings", "army raids": the modifier is who does the deed."""
    assert _agents(place("Police killings of two students in Lahore led to a strike.")) == [
        ("Police", "Police of Pakistan", "PAK.police", "COP", 0)
    ]


def test_an_agent_with_a_state_of_its_own_is_the_resolvers(place: Place) -> None:
    mentions = place("Kenyan police arrested six people in Mombasa.")
    assert _agents(mentions) == [("people", "Civilians in Kenya", "KEN.civilians", "CVL", 0)]
    assert [(m.text, m.method, m.actor.name if m.actor else None) for m in mentions if m.text.endswith("police")] == [
        ("Kenyan police", "title", "Police of Kenya")
    ]


def test_the_coder_codes_a_placed_agent(place: Place, analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Police in Karachi detained twelve protesters on Monday."
    document, parsed, sentences, _ = analyse(text)
    events = EventExtractor().extract(document, parsed, sentences, place(text))
    assert [(e.type, [a.name for a in e.actors], [a.name for a in e.recipients]) for e in events] == [
        ("COERCE", ["Police of Pakistan"], ["Protesters in Pakistan"])
    ]


@pytest.mark.slow
def test_the_learned_coder_codes_the_deed_an_agent_modifies(place: Place, analyse) -> None:  # type: ignore[no-untyped-def]
    """ "alleged police killings of protesters": the police did it, on someone's word."""
    text = "Opposition lawmakers in Kenya boycotted parliament over alleged police killings of protesters."
    document, parsed, sentences, _ = analyse(text)
    events = LearnedEventCoder().extract(document, parsed, sentences, place(text))
    killings = [(e.type, [a.name for a in e.actors], [a.name for a in e.recipients], e.status) for e in events]
    assert ("ASSAULT", ["Police of Kenya"], ["Protesters in Kenya"], "alleged") in killings


def test_a_leaning_is_not_where_the_agent_belongs(place: Place) -> None:
    text = "The pro-Serbian militias blocked roads in northern Kosovo on Sunday."
    assert _agents(place(text)) == [("militias", "Militia in Kosovo", "XKX.militia", "REB", 0)]
    text = "Armed pro-Russian rebels shelled a village in the Donetsk region."
    assert _agents(place(text)) == [("rebels", "Rebels in Ukraine", "UKR.rebels", "REB", 0)]


def test_a_backer_is_not_where_the_agent_belongs(place: Place) -> None:
    text = "Turkish-backed rebels shelled Kurdish positions in Afrin."
    assert _agents(place(text)) == [("rebels", "Rebels in Syria", "SYR.rebels", "REB", 0)]


def test_a_capitalised_word_the_gazetteer_lists_is_no_place(place: Place) -> None:
    text = "Two tourists were shot by unknown gunmen near the old Bridge over the River Nile in northern Uganda."
    assert _agents(place(text)) == [("gunmen", "Gunmen in Uganda", "UGA.gunmen", "REB", 0)]


@pytest.mark.slow
def test_the_learned_coder_never_forces_unnamed_people_as_doers(place: Place, analyse) -> None:  # type: ignore[no-untyped-def]
    """ "Six people" placed in Kano are Nigeria's civilians: the target of the gunmen's attack,
    and, named alone ("A car bomb killed twelve people in Mosul"), no doer of it."""
    coder = LearnedEventCoder()

    def code(text: str) -> list[tuple[str, list[str | None], list[str | None]]]:
        document, parsed, sentences, _ = analyse(text)
        events = coder.extract(document, parsed, sentences, place(text))
        return [(e.type, [a.actor_id for a in e.actors], [a.actor_id for a in e.recipients]) for e in events]

    assert code("Gunmen killed six people in Kano on Friday.") == [("ASSAULT", ["NGA.gunmen"], ["NGA.civilians"])]
    assert code("A car bomb killed twelve people in Mosul on Monday.") == []

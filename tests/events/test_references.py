from __future__ import annotations

import pytest

from dragoman.domain.records import EventMention
from dragoman.events import EventExtractor

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract(analyse):  # type: ignore[no-untyped-def]
    extractor = EventExtractor()

    def run(text: str) -> list[EventMention]:
        document, parsed, sentences, mentions = analyse(text, "2023-03-10")
        document.meta["genre"] = "analysis"
        return extractor.extract(document, parsed, sentences, mentions)

    return run


def participants(events: list[EventMention]) -> list[tuple[str | None, str, list[str], list[str]]]:
    return [(e.trigger, e.type, [a.name for a in e.actors], [r.name for r in e.recipients]) for e in events]


def test_a_later_reference_takes_the_recipient_of_the_first_telling(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi visited Moscow on March 15. Raisi's visit angered Ukraine.")
    assert participants(events)[1] == ("visit", "CONSULT", ["Ebrahim Raisi"], ["Russia"])


def test_a_reference_that_names_its_recipient_keeps_it(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi visited Moscow in March. Raisi's visit to Beijing came later.")
    assert [r.name for r in events[-1].recipients] == ["China"]


def test_a_new_name_or_another_actor_is_a_new_event(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi visited Moscow in March. Putin's visit surprised Washington.")
    assert participants(events)[1][3] == []
    events = extract("Russia invaded Georgia in 2008. Russia's invasion of Ukraine angered Iran.")
    assert participants(events)[1][3] == ["Ukraine"]


def test_an_indefinite_noun_does_not_refer_back(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi visited Moscow in March. Raisi plans a visit soon.")
    assert all(event.recipients == [] for event in events[1:])


def test_a_modifier_of_the_object_names_no_recipient(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Raisi held talks with Russian officials on the war in Ukraine.")
    assert [(e.trigger, [r.name for r in e.recipients]) for e in events] == [("talks", ["Government of Russia"])]


def test_a_recipient_inside_a_chain_of_of_phrases_is_kept(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("Iran sent thousands of rounds of ammunition to Russia.")
    assert [(e.type, [r.name for r in e.recipients]) for e in events] == [("AID", ["Russia"])]


def test_the_call_refers_back_to_a_call_its_actor_received(extract) -> None:  # type: ignore[no-untyped-def]
    """In an event of both sides the one called takes part as much as the caller: "the call" names
    the same call, with the caller as the other side and the call's date."""
    events = extract("Erdogan called Zelensky on March 3. During the call, Zelensky thanked Turkey for its mediation.")
    assert participants(events) == [
        ("called", "CONSULT", ["Recep Tayyip Erdoğan"], ["Volodymyr Zelensky"]),
        ("call", "CONSULT", ["Volodymyr Zelensky"], ["Recep Tayyip Erdoğan"]),
        ("thanked", "SUPPORT", ["Volodymyr Zelensky"], ["Turkey"]),
    ]
    assert [e.date for e in events][:2] == ["2023-03-03", "2023-03-03"]


def test_a_meeting_a_clause_is_set_in_is_met_by_its_subject(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract("In a meeting with President Erdogan, Zelensky all but endorsed Turkey's proposal.")
    assert participants(events) == [
        ("meeting", "CONSULT", ["Volodymyr Zelensky"], ["Recep Tayyip Erdoğan"]),
        ("endorsed", "SUPPORT", ["Volodymyr Zelensky"], ["Turkey"]),
    ]

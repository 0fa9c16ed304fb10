"""Towns and regions as stand-ins for their state, for the learned coder only: hand-written
passages with exact expected mentions and events."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.actors import KnowledgeBase
from dragoman.domain.records import Document, EventMention
from dragoman.events.learned.coder import LearnedEventCoder
from dragoman.places.gazetteer import Gazetteer
from dragoman.places.locator import EventLocator
from dragoman.places.named import PlaceStandIns

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def stand_ins(gazetteer: Gazetteer) -> PlaceStandIns:
    return PlaceStandIns(KnowledgeBase.load(), EventLocator(gazetteer))


def test_a_town_in_a_sentence_naming_no_actor_stands_for_its_state(stand_ins: PlaceStandIns, analyse) -> None:  # type: ignore[no-untyped-def]
    document, parsed, sentences, mentions = analyse("A bomb exploded in Kandahar. Pakistan closed the border.")
    added = stand_ins.add(document, parsed, sentences, mentions)
    assert [(m.text, m.method, m.actor.actor_id if m.actor else None, m.sentence_index) for m in added] == [
        ("Kandahar", "place", "AFG", 0),
        ("Pakistan", "alias", "PAK", 1),
    ]


def test_where_a_party_is_named_the_town_says_where_not_who(stand_ins: PlaceStandIns, analyse) -> None:  # type: ignore[no-untyped-def]
    document, parsed, sentences, mentions = analyse("Pakistan closed the border after a bomb exploded in Kandahar.")
    assert stand_ins.add(document, parsed, sentences, mentions) == mentions


def test_a_state_or_capital_the_resolver_knows_is_left_as_it_is(stand_ins: PlaceStandIns, analyse) -> None:  # type: ignore[no-untyped-def]
    document, parsed, sentences, mentions = analyse("Ministers met in Ankara to discuss trade.")
    assert stand_ins.add(document, parsed, sentences, mentions) == mentions


Code = Callable[[str], list[EventMention]]


@pytest.fixture(scope="module")
def code(stand_ins: PlaceStandIns, analyse) -> Code:  # type: ignore[no-untyped-def]
    coder = LearnedEventCoder(places=stand_ins)

    def run(text: str) -> list[EventMention]:
        return coder.extract(*analyse(text, "2021-05-10", "t"))

    return run


def test_an_attack_with_no_party_named_but_its_town(code: Code) -> None:
    events = code("Gunfire and explosions shook Kandahar overnight as fighting spread to the old city.")
    assert [(e.type, [a.actor_id for a in e.actors], [a.actor_id for a in e.recipients]) for e in events] == [
        ("ASSAULT", ["AFG"], [])
    ]


def test_the_stand_ins_reach_the_events_and_no_other_record() -> None:
    from dragoman.pipeline.process import DocumentProcessor

    text = "Gunfire and explosions shook Kandahar overnight as fighting spread to the old city."
    document = Document(
        doc_id="k", path="k.txt", text=text, content_hash="k", source_format="txt", published="2021-05-10"
    )
    result = DocumentProcessor().process([document])[0]
    assert [(e.type, [a.actor_id for a in e.actors]) for e in result.events] == [("ASSAULT", ["AFG"])]
    assert [m.method for m in result.mentions if m.text == "Kandahar"] == ["ner"]  # unresolved, as the resolver left it

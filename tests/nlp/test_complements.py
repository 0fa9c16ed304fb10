"""In running text, a past form followed at once by a singular noun of what its subject became
("held hostage", "taken prisoner") is a passive without its auxiliary; an object after the noun,
or a plural noun, leaves it active."""

from __future__ import annotations

import pytest

from dragoman.nlp import corrected, load_model

pytestmark = pytest.mark.slow


def _relations(text: str) -> dict[str, tuple[str, str, str]]:
    doc = corrected(load_model()(text))
    return {token.text: (token.dep_, token.head.text, token.tag_) for token in doc}


def test_captives_held_hostage_are_the_passive_subject() -> None:
    relations = _relations("Four Nepali cooks held hostage in Yemen since March landed in Kathmandu on Sunday.")
    assert relations["cooks"][:2] == ("nsubjpass", "held")  # the parser alone: nsubj, the captors
    assert relations["held"][2] == "VBN"


def test_soldiers_taken_prisoner_are_the_passive_subject() -> None:
    relations = _relations("Two Nigerian soldiers taken prisoner in Chad returned home on Friday.")
    assert relations["soldiers"][:2] == ("nsubjpass", "taken")
    assert relations["prisoner"][:2] == ("oprd", "taken")


def test_an_object_after_the_noun_keeps_the_verb_active() -> None:
    relations = _relations("Gunmen held hostage twenty passengers for a day.")
    assert relations["Gunmen"][:2] == ("nsubj", "held")


def test_a_plural_noun_is_an_object() -> None:
    relations = _relations("Somali rebels held hostages in the school for three days.")
    assert relations["rebels"][:2] == ("nsubj", "held")
    assert relations["hostages"][:2] == ("dobj", "held")

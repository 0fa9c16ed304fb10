"""A clause's subject the parser hangs on a fronted phrase's last name, as its apposition, is
given back to the verb that has no subject; a true apposition stays where it is."""

from __future__ import annotations

import pytest

from dragoman.nlp import corrected, load_model

pytestmark = pytest.mark.slow


def _relations(text: str) -> dict[str, tuple[str, str]]:
    doc = corrected(load_model()(text))
    return {token.text: (token.dep_, token.head.text) for token in doc}


def test_the_subject_after_a_fronted_meeting_is_the_verbs() -> None:
    text = "In a meeting with Turkish President Recep Tayyip Erdogan, Iraq's prime minister praised the offensive."
    assert _relations(text)["minister"] == ("nsubj", "praised")  # the parser alone: apposition of Erdogan


def test_a_hedge_between_subject_and_verb_is_allowed() -> None:
    text = "In a meeting with the Turkish president, Iraq's prime minister all but endorsed the offensive."
    assert _relations(text)["minister"] == ("nsubj", "endorsed")


def test_a_true_apposition_stays_when_the_verb_has_its_subject() -> None:
    relations = _relations("In a meeting with Erdogan, Turkey's president, Zelensky praised the offer.")
    assert relations["president"] == ("appos", "Erdogan")
    assert relations["Zelensky"] == ("nsubj", "praised")

"""A headline's bare past forms are the passives they abbreviate; the body is left as parsed."""

from __future__ import annotations

import pytest

from dragoman.nlp import load_model
from dragoman.nlp.headlines import headline_end, mark_headline_passives, title_case


def test_headline_is_a_short_first_line_with_text_after_it() -> None:
    assert headline_end("Envoy held at border\n\nThe envoy was stopped on Monday.") == 20
    assert headline_end("The envoy was stopped at the border on Monday.\n\nMore text.") is None  # a sentence
    assert headline_end("Envoy held at border\n") is None  # nothing after it
    assert headline_end("One line only") is None


def _relations(text: str) -> dict[str, str]:
    doc = mark_headline_passives(load_model()(text))
    return {token.text: token.dep_ for token in doc}


@pytest.mark.slow
def test_a_bare_past_form_in_a_headline_makes_its_subject_a_passive_subject() -> None:
    relations = _relations("French aid workers shot dead in Niger\n\nThe two were killed on Sunday.")
    assert relations["workers"] == "nsubjpass"  # the parser alone: nsubj of a past tense


@pytest.mark.slow
def test_a_present_tense_headline_stays_active() -> None:
    relations = _relations("Rebels seize two reporters near the border\n\nThe reporters were taken on Friday.")
    assert relations["Rebels"] == "nsubj"


@pytest.mark.slow
def test_a_past_form_in_running_prose_stays_active() -> None:
    relations = _relations("The rebels seized the town. They left a day later.\n\nMore text.")
    assert relations["rebels"] == "nsubj"


@pytest.mark.slow
def test_a_noun_of_what_the_subject_became_is_no_object() -> None:
    relations = _relations("Three aid workers held hostage in Mali\n\nThey were taken on Friday.")
    assert relations["workers"] == "nsubjpass"
    relations = _relations("Rebels took control of the town\n\nThe army left on Friday.")
    assert relations["Rebels"] == "nsubj"  # "control" is an object


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Chilean Minister Hopes To Calm Fishing Row", True),
        ("Chile, Peru Reopen Border After Talks (AP)", True),
        ("Chilean minister hopes to calm fishing row", False),
        ("Peru and Chile reopen border", False),
    ],
)
def test_a_headline_set_in_title_case(line: str, expected: bool) -> None:
    assert title_case(line) is expected

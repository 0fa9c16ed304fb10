"""The parse every stage reads: paragraph breaks as sentence breaks (model tests)."""

from __future__ import annotations

import pytest

from dragoman.nlp import load_model

pytestmark = pytest.mark.slow


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in load_model()(text).sents if s.text.strip()]


def test_a_headline_never_runs_into_its_body() -> None:
    assert sentences("Border talks resume\n\nChile and Peru met in Lima on Monday.") == [
        "Border talks resume",
        "Chile and Peru met in Lima on Monday.",
    ]


def test_a_paragraph_never_ends_after_its_first_word_when_a_word_follows() -> None:
    """ "US troops ..." under a headline with no full stop: the parser cut "US" off alone."""
    text = (
        "Clashes in Basra Kill 12; 40 Hurt\n\nUS troops fought militiamen loyal to a rebel cleric in Basra on Tuesday."
    )
    assert sentences(text)[-1] == "US troops fought militiamen loyal to a rebel cleric in Basra on Tuesday."


def test_a_dateline_may_still_end_at_its_punctuation() -> None:
    found = sentences("Talks resume\n\nLIMA -- Chile and Peru met on Monday.")
    assert found[-1].endswith("Chile and Peru met on Monday.") and found[0] == "Talks resume"


def test_a_hard_wrapped_line_goes_on() -> None:
    assert sentences("Chile and Peru met in Lima\non Monday to talk.") == [
        "Chile and Peru met in Lima\non Monday to talk."
    ]

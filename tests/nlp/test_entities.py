"""An entity the recogniser runs across a spaced dash is cut there."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from dragoman.nlp import load_model
from dragoman.nlp.entities import split_at_spaced_dashes


def _doc(words: list[str], spaces: list[bool], label_span: tuple[int, int], label: str) -> Doc:
    doc = Doc(load_model().vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, *label_span, label=label)]
    return doc


@pytest.mark.slow
def test_a_credit_and_the_name_after_it_are_two_entities() -> None:
    doc = _doc(["Wire", "-", "Chile", "said", "it", "."], [True, True, True, True, False, False], (0, 3), "ORG")
    assert [(e.text, e.label_) for e in split_at_spaced_dashes(doc).ents] == [("Wire", "ORG"), ("Chile", "ORG")]


@pytest.mark.slow
def test_a_hyphen_inside_a_name_is_no_cut() -> None:
    doc = _doc(["Guinea", "-", "Bissau", "said", "."], [False, False, True, False, False], (0, 3), "GPE")
    assert [e.text for e in split_at_spaced_dashes(doc).ents] == ["Guinea-Bissau"]


@pytest.mark.slow
def test_the_parse_of_a_wire_lead_finds_the_actor_after_the_credit(analyse) -> None:  # type: ignore[no-untyped-def]
    # the recogniser reads "Reuters - The United States" as one organisation
    _, _, _, mentions = analyse("Reuters - The United States urged Chile on Monday to free the prisoners.")
    assert [m.actor.actor_id for m in mentions if m.actor is not None] == ["reuters", "USA", "CHL"]

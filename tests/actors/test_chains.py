"""Mention chains: pronouns and definite references linked to the actor named before them."""

from __future__ import annotations

import pytest

from dragoman.actors.chains import (
    RULE_WEIGHTS,
    Ranker,
    Reference,
    as_dict,
    best_candidate,
    chains_for,
    ranker,
    resolve_reference,
)
from dragoman.domain.records import ActorRef


def test_the_ranker_prefers_what_its_weights_say() -> None:
    near, far = ActorRef("Near", kind="person"), ActorRef("Far", kind="person")
    reference = Reference(
        0,
        2,
        "person",
        "he",
        [(far, {"subject": 1.0, "nearest": 0.0}), (near, {"subject": 0.0, "nearest": 1.0})],
    )
    assert best_candidate(reference, Ranker("t", {"subject": 2.0, "nearest": 1.0}, 0.0)) == far
    assert best_candidate(reference, Ranker("t", {"subject": 0.5, "nearest": 1.0}, 0.0)) == near


def test_a_pair_stands_for_the_actor_named_before_the_last() -> None:
    first, second = ActorRef("A", kind="state"), ActorRef("B", kind="state")
    reference = Reference(0, 2, "pair", "leaders", [(first, {}), (second, {})])
    assert best_candidate(reference, Ranker("t", RULE_WEIGHTS, 0.0)) == second
    assert best_candidate(Reference(0, 2, "pair", "leaders", [(first, {})]), Ranker("t", {}, 0.0)) is None


def test_the_shipped_ranker_is_trained_and_scores_every_feature() -> None:
    model = ranker()
    assert model.version == "1" and set(model.weights) == set(RULE_WEIGHTS)


@pytest.mark.slow
def test_pronoun_two_sentences_on_and_a_later_name_in_between(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sergei Lavrov met Hossein Amir-Abdollahian in Moscow on Tuesday. "
        "The two men spoke for three hours. He said the talks had gone well."
    )
    document, spacy_doc, sentences, mentions = analyse(text)
    chains = chains_for(document, spacy_doc, sentences, mentions)
    assert [(m.text, m.actor.name if m.actor else None) for m in chains.references] == [("He", "Sergey Lavrov")]
    lavrov = next(c for c in as_dict(chains) if c["actor"] == "Sergey Lavrov")
    assert lavrov["mentions"] == ["Sergei Lavrov", "The two men", "He"]  # the resolver names both men
    # Built once: the event extractor's call reads the same chains.
    assert chains_for(document, spacy_doc, sentences, mentions) is chains
    he = next(t for t in spacy_doc if t.text == "He")
    actor = resolve_reference(document, spacy_doc, sentences, mentions, he)
    assert actor is not None and actor.name == "Sergey Lavrov"


@pytest.mark.slow
def test_nominal_references_to_a_person_and_an_institution(analyse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Nasser Kanaani spoke at the weekly briefing in Tehran. The spokesman said the ministry would reply.\n\n"
        "Iran's foreign ministry later published a note. The ministry said the talks would go on."
    )
    document, spacy_doc, sentences, mentions = analyse(text)
    chains = chains_for(document, spacy_doc, sentences, mentions)
    assert [(m.text, m.actor.name if m.actor else None, m.actor and m.actor.country) for m in chains.references] == [
        ("The spokesman", "Nasser Kanaani", "IRN"),
        ("the ministry", "the ministry", "IRN"),  # none named yet: an institution of the state named before
        ("The ministry", "Ministry of Foreign Affairs of Iran", "IRN"),
    ]


@pytest.mark.slow
def test_an_unlisted_person_is_an_actor_of_their_own_name(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Maria Okonkwo chaired the session in Geneva. Okonkwo closed it early. She said the delegates were tired."
    document, spacy_doc, sentences, mentions = analyse(text)
    chains = chains_for(document, spacy_doc, sentences, mentions)
    assert [(m.text, m.actor.name if m.actor else None) for m in chains.references] == [("She", "Maria Okonkwo")]

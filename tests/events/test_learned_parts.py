"""The learned coder's parts that need no model: the training corpus and the type decisions."""

from __future__ import annotations

import numpy as np
import pytest

from dragoman.domain.records import ActorRef, Mention
from dragoman.events.learned.coder import LearnedEventCoder, _dyad
from dragoman.events.learned.corpus import NONE, counts, plv_examples, template_examples
from dragoman.events.learned.typemodel import TypeModel


def test_templates_fill_deterministically_with_every_type_and_negatives() -> None:
    first, second = template_examples(fills=2), template_examples(fills=2)
    assert first == second
    labels = {label for e in first for label in e.labels}
    assert len(labels) == 16
    assert any(not e.labels for e in first)
    assert all("{" not in e.text for e in first)


def test_counts_by_type_and_construction() -> None:
    table = counts(template_examples(fills=1))
    assert table[("CONSULT", "nominal")] == 3 + 1  # and news.yaml
    assert table[(NONE, "sports")] == 2 + 5  # templates.yaml and negatives.yaml
    assert table[(NONE, "relations")] == 12


def test_hard_negatives_are_filled_fewer_times() -> None:
    table = counts(template_examples())
    assert table[(NONE, "relations")] == 12 * 4
    assert table[("CONSULT", "nominal")] == 36 + 4  # event templates keep their 12 fills; news.yaml's get 4


def test_plv_yield_is_learned_as_concede() -> None:
    (example,) = plv_examples([("They gave in.", ["YIELD", "AGREE"])])
    assert example.labels == frozenset({"CONCEDE", "AGREE"}) and example.origin == "plv"


def model(labels: list[str]) -> TypeModel:
    return TypeModel(labels, np.zeros((len(labels), 2), dtype=np.float32), np.zeros(len(labels), dtype=np.float32))


def coder(labels: list[str]) -> LearnedEventCoder:
    return LearnedEventCoder(model(labels), encoder=None)


def test_types_above_threshold_are_all_reported() -> None:
    decided = coder(["AID", "ASSAULT", NONE]).decide(np.array([0.7, 0.6, 0.1]), [])
    assert [(d.type, d.probability) for d in decided] == [("AID", 0.7), ("ASSAULT", 0.6)]


def test_none_wins_over_a_weak_type() -> None:
    assert coder(["AID", NONE]).decide(np.array([0.25, 0.8]), []) == []


def test_weak_type_reported_when_it_beats_none() -> None:
    decided = coder(["AID", NONE]).decide(np.array([0.25, 0.2]), [])
    assert [d.type for d in decided] == ["AID"]


def test_rule_frame_adds_its_type_only_with_model_support() -> None:
    decided = coder(["AID", "ACCUSE", "REJECT", NONE]).decide(np.array([0.9, 0.25, 0.05, 0.1]), ["ACCUSE", "REJECT"])
    assert [d.type for d in decided] == ["AID", "ACCUSE"]


def test_probabilities_are_independent_sigmoids() -> None:
    typed = TypeModel(["A", NONE], np.array([[1.0, 0.0], [0.0, 1.0]]), np.zeros(2))
    assert np.allclose(typed.probabilities(np.array([[0.0, 0.0]])), [[0.5, 0.5]])


def test_the_words_of_a_sentence_tell_apart_what_its_vector_does_not() -> None:
    """Two sentences with one vector: only the word features can type them apart."""
    texts = ["Chile imposed sanctions on Peru.", "Chile lifted sanctions on Peru.", "Chile played Peru."] * 4
    labels = [frozenset({"SANCTION"}), frozenset({"CONCEDE"}), frozenset()] * 4
    vectors = np.ones((len(texts), 2), dtype=np.float32)
    typed = TypeModel.fit(vectors, labels, texts)
    assert typed.lexical_weight == 1.0 and typed.coef.shape == (3, 2 + 2**15)
    probabilities = typed.probabilities(
        np.ones((2, 2), dtype=np.float32), ["Peru imposed sanctions.", "Peru lifted sanctions."]
    )
    assert typed.labels == ["CONCEDE", "SANCTION", NONE]
    assert [typed.labels[int(np.argmax(row))] for row in probabilities] == ["SANCTION", "CONCEDE"]


def test_a_model_reading_words_keeps_its_weight_when_saved(tmp_path) -> None:  # type: ignore[no-untyped-def]
    texts = ["Chile imposed sanctions on Peru.", "Chile met Peru."]
    typed = TypeModel.fit(np.eye(2, dtype=np.float32), [frozenset({"SANCTION"}), frozenset()], texts)
    typed.save(tmp_path / "types.npz")
    loaded = TypeModel.load(tmp_path / "types.npz")
    assert loaded.lexical_weight == 1.0 and loaded.fingerprint() == typed.fingerprint()
    assert np.allclose(loaded.probabilities(np.eye(2, dtype=np.float32), texts), typed.probabilities(np.eye(2), texts))


def test_a_model_reading_words_needs_the_texts() -> None:
    typed = TypeModel.fit(np.eye(2, dtype=np.float32), [frozenset({"SANCTION"}), frozenset()], ["a b", "c d"])
    with pytest.raises(ValueError, match="pass their lemmas"):
        typed.probabilities(np.eye(2, dtype=np.float32))


def test_domestic_templates_fill_their_own_slots() -> None:
    examples = template_examples(fills=1)
    table = counts(examples)
    assert table[("COERCE", "domestic")] == 7 + 5  # domestic.yaml and news.yaml
    assert table[("PROTEST", "domestic")] == 6 + 4
    assert [e.text for e in examples if "rounded up" in e.text or "Detain Opposition" in e.text] == [
        "Dozens of students were rounded up by policemen overnight in Dhaka.",
        "Riot police Detain Opposition Figure in Bogota",
    ]


def party(text: str, start: int, country: str) -> Mention:
    actor = ActorRef(name=text, kind="state", country=country, actor_id=f"{country}.{text}")
    return Mention(f"m{start}", "d", start, start + len(text), text, 0, "ner", actor)


def test_a_reciprocal_dyad_sets_the_first_named_state_against_the_others() -> None:
    chile, chilean_navy, peru, bolivia = (
        party("Chile", 0, "CHL"),
        party("navy", 10, "CHL"),
        party("Peru", 20, "PER"),
        party("Bolivia", 30, "BOL"),
    )
    assert _dyad([chile, chilean_navy, peru, bolivia]) == ([chile, chilean_navy], [peru, bolivia])
    assert _dyad([chile, chilean_navy]) == ([chile, chilean_navy], [])
    assert _dyad([]) == ([], [])

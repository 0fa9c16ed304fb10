"""The learned coder's parts that need no model: the training corpus and the type decisions."""

from __future__ import annotations

import numpy as np

from dragoman.events.learned.coder import LearnedEventCoder
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
    assert coder(["AID", NONE]).decide(np.array([0.4, 0.8]), []) == []


def test_weak_type_reported_when_it_beats_none() -> None:
    decided = coder(["AID", NONE]).decide(np.array([0.4, 0.2]), [])
    assert [d.type for d in decided] == ["AID"]


def test_rule_frame_adds_its_type_only_with_model_support() -> None:
    decided = coder(["AID", "ACCUSE", "REJECT", NONE]).decide(np.array([0.9, 0.25, 0.05, 0.1]), ["ACCUSE", "REJECT"])
    assert [d.type for d in decided] == ["AID", "ACCUSE"]


def test_probabilities_are_independent_sigmoids() -> None:
    typed = TypeModel(["A", NONE], np.array([[1.0, 0.0], [0.0, 1.0]]), np.zeros(2))
    assert np.allclose(typed.probabilities(np.array([[0.0, 0.0]])), [[0.5, 0.5]])


def test_domestic_templates_fill_their_own_slots() -> None:
    examples = template_examples(fills=1)
    table = counts(examples)
    assert table[("COERCE", "domestic")] == 7 + 3  # domestic.yaml and news.yaml
    assert table[("PROTEST", "domestic")] == 6 + 4
    assert [e.text for e in examples if "rounded up" in e.text or "Detain Opposition" in e.text] == [
        "Dozens of students were rounded up by policemen overnight in Dhaka.",
        "Riot police Detain Opposition Figure in Bogota",
    ]

"""The role model's parts that need no parse: the labelled training spans and the classifier."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from dragoman.events.learned.corpus import _fill, template_role_examples
from dragoman.events.learned.roles import NEITHER, SOURCE, TARGET, RoleModel


def test_fill_records_where_each_slot_landed() -> None:
    text, spans = _fill("{A}'s visit to {B} in {place}.", {"A": "chile", "B": "Peru", "place": "Lima"})
    assert text == "Chile's visit to Peru in Lima."
    assert spans == [("A", (0, 5)), ("B", (17, 21)), ("place", (25, 29))]


def test_role_examples_label_source_target_and_joint_actors() -> None:
    examples = template_role_examples(fills=1)
    assert examples == template_role_examples(fills=1)
    for example in examples:
        assert example.sources or example.targets, example.text
        for start, end in example.sources + example.targets:
            assert example.text[start:end].strip() == example.text[start:end]
    joint = [e for e in examples if e.text.startswith("Talks between")]
    assert joint and all(len(e.sources) == 2 and not e.targets for e in joint)


def test_a_modifier_slot_is_labelled_only_when_the_entry_says() -> None:
    examples = template_role_examples(fills=1)
    drones = next(e for e in examples if "-made drones" in e.text)
    made = drones.text.index("-made")
    assert all(not (start <= made - 1 < end) for start, end in drones.sources + drones.targets)
    expelled = next(e for e in examples if e.event_type == "SANCTION" and e.construction == "modifier")
    (target,) = expelled.targets
    assert expelled.text[target[1] : target[1] + 10] == " diplomats"


def test_role_model_learns_separable_roles_and_round_trips(tmp_path: Path) -> None:
    rows = [["path1=nsubj"], ["path1=dobj"], ["path1=compound"]] * 5
    labels = [SOURCE, TARGET, NEITHER] * 5
    model = RoleModel.fit(rows, labels, c=10.0)
    probabilities = model.probabilities([["path1=nsubj"], ["path1=dobj"], ["path1=compound"], ["unseen"]])
    assert [int(np.argmax(p)) for p in probabilities[:3]] == [SOURCE, TARGET, NEITHER]
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    model.save(tmp_path / "roles.npz")
    loaded = RoleModel.load(tmp_path / "roles.npz")
    assert loaded.vocabulary == model.vocabulary and loaded.fingerprint() == model.fingerprint()
    assert np.allclose(loaded.probabilities([["path1=dobj"]]), model.probabilities([["path1=dobj"]]))


def test_domestic_roles_name_their_slots_and_a_template_without_a_source_gives_no_example() -> None:
    examples = template_role_examples(fills=1)
    tear_gas = next(e for e in examples if "fired tear gas and rubber bullets at" in e.text)
    ((source_start, source_end),) = tear_gas.sources
    ((target_start, target_end),) = tear_gas.targets
    assert tear_gas.text.index(" fired") == source_end and source_start == 0
    assert tear_gas.text[target_start:target_end] + " in " in tear_gas.text
    assert not any("car bomb exploded" in e.text for e in examples)

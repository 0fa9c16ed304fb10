"""Fine-tuning the encoder's top layers (slow: the real MiniLM weights, torch on the CPU):
the same sentences give the same weights, named as the checkpoint names them, in float16."""

from __future__ import annotations

import numpy as np
import pytest

from dragoman.events.learned.corpus import Example

pytestmark = pytest.mark.slow


def test_a_tiny_fine_tune_is_deterministic_and_names_the_top_layers(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("torch")
    from dragoman.evaluation import finetune_encoder

    monkeypatch.setattr(finetune_encoder, "EPOCHS", 1)
    examples = [
        Example("Chile recalled its ambassador from Peru.", frozenset({"SANCTION"}), "verbal", "templates"),
        Example("Norway sent tents to Nepal after the floods.", frozenset({"AID"}), "verbal", "templates"),
        Example("The weather in Oslo was mild this week.", frozenset(), "negative", "templates"),
    ]
    first = finetune_encoder.finetune(examples)
    again = finetune_encoder.finetune(examples)
    assert sorted(first) == sorted(again)
    assert all(np.array_equal(first[k], again[k]) for k in first)
    assert {name.split(".")[2] for name in first} == {"4", "5"}
    assert len(first) == 32 and all(v.dtype == np.float16 for v in first.values())
    assert "encoder.layer.4.attention.self.query.weight" in first

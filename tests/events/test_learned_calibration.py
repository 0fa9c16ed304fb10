"""The learned coder's confidence: the type probability mapped to the share of mentions right."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from dragoman.events.learned.typemodel import TypeModel

# Over-confident at the top, as the templates make some types too easy: 0.9 is right half the time.
PAIRS = [(0.1, False), (0.2, False), (0.3, True), (0.4, False), (0.6, True), (0.7, False), (0.9, True), (0.9, False)]


def _model(calibration: np.ndarray | None = None) -> TypeModel:
    return TypeModel(["CONSULT", "NONE"], np.zeros((2, 384), np.float32), np.zeros(2, np.float32), calibration)


def test_the_map_is_increasing_and_gives_the_share_right() -> None:
    calibration = TypeModel.fit_calibration(PAIRS)
    model = _model(calibration)
    assert [round(model.confidence(p), 3) for p in (0.1, 0.25, 0.3, 0.6, 0.9)] == [0.0, 0.25, 0.5, 0.5, 0.5]
    assert model.confidence(0.99) == model.confidence(0.9)  # beyond the fitted points: clipped
    values = [model.confidence(p / 100) for p in range(101)]
    assert values == sorted(values)


def test_without_a_map_the_probability_is_the_confidence() -> None:
    assert _model().confidence(0.8125) == 0.8125


def test_the_map_is_saved_with_the_weights(tmp_path: Path) -> None:
    path = tmp_path / "types.npz"
    _model(TypeModel.fit_calibration(PAIRS)).save(path)
    loaded = TypeModel.load(path)
    assert loaded.calibration is not None and loaded.confidence(0.6) == 0.5
    _model().save(path)
    assert TypeModel.load(path).calibration is None

"""Sentence → event types: one logistic regression per PLOVER type and one for NONE over the
MiniLM sentence vector. Weights live in a small .npz (a few dozen kB) shipped with the package,
with the isotonic map that turns a type's probability into the share of such mentions that
are right (fitted on held-out folds: dragoman/evaluation/calibrate_events.py)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from dragoman.events.learned.corpus import NONE

WEIGHTS = "types.npz"


@dataclass
class TypeModel:
    labels: list[str]  # PLOVER types and NONE
    coef: np.ndarray  # (labels, 384)
    intercept: np.ndarray  # (labels,)
    calibration: np.ndarray | None = None  # (2, points): probabilities and the share right at each

    def confidence(self, probability: float) -> float:
        """The calibrated confidence of a mention typed with ``probability`` (itself when no map is fitted)."""
        if self.calibration is None:
            return probability
        return float(np.interp(probability, self.calibration[0], self.calibration[1]))

    @staticmethod
    def fit_calibration(pairs: Sequence[tuple[float, bool]]) -> np.ndarray:
        """An increasing map from probability to the share right, from (probability, right) pairs."""
        from sklearn.isotonic import IsotonicRegression

        probabilities = np.array([p for p, _ in pairs], dtype=np.float64)
        right = np.array([float(ok) for _, ok in pairs], dtype=np.float64)
        isotonic = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(probabilities, right)
        return np.stack([isotonic.X_thresholds_, isotonic.y_thresholds_]).astype(np.float32)

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """One independent probability per label (several types may hold in one sentence)."""
        logits = vectors @ self.coef.T + self.intercept
        return 1.0 / (1.0 + np.exp(-logits))

    @classmethod
    def fit(cls, vectors: np.ndarray, labels: Sequence[frozenset[str]], c: float = 32.0) -> TypeModel:
        from sklearn.linear_model import LogisticRegression

        names = sorted({t for ls in labels for t in ls}) + [NONE]
        coef = np.zeros((len(names), vectors.shape[1]), dtype=np.float32)
        intercept = np.zeros(len(names), dtype=np.float32)
        for index, name in enumerate(names):
            target = np.array([(name in ls) if name != NONE else not ls for ls in labels])
            model = LogisticRegression(C=c, max_iter=2000)
            model.fit(vectors, target)
            coef[index], intercept[index] = model.coef_[0], model.intercept_[0]
        return cls(names, coef, intercept)

    def save(self, path: Path) -> None:
        labels = np.array(self.labels)
        if self.calibration is None:
            np.savez_compressed(path, labels=labels, coef=self.coef, intercept=self.intercept)
        else:
            np.savez_compressed(
                path, labels=labels, coef=self.coef, intercept=self.intercept, calibration=self.calibration
            )

    @classmethod
    def load(cls, path: Path | None = None) -> TypeModel:
        source = path or Path(str(resources.files("dragoman.events.learned") / WEIGHTS))
        with np.load(source) as data:
            calibration = data["calibration"] if "calibration" in data.files else None
            return cls([str(x) for x in data["labels"]], data["coef"], data["intercept"], calibration)

    def fingerprint(self) -> str:
        return hashlib.sha1(self.coef.tobytes() + self.intercept.tobytes()).hexdigest()[:8]

"""Sentence → event types: one logistic regression per PLOVER type and one for NONE over the
MiniLM sentence vector. Weights live in a small .npz (a few dozen kB) shipped with the package."""

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
        np.savez_compressed(path, labels=np.array(self.labels), coef=self.coef, intercept=self.intercept)

    @classmethod
    def load(cls, path: Path | None = None) -> TypeModel:
        source = path or Path(str(resources.files("dragoman.events.learned") / WEIGHTS))
        with np.load(source) as data:
            return cls([str(x) for x in data["labels"]], data["coef"], data["intercept"])

    def fingerprint(self) -> str:
        return hashlib.sha1(self.coef.tobytes() + self.intercept.tobytes()).hexdigest()[:8]

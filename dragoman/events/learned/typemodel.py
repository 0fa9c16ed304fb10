"""Sentence → event types: one logistic regression per PLOVER type and one for NONE over the
MiniLM sentence vector and, when ``lexical_weight`` is set, the sentence's hashed lemmas and
lemma pairs (events/learned/lexical.py). Weights live in a small .npz shipped with the package,
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
from dragoman.events.learned.lexical import hashed

WEIGHTS = "types.npz"
# The scale of the word features against the unit-length sentence vector, as trained.
LEXICAL_WEIGHT = 1.0


@dataclass
class TypeModel:
    labels: list[str]  # PLOVER types and NONE
    coef: np.ndarray  # (labels, 384), then the word features' weights when lexical_weight is set
    intercept: np.ndarray  # (labels,)
    calibration: np.ndarray | None = None  # (2, points): probabilities and the share right at each
    lexical_weight: float = 0.0  # 0: the sentence vector alone

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

    def probabilities(self, vectors: np.ndarray, words: Sequence[str] = ()) -> np.ndarray:
        """One independent probability per label (several types may hold in one sentence);
        ``words`` are the sentences' lemmas (lexical.lemmas), needed when the model reads them."""
        dims = vectors.shape[1]
        logits = vectors @ self.coef[:, :dims].T + self.intercept
        if self.lexical_weight:
            if len(words) != len(vectors):
                raise ValueError("this type model reads the sentences' words: pass their lemmas")
            logits += self.lexical_weight * (hashed(words) @ self.coef[:, dims:].T)
        return 1.0 / (1.0 + np.exp(-logits))

    @classmethod
    def fit(
        cls,
        vectors: np.ndarray,
        labels: Sequence[frozenset[str]],
        words: Sequence[str] = (),
        lexical_weight: float = LEXICAL_WEIGHT,
        c: float = 32.0,
    ) -> TypeModel:
        """One logistic regression a label; over the vectors and, given ``words``, the lemmas."""
        from scipy.sparse import csr_matrix, hstack
        from sklearn.linear_model import LogisticRegression

        weight = lexical_weight if words else 0.0
        features = hstack([csr_matrix(vectors), weight * hashed(words)]).tocsr() if weight else vectors
        names = sorted({t for ls in labels for t in ls}) + [NONE]
        coef = np.zeros((len(names), features.shape[1]), dtype=np.float32)
        intercept = np.zeros(len(names), dtype=np.float32)
        for index, name in enumerate(names):
            target = np.array([(name in ls) if name != NONE else not ls for ls in labels])
            model = LogisticRegression(C=c, max_iter=2000)
            model.fit(features, target)
            coef[index], intercept[index] = model.coef_[0], model.intercept_[0]
        return cls(names, coef, intercept, lexical_weight=weight)

    def save(self, path: Path) -> None:
        arrays = {
            "labels": np.array(self.labels),
            "coef": self.coef,
            "intercept": self.intercept,
            "lexical_weight": np.array(self.lexical_weight, dtype=np.float32),
        }
        if self.calibration is not None:
            arrays["calibration"] = self.calibration
        np.savez_compressed(path, **arrays)  # type: ignore[arg-type]

    @classmethod
    def load(cls, path: Path | None = None) -> TypeModel:
        source = path or Path(str(resources.files("dragoman.events.learned") / WEIGHTS))
        with np.load(source) as data:
            calibration = data["calibration"] if "calibration" in data.files else None
            weight = float(data["lexical_weight"]) if "lexical_weight" in data.files else 0.0
            return cls([str(x) for x in data["labels"]], data["coef"], data["intercept"], calibration, weight)

    def fingerprint(self) -> str:
        weight = np.float32(self.lexical_weight).tobytes() if self.lexical_weight else b""
        return hashlib.sha1(self.coef.tobytes() + self.intercept.tobytes() + weight).hexdigest()[:8]

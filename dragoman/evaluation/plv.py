"""The PLV pair protocol: macro-F1 on root type, quad class and cooperation/conflict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold

from dragoman.events.plv.data import PairRows
from dragoman.events.plv.encoder import PairEncoder
from dragoman.events.plv.model import PairClassifier, PairPrediction


@dataclass
class Scores:
    binary: float
    quad: float
    root: float | None

    def as_dict(self) -> dict[str, float | None]:
        return {"binary": self.binary, "quad": self.quad, "root": self.root}


def score(predictions: Sequence[PairPrediction], quads: Sequence[int], roots: Sequence[str] | None) -> Scores:
    """Macro-F1 ×100 at the three levels; binary is quad 1–2 against 3–4."""
    predicted_quads = np.array([p.quad for p in predictions])
    gold_quads = np.array(quads)
    return Scores(
        binary=100 * f1_score(gold_quads <= 2, predicted_quads <= 2, average="macro"),
        quad=100 * f1_score(gold_quads, predicted_quads, average="macro"),
        root=100 * f1_score(list(roots), [p.root for p in predictions], average="macro") if roots else None,
    )


def folds(rows: PairRows, k: int = 5, seed: int = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test indices, grouped by sentence so no sentence is in both halves."""
    if rows.roots is None:
        raise ValueError("cross-validation needs a gold_root column")
    splitter = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    return list(splitter.split(rows.marked, rows.roots, rows.groups))


def cross_validate(rows: PairRows, k: int = 5, seed: int = 0, log: bool = False) -> list[Scores]:
    """Fresh models per fold. The frozen lower encoder layers run once for all rows (they never train)."""
    if rows.roots is None or rows.quads is None:
        raise ValueError("cross-validation needs gold_root and gold_penta columns")
    roots, quads = rows.roots, rows.quads
    lowered = PairEncoder(sorted(set(roots))).lower(rows.marked)
    results = []
    for index, (train, test) in enumerate(folds(rows, k, seed), start=1):
        model = PairClassifier.train(
            [rows.marked[i] for i in train], [roots[i] for i in train], lowered=[lowered[i] for i in train]
        )
        predictions = model.predict_marked([rows.marked[i] for i in test], lowered=[lowered[i] for i in test])
        results.append(score(predictions, [quads[i] for i in test], [roots[i] for i in test]))
        if log:
            print(f"fold {index}: {results[-1].as_dict()}", flush=True)
    return results

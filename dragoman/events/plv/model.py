"""A small learned PLOVER classifier for a marked actor pair (TF-IDF + linear SVM).

Trained by ``python -m dragoman.events.plv.train`` on the PLV training pairs; the model
card is docs/models/plv.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from dragoman.events.ontology import TYPE_QUAD
from dragoman.events.plv.features import between, marked

MODEL_FILE = Path(__file__).with_name("plv_model.joblib")
# PLV's root labels: YIELD stands for PLOVER's CONCEDE and RETREAT together.
ROOT_QUAD = {**TYPE_QUAD, "YIELD": TYPE_QUAD["RETREAT"]}


@dataclass
class PairPrediction:
    root: str
    quad: int
    confidence: float
    scores: dict[str, float]


class PairClassifier:
    NAME = "events.plv-pair"
    VERSION = "1.0"

    def __init__(self, C: float = 0.5) -> None:
        self.sentence_vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        self.between_words = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True)
        self.between_chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
        self.svm = LinearSVC(C=C, class_weight="balanced")

    def _matrix(self, texts: list[str], fit: bool) -> Any:
        middles = [between(t) for t in texts]
        parts = [(self.sentence_vectorizer, texts), (self.between_words, middles), (self.between_chars, middles)]
        return hstack([v.fit_transform(x) if fit else v.transform(x) for v, x in parts]).tocsr()

    def fit(self, marked_sentences: list[str], roots: list[str]) -> PairClassifier:
        self.svm.fit(self._matrix(marked_sentences, fit=True), roots)
        return self

    def predict_marked(self, marked_sentences: list[str]) -> list[PairPrediction]:
        scores = self.svm.decision_function(self._matrix(marked_sentences, fit=False))
        labels = list(self.svm.classes_)
        out = []
        for row in np.atleast_2d(scores):
            best = int(np.argmax(row))
            ordered = np.sort(row)
            margin = float(ordered[-1] - ordered[-2]) if len(ordered) > 1 else 1.0
            root = labels[best]
            out.append(
                PairPrediction(
                    root,
                    ROOT_QUAD[root],
                    round(1 / (1 + np.exp(-2 * margin)), 3),
                    {label: round(float(s), 4) for label, s in zip(labels, row, strict=True)},
                )
            )
        return out

    def predict(self, sentence: str, source: tuple[int, int], target: tuple[int, int]) -> PairPrediction:
        return self.predict_marked([marked(sentence, source, target)])[0]

    def save(self, path: Path = MODEL_FILE) -> None:
        joblib.dump(self, path, compress=3)

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> PairClassifier:
        model = joblib.load(path)
        if not isinstance(model, cls):
            raise TypeError(f"{path} does not hold a {cls.__name__}")
        return model

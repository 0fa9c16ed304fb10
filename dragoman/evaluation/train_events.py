"""Retrain the learned coder's type model: ``python -m dragoman.evaluation.train_events``.

Deterministic: the templates are filled with fixed seeds, the PLV sentences are read in file
order from ../shared (never copied), the encoder is deterministic and the regressions are
fitted with lbfgs from zero. Writes dragoman/events/learned/types.npz.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from dragoman.evaluation.gold_items import read_plv_items
from dragoman.evaluation.shared import shared_dir
from dragoman.events.learned.corpus import Example, plv_examples, template_examples
from dragoman.events.learned.encoder import SentenceEncoder, shared_encoder
from dragoman.events.learned.typemodel import WEIGHTS, TypeModel

OUTPUT = Path(__file__).resolve().parents[1] / "events" / "learned" / WEIGHTS


class EmbeddingCache:
    """Vectors by text, so cross-validation folds embed each sentence once."""

    def __init__(self, encoder: SentenceEncoder | None = None) -> None:
        self.encoder = encoder or shared_encoder()
        self.vectors: dict[str, np.ndarray] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.vectors})
        if missing:
            for text, vector in zip(missing, self.encoder.encode(missing), strict=True):
                self.vectors[text] = vector
        return np.stack([self.vectors[t] for t in texts])


def plv_sentences(path: Path) -> list[tuple[str, list[str]]]:
    return [(item.text, [e.types[0] for e in item.events]) for item in read_plv_items(path)]


def train(examples: list[Example], embed: EmbeddingCache) -> TypeModel:
    vectors = embed([e.text for e in examples])
    return TypeModel.fit(vectors, [e.labels for e in examples])


def default_plv() -> Path:
    return shared_dir("eval/plv") / "eval" / "plv" / "PLV_train.tsv"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plv", type=Path, default=None, help="PLV-format TSV to add (default ../shared PLV_train)")
    parser.add_argument("--no-plv", action="store_true", help="templates only")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    examples = template_examples()
    if not args.no_plv:
        examples += plv_examples(plv_sentences(args.plv or default_plv()))
    model = train(examples, EmbeddingCache())
    model.save(args.output)
    print(f"{len(examples)} sentences, {len(model.labels)} labels -> {args.output} ({model.fingerprint()})")


if __name__ == "__main__":
    main()

"""Retrain the learned coder's models: ``python -m dragoman.evaluation.train_events`` (then
``python -m dragoman.evaluation.calibrate_events`` fits the confidence map; ``calibrate_events
--retrain`` does both).

Deterministic: the templates are filled with fixed seeds, the PLV sentences are read in file
order from ../shared (never copied), the encoder is deterministic and the regressions are
fitted with lbfgs from zero. Writes dragoman/events/learned/types.npz (sentence → types) and
roles.npz (mention → source, target or neither), the latter from each training sentence
parsed by the pipeline's own stages, so the features are those the coder sees at run time.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from dragoman.domain.records import Document, EventMention, Mention, Sentence
from dragoman.evaluation.gold_items import read_plv_items
from dragoman.evaluation.sentence_events import Item, document_for
from dragoman.evaluation.shared import shared_dir
from dragoman.events.learned import roles
from dragoman.events.learned.corpus import (
    PLV_ROOTS,
    Example,
    RoleExample,
    plv_examples,
    template_examples,
    template_role_examples,
)
from dragoman.events.learned.encoder import SentenceEncoder, shared_encoder
from dragoman.events.learned.lexical import lemmas
from dragoman.events.learned.roles import RoleModel
from dragoman.events.learned.typemodel import WEIGHTS, TypeModel
from dragoman.nlp import load_model

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dragoman.events.learned.coder import LearnedEventCoder
    from dragoman.pipeline.process import DocumentProcessor

OUTPUT = Path(__file__).resolve().parents[1] / "events" / "learned" / WEIGHTS
ROLES_OUTPUT = OUTPUT.with_name(roles.WEIGHTS)


class EmbeddingCache:
    """Vectors by text, so cross-validation folds embed each sentence once."""

    def __init__(self, encoder: SentenceEncoder | None = None) -> None:
        self.encoder = encoder or shared_encoder()
        self.vectors: dict[str, np.ndarray] = {}
        self.lemmas: dict[str, str] = {}

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.vectors})
        if missing:
            for text, vector in zip(missing, self.encoder.encode(missing), strict=True):
                self.vectors[text] = vector
        return np.stack([self.vectors[t] for t in texts])

    def words(self, texts: Sequence[str]) -> list[str]:
        """Each text's lemmas as the type model reads them (parsed once, as the pipeline parses)."""
        missing = sorted({t for t in texts if t not in self.lemmas})
        if missing:
            for text, doc in zip(missing, load_model().pipe(missing, batch_size=64), strict=True):
                self.lemmas[text] = lemmas(doc)
        return [self.lemmas[t] for t in texts]


def plv_sentences(path: Path) -> list[tuple[str, list[str]]]:
    return [(item.text, [e.types[0] for e in item.events]) for item in read_plv_items(path)]


def train(examples: list[Example], embed: EmbeddingCache) -> TypeModel:
    texts = [e.text for e in examples]
    return TypeModel.fit(embed(texts), [e.labels for e in examples], embed.words(texts))


def plv_role_examples(items: Sequence[Item]) -> list[RoleExample]:
    """One role example per gold PLV event: its marked source and target spans."""
    return [
        RoleExample(
            item.text,
            PLV_ROOTS.get(event.types[0], event.types[0]),
            (event.source_span,) if event.source_span else (),
            (event.target_span,) if event.target_span else (),
            "plv",
        )
        for item in items
        for event in item.events
    ]


class RoleRows:
    """Role rows of training sentences, each parsed once by the pipeline's stages and kept by example."""

    def __init__(self) -> None:
        self.rows: dict[RoleExample, tuple[list[list[str]], list[int]]] = {}

    def __call__(
        self, examples: Sequence[RoleExample], processor: DocumentProcessor, coder: LearnedEventCoder
    ) -> tuple[list[list[str]], list[int]]:
        missing = [e for e in dict.fromkeys(examples) if e not in self.rows]
        if missing:
            recorder = _Recorder(coder, missing)
            processor.use_event_coder(recorder)
            texts = list(dict.fromkeys(e.text for e in missing))
            for offset in range(0, len(texts), 64):
                chunk = texts[offset : offset + 64]
                processor.process([document_for(Item(f"training:{offset + i}", t, [])) for i, t in enumerate(chunk)])
            self.rows.update(recorder.rows)
        rows: list[list[str]] = []
        labels: list[int] = []
        for example in examples:
            found, found_labels = self.rows.get(example, ([], []))
            rows += found
            labels += found_labels
        return rows, labels


class _Recorder:
    """Stands in the event stage while training: records role rows instead of coding events."""

    def __init__(self, coder: LearnedEventCoder, examples: Sequence[RoleExample]) -> None:
        self.coder = coder
        self.by_text: dict[str, list[RoleExample]] = {}
        for example in examples:
            self.by_text.setdefault(example.text, []).append(example)
        self.rows: dict[RoleExample, tuple[list[list[str]], list[int]]] = {}

    def extract(
        self, document: Document, spacy_doc: Doc, sentences: list[Sentence], mentions: list[Mention]
    ) -> list[EventMention]:
        for example in self.by_text.get(document.text, []):
            self.rows[example] = self.coder.training_rows(document, spacy_doc, sentences, mentions, example)
        return []


def train_roles(
    examples: Sequence[RoleExample], processor: DocumentProcessor, cache: RoleRows | None = None
) -> RoleModel:
    """The role model from the examples' parses (the coder's rule frames give the anchors)."""
    from dragoman.events.learned.coder import LearnedEventCoder
    from dragoman.pipeline.stages import place_stand_ins

    untrained = RoleModel({}, np.zeros((3, 0), np.float32), np.zeros(3, np.float32))
    untyped = TypeModel([], np.zeros((0, 384), np.float32), np.zeros(0, np.float32))
    coder = LearnedEventCoder(untyped, roles=untrained, places=place_stand_ins(processor.config))
    rows, labels = (cache or RoleRows())(examples, processor, coder)
    return RoleModel.fit(rows, labels)


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
    from dragoman.pipeline.process import DocumentProcessor, ProcessorConfig

    role_examples = template_role_examples()
    if not args.no_plv:
        role_examples += plv_role_examples(read_plv_items(args.plv or default_plv()))
    role_model = train_roles(role_examples, DocumentProcessor(ProcessorConfig()))
    output = args.output.with_name(roles.WEIGHTS)
    role_model.save(output)
    size = len(role_model.vocabulary)
    print(f"{len(role_examples)} events, {size} role features -> {output} ({role_model.fingerprint()})")


if __name__ == "__main__":
    main()

"""Running gold items through the pipeline, with the event coder chosen (and trained per fold)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from dragoman.domain.records import Document, ProcessedDocument
from dragoman.evaluation.sentence_events import Item, Report, evaluate, fold_indices
from dragoman.pipeline.process import DocumentProcessor, ProcessorConfig

if TYPE_CHECKING:
    from dragoman.evaluation.train_events import EmbeddingCache, RoleRows
    from dragoman.events.coders import EventCoder


def run_items(items: Sequence[Item], coder: str | None = None, cv: int = 0, min_confidence: float = 0.0) -> Report:
    """Score ``items`` with the pipeline's coder (or ``coder`` by name); with ``cv`` the learned
    coder (alone or within the combined one) is trained on the other folds (plus the project's
    own sentences) before each fold. Mentions below ``min_confidence`` are left out, as
    ``--min-confidence`` leaves them out of exports and timelines."""
    processor = DocumentProcessor(ProcessorConfig())
    if coder is not None:
        processor.use_event_coder(make_coder(coder))

    def process(documents: list[Document]) -> list[ProcessedDocument]:
        return [
            replace(result, events=[e for e in result.events if e.confidence >= min_confidence])
            for result in processor.process(documents)
        ]

    if cv < 2:
        return evaluate(items, process)
    report = Report()
    for test in fold_indices(len(items), cv):
        held_out = set(test)
        if coder != "rules":
            training = [items[i] for i in range(len(items)) if i not in held_out]
            processor.use_event_coder(make_coder(coder or "combined", training, processor))
        evaluate([items[i] for i in test], process, report=report)
    return report


_EMBEDDINGS: list[EmbeddingCache] = []
_ROLE_ROWS: list[RoleRows] = []


def make_coder(
    name: str, training: Sequence[Item] | None = None, processor: DocumentProcessor | None = None
) -> EventCoder:
    """The coder called ``name`` (events/coders.py); with ``training``, its learned coder is trained
    on the project's sentences plus ``training`` (types from the sentences; roles from their parses
    by ``processor``)."""
    from dragoman.evaluation.train_events import (
        EmbeddingCache,
        RoleRows,
        plv_role_examples,
        train,
        train_roles,
    )
    from dragoman.events.coders import CODERS, make_event_coder
    from dragoman.events.learned.coder import LearnedEventCoder
    from dragoman.events.learned.corpus import plv_examples, template_examples, template_role_examples
    from dragoman.pipeline.stages import place_stand_ins

    if name not in CODERS:
        raise ValueError(f"unknown event coder {name!r}: choose one of {', '.join(CODERS)}")
    if name == "rules":
        return make_event_coder(name)
    if training is None:
        return make_event_coder(name, LearnedEventCoder(places=place_stand_ins(ProcessorConfig())))
    if not _EMBEDDINGS:
        _EMBEDDINGS.append(EmbeddingCache())
    gold = [(item.text, [e.types[0] for e in item.events]) for item in training]
    types = train(template_examples() + plv_examples(gold), _EMBEDDINGS[0])
    if not _ROLE_ROWS:
        _ROLE_ROWS.append(RoleRows())
    processor = processor or DocumentProcessor()
    roles = train_roles(template_role_examples() + plv_role_examples(training), processor, _ROLE_ROWS[0])
    return make_event_coder(name, LearnedEventCoder(types, roles=roles, places=place_stand_ins(processor.config)))

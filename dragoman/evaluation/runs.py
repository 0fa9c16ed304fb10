"""Running gold items through the pipeline, with the event coder chosen (and trained per fold)."""

from __future__ import annotations

from collections.abc import Sequence

from dragoman.evaluation.sentence_events import Item, Report, evaluate, fold_indices
from dragoman.pipeline.process import DocumentProcessor, ProcessorConfig


def run_items(items: Sequence[Item], coder: str | None = None, cv: int = 0) -> Report:
    """Score ``items`` with the pipeline's coder (or ``coder`` by name); with ``cv`` the learned
    coder is trained on the other folds (plus the project's own sentences) before each fold."""
    processor = DocumentProcessor(ProcessorConfig())
    if coder is not None:
        processor.events = make_coder(coder)
    if cv < 2:
        return evaluate(items, processor.process)
    report = Report()
    for test in fold_indices(len(items), cv):
        held_out = set(test)
        if coder != "rules":
            processor.events = make_coder(
                coder or "learned", [items[i] for i in range(len(items)) if i not in held_out]
            )
        evaluate([items[i] for i in test], processor.process, report=report)
    return report


def make_coder(name: str, training: Sequence[Item] | None = None):  # type: ignore[no-untyped-def]
    from dragoman.events import EventExtractor

    if name == "rules":
        return EventExtractor()
    raise ValueError(f"unknown coder: {name}")

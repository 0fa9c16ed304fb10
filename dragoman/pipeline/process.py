"""Per-document processing: the configured stages (pipeline/stages.py), as one pure step.

``DocumentProcessor.process`` takes Documents and returns ProcessedDocuments;
it never touches the store, so the same code runs in one process, in local
worker processes or on Dask workers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from dragoman.domain.records import Document, ProcessedDocument
from dragoman.lexicon import load_lexicon, use_overrides
from dragoman.nlp.heap import keep_buffers_on_heap
from dragoman.pipeline.stages import DocState, EventCoding, ProcessorConfig, Stage, build_stages, components

__all__ = ["DocumentProcessor", "ProcessorConfig", "cached_processor", "process_batch", "ready_worker", "split_failed"]


class DocumentProcessor:
    """Runs the configured stages, in order, over batches of documents."""

    def __init__(self, config: ProcessorConfig | None = None) -> None:
        config = config or ProcessorConfig()
        self.config = config
        load_lexicon(overrides=config.lexicon_files)  # a bad override fails here, not once a document
        use_overrides(config.lexicon_files)  # the words the stages read
        self.stages: list[Stage] = build_stages(config)
        self.components = components(config)

    def use_event_coder(self, coder: Any) -> None:
        """Code events with ``coder`` instead of the configured one (evaluation: a coder trained per fold)."""
        for stage in self.stages:
            if isinstance(stage, EventCoding):
                stage.coder = coder

    def process(self, documents: Sequence[Document]) -> list[ProcessedDocument]:
        use_overrides(self.config.lexicon_files)  # this processor's words, should another have been built since
        # Stages are chained generators, as spaCy's pipes: each document goes through every
        # stage before the next is parsed, so a batch's parses are never all held at once.
        stream: Iterator[DocState] = iter([DocState(document) for document in documents])
        for stage in self.stages:
            stream = stage.pipe(stream)
        return [state.processed(self.components) for state in stream]


@lru_cache(maxsize=4)
def cached_processor(config: ProcessorConfig) -> DocumentProcessor:
    """One processor per process and config (worker processes call this, not a global)."""
    return DocumentProcessor(config)


def ready_worker(config: ProcessorConfig) -> None:
    """What a worker process (pool or Dask) does once, before its first task."""
    keep_buffers_on_heap()
    cached_processor(config)


def process_batch(documents: Sequence[Document], config: ProcessorConfig) -> list[ProcessedDocument]:
    """Entry point for worker processes and Dask tasks."""
    return cached_processor(config).process(documents)


def split_failed(results: list[ProcessedDocument]) -> tuple[list[ProcessedDocument], list[ProcessedDocument]]:
    """(documents to store, documents whose extraction failed and are to be reported instead)."""
    return [r for r in results if r.error is None], [r for r in results if r.error is not None]

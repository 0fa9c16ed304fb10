"""Where batches are processed: in this process, or elsewhere with results in input order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from dragoman.domain.records import Document, ProcessedDocument
from dragoman.pipeline.process import ProcessorConfig, process_batch


class BatchExecutor(Protocol):
    """Processes batches and yields their results in the order the batches came in."""

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[ProcessedDocument]]: ...

    def close(self) -> None: ...


class SerialExecutor:
    """Everything in the calling process: the default, and the reference for parallel runs."""

    def __init__(self, config: ProcessorConfig) -> None:
        self.config = config

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[ProcessedDocument]]:
        for batch in batches:
            yield process_batch(batch, self.config)

    def close(self) -> None:
        return None

"""Choosing where batches run: this process, local worker processes, or a Dask cluster."""

from __future__ import annotations

from dragoman.config import Settings
from dragoman.pipeline.executors import BatchExecutor, SerialExecutor
from dragoman.pipeline.process import ProcessorConfig


def make_executor(settings: Settings, scheduler: str | None = None) -> BatchExecutor:
    config = ProcessorConfig(kb_files=tuple(settings.kb_files))
    if scheduler is None and settings.workers <= 1:
        return SerialExecutor(config)
    raise NotImplementedError("parallel ingest is not available yet")

"""A Dask worker plugin that builds the processor once per worker (imported only when Dask is used)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from dragoman.pipeline.heap import keep_buffers_on_heap
from dragoman.pipeline.process import ProcessorConfig, cached_processor


class ProcessorPlugin(WorkerPlugin):
    """Loads the spaCy model and knowledge base on every worker as it joins.

    Registered before the first task, so loading overlaps on all workers instead of
    delaying each worker's first batch, and a worker that joins later is ready too.
    """

    idempotent = True

    def __init__(self, config: ProcessorConfig) -> None:
        self.config = config
        self.name = f"dragoman-processor-{abs(hash(config))}"

    def setup(self, worker: Any) -> None:
        keep_buffers_on_heap()
        cached_processor(self.config)

"""Where batches run: this process, local worker processes, or a Dask cluster.

Every executor yields results in the order the batches came in, with a bounded
number of batches in flight, so memory stays flat and a parallel run stores
exactly what a serial run stores.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from dragoman.config import Settings
from dragoman.pipeline.executors import BatchExecutor, SerialExecutor
from dragoman.pipeline.heap import keep_buffers_on_heap
from dragoman.pipeline.process import ProcessorConfig, cached_processor, process_batch
from dragoman.records import Component, Document, EventMention, Mention, ProcessedDocument, Sentence, Statement

log = logging.getLogger(__name__)

# Batches queued per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2
# Documents per task sent to a worker, on average (a batch of 128 is sixteen tasks).
TASK_DOCUMENTS = 8


def _ordered(submit: Any, batches: Iterable[list[Document]], window: int) -> Iterator[Any]:
    """Submit ahead up to ``window`` batches; yield what ``submit`` returned, in submission order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


# What a worker sends back for one document; the last item is why it failed, if it did.
Extracted = tuple[list[Sentence], list[Mention], list[EventMention], list[Statement], list[Component], str | None]


def extract_batch(documents: Sequence[Document], config: ProcessorConfig) -> list[Extracted]:
    """A worker's task: what was extracted, without echoing the documents (their text) back."""
    return [
        (r.sentences, r.mentions, r.events, r.statements, r.components, r.error)
        for r in process_batch(documents, config)
    ]


def split_tasks(batch: Sequence[Document], tasks: int) -> list[list[Document]]:
    """``tasks`` runs of consecutive documents with about equal amounts of text.

    Equal counts of documents are not equal work: a run of long analyses would keep one
    worker busy while the other waits for the batch to be written.
    """
    if not batch:
        return []
    total = sum(len(d.text) for d in batch)
    parts: list[list[Document]] = [[]]
    filled = 0
    for document in batch:
        if parts[-1] and len(parts) < tasks and filled >= total * len(parts) / tasks:
            parts.append([])
        parts[-1].append(document)
        filled += len(document.text)
    return parts


def _remote(submit: Any, batches: Iterable[list[Document]], window: int) -> Iterator[list[ProcessedDocument]]:
    """Send batches out as tasks of about TASK_DOCUMENTS documents' worth of text; join what
    comes back, in input order.

    Small tasks keep both workers busy to the end of a run (a free worker takes the next
    task) while the store is still written a whole batch at a time; the documents stay
    here, so only the extracted records travel back.
    """
    sent: deque[list[Document]] = deque()

    def send(batch: list[Document]) -> list[Any]:
        sent.append(batch)
        return [submit(part) for part in split_tasks(batch, -(-len(batch) // TASK_DOCUMENTS))]

    for futures in _ordered(send, batches, window):
        extracted = [item for future in futures for item in future.result()]
        yield [
            ProcessedDocument(document, sentences, mentions, events, statements, components, error)
            for document, (sentences, mentions, events, statements, components, error) in zip(
                sent.popleft(), extracted, strict=True
            )
        ]


def ready_worker(config: ProcessorConfig) -> None:
    """What a worker process (pool or Dask) does once, before its first task."""
    keep_buffers_on_heap()
    cached_processor(config)


def _ready() -> None:
    return None


class ProcessPoolBatchExecutor:
    """Local worker processes; each builds its processor once, as it starts, and keeps it.

    The workers are started at once (the pool would start one per task submitted), so
    they load the model while this process prepares the store and reads the first batch.
    """

    def __init__(self, config: ProcessorConfig, workers: int) -> None:
        self.config = config
        self.workers = workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=ready_worker,
            initargs=(config,),
        )
        for _ in range(workers):
            self.pool.submit(_ready)

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[ProcessedDocument]]:
        def submit(batch: list[Document]) -> Future[list[Extracted]]:
            return self.pool.submit(extract_batch, batch, self.config)

        return _remote(submit, batches, self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        """Let the workers go without waiting for them to exit: every result is in hand,
        and tearing down a process with a loaded model takes about a second, which the
        ingest's closing merge can use."""
        self.pool.shutdown(wait=False, cancel_futures=True)


class DaskBatchExecutor:
    """Batches as tasks on a Dask distributed cluster; a lost worker's task is retried.

    Documents go out once and only the extracted records come back (the client keeps the
    documents), the processor is built once per worker by a plugin, and at most
    ``IN_FLIGHT_PER_WORKER`` batches per worker are queued.
    """

    def __init__(self, config: ProcessorConfig, scheduler: str | Any) -> None:
        from dask.distributed import Client

        from dragoman.pipeline.dask_plugin import ProcessorPlugin

        self.config = config
        self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
        self._own_client = not isinstance(scheduler, Client)
        self.plugin = ProcessorPlugin(config)
        self.client.register_plugin(self.plugin)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        self.window = workers * IN_FLIGHT_PER_WORKER

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[ProcessedDocument]]:
        def submit(batch: list[Document]) -> Any:
            return self.client.submit(extract_batch, batch, self.config, pure=False, retries=2)

        return _remote(submit, batches, self.window)

    def close(self) -> None:
        """Unregister the plugin, which resumes the workers' profiler (the processor stays
        loaded for the next ingest on the same cluster)."""
        try:
            self.client.unregister_worker_plugin(self.plugin.name)
        except Exception as error:  # the cluster may be gone; every result is already in hand
            log.warning("could not unregister the worker plugin: %s", error)
        if self._own_client:
            self.client.close()


def make_executor(settings: Settings, scheduler: str | None = None) -> BatchExecutor:
    config = ProcessorConfig(kb_files=tuple(settings.kb_files))
    if scheduler is not None:
        return DaskBatchExecutor(config, scheduler)
    if settings.workers > 1:
        return ProcessPoolBatchExecutor(config, settings.workers)
    return SerialExecutor(config)

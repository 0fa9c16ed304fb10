"""Where batches run: this process, local worker processes, or a Dask cluster.

Every executor yields results in the order the batches came in, with a bounded
number of batches in flight, so memory stays flat and a parallel run stores
exactly what a serial run stores.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any

from dragoman import crashpoints
from dragoman.config import Settings
from dragoman.domain.records import Document, ProcessedDocument
from dragoman.pipeline.executors import BatchExecutor, SerialExecutor
from dragoman.pipeline.process import ProcessorConfig, process_batch, ready_worker

log = logging.getLogger(__name__)

# Batches queued per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2
# Documents per task sent to a worker, on average (a batch of 128 is sixteen tasks).
TASK_DOCUMENTS = 8
# Why a document whose worker died under it is reported, not stored.
WORKER_DIED = "worker process died while processing it (killed, out of memory, or a crash in native code)"


def _ordered(submit: Any, batches: Iterable[list[Document]], window: int) -> Iterator[Any]:
    """Submit ahead up to ``window`` batches; yield what ``submit`` returned, in submission order."""
    pending: deque[Any] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def extract_batch(documents: Sequence[Document], config: ProcessorConfig) -> list[ProcessedDocument]:
    """A worker's task: what was extracted, without echoing the documents (their text) back."""
    for document in documents:
        crashpoints.reached_for(crashpoints.IN_WORKER, document.path)
    return [replace(result, document=replace(result.document, text="")) for result in process_batch(documents, config)]


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
        yield [replace(result, document=document) for document, result in zip(sent.popleft(), extracted, strict=True)]


def exit_with_parent() -> None:
    """In a worker process: exit as soon as the process that started it is gone.

    A pool worker otherwise waits on its task queue for ever when the ingest is killed
    (``kill -9`` runs no clean-up), keeping its model in memory. The sentinel is the
    worker's end of the pipe its parent started it through: it reads as closed when the
    parent dies, so a thread blocked on it wakes then and only then (no polling).
    """
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="dragoman-exit-with-parent", daemon=True).start()


def ready_pool_worker(config: ProcessorConfig) -> None:
    """A local pool worker: tied to its parent's life, then readied like any worker."""
    exit_with_parent()
    ready_worker(config)


def _ready() -> None:
    return None


class ProcessPoolBatchExecutor:
    """Local worker processes; each builds its processor once, as it starts, and keeps it.

    The workers are started at once (the pool would start one per task submitted), so
    they load the model while this process prepares the store and reads the first batch.

    A worker that dies outright (SIGKILL, the out-of-memory killer, a crash in native code)
    breaks the whole pool, failing every task in it. The pool is then replaced, and the
    documents of each failed task are processed again one at a time in a pool of one
    worker of their own, so the document that kills its worker is found and reported
    (``WORKER_DIED``) and every other document is stored.
    """

    def __init__(self, config: ProcessorConfig, workers: int) -> None:
        self.config = config
        self.workers = workers
        self.initializer: Any = ready_pool_worker
        self.pool = self._new_pool(workers)
        for _ in range(workers):
            self.pool.submit(_ready)
        self._isolation: ProcessPoolExecutor | None = None

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=self.initializer,
            initargs=(self.config,),
        )

    def _submit(self, documents: list[Document]) -> _Task:
        try:
            future = self.pool.submit(extract_batch, documents, self.config)
        except BrokenProcessPool:  # a worker died: a new pool for the tasks from now on
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool(self.workers)
            future = self.pool.submit(extract_batch, documents, self.config)
        return _Task(self.isolate, documents, future, BrokenProcessPool)

    def isolate(self, documents: list[Document]) -> list[ProcessedDocument]:
        """Each document alone in a pool of one worker: the one that kills it is the culprit."""
        results: list[ProcessedDocument] = []
        for document in documents:
            if self._isolation is None:
                self._isolation = self._new_pool(1)
            try:
                results += self._isolation.submit(extract_batch, [document], self.config).result()
            except BrokenProcessPool:
                log.warning("%s: %s", document.path, WORKER_DIED)
                self._isolation.shutdown(wait=False, cancel_futures=True)
                self._isolation = None
                results.append(ProcessedDocument(document=replace(document, text=""), error=WORKER_DIED))
        return results

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[ProcessedDocument]]:
        return _remote(self._submit, batches, self.workers * IN_FLIGHT_PER_WORKER)

    def close(self) -> None:
        """Let the workers go without waiting for them to exit: every result is in hand,
        and tearing down a process with a loaded model takes about a second, which the
        ingest's closing merge can use."""
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self._isolation is not None:
            self._isolation.shutdown(wait=False, cancel_futures=True)


class _Task:
    """A batch sent to workers, whose documents are processed again one by one (``isolate``)
    when the batch is lost with its worker: ``BrokenProcessPool`` in a local pool,
    ``KilledWorker`` on Dask (the scheduler gave up after its workers died too many times)."""

    def __init__(
        self, isolate: Callable[[list[Document]], list[ProcessedDocument]], documents: list[Document],
        future: Any, lost: type[BaseException],
    ) -> None:  # fmt: skip
        self.isolate = isolate
        self.documents = documents
        self.future = future
        self.lost = lost

    def result(self) -> list[ProcessedDocument]:
        try:
            return list(self.future.result())
        except self.lost:
            return self.isolate(self.documents)


class DaskBatchExecutor:
    """Batches as tasks on a Dask distributed cluster; a lost worker's task is retried, and a
    task the scheduler gives up on runs again a document at a time.

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
        from dask.distributed import KilledWorker

        def submit(batch: list[Document]) -> _Task:
            future = self.client.submit(extract_batch, batch, self.config, pure=False, retries=2)
            return _Task(self.isolate, batch, future, KilledWorker)

        return _remote(submit, batches, self.window)

    def isolate(self, documents: list[Document]) -> list[ProcessedDocument]:
        """Each document of a task whose workers kept dying as a task of its own, not retried:
        the one that kills its worker is the culprit, and one error."""
        from dask.distributed import KilledWorker

        results: list[ProcessedDocument] = []
        for document in documents:
            try:
                results += self.client.submit(extract_batch, [document], self.config, pure=False).result()
            except KilledWorker:
                log.warning("%s: %s", document.path, WORKER_DIED)
                results.append(ProcessedDocument(document=replace(document, text=""), error=WORKER_DIED))
        return results

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
    config = ProcessorConfig.from_settings(settings)
    if scheduler is not None:
        return DaskBatchExecutor(config, scheduler)
    if settings.workers > 1:
        return ProcessPoolBatchExecutor(config, settings.workers)
    return SerialExecutor(config)

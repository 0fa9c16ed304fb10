"""A Dask worker plugin that readies a worker for dragoman's tasks (imported only when Dask is used)."""

from __future__ import annotations

from typing import Any

from distributed import WorkerPlugin

from dragoman.pipeline.process import ProcessorConfig, ready_worker

# The worker's statistical profiler: callbacks on its event loop that sample the task
# thread's stack every 10 ms.
PROFILER_CALLBACKS = ("profile", "profile-cycle")


class ProcessorPlugin(WorkerPlugin):
    """Loads the spaCy model and knowledge base on every worker as it joins, and pauses
    the worker's profiler while registered.

    Registered before the first task, so loading overlaps on all workers instead of
    delaying each worker's first batch, and a worker that joins later is ready too.
    Sampling the deep stacks of a parse every 10 ms cost about 4% of a worker's CPU in
    dragoman's tasks; the profiler resumes when the plugin is unregistered at the end of
    an ingest.
    """

    idempotent = True

    def __init__(self, config: ProcessorConfig) -> None:
        self.config = config
        self.name = f"dragoman-processor-{abs(hash(config))}"
        self.paused: list[str] = []

    def setup(self, worker: Any) -> None:
        callbacks = worker.periodic_callbacks
        self.paused = [name for name in PROFILER_CALLBACKS if name in callbacks and callbacks[name].is_running()]
        for name in self.paused:
            callbacks[name].stop()
        ready_worker(self.config)

    def teardown(self, worker: Any) -> None:
        """Resume only what setup paused (a profiler turned off in the cluster's config stays off)."""
        for name in self.paused:
            worker.periodic_callbacks[name].start()

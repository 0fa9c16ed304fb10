"""Probes run in a worker process: its malloc settings (page faults of a parser-like allocation
pattern), its profiler."""

from __future__ import annotations

import resource
from typing import Any

import numpy


def faults_reusing_large_buffers() -> int:
    """Minor faults while a 2 MB buffer is allocated and freed 100 times.

    Above the mmap threshold each buffer is mapped afresh: 512 faults apiece.
    """
    kept = []
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(100):
        scratch = numpy.ones(2**18)  # 2 MB, freed at once: a parser's activations
        kept.append(bytearray(4096))  # what the parse keeps: the heap's top stays in use
        del scratch
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def profiler_running(dask_worker: Any) -> bool:
    """Whether the Dask worker's statistical profiler is sampling."""
    return bool(dask_worker.periodic_callbacks["profile"].is_running())

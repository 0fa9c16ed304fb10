"""Worker processes keep large buffers on the heap even when a malloc tunable is set."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import resource, sys
import numpy
from dragoman.pipeline.heap import keep_buffers_on_heap

def faults() -> int:
    kept = []
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(100):
        scratch = numpy.ones(2**18)  # 2 MB, freed at once: a parser's activations
        kept.append(bytearray(4096))  # what the parse keeps: the heap's top stays in use
        del scratch
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before

untuned = faults()
assert keep_buffers_on_heap()
print(untuned, faults())
"""


def test_large_buffers_are_reused_instead_of_mapped_afresh() -> None:
    # Dask's nannies set this on every worker; it freezes glibc's mmap threshold at 128 KiB.
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    untuned, tuned = map(int, out.stdout.split())
    assert untuned > 20_000  # each 2 MB buffer faulted in page by page: 512 faults
    assert tuned < 2_000

"""Worker processes keep large buffers on the heap even when a malloc tunable is set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROBE = """
from dragoman.nlp.heap import keep_buffers_on_heap
from tests.pipeline.heap_probe import faults_reusing_large_buffers

untuned = faults_reusing_large_buffers()
assert keep_buffers_on_heap()
print(untuned, faults_reusing_large_buffers())
"""


def test_large_buffers_are_reused_instead_of_mapped_afresh() -> None:
    # Dask's nannies set this on every worker; it freezes glibc's mmap threshold at 128 KiB.
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=REPO, capture_output=True, text=True, check=True)
    untuned, tuned = map(int, out.stdout.split())
    assert untuned > 20_000  # each 2 MB buffer faulted in page by page: 512 faults
    assert tuned < 2_000

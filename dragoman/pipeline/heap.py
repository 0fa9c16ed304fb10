"""Keep the parser's large scratch buffers on the heap in worker processes.

glibc serves an allocation above its mmap threshold with a fresh mapping and unmaps it
on free, so a buffer above it is page-faulted in again by every parse. The threshold
normally rises to fit a program's buffers, but setting any malloc tunable in the
environment freezes it at 128 KiB, and Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536
on every worker they spawn (which also hands the heap's top back after each parse).
Raising both thresholds keeps the buffers reused: about a tenth less CPU per document
on a Dask worker (docs/performance-history.md, sixth round).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# glibc's ceiling for the threshold on 64-bit systems (DEFAULT_MMAP_THRESHOLD_MAX).
LARGEST_MMAP_THRESHOLD = 32 * 2**20
# Free memory at the top of the heap kept for the next parse rather than handed back.
TRIM_THRESHOLD = 64 * 2**20


def keep_buffers_on_heap() -> bool:
    """Raise glibc's mmap and trim thresholds in this process; False where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(M_MMAP_THRESHOLD, LARGEST_MMAP_THRESHOLD)) and bool(
            libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
        )
    except (OSError, AttributeError):
        return False

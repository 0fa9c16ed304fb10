"""The C heap under the parser: large scratch buffers kept, free pages handed back.

Buffers are kept in worker processes: glibc serves an allocation above its mmap
threshold with a fresh mapping and unmaps it on free, so a buffer above it is
page-faulted in again by every parse. The threshold normally rises to fit a program's
buffers, but setting any malloc tunable in the environment freezes it at 128 KiB, and
Dask's nannies set MALLOC_TRIM_THRESHOLD_=65536 on every worker they spawn (which also
hands the heap's top back after each parse). Raising both thresholds keeps the buffers
reused: about a tenth less CPU per document on a Dask worker
(docs/performance-history.md, sixth round).

Free pages are handed back while one long document is parsed: the parser's working memory
for each batch of windows is freed after it, but the heap keeps those pages, scattered
between the windows' parsed tokens, so a process parsing a long text held several times
what it kept alive. glibc's ``malloc_trim`` returns them (nlp/windows.py).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache
from typing import Any

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
# glibc's ceiling for the threshold on 64-bit systems (DEFAULT_MMAP_THRESHOLD_MAX).
LARGEST_MMAP_THRESHOLD = 32 * 2**20
# Free memory at the top of the heap kept for the next parse rather than handed back.
TRIM_THRESHOLD = 64 * 2**20


@lru_cache(maxsize=1)
def _libc() -> Any:
    """glibc, or None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None


def keep_buffers_on_heap() -> bool:
    """Raise glibc's mmap and trim thresholds in this process; False where there is no glibc."""
    libc = _libc()
    if libc is None:
        return False
    return bool(libc.mallopt(M_MMAP_THRESHOLD, LARGEST_MMAP_THRESHOLD)) and bool(
        libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )


def release_free_memory() -> bool:
    """Hand the heap's free pages back to the system; False where there is no glibc."""
    libc = _libc()
    if libc is None:
        return False
    libc.malloc_trim(0)
    return True

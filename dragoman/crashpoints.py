"""Named points in the write path where a test can make the process die or wait.

Crash and concurrency tests need to interrupt an ingest at a chosen place (after the
second batch is written, inside a transaction, before a checkpoint), not at a moment
guessed with a timer: a timer races the machine's speed and makes the suite flaky.
The points are inert unless the process was started with one of these variables:

- ``DRAGOMAN_CRASH_AT=<point>:<n>``: the n-th time the point is reached, the process
  kills itself with SIGKILL (no clean-up runs, as with ``kill -9``).
- ``DRAGOMAN_CRASH_AT=in-worker@<document path>``: a worker process (local pool or Dask)
  kills itself with SIGKILL when it is given that document, each time it is given it.
- ``DRAGOMAN_PAUSE_AT=<point>`` with ``DRAGOMAN_PAUSE_DIR=<folder>``: each time the point
  is reached, the process writes ``<folder>/<point>-<n>.waiting`` and waits until the
  test creates ``<folder>/<point>-<n>.go``.
"""

from __future__ import annotations

import os
import signal
import time
from collections import Counter
from pathlib import Path

# A batch's documents are in the transaction but not committed.
IN_TRANSACTION = "in-transaction"
# A batch is committed; its store is not yet closed (its WAL not yet checkpointed).
BEFORE_CHECKPOINT = "before-checkpoint"
# A batch is committed and checkpointed (the store let go).
BATCH_WRITTEN = "batch-written"
# The next batch is looked up and the store let go while the workers parse it.
BATCH_SENT = "batch-sent"
# The closing merge has rebuilt its tables but not committed.
IN_CONSOLIDATION = "in-consolidation"

POINTS = (IN_TRANSACTION, BEFORE_CHECKPOINT, BATCH_WRITTEN, BATCH_SENT, IN_CONSOLIDATION)

# A worker is about to process a given document (keyed by its path, not counted).
IN_WORKER = "in-worker"

_reached: Counter[str] = Counter()


def reached(point: str) -> None:
    """Mark that the write path is at ``point``; die or wait here if a test asked for it."""
    crash_at = os.environ.get("DRAGOMAN_CRASH_AT")
    pause_at = os.environ.get("DRAGOMAN_PAUSE_AT")
    if not crash_at and not pause_at:
        return
    _reached[point] += 1
    count = _reached[point]
    if crash_at:
        name, _, nth = crash_at.partition(":")
        if name == point and count == int(nth or 1):
            os.kill(os.getpid(), signal.SIGKILL)
    if pause_at == point:
        _wait_for_go(Path(os.environ["DRAGOMAN_PAUSE_DIR"]), f"{point}-{count}")


def reached_for(point: str, key: str) -> None:
    """Die here if a test asked for ``point`` with this ``key`` (``<point>@<key>``): a document
    that kills its worker every time it is processed, as one that exhausts memory would."""
    crash_at = os.environ.get("DRAGOMAN_CRASH_AT")
    if crash_at and crash_at == f"{point}@{key}":
        os.kill(os.getpid(), signal.SIGKILL)


def _wait_for_go(folder: Path, name: str) -> None:
    (folder / f"{name}.waiting").touch()
    go = folder / f"{name}.go"
    while not go.exists():
        time.sleep(0.01)

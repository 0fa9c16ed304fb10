"""Named points in the write path where a test can make the process die or wait.

Crash and concurrency tests need to interrupt an ingest at a chosen place (after the
second batch is written, inside a transaction, before a checkpoint), not at a moment
guessed with a timer: a timer races the machine's speed and makes the suite flaky.
The points are inert unless the process was started with one of these variables:

- ``DRAGOMAN_CRASH_AT=<point>:<n>``: the n-th time the point is reached, the process
  kills itself with SIGKILL (no clean-up runs, as with ``kill -9``).
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


def _wait_for_go(folder: Path, name: str) -> None:
    (folder / f"{name}.waiting").touch()
    go = folder / f"{name}.go"
    while not go.exists():
        time.sleep(0.01)

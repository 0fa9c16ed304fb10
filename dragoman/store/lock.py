"""One ingest at a time per store, without holding the DuckDB file between writes.

An ingest takes an advisory lock on ``<store>.lock`` for its whole run and opens the
DuckDB file only to write a batch, so readers (the server) get in between batches,
while a second writer is refused at once with a one-line reason.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dragoman.store.db import Store, StoreError


@contextmanager
def writer_lock(db: Path) -> Iterator[None]:
    lock_path = Path(f"{db}.lock")
    handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(
                f"{db}: the store is in use by another process (an ingest is writing to it); "
                "wait for it to finish and retry"
            ) from None
        yield
    finally:
        os.close(handle)


# How long a writer waits for readers (the server) to let go of the file.
WRITE_PATIENCE_SECONDS = 10.0


def open_for_write(db: Path, patience: float = WRITE_PATIENCE_SECONDS) -> Store:
    """The store for writing, waiting briefly while a reader has it open."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return Store(db)
        except StoreError as exc:
            if "in use" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)

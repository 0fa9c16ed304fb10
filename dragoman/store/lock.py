"""One ingest at a time per store, without holding the DuckDB file between writes.

An ingest takes an advisory lock on ``<store>.lock`` (beside the real file, symlinks
resolved; filelock's native lock: ``flock`` on Unix, ``LockFileEx`` on Windows) for its whole
run and opens the DuckDB file only to write a batch, so readers (the server) get in between
batches, while a second writer is refused at once with a one-line reason.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from dragoman.domain.errors import StoreBusy
from dragoman.store.db import Store


def lock_path(db: Path) -> Path:
    """``<store>.lock`` beside the real file, so a symlink or a relative path to the same store
    takes the same lock."""
    return Path(f"{os.path.realpath(db)}.lock")


@contextmanager
def writer_lock(db: Path) -> Iterator[None]:
    """Hold the store's writer lock for the block, or raise StoreBusy at once if another process has it.

    The lock file stays after the block (as with any flock lock): deleting it could let two
    writers each hold a lock on a different file of the same name.
    """
    lock = FileLock(lock_path(db), timeout=0, mode=0o644)
    try:
        lock.acquire()
    except Timeout:
        raise StoreBusy(
            f"{db}: the store is in use by another process (an ingest is writing to it); "
            "wait for it to finish and retry"
        ) from None
    try:
        yield
    finally:
        lock.release()


# How long a writer waits for readers (the server) to let go of the file.
WRITE_PATIENCE_SECONDS = 10.0


def open_for_write(db: Path, patience: float = WRITE_PATIENCE_SECONDS) -> Store:
    """The store for writing, waiting briefly while a reader has it open."""
    deadline = time.monotonic() + patience
    while True:
        try:
            return Store(db)
        except StoreBusy:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


class WriterTurns:
    """The store opened once for steps that run back to back, and let go while the writer waits.

    An ingest writes a batch and then reads the next batch's files and looks them up; one
    open for both halves the cost of opening (a DuckDB start-up, and after a write a
    checkpoint on close), while readers still get in whenever the ingest waits for its workers.
    """

    def __init__(self, db: Path) -> None:
        self.db = db
        self._store: Store | None = None
        self._reading = True

    def store(self) -> Store:
        """The open store, opened now if it is not."""
        if self._store is None:
            self._store = open_for_write(self.db)
            self._store.tune_for_batch_writes()
        return self._store

    def release(self) -> None:
        """Close the store (if open): readers may open it until the next ``store()``."""
        store, self._store = self._store, None
        if store is not None:
            store.close()

    def written(self) -> None:
        """A batch is written: the store stays open for the look-up that follows, if one does."""
        if not self._reading:
            self.release()

    def read_all(self) -> None:
        """No look-up follows any more: close now, and after every later write."""
        self._reading = False
        self.release()

"""Short-lived store connections for the server, so an ingest can take the file in between.

Each request opens the DuckDB file, reads (or writes a review) and closes it.
DuckDB lets one process write a file, or any number read it, not both: while an
ingest holds the file, requests get ``503 Service Unavailable`` with a
``Retry-After`` header, never a half-read answer.  Within the server one lock
orders the openings, because DuckDB refuses to open one file read-only and
read-write in the same process at the same time.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pandas as pd
from fastapi import HTTPException

from dragoman.domain.errors import StoreMissing
from dragoman.read.merged import effective_events
from dragoman.read.reviews import reviews_state
from dragoman.store import Store, StoreError

OPEN_PATIENCE_SECONDS = 2.0
BUSY = "the store is busy (an ingest or another writer holds it) or cannot be opened; retry shortly"


class StoreAccess:
    """Opens the store per request; read-only unless writing a review."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._events: tuple[Any, pd.DataFrame] | None = None
        self._derived: dict[str, tuple[Any, Any]] = {}

    @contextmanager
    def open(self, write: bool = False) -> Iterator[Store]:
        with self._lock:
            store = self._open_with_retry(write)
            try:
                yield store
            finally:
                store.close()

    def _open_with_retry(self, write: bool) -> Store:
        """An ingest holds the file only while it writes a batch: wait a moment before giving up."""
        deadline = time.monotonic() + OPEN_PATIENCE_SECONDS
        while True:
            try:
                return Store(self.path, read_only=not write)
            except StoreError as exc:
                if time.monotonic() >= deadline or isinstance(exc, StoreMissing):
                    raise HTTPException(
                        status_code=503, detail=f"{BUSY}: {exc}", headers={"Retry-After": "5"}
                    ) from None
                time.sleep(0.05)

    def _version(self, store: Store) -> Any:
        """What changes whenever the store does: file stats and the reviews' count and latest time."""
        stats: list[tuple[int, int, int] | None] = []
        for path in (self.path, Path(f"{self.path}.wal")):
            try:
                st = os.stat(path)
                stats.append((st.st_mtime_ns, st.st_size, st.st_ino))
            except OSError:
                stats.append(None)
        return (tuple(stats), reviews_state(store))

    def events(self, store: Store) -> pd.DataFrame:
        """Merged events with reviews applied, cached until the store changes (call inside open())."""
        version = self._version(store)
        if self._events is not None and self._events[0] == version:
            return self._events[1]
        frame = effective_events(store)
        self._events = (version, frame)
        return frame

    def derived(self, store: Store, key: str, compute: Callable[[pd.DataFrame], Any]) -> Any:
        """A value computed from the merged events (actor lists, the overview), cached like them."""
        version = self._version(store)
        found = self._derived.get(key)
        if found is not None and found[0] == version:
            return found[1]
        value = compute(self.events(store))
        self._derived[key] = (version, value)
        return value

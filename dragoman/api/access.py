"""Short-lived store connections for the server, so an ingest can take the file in between.

Each request opens the DuckDB file, reads (or writes a review) and closes it.
DuckDB lets one process write a file, or any number read it, not both: while an
ingest holds the file, requests get ``503 Service Unavailable`` with a
``Retry-After`` header, never a half-read answer.  Within the server one lock
orders the openings, because DuckDB refuses to open one file read-only and
read-write in the same process at the same time.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi import HTTPException

from dragoman.store import Store, StoreError

BUSY = "the store is busy (an ingest or another writer holds it) or cannot be opened; retry shortly"


class StoreAccess:
    """Opens the store per request; read-only unless writing a review."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    @contextmanager
    def open(self, write: bool = False) -> Iterator[Store]:
        with self._lock:
            try:
                store = Store(self.path, read_only=not write)
            except StoreError as exc:
                raise HTTPException(
                    status_code=503, detail=f"{BUSY}: {exc}", headers={"Retry-After": "5"}
                ) from None
            try:
                yield store
            finally:
                store.close()

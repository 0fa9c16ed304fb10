"""The store: a DuckDB file with a versioned schema, written one whole document at a time."""

from dragoman.store.db import Store, StoreError, default_db_path

__all__ = ["Store", "StoreError", "default_db_path"]

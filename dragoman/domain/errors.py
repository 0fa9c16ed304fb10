"""Typed errors with stable codes: callers branch on the type (or ``code``), never on the text.

Codes are grouped by concern: D1xx store, D2xx knowledge base, D3xx ontology and dates,
D4xx language data, D5xx stages.  A code never changes meaning once released.
"""

from __future__ import annotations

from typing import ClassVar


class DragomanError(Exception):
    """Base of every dragoman error; the message is one line naming the file and the reason."""

    code: ClassVar[str] = "D000"


class StoreError(DragomanError):
    """A store that cannot be opened or written."""

    code = "D100"


class StoreBusy(StoreError):
    """Another process holds the store (one writer at a time): retrying later may succeed."""

    code = "D101"


class StoreMissing(StoreError):
    """No store file where one was expected."""

    code = "D102"


class StoreNewer(StoreError):
    """The store was written by a newer dragoman (its schema version is higher than ours)."""

    code = "D103"


class StoreUnreadable(StoreError):
    """The file is not a DuckDB store, or DuckDB refused it for a reason other than a lock."""

    code = "D104"


class UnknownEventType(DragomanError, ValueError):
    """A name that is not one of the sixteen PLOVER types."""

    code = "D301"


class PartialDateError(DragomanError, ValueError):
    """A date that is not YYYY, YYYY-MM or YYYY-MM-DD, or names no real day."""

    code = "D302"


class LexiconError(DragomanError, ValueError):
    """A language-data file that cannot be used, with ``file:line`` and the reason."""

    code = "D401"


class StageOrderError(DragomanError, ValueError):
    """A stage reads something no earlier stage writes."""

    code = "D501"

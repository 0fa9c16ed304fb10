"""dragoman: a sourced record of who did what to whom, who said what, and where sources disagree."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dragoman import lean_imports

__version__ = "0.1.0"

lean_imports.install()

if TYPE_CHECKING:
    from dragoman.session import Corpus


def open(path: Any = None) -> Corpus:  # noqa: A001 - mirrors the built-in on purpose: dragoman.open(path)
    """Open a store read-only and get DataFrames out of it."""
    from dragoman.session import open as open_store

    return open_store(path)

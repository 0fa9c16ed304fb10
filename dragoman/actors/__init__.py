"""Actors: the knowledge base (package data + user files) and the mention resolver.

``Resolver`` is imported lazily so that reading the knowledge base (for the
store's actors table, say) does not load spaCy.
"""

from __future__ import annotations

from typing import Any

from dragoman.actors.kb import KBError, KnowledgeBase

__all__ = ["KBError", "KnowledgeBase", "Resolver"]


def __getattr__(name: str) -> Any:
    if name == "Resolver":
        from dragoman.actors.resolver import Resolver

        return Resolver
    raise AttributeError(name)

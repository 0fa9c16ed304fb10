"""Actors: the knowledge base (package data + user files) and the mention resolver."""

from dragoman.actors.kb import KBError, KnowledgeBase
from dragoman.actors.resolver import NAME, VERSION, Resolver

__all__ = ["KBError", "KnowledgeBase", "NAME", "Resolver", "VERSION"]

"""The learned coder's word lists (events/learned/words.yaml): reporting verbs and the nouns of
background events, read by the learned coder and by the rules' references to events told."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from dragoman.events import triggers as lex


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    import yaml

    text = (resources.files("dragoman.events.learned") / "words.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text))


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    return frozenset(_words()["reporting_verbs"])


def event_noun_type(lemma: str) -> str | None:
    """The type of event a noun names, "" for one of no type ("crisis"), None for no event noun."""
    if lemma in lex.NOUNS:
        return lex.NOUNS[lemma][0]
    background: dict[str, str | None] = _words()["background_event_nouns"]
    if lemma in background:
        return background[lemma] or ""
    return None


def background_event_noun(lemma: str) -> bool:
    """A noun too often of a background event to code in passing ("the invasion of X")."""
    return lemma in _words()["background_event_nouns"]

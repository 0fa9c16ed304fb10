"""Shared fixtures: where the third-party data lives, and small hand-made records."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.evaluation.shared import shared_dir as find_shared

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The third-party data beside the checkout (as in CI); the test is skipped without it."""
    try:
        return find_shared()
    except FileNotFoundError:
        pytest.skip("../shared is not available")


@pytest.fixture(scope="session")
def shared() -> Path:
    return shared_dir()


@pytest.fixture(scope="session")
def analyse():  # type: ignore[no-untyped-def]
    """Parse a hand-written text and resolve its actors: (document, spaCy doc, sentences, mentions)."""
    from dragoman.actors import KnowledgeBase, Resolver
    from dragoman.domain.records import Document
    from dragoman.nlp import corrected, load_model, sentence_records

    nlp = load_model()
    resolver = Resolver(KnowledgeBase.load())

    def run(text: str, published: str = "2022-11-15", doc_id: str = "t", furniture=None):  # type: ignore[no-untyped-def]
        doc = Document(
            doc_id=doc_id,
            path=f"{doc_id}.txt",
            text=text,
            content_hash=doc_id,
            source_format="txt",
            published=published,
            furniture=furniture or [],
        )
        parsed = corrected(nlp(text))  # as the parse stage reads it
        sentences = sentence_records(doc, parsed)
        return doc, parsed, sentences, resolver.resolve(doc, parsed, sentences)

    return run

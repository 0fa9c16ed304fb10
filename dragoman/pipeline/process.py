"""Per-document processing: nlp → actors → events → quotes, as one pure step.

``DocumentProcessor.process`` takes Documents and returns ProcessedDocuments;
it never touches the store, so the same code runs in one process, in local
worker processes or on Dask workers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dragoman.actors import KnowledgeBase, Resolver
from dragoman.events.coders import DEFAULT_CODER, make_event_coder
from dragoman.nlp import load_model, sentence_records
from dragoman.nlp import model as nlp_model
from dragoman.quotes import QuoteExtractor
from dragoman.records import Component, Document, ProcessedDocument


@dataclass(frozen=True)
class ProcessorConfig:
    """What a worker needs to build its processor: picklable, hashable."""

    kb_files: tuple[Path, ...] = ()
    event_coder: str = DEFAULT_CODER  # "learned" or the "rules" fallback


class DocumentProcessor:
    """Runs the per-document stages over batches of documents."""

    def __init__(self, config: ProcessorConfig = ProcessorConfig()) -> None:
        self.config = config
        self.nlp = load_model()
        self.kb = KnowledgeBase.load(list(config.kb_files))
        self.resolver = Resolver(self.kb)
        self.events = make_event_coder(config.event_coder)
        self.quotes = QuoteExtractor()
        self.components = [
            Component(nlp_model.NAME, nlp_model.VERSION),
            Component(Resolver.NAME, Resolver.VERSION),
            Component(self.events.NAME, self.events.VERSION),
            Component(QuoteExtractor.NAME, QuoteExtractor.VERSION),
        ]

    def process(self, documents: Sequence[Document]) -> list[ProcessedDocument]:
        results: list[ProcessedDocument] = []
        texts = (d.text for d in documents)
        for document, spacy_doc in zip(documents, self.nlp.pipe(texts, batch_size=16), strict=True):
            sentences = sentence_records(document, spacy_doc)
            mentions = self.resolver.resolve(document, spacy_doc, sentences)
            events = self.events.extract(document, spacy_doc, sentences, mentions)
            statements = self.quotes.extract(document, spacy_doc, sentences, mentions)
            results.append(
                ProcessedDocument(
                    document=document,
                    sentences=sentences,
                    mentions=mentions,
                    events=events,
                    statements=statements,
                    components=list(self.components),
                )
            )
        return results


@lru_cache(maxsize=4)
def cached_processor(config: ProcessorConfig) -> DocumentProcessor:
    """One processor per process and config (worker processes call this, not a global)."""
    return DocumentProcessor(config)


def process_batch(documents: Sequence[Document], config: ProcessorConfig) -> list[ProcessedDocument]:
    """Entry point for worker processes and Dask tasks."""
    return cached_processor(config).process(documents)

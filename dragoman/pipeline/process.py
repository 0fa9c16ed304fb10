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

from spacy.tokens import Doc

from dragoman.actors import KnowledgeBase, Resolver
from dragoman.events import EventExtractor
from dragoman.ingest.language import is_english
from dragoman.nlp import load_model, sentence_records
from dragoman.nlp import model as nlp_model
from dragoman.nlp.windows import parse_each
from dragoman.quotes import QuoteExtractor
from dragoman.records import Component, Document, ProcessedDocument


@dataclass(frozen=True)
class ProcessorConfig:
    """What a worker needs to build its processor: picklable, hashable."""

    kb_files: tuple[Path, ...] = ()


class DocumentProcessor:
    """Runs the per-document stages over batches of documents."""

    def __init__(self, config: ProcessorConfig = ProcessorConfig()) -> None:
        self.config = config
        self.nlp = load_model()
        self.kb = KnowledgeBase.load(list(config.kb_files))
        self.resolver = Resolver(self.kb)
        self.events = EventExtractor()
        self.quotes = QuoteExtractor()
        self.components = [
            Component(nlp_model.NAME, nlp_model.VERSION),
            Component(Resolver.NAME, Resolver.VERSION),
            Component(EventExtractor.NAME, EventExtractor.VERSION),
            Component(QuoteExtractor.NAME, QuoteExtractor.VERSION),
        ]

    def process(self, documents: Sequence[Document]) -> list[ProcessedDocument]:
        """What each document yields; a document that fails comes back with ``error`` set.

        Documents not in English are returned without records: stored and flagged, since
        the English parser and word lists would find nothing true in them.
        """
        # One parsed document at a time, in order: a batch of long documents is never held parsed at once.
        parses = parse_each(self.nlp, [d.text for d in documents if is_english(d.language)])
        results: list[ProcessedDocument] = []
        for document in documents:
            if not is_english(document.language):
                results.append(ProcessedDocument(document=document, components=list(self.components)))
                continue
            spacy_doc = next(parses)
            if isinstance(spacy_doc, Exception):
                results.append(ProcessedDocument(document=document, error=failure("could not be parsed", spacy_doc)))
                continue
            try:
                results.append(self._extract(document, spacy_doc))
            except Exception as exc:  # one document's failure is reported; the batch goes on
                results.append(ProcessedDocument(document=document, error=failure("extraction failed", exc)))
        return results

    def _extract(self, document: Document, spacy_doc: Doc) -> ProcessedDocument:
        sentences = sentence_records(document, spacy_doc)
        mentions = self.resolver.resolve(document, spacy_doc, sentences)
        events = self.events.extract(document, spacy_doc, sentences, mentions)
        statements = self.quotes.extract(document, spacy_doc, sentences, mentions)
        return ProcessedDocument(
            document=document,
            sentences=sentences,
            mentions=mentions,
            events=events,
            statements=statements,
            components=list(self.components),
        )


def failure(what: str, error: BaseException) -> str:
    """One line: what failed and the exception's type and first line."""
    message = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
    return f"{what} ({type(error).__name__}{': ' + message if message else ''})"


def split_failed(results: list[ProcessedDocument]) -> tuple[list[ProcessedDocument], list[ProcessedDocument]]:
    """(documents to store, documents whose extraction failed and are to be reported instead)."""
    return [r for r in results if r.error is None], [r for r in results if r.error is not None]


@lru_cache(maxsize=4)
def cached_processor(config: ProcessorConfig) -> DocumentProcessor:
    """One processor per process and config (worker processes call this, not a global)."""
    return DocumentProcessor(config)


def process_batch(documents: Sequence[Document], config: ProcessorConfig) -> list[ProcessedDocument]:
    """Entry point for worker processes and Dask tasks."""
    return cached_processor(config).process(documents)

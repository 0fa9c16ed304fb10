"""Ingest orchestration: read → dedup → process → write, streaming in bounded batches."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from dragoman import crashpoints
from dragoman.config import Settings
from dragoman.domain.records import Document, IngestError, ProcessedDocument
from dragoman.ingest import NearDuplicateIndex, iter_documents
from dragoman.ingest.dedup import band_keys, body_text
from dragoman.ingest.language import is_english
from dragoman.lexicon import load_lexicon, use_overrides
from dragoman.pipeline.consolidate import consolidate
from dragoman.pipeline.executors import BatchExecutor, SerialExecutor
from dragoman.pipeline.process import ProcessorConfig, split_failed
from dragoman.store import Store
from dragoman.store.lock import WriterTurns, open_for_write, writer_lock
from dragoman.store.parquet import ParquetParts
from dragoman.store.signatures import refresh_signatures


@dataclass
class IngestReport:
    added: int = 0
    unchanged: int = 0
    duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)
    not_english: list[tuple[str, str]] = field(default_factory=list)  # (path, language): stored, not extracted

    @property
    def ok(self) -> bool:
        return not self.errors


def _batched(items: Iterable[Document | IngestError], size: int) -> Iterator[list[Document | IngestError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


class _Deduplicator:
    """Decides, in input order, which documents are new, unchanged, or twins of stored ones.

    Stored originals are found through the store's bands; only this run's documents that
    are not written yet are held here (``written`` drops them), so memory stays flat.
    """

    def __init__(self, settings: Settings, report: IngestReport) -> None:
        self.report = report
        self.threshold = settings.near_duplicate_threshold
        self.pending = NearDuplicateIndex()
        self.seen: set[str] = set()
        self.signatures: dict[str, list[int]] = {}

    def split(self, batch: Sequence[Document], store: Store) -> tuple[list[Document], list[Document]]:
        """(documents to process, near-duplicates to store as links only)."""
        new = [d for d in batch if d.content_hash not in self.seen]
        stored = store.doc_ids_for_hashes(d.content_hash for d in new)
        signatures = {d.doc_id: self.pending.signature(body_text(d)) for d in new if d.content_hash not in stored}
        keys = {doc_id: band_keys(signature) for doc_id, signature in signatures.items()}
        candidates = store.near_duplicate_candidates(key for bands in keys.values() for key in bands)
        fresh: list[Document] = []
        twins: list[Document] = []
        for document in batch:
            if document.content_hash in stored or document.content_hash in self.seen:
                self.report.unchanged += 1
                continue
            self.seen.add(document.content_hash)
            signature = signatures[document.doc_id]
            near = {doc_id: other for key in keys[document.doc_id] for doc_id, other in candidates.get(key, {}).items()}
            twin = self.pending.find_twin(signature, threshold=self.threshold, stored=near)
            self.signatures[document.doc_id] = signature
            if twin is not None:
                document.duplicate_of = twin
                twins.append(document)
            else:
                self.pending.add(document.doc_id, signature)
                fresh.append(document)
        return fresh, twins

    def written(self, document: Document) -> None:
        """From now on the store finds this document, by its hash and by its bands."""
        self.signatures.pop(document.doc_id, None)
        self.pending.remove(document.doc_id)
        self.seen.discard(document.content_hash)


def ingest(
    paths: Sequence[Path],
    settings: Settings,
    manifest: Path | None = None,
    executor: BatchExecutor | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    parquet_out: Path | None = None,
) -> IngestReport:
    """Ingest files into the store; every document is written whole or not at all.

    The store file is opened only to write each batch and look up the next one, so
    readers get in while the workers run; the writer lock keeps a second ingest out for
    the whole run.  With ``parquet_out`` each batch is also written as Parquet parts
    (before the store, so an interrupted run leaves no stored document without its part).
    """
    report = IngestReport()
    config = ProcessorConfig.from_settings(settings)
    # The furniture patterns are read here, as documents are built: the run's overrides apply,
    # and a bad override file fails now, before any document is read.
    load_lexicon(overrides=config.lexicon_files)
    use_overrides(config.lexicon_files)
    executor = executor or SerialExecutor(config)
    with writer_lock(settings.db):
        with open_for_write(settings.db) as store:
            refresh_signatures(store)
            _store_actors(store, config)
            parts = ParquetParts(parquet_out, store) if parquet_out is not None else None
        dedup = _Deduplicator(settings, report)
        pending_twins: list[list[Document]] = []
        turns = WriterTurns(settings.db)

        def fresh_batches() -> Iterator[list[Document]]:
            for raw_batch in _batched(
                iter_documents(paths, manifest, settings.max_bytes, settings.max_chars, settings.allow_outside),
                settings.batch_size,
            ):
                documents: list[Document] = []
                for item in raw_batch:
                    if isinstance(item, IngestError):
                        report.errors.append(item)
                        if on_error:
                            on_error(item)
                    else:
                        documents.append(item)
                fresh, twins = dedup.split(documents, turns.store())
                turns.release()
                crashpoints.reached(crashpoints.BATCH_SENT)
                pending_twins.append(twins)
                if on_progress:
                    on_progress(len(raw_batch) - len(fresh))
                yield fresh
            turns.read_all()

        try:
            for processed in executor.map(fresh_batches()):
                results, failed = split_failed(processed)
                for result in failed:  # reported, not stored: a rerun tries it again
                    report.errors.append(IngestError(result.document.path, result.error or "failed"))
                    if on_error:
                        on_error(report.errors[-1])
                    dedup.written(result.document)
                report.not_english += [
                    (r.document.path, r.document.language or "") for r in results if not is_english(r.document.language)
                ]
                twins = pending_twins.pop(0) if pending_twins else []
                everything = results + [ProcessedDocument(document=d) for d in twins]
                if parts is not None:
                    parts.write(everything, dedup.signatures)
                turns.store().write_documents(everything, signatures=dedup.signatures)
                crashpoints.reached(crashpoints.BEFORE_CHECKPOINT)
                turns.written()
                crashpoints.reached(crashpoints.BATCH_WRITTEN)
                for result in everything:  # written: nothing of the batch stays in memory
                    dedup.written(result.document)
                report.added += len(results)
                report.duplicates += len(twins)
                if on_progress:
                    on_progress(len(results))
        finally:
            turns.release()
            executor.close()
        with open_for_write(settings.db) as store:
            consolidate(store, incremental=True)
    return report


def _store_actors(store: Store, config: ProcessorConfig) -> None:
    from dragoman.actors import KnowledgeBase

    kb = KnowledgeBase.load(list(config.kb_files))
    store.upsert_actors([dict(row) for row in kb.actors()])

"""Re-running the per-document stages on stored text, when an extractor's version changes.

Only on request (`dragoman reprocess`): documents are read back from the store (text,
metadata, furniture), never from the original files, and replaced whole, one batch a
transaction; the corpus-level tables are rebuilt at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dragoman.config import DEFAULT_BATCH_SIZE
from dragoman.domain.records import Document, IngestError
from dragoman.pipeline.consolidate import consolidate
from dragoman.pipeline.executors import BatchExecutor, SerialExecutor
from dragoman.pipeline.process import split_failed
from dragoman.pipeline.stages import ProcessorConfig, components
from dragoman.store import Store
from dragoman.store.lock import WriterTurns, open_for_write, writer_lock
from dragoman.store.rows import from_json
from dragoman.store.signatures import refresh_signatures


def current_components(config: ProcessorConfig) -> list[str]:
    """The versions documents processed now would carry: read from the stage declarations,
    with nothing loaded, so the outdated documents are found before any worker starts."""
    return [str(c) for c in components(config)]


def _documents(
    db: Path, only_outdated: bool, components: list[str], batch_size: int, turns: WriterTurns
) -> Iterator[list[Document]]:
    with Store(db) as store:
        rows = store.rows(
            "SELECT doc_id, components FROM documents WHERE duplicate_of IS NULL ORDER BY ingested_at, doc_id"
        )
    wanted = [r["doc_id"] for r in rows if not only_outdated or from_json(r["components"] or None, []) != components]
    for start in range(0, len(wanted), batch_size):
        ids = wanted[start : start + batch_size]
        store = turns.store()
        docs = store.rows("SELECT * FROM documents WHERE doc_id = ANY(?)", [ids])
        furniture = store.rows("SELECT * FROM furniture WHERE doc_id = ANY(?)", [ids])
        turns.release()
        by_doc: dict[str, list[tuple[int, int, str]]] = {}
        for row in furniture:
            by_doc.setdefault(row["doc_id"], []).append((row["start"], row["end"], row["kind"]))
        yield [
            Document(
                doc_id=row["doc_id"],
                path=row["path"],
                text=row["text"],
                content_hash=row["content_hash"],
                source_format=row["source_format"],
                title=row["title"],
                author=row["author"],
                publisher=row["publisher"],
                published=row["published"],
                url=row["url"],
                furniture=sorted(by_doc.get(row["doc_id"], [])),
                meta=from_json(row["meta"] or None, {}),
                language=row.get("language"),
            )
            for row in sorted(docs, key=lambda r: ids.index(r["doc_id"]))
        ]
    turns.read_all()


@dataclass
class ReprocessReport:
    reprocessed: int = 0
    errors: list[IngestError] = field(default_factory=list)  # failed documents: their stored records kept

    @property
    def ok(self) -> bool:
        return not self.errors


def reprocess(
    db: Path,
    config: ProcessorConfig,
    only_outdated: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    executor: BatchExecutor | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_error: Callable[[IngestError], None] | None = None,
) -> ReprocessReport:
    """Re-extract stored documents (those made by other component versions, or all).

    A document whose extraction fails keeps what was stored for it and is reported, one
    error naming its source path and the reason, so a later run tries it again.
    """
    executor = executor or SerialExecutor(config)
    components = current_components(config)
    report = ReprocessReport()
    with writer_lock(db):
        with open_for_write(db) as store:
            refresh_signatures(store)
        turns = WriterTurns(db)
        try:
            for processed in executor.map(_documents(db, only_outdated, components, batch_size, turns)):
                results, failed = split_failed(processed)
                for result in failed:
                    report.errors.append(IngestError(result.document.path, result.error or "failed"))
                    if on_error:
                        on_error(report.errors[-1])
                store = turns.store()
                store.write_documents(results, store.signatures(r.document.doc_id for r in results))
                turns.written()
                report.reprocessed += len(results)
                if on_progress:
                    on_progress(len(results))
        finally:
            turns.release()
            executor.close()
        with open_for_write(db) as store:
            consolidate(store)
    return report

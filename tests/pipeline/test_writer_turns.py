"""How long an ingest holds the store file: once per batch, and never while batches are processed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from dragoman.config import Settings
from dragoman.domain.records import Document, ProcessedDocument
from dragoman.pipeline.ingest import ingest
from dragoman.store import Store, lock

TEXTS = [
    "Tehran and Moscow signed a grain accord after talks that ran late into the night.",
    "A rail link through Azerbaijan was the subject of a second round of negotiations.",
    "Officials in Kyiv said drones had struck power stations in three regions overnight.",
    "The central banks of both countries agreed to settle trade in their own currencies.",
    "Observers from the agency were refused access to the enrichment site for a week.",
]


class ReadingExecutor:
    """Processes nothing, but opens the store as a reader would while each batch 'runs'."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.stored_while_running: list[int] = []

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[ProcessedDocument]]:
        for batch in batches:
            with Store(self.db, read_only=True) as reader:
                self.stored_while_running.append(int(reader.scalar("SELECT count(*) FROM documents")))
            yield [ProcessedDocument(document=d) for d in batch]

    def close(self) -> None:
        return None


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for index, text in enumerate(TEXTS):
        (folder / f"{index}.txt").write_text(text)
    return folder


def test_a_reader_gets_in_while_every_batch_is_processed(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "store.duckdb"
    executor = ReadingExecutor(db)
    report = ingest([corpus], Settings(db=db, batch_size=2), executor=executor)
    assert report.added == 5
    assert executor.stored_while_running == [0, 2, 4]


def test_an_ingest_opens_the_store_once_a_batch(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[Path] = []

    class CountingStore(Store):
        def __init__(self, path: Path) -> None:
            opened.append(path)
            super().__init__(path)

    monkeypatch.setattr(lock, "Store", CountingStore)
    db = tmp_path / "store.duckdb"
    ingest([corpus], Settings(db=db, batch_size=1), executor=ReadingExecutor(db))
    # Five batches: one open each (a batch's write and the next batch's look-up share it),
    # one for the first look-up, one to record the actors, one for the closing consolidation.
    assert len(opened) == 5 + 3


def test_the_batch_connection_leaves_the_cores_to_the_workers(tmp_path: Path) -> None:
    turns = lock.WriterTurns(tmp_path / "store.duckdb")
    try:
        assert turns.store().scalar("SELECT current_setting('threads')") == 1
        assert "fsst" in turns.store().scalar("SELECT current_setting('disabled_compression_methods')").lower()
    finally:
        turns.release()

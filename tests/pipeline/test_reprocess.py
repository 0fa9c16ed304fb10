from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.config import Settings
from dragoman.events import EventExtractor
from dragoman.pipeline.ingest import ingest
from dragoman.pipeline.process import ProcessorConfig
from dragoman.pipeline.reprocess import reprocess
from dragoman.store import Store
from tests.pipeline.test_ingest import snapshot, write_corpus

pytestmark = pytest.mark.slow


def test_only_outdated_documents_are_reprocessed_from_stored_text(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    ingest([corpus], Settings(db=db))
    before = snapshot(db)
    for path in corpus.iterdir():
        path.unlink()  # reprocessing reads the store, not the files
    assert reprocess(db, ProcessorConfig()).reprocessed == 0
    with Store(db) as store:
        store.con.execute(
            "UPDATE documents SET components = '[\"events.rules@0.9\"]' WHERE doc_id = "
            "(SELECT min(doc_id) FROM documents)"
        )
        store.con.execute("DELETE FROM event_mentions WHERE doc_id = (SELECT min(doc_id) FROM documents)")
    assert reprocess(db, ProcessorConfig()).reprocessed == 1
    assert snapshot(db) == before
    assert reprocess(db, ProcessorConfig(), only_outdated=False).reprocessed == 5


def test_a_changed_word_list_marks_every_document_it_touched(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    ingest([corpus], Settings(db=db))
    extra = tmp_path / "mine.yaml"
    extra.write_text("entries: []\n", encoding="utf-8")
    # The resolver's data changed (a user KB file): every document it resolved is outdated, once.
    assert reprocess(db, ProcessorConfig(kb_files=(extra,))).reprocessed == 5
    assert reprocess(db, ProcessorConfig(kb_files=(extra,))).reprocessed == 0


def _break_one(monkeypatch: pytest.MonkeyPatch, marker: str) -> None:
    """The event extractor fails on the document whose text holds ``marker``."""
    original = EventExtractor.extract

    def extract(self: EventExtractor, document: Any, *args: Any) -> Any:
        if marker in document.text:
            raise RuntimeError("an extractor fault")
        return original(self, document, *args)

    monkeypatch.setattr(EventExtractor, "extract", extract)


def test_a_document_that_fails_is_reported_and_keeps_its_stored_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    ingest([corpus], Settings(db=db))
    before = snapshot(db)
    with Store(db, read_only=True) as store:
        [(path, text)] = [
            (r["path"], r["text"]) for r in store.rows("SELECT path, text FROM documents ORDER BY path LIMIT 1")
        ]
    _break_one(monkeypatch, text[:60])
    report = reprocess(db, ProcessorConfig(), only_outdated=False)
    assert [str(e) for e in report.errors] == [f"{path}: extraction failed (RuntimeError: an extractor fault)"]
    assert (report.ok, report.reprocessed) == (False, 4)
    assert snapshot(db) == before  # the failed document keeps what was stored; the others are rewritten alike


def test_the_reprocess_command_prints_one_line_a_failed_document_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    ingest([corpus], Settings(db=db))
    with Store(db, read_only=True) as store:
        [(path, text)] = [
            (r["path"], r["text"]) for r in store.rows("SELECT path, text FROM documents ORDER BY path LIMIT 1")
        ]
    _break_one(monkeypatch, text[:60])
    monkeypatch.delenv("DRAGOMAN_WORKERS", raising=False)
    result = CliRunner().invoke(app, ["reprocess", "--all", "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"error: {path}: extraction failed (RuntimeError: an extractor fault)",
        f"4 documents re-extracted, 1 failed (kept as stored) -> {db}",
    ]

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.config import Settings
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
    assert reprocess(db, ProcessorConfig()) == 0
    with Store(db) as store:
        store.con.execute(
            "UPDATE documents SET components = '[\"events.rules@0.9\"]' WHERE doc_id = "
            "(SELECT min(doc_id) FROM documents)"
        )
        store.con.execute("DELETE FROM event_mentions WHERE doc_id = (SELECT min(doc_id) FROM documents)")
    assert reprocess(db, ProcessorConfig()) == 1
    assert snapshot(db) == before
    assert reprocess(db, ProcessorConfig(), only_outdated=False) == 5


def test_a_changed_word_list_marks_every_document_it_touched(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    ingest([corpus], Settings(db=db))
    extra = tmp_path / "mine.yaml"
    extra.write_text("entries: []\n", encoding="utf-8")
    # The resolver's data changed (a user KB file): every document it resolved is outdated, once.
    assert reprocess(db, ProcessorConfig(kb_files=(extra,))) == 5
    assert reprocess(db, ProcessorConfig(kb_files=(extra,))) == 0

"""The server answers reads while an ingest writes to the same store.

The ingest is held at named points (``DRAGOMAN_PAUSE_AT``) and the reads are made
there, so each read meets a known state of the writer, whatever the machine's speed:
while the workers parse a batch the store is free and every read is answered with the
batches written so far; while a batch is being written the store is busy and a read
gets 503 with a Retry-After, never an error or a half-written batch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dragoman import crashpoints
from dragoman.api import create_app
from dragoman.config import Settings
from dragoman.pipeline.ingest import ingest
from tests.reliability.pausing import let_go, pause_env, wait_until_paused
from tests.reliability.test_crash import BATCH_SIZE, corpus, run_ingest

pytestmark = pytest.mark.slow


def document_count(client: TestClient) -> tuple[int, int]:
    response = client.get("/api/documents")
    return response.status_code, response.json()["total"] if response.status_code == 200 else -1


def test_reads_between_batches_see_every_written_batch(tmp_path: Path) -> None:
    first = corpus(tmp_path / "first", 2)
    db = tmp_path / "s.duckdb"
    ingest([first], Settings(db=db))
    more = corpus(tmp_path / "more", 8)
    pause = tmp_path / "pause"
    writer = run_ingest(more, db, pause_env(crashpoints.BATCH_SENT, pause))
    seen: list[tuple[int, int]] = []
    try:
        with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
            nth = 1
            while wait_until_paused(writer, pause, crashpoints.BATCH_SENT, nth):
                seen.append(document_count(client))
                let_go(pause, crashpoints.BATCH_SENT, nth)
                nth += 1
            assert writer.wait(300) == 0
            seen.append(document_count(client))
    finally:
        writer.kill()
        writer.wait()
    # At the nth pass the batches before it are written. The first batch of `more`
    # repeats `first` (the same two briefs), so it adds nothing.
    assert seen == [(200, 2), (200, 2), (200, 2 + BATCH_SIZE), (200, 2 + 2 * BATCH_SIZE), (200, 8)]


def test_a_read_while_a_batch_is_written_is_told_to_retry(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    ingest([corpus(tmp_path / "first", 2)], Settings(db=db))
    pause = tmp_path / "pause"
    writer = run_ingest(corpus(tmp_path / "more", 6), db, pause_env(crashpoints.BEFORE_CHECKPOINT, pause))
    statuses: list[int] = []
    try:
        with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
            nth = 1
            while wait_until_paused(writer, pause, crashpoints.BEFORE_CHECKPOINT, nth):
                busy = client.get("/api/documents")
                statuses.append(busy.status_code)
                assert busy.headers.get("Retry-After") == "5"
                let_go(pause, crashpoints.BEFORE_CHECKPOINT, nth)
                nth += 1
            assert writer.wait(300) == 0
            assert document_count(client) == (200, 6)
    finally:
        writer.kill()
        writer.wait()
    # One pass a batch of `more` (its first batch repeats `first` and writes nothing).
    assert statuses == [503, 503, 503]

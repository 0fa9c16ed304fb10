"""The server keeps answering reads while an ingest writes to the same store."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dragoman.api import create_app
from dragoman.config import Settings
from dragoman.pipeline.ingest import ingest
from tests.reliability.test_crash import CLI, corpus

pytestmark = pytest.mark.slow


def test_reads_are_answered_during_an_ingest(tmp_path: Path) -> None:
    first = corpus(tmp_path / "first", 2)
    db = tmp_path / "s.duckdb"
    ingest([first], Settings(db=db))
    more = corpus(tmp_path / "more", 16)
    writer = subprocess.Popen(
        [*CLI, "ingest", str(more), "--db", str(db), "-q", "--batch-size", "2"], stderr=subprocess.PIPE
    )
    statuses: list[int] = []
    with TestClient(create_app(db)) as client:
        while writer.poll() is None and len(statuses) < 400:
            statuses.append(client.get("/api/documents").status_code)
            time.sleep(0.05)
    assert writer.wait(300) == 0
    assert statuses, "the ingest finished before any request was made"
    assert set(statuses) <= {200, 503}
    assert statuses.count(200) >= 0.8 * len(statuses), statuses

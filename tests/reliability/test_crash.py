"""kill -9 during ingest at chosen points: the store always opens, checks clean, and completes.

The kills happen at named points of the write path (``dragoman.crashpoints``), not
after a guessed delay, so every run of these tests interrupts the ingest at the same
place whatever the machine's speed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from dragoman import crashpoints
from dragoman.store import Store
from dragoman.store.integrity import check
from tests.reliability.pausing import let_go, pause_env, wait_until_paused

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-c", "from dragoman.cli import main; main()"]
TOPICS = ["rail freight", "gas swaps", "wheat exports", "port fees", "banking links", "power lines"]
BATCH_SIZE = 2
KILLED = -9


def corpus(folder: Path, n: int = 12) -> Path:
    folder.mkdir()
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"brief-{i:02d}.txt").write_text(
            f"Brief {i}\n\nOfficials from Iran and Russia met in Tehran on March {i % 27 + 1}, 2023, to discuss "
            f"{topic} (item {i}). The Russian delegation signed a memorandum on {topic}. "
            f'"We expect progress on {topic}," the Iranian foreign minister said.'
        )
    return folder


def run_ingest(folder: Path, db: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLI, "ingest", str(folder), "--db", str(db), "-q", "--batch-size", str(BATCH_SIZE)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )


def crash_at(point: str, nth: int) -> dict[str, str]:
    return {"DRAGOMAN_CRASH_AT": f"{point}:{nth}"}


@dataclass(frozen=True)
class Snapshot:
    """What a finished ingest stored: compared between a clean run and a run after kills."""

    documents: list[dict[str, object]]
    mentions: int
    event_mentions: int
    events: int
    statements: int
    disputes: int


def snapshot(db: Path) -> Snapshot:
    with Store(db, read_only=True) as store:
        return Snapshot(
            documents=store.rows("SELECT doc_id, content_hash FROM documents ORDER BY doc_id"),
            mentions=store.scalar("SELECT count(*) FROM mentions"),
            event_mentions=store.scalar("SELECT count(*) FROM event_mentions"),
            events=store.scalar("SELECT count(*) FROM events"),
            statements=store.scalar("SELECT count(*) FROM statements"),
            disputes=store.scalar("SELECT count(*) FROM disputes"),
        )


def stored_documents(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return int(store.scalar("SELECT count(*) FROM documents"))


def finish(folder: Path, db: Path) -> None:
    process = run_ingest(folder, db)
    assert process.wait(300) == 0, process.stderr.read() if process.stderr else ""
    assert check(db) == []


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Snapshot]:
    root = tmp_path_factory.mktemp("crash")
    folder = corpus(root / "corpus")
    reference = root / "reference.duckdb"
    finish(folder, reference)
    return folder, snapshot(reference)


# (point, nth time it is reached, documents stored when the process dies)
KILLS = [
    (crashpoints.IN_TRANSACTION, 1, 0),
    (crashpoints.IN_TRANSACTION, 3, 2 * BATCH_SIZE),
    (crashpoints.BEFORE_CHECKPOINT, 2, 2 * BATCH_SIZE),
    (crashpoints.BATCH_WRITTEN, 4, 4 * BATCH_SIZE),
    (crashpoints.BATCH_SENT, 3, 2 * BATCH_SIZE),
    (crashpoints.IN_CONSOLIDATION, 1, 12),
]


@pytest.mark.parametrize(("point", "nth", "documents"), KILLS)
def test_kill_9_at_a_point_keeps_whole_batches_and_a_rerun_completes(
    prepared: tuple[Path, Snapshot], tmp_path: Path, point: str, nth: int, documents: int
) -> None:
    folder, expected = prepared
    db = tmp_path / "crash.duckdb"
    process = run_ingest(folder, db, crash_at(point, nth))
    assert process.wait(300) == KILLED
    assert check(db) == [], "store unsound after kill -9"
    # Committed batches survive whole (a checkpoint pending in the WAL included); the
    # batch in flight is gone whole.
    assert stored_documents(db) == documents
    finish(folder, db)
    assert snapshot(db) == expected


def test_kills_on_successive_reruns_lose_and_duplicate_nothing(prepared: tuple[Path, Snapshot], tmp_path: Path) -> None:
    folder, expected = prepared
    db = tmp_path / "crash.duckdb"
    stored = []
    for point, nth in [
        (crashpoints.BATCH_WRITTEN, 1),
        (crashpoints.IN_TRANSACTION, 2),
        (crashpoints.BEFORE_CHECKPOINT, 3),  # passes 1 and 2 are the stored batches, written as nothing
        (crashpoints.IN_CONSOLIDATION, 1),
    ]:
        assert run_ingest(folder, db, crash_at(point, nth)).wait(300) == KILLED
        assert check(db) == []
        stored.append(stored_documents(db))
    assert stored == [2, 4, 6, 12]
    finish(folder, db)
    assert snapshot(db) == expected


class ForkServer:
    """Ingests forked from one warm process (tests/reliability/forkserver.py)."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.forkserver"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.readline() == "ready"

    def readline(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def ingest(self, folder: Path, db: Path, env: dict[str, str]) -> int:
        assert self.process.stdin is not None
        args = ["ingest", str(folder), "--db", str(db), "-q", "--batch-size", str(BATCH_SIZE)]
        self.process.stdin.write(json.dumps({"args": args, "env": env}) + "\n")
        self.process.stdin.flush()
        return int(self.readline())

    def close(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.mark.timeout(1800)
def test_soak_fifty_seeded_kills(prepared: tuple[Path, Snapshot], tmp_path: Path) -> None:
    """Fifty kills at seeded points; a run that ends before its point starts a fresh store."""
    folder, expected = prepared
    rng = random.Random(20261204)
    db = tmp_path / "soak.duckdb"
    kills = completed = 0
    server = ForkServer()
    try:
        while kills < 50:
            point = rng.choice(crashpoints.POINTS)
            status = server.ingest(folder, db, crash_at(point, rng.randint(1, 3)))
            assert status in (KILLED, 0)
            assert check(db) == [], f"store unsound after a kill at {point}"
            if status == KILLED:
                kills += 1
                continue
            completed += 1
            assert snapshot(db) == expected
            for leftover in db.parent.glob(db.name + "*"):
                leftover.unlink() if leftover.is_file() else shutil.rmtree(leftover)
    finally:
        server.close()
    assert completed <= kills
    finish(folder, db)
    assert snapshot(db) == expected


def test_second_writer_fails_with_one_clear_line(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", 2)
    db = tmp_path / "s.duckdb"
    pause = tmp_path / "pause"
    holder = run_ingest(folder, db, pause_env(crashpoints.BATCH_SENT, pause))
    try:
        assert wait_until_paused(holder, pause, crashpoints.BATCH_SENT, 1)
        second = subprocess.run([*CLI, "ingest", str(folder), "--db", str(db), "-q"], capture_output=True, timeout=120)
        assert second.returncode == 1
        lines = second.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and "in use by another process" in lines[0] and str(db) in lines[0]
        let_go(pause, crashpoints.BATCH_SENT, 1)
        assert holder.wait(300) == 0
    finally:
        holder.kill()
        holder.wait()
    assert check(db) == []
    assert stored_documents(db) == 2

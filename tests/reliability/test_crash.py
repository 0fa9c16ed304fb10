"""kill -9 during ingest, again and again: the store always opens, checks clean, and completes."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dragoman.store import Store
from dragoman.store.integrity import check

pytestmark = pytest.mark.slow

CLI = [sys.executable, "-c", "from dragoman.cli import main; main()"]
TOPICS = ["rail freight", "gas swaps", "wheat exports", "port fees", "banking links", "power lines"]


def corpus(folder: Path, n: int = 24) -> Path:
    folder.mkdir()
    for i in range(n):
        topic = TOPICS[i % len(TOPICS)]
        (folder / f"brief-{i:02d}.txt").write_text(
            f"Brief {i}\n\nOfficials from Iran and Russia met in Tehran on March {i % 27 + 1}, 2023, to discuss "
            f"{topic} (item {i}). The Russian delegation signed a memorandum on {topic}. "
            f'"We expect progress on {topic}," the Iranian foreign minister said.'
        )
    return folder


def run_ingest(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*CLI, "ingest", str(folder), "--db", str(db), "-q", "--batch-size", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_repeated_kill_9_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus")
    reference = tmp_path / "reference.duckdb"
    assert run_ingest(folder, reference).wait(300) == 0
    with Store(reference, read_only=True) as store:
        expected = store.rows("SELECT doc_id FROM documents ORDER BY doc_id")
        expected_events = store.scalar("SELECT count(*) FROM event_mentions")

    db = tmp_path / "crash.duckdb"
    rng = random.Random(20260101)
    kills = 0
    for _ in range(6):
        process = run_ingest(folder, db)
        time.sleep(rng.uniform(1.5, 5.0))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(60)
        if db.exists():
            assert check(db) == [], "store unsound after kill -9"
    assert kills >= 3
    final = run_ingest(folder, db)
    assert final.wait(300) == 0, final.stderr.read() if final.stderr else ""
    assert check(db) == []
    with Store(db, read_only=True) as store:
        assert store.rows("SELECT doc_id FROM documents ORDER BY doc_id") == expected
        assert store.scalar("SELECT count(*) FROM event_mentions") == expected_events


def test_second_writer_fails_with_one_clear_line(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "corpus", 2)
    db = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from dragoman.store import Store; s = Store({str(db)!r}); print('ready', flush=True); "
            "import time; time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"ready"
        second = subprocess.run([*CLI, "ingest", str(folder), "--db", str(db), "-q"], capture_output=True, timeout=120)
        assert second.returncode == 1
        lines = second.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and "in use by another process" in lines[0] and str(db) in lines[0]
    finally:
        holder.kill()
        holder.wait()
    assert check(db) == []

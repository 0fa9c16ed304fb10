"""The writer lock is keyed on the real file, so every path to one store takes the same lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.domain.errors import StoreBusy, StoreUnreadable
from dragoman.store import StoreError
from dragoman.store.lock import lock_path, open_for_write, writer_lock

REPO = Path(__file__).resolve().parents[2]


def test_a_symlink_to_the_store_takes_the_same_lock(tmp_path: Path) -> None:
    real = tmp_path / "s.duckdb"
    real.touch()
    link = tmp_path / "link.duckdb"
    link.symlink_to(real)
    assert lock_path(link) == lock_path(real) == Path(f"{real}.lock")
    with writer_lock(real), pytest.raises(StoreBusy, match="in use by another process"):
        with writer_lock(link):
            pass


def test_a_relative_path_takes_the_same_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    os.mkdir("sub")
    with writer_lock(tmp_path / "sub" / "s.duckdb"), pytest.raises(StoreError):
        with writer_lock(Path("sub/../sub/s.duckdb")):
            pass


def test_the_lock_is_free_again_after_the_block(tmp_path: Path) -> None:
    with writer_lock(tmp_path / "s.duckdb"):
        pass
    with writer_lock(tmp_path / "s.duckdb"):
        pass


def test_a_store_that_is_not_busy_but_unreadable_is_refused_without_waiting(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    db.write_bytes(b"not a DuckDB file" * 300)
    with pytest.raises(StoreUnreadable):
        open_for_write(db, patience=60.0)


def test_each_store_has_its_own_lock_file_which_stays_after_the_block(tmp_path: Path) -> None:
    with writer_lock(tmp_path / "a.duckdb"), writer_lock(tmp_path / "b.duckdb"):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.duckdb.lock", "b.duckdb.lock"]


def test_a_lock_held_by_another_process_is_refused_at_once(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from dragoman.store.lock import writer_lock\n"
         f"with writer_lock(Path({str(db)!r})):\n    print('held', flush=True); sys.stdin.read()"],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        with pytest.raises(StoreBusy, match=r"s\.duckdb: the store is in use by another process"):
            with writer_lock(db):
                pass
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    with writer_lock(db):  # free again once the holder has exited
        pass

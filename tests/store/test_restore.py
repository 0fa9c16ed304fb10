"""Restore under the writer lock, without a stale WAL, and refusing damaged archives whole."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from dragoman.store import Store, StoreError
from dragoman.store.backup import backup, restore
from dragoman.store.lock import writer_lock
from tests.store.test_db import processed
from tests.store.test_maintenance import make_store

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from dragoman.cli import main; main()"]


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    target = tmp_path / "b.tar.gz"
    backup(make_store(tmp_path / "source.duckdb"), target)
    return target


def documents(db: Path) -> list[str]:
    with Store(db, read_only=True) as store:
        return [r["doc_id"] for r in store.rows("SELECT doc_id FROM documents ORDER BY doc_id")]


def leave_a_wal(db: Path, doc_id: str) -> None:
    """Write one document and die without a checkpoint, as a killed ingest does: ``<db>.wal`` stays."""
    code = f"""
import os, duckdb
con = duckdb.connect({str(db)!r})
con.execute("PRAGMA disable_checkpoint_on_shutdown")
con.execute("SET wal_autocheckpoint = '10GB'")
con.execute("INSERT INTO documents SELECT * REPLACE ('{doc_id}' AS doc_id, '{doc_id}' AS content_hash) "
            "FROM documents LIMIT 1")
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)
    assert Path(f"{db}.wal").stat().st_size > 0


def test_restore_over_a_store_with_a_stale_wal_holds_only_the_archive(tmp_path: Path, archive: Path) -> None:
    db = make_store(tmp_path / "w.duckdb")
    leave_a_wal(db, "from-the-wal")
    restore(archive, db, force=True)
    assert not Path(f"{db}.wal").exists()
    assert documents(db) == ["d1", "d2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.tar.gz", "source.duckdb", "w.duckdb", "w.duckdb.lock"]


def test_restore_through_a_symlink_replaces_the_store_not_the_link(tmp_path: Path, archive: Path) -> None:
    real = tmp_path / "real.duckdb"
    with Store(real) as store:
        store.write_documents([processed("other", "h9")])
    link = tmp_path / "link.duckdb"
    link.symlink_to(real)
    restore(archive, link, force=True)
    assert link.is_symlink()
    assert documents(real) == ["d1", "d2"]


def test_restore_is_refused_while_a_writer_holds_the_lock(tmp_path: Path, archive: Path) -> None:
    db = make_store(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write_documents([processed("d3", "h3")])
    with writer_lock(db), pytest.raises(StoreError, match="in use by another process"):
        restore(archive, db, force=True)
    assert documents(db) == ["d1", "d2", "d3"]
    assert not (tmp_path / "s.duckdb.restoring").exists()


def test_restore_command_is_refused_with_one_line_while_another_process_ingests(tmp_path: Path, archive: Path) -> None:
    db = make_store(tmp_path / "s.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from dragoman.store.lock import writer_lock\n"
         f"with writer_lock(Path({str(db)!r})):\n    print('ready', flush=True); sys.stdin.read()"],
        cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "ready\n"
        done = subprocess.run(
            [*CLI, "restore", str(archive), "--db", str(db), "--force"],
            cwd=REPO, capture_output=True, text=True,
        )  # fmt: skip
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "in use by another process" in done.stderr


def repack(archive: Path, target: Path, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> Path:
    """A copy of ``archive`` with its members changed by ``change`` (name -> bytes)."""
    with tarfile.open(archive, "r:gz") as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]
    with tarfile.open(target, "w:gz") as tar:
        for name, data in change(members).items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def manifest_edit(edit: Callable[[dict], object]) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        manifest = json.loads(members["manifest.json"])
        members["manifest.json"] = json.dumps(edit(manifest)).encode()
        return members

    return change


def with_checksum(name: str, data: bytes) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    """Replace one member and recompute its checksum, so only the content check can find it."""
    import hashlib

    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        members[name] = data
        manifest = json.loads(members["manifest.json"])
        manifest["sha256"][name] = hashlib.sha256(data).hexdigest()
        members["manifest.json"] = json.dumps(manifest).encode()
        return members

    return change


def without(name: str) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    return lambda members: {k: v for k, v in members.items() if k != name}


def renamed(old: str, new: str) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    return lambda members: {(new if k == old else k): v for k, v in members.items()}


def other_table(members: dict[str, bytes]) -> dict[str, bytes]:
    return with_checksum("documents.parquet", members["reviews.parquet"])(members)


DAMAGED: dict[str, tuple[Callable[[dict[str, bytes]], dict[str, bytes]], str]] = {
    "missing member": (without("sentences.parquet"), "sentences.parquet is missing"),
    "member renamed": (renamed("sentences.parquet", "notes.parquet"), "unexpected member 'notes.parquet'"),
    "path traversal": (renamed("sentences.parquet", "../../sentences.parquet"), "unexpected member '../../sent"),
    "extra member": (lambda m: {**m, "big.bin": b"\0" * 1000}, "unexpected member 'big.bin'"),
    "manifest a list": (manifest_edit(lambda m: [m]), "no integer schema_version"),
    "manifest without sha256": (manifest_edit(lambda m: {k: v for k, v in m.items() if k != "sha256"}), "no checksums"),
    "schema version a string": (manifest_edit(lambda m: {**m, "schema_version": "4"}), "no integer schema_version"),
    "manifest not JSON": (lambda m: {**m, "manifest.json": b"{"}, "manifest.json: "),
    "no manifest": (without("manifest.json"), "no manifest.json"),
    "garbage parquet": (with_checksum("documents.parquet", b"garbage"), "documents.parquet does not fit table"),
    "another table's parquet": (other_table, "documents.parquet does not fit table documents"),
    "count mismatch": (manifest_edit(lambda m: {**m, "counts": {**m["counts"], "documents": 3}}), "expected 3"),
    "newer schema": (manifest_edit(lambda m: {**m, "schema_version": 99}), "made by a newer dragoman (schema v99)"),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_archive_is_refused_and_leaves_nothing(tmp_path: Path, archive: Path, case: str) -> None:
    change, reason = DAMAGED[case]
    damaged = repack(archive, tmp_path / "damaged.tar.gz", change)
    db = make_store(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.write_documents([processed("d3", "h3")])
    with pytest.raises(StoreError) as raised:
        restore(damaged, db, force=True)
    message = str(raised.value)
    assert "\n" not in message and reason in message, message
    assert documents(db) == ["d1", "d2", "d3"]
    assert not [p.name for p in tmp_path.iterdir() if ".restoring" in p.name or ".replaced" in p.name]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"not an archive", "not a dragoman backup"),
        (b"", "not a dragoman backup"),
    ],
)
def test_not_an_archive_is_refused(tmp_path: Path, content: bytes, reason: str) -> None:
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(content)
    with pytest.raises(StoreError, match=reason):
        restore(bad, tmp_path / "r.duckdb")
    assert not (tmp_path / "r.duckdb").exists()
    assert not (tmp_path / "r.duckdb.restoring").exists()


def test_truncated_and_bit_flipped_archives_are_refused_with_a_reason(tmp_path: Path, archive: Path) -> None:
    data = archive.read_bytes()
    truncated = tmp_path / "t.tar.gz"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(StoreError, match=r"t\.tar\.gz: not a dragoman backup \(the archive is truncated\)"):
        restore(truncated, tmp_path / "r.duckdb")
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0x10
    bad = tmp_path / "f.tar.gz"
    bad.write_bytes(bytes(flipped))
    with pytest.raises(StoreError, match=r"f\.tar\.gz: "):
        restore(bad, tmp_path / "r.duckdb")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("r.")) == []


@pytest.mark.parametrize("case", ["no manifest", "garbage parquet", "count mismatch"])
def test_a_refused_restore_onto_a_new_path_leaves_nothing(tmp_path: Path, archive: Path, case: str) -> None:
    change, reason = DAMAGED[case]
    damaged = repack(archive, tmp_path / "damaged.tar.gz", change)
    target = tmp_path / "new"
    target.mkdir()
    with pytest.raises(StoreError, match=reason):
        restore(damaged, target / "r.duckdb")
    assert list(target.iterdir()) == []  # no store, no .lock, no .restoring, no .wal
    counts = restore(archive, target / "r.duckdb")  # the path is free: a good archive restores there
    assert counts["documents"] == 2
    assert sorted(p.name for p in target.iterdir()) == ["r.duckdb", "r.duckdb.lock"]

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from dragoman.store import Store, StoreError
from dragoman.store.backup import backup, restore
from dragoman.store.integrity import check
from dragoman.store.schema import TABLES
from tests.store.test_db import processed


def make_store(path: Path) -> Path:
    with Store(path) as store:
        store.write_documents([processed(), processed("d2", "h2")])
        store.con.execute(
            "INSERT INTO reviews VALUES ('r1', 'event', 'd1-e1', 'corrected', '{\"type\": \"AGREE\"}', 'checked', "
            "'analyst', ?)",
            [datetime(2026, 1, 2, 3, 4, 5)],
        )
    return path


def test_sound_store_passes(tmp_path: Path) -> None:
    assert check(make_store(tmp_path / "s.duckdb")) == []


def test_damage_is_found(tmp_path: Path) -> None:
    db = make_store(tmp_path / "s.duckdb")
    with Store(db) as store:
        store.con.execute("UPDATE sentences SET start = start + 1 WHERE doc_id = 'd1' AND idx = 0")
        store.con.execute("DELETE FROM documents WHERE doc_id = 'd2'")
    problems = {str(p) for p in check(db)}
    assert "sentences: 1 sentence text does not match offsets" in problems
    assert any(p.startswith("mentions: ") and "document is missing" in p for p in problems)


def test_a_document_id_stored_twice_is_found(tmp_path: Path) -> None:
    db = make_store(tmp_path / "s.duckdb")
    with Store(db) as store:  # the table has no key constraint: the ingest keeps ids unique, check verifies
        store.con.execute(
            "INSERT INTO documents SELECT * REPLACE ('h9' AS content_hash) FROM documents WHERE doc_id = 'd2'"
        )
    assert "documents: 1 duplicate document ids" in {str(p) for p in check(db)}


def test_missing_store_is_a_problem(tmp_path: Path) -> None:
    [problem] = check(tmp_path / "none.duckdb")
    assert "no such store" in str(problem)


def test_a_duckdb_file_without_our_tables_is_reported_not_crashed_on(tmp_path: Path) -> None:
    import duckdb

    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    [problem] = check(tmp_path / "other.duckdb")
    assert "schema v0" in str(problem)


def test_backup_round_trip_keeps_every_row(tmp_path: Path) -> None:
    db = make_store(tmp_path / "s.duckdb")
    archive = tmp_path / "b.tar.gz"
    counts = backup(db, archive)
    assert counts["reviews"] == 1
    restored = tmp_path / "r.duckdb"
    restore(archive, restored)
    with Store(db, read_only=True) as a, Store(restored, read_only=True) as b:
        for table in TABLES:
            assert a.rows(f'SELECT * FROM "{table}" ORDER BY ALL') == b.rows(f'SELECT * FROM "{table}" ORDER BY ALL')
    with pytest.raises(StoreError, match="already there"):
        restore(archive, restored)


def test_damaged_archive_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(b"not an archive")
    with pytest.raises(StoreError, match="not a dragoman backup"):
        restore(bad, tmp_path / "r.duckdb")
    assert not (tmp_path / "r.duckdb").exists()


def test_a_backup_from_before_the_bands_table_gets_its_bands_rebuilt(tmp_path: Path) -> None:
    import json
    import tarfile

    from tests.store.test_db import SIGNATURE

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.write_documents([processed()], signatures={"d1": SIGNATURE})
    archive, unpacked = tmp_path / "b.tar.gz", tmp_path / "unpacked"
    backup(db, archive)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(unpacked, filter="data")
    (unpacked / "near_duplicate_bands.parquet").unlink()
    manifest = json.loads((unpacked / "manifest.json").read_text())
    del manifest["sha256"]["near_duplicate_bands.parquet"], manifest["counts"]["near_duplicate_bands"]
    manifest["schema_version"] = 2
    (unpacked / "manifest.json").write_text(json.dumps(manifest))
    old = tmp_path / "old.tar.gz"
    with tarfile.open(old, "w:gz") as tar:
        for path in sorted(unpacked.iterdir()):
            tar.add(path, arcname=path.name)
    restore(old, tmp_path / "r.duckdb")
    with Store(tmp_path / "r.duckdb", read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM near_duplicate_bands") == 16

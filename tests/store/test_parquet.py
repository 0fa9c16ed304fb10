"""Partitioned Parquet: export, query with any reader, and build a store back from it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest

from dragoman.domain.records import ProcessedDocument
from dragoman.pipeline.consolidate import consolidate
from dragoman.pipeline.parquet import load_parquet
from dragoman.store import Store
from dragoman.store.parquet import ParquetError, ParquetParts, export_parquet
from tests.pipeline.test_consolidate import corpus

TABLES = ("documents", "sentences", "event_mentions", "statements", "events", "propositions", "disputes", "actors")


def dated(n: int) -> list[ProcessedDocument]:
    docs = corpus(n, seed=5)
    for i, doc in enumerate(docs):
        doc.document.published = [None, "2022-07-19", "2022-10", "2023"][i % 4]
    return docs


def content(store: Store) -> dict[str, Any]:
    return {table: store.rows(f'SELECT * FROM "{table}" ORDER BY ALL') for table in TABLES}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    db = tmp_path / "source.duckdb"
    with Store(db) as store:
        store.upsert_actors([{"actor_id": "IRN", "name": "Iran", "kind": "state", "country": "IRN"}])
        store.write_documents(dated(24))
        consolidate(store)
    return db


def test_export_is_hive_partitioned_and_loads_back_into_the_same_store(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    with Store(source) as store:
        written = export_parquet(store, out)
        expected = content(store)
    assert written["event_mentions"] == len(expected["event_mentions"]) > 0
    assert (out / "documents" / "year=2022" / "month=07").is_dir()
    assert (out / "documents" / "year=unknown" / "month=unknown").is_dir()

    con = duckdb.connect()
    rows = con.execute(
        f"SELECT year, count(*) FROM read_parquet('{out}/documents/**/*.parquet', hive_partitioning = true) "
        "GROUP BY year ORDER BY year"
    ).fetchall()
    assert [(str(y), n) for y, n in rows] == [("2022", 12), ("2023", 6), ("unknown", 6)]

    target = tmp_path / "copy.duckdb"
    with Store(target) as store:
        added = load_parquet(store, out)
        assert added["documents"] == 24 and added["actors"] == 1
        assert content(store) == expected
        assert set(load_parquet(store, out).values()) == {0}  # idempotent
        assert content(store) == expected


def test_batches_written_as_parts_during_ingest_build_the_same_store(tmp_path: Path) -> None:
    docs = dated(20)
    with Store(tmp_path / "direct.duckdb") as store:
        store.write_documents(docs)
        consolidate(store)
        expected = content(store)
        parts = ParquetParts(tmp_path / "parts", store)
    parts.write(docs[:8], {})
    parts.write(docs[8:], {})
    parts.write(docs[3:5], {})  # a batch written twice (an interrupted run) is loaded once
    assert len(list((tmp_path / "parts" / "sentences").iterdir())) == 3
    with Store(tmp_path / "built.duckdb") as store:
        load_parquet(store, tmp_path / "parts")
        got = content(store)
    ignore = {"documents"}  # ingested_at differs: written at another moment
    assert {k: v for k, v in got.items() if k not in ignore} == {k: v for k, v in expected.items() if k not in ignore}
    assert [d["doc_id"] for d in got["documents"]] == [d["doc_id"] for d in expected["documents"]]


def test_a_bad_directory_is_one_clear_line(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(ParquetError, match="no documents/ folder"):
            load_parquet(store, tmp_path)
        bad = tmp_path / "bad" / "documents"
        bad.mkdir(parents=True)
        duckdb.connect().execute(f"COPY (SELECT 1 AS doc_id) TO '{bad}/x.parquet' (FORMAT parquet)")
        with pytest.raises(ParquetError, match="missing columns: path") as error:
            load_parquet(store, tmp_path / "bad")
        assert "\n" not in str(error.value)
        with pytest.raises(ParquetError, match="not an empty directory"):
            export_parquet(store, tmp_path / "bad")

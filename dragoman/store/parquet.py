"""The store as hive-partitioned Parquet, and back: for corpora too big to pass around as one file.

Layout (any Parquet reader can query it; DuckDB: ``read_parquet('DIR/events/**/*.parquet',
hive_partitioning = true)``)::

    DIR/<table>/year=YYYY/month=MM/*.parquet   per-document tables, by publication date (export)
    DIR/<table>/batch=<run>-<n>/part-0.parquet  per-document tables, one part a batch (ingest)
    DIR/<table>/data_0.parquet                  corpus-level tables (actors, events, ...)

Columns are the store's columns; JSON-valued columns stay JSON text.  Export streams
through DuckDB's ``COPY ... PARTITION_BY``, so memory stays flat whatever the size.
Loading adds documents the store does not have yet (by id and content hash), each with its
rows from the same part, and rebuilds the corpus-level tables for the groups they touch.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from dragoman.domain.records import ProcessedDocument
from dragoman.store import schema
from dragoman.store.db import COLUMNS, Store
from dragoman.store.rows import batch_rows

PER_DOCUMENT = ("documents", *schema.DOCUMENT_TABLES)
CORPUS = ("actors", "events", "propositions", "disputes", "reviews")
# Corpus-level tables copied as they are when loading (the others are rebuilt from mentions).
LOADED_AS_IS = {"actors": "actor_id", "reviews": "review_id"}

YEAR = r"coalesce(nullif(regexp_extract(d.published, '^(\d{4})', 1), ''), 'unknown')"
MONTH = r"coalesce(nullif(regexp_extract(d.published, '^\d{4}-(\d{2})', 1), ''), 'unknown')"


class ParquetError(Exception):
    """A Parquet directory that cannot be written or read as dragoman tables (one-line reason)."""


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def export_parquet(store: Store, out: Path) -> dict[str, int]:
    """Write every table under ``out``; returns rows written per table."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ParquetError(f"{out}: exists and is not an empty directory")
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for table in (*PER_DOCUMENT, *CORPUS):
        target = out / table
        if table in PER_DOCUMENT:
            query = (
                f'SELECT t.*, {YEAR} AS year, {MONTH} AS month FROM "{table}" t '
                "JOIN (SELECT doc_id, published FROM documents) d ON t.doc_id = d.doc_id"
            )
            options = "FORMAT parquet, PARTITION_BY (year, month)"
        else:
            target.mkdir()
            query, options = f'SELECT * FROM "{table}"', "FORMAT parquet"
            target = target / "data_0.parquet"
        store.con.execute(f"COPY ({query}) TO {_literal(target)} ({options})")
        written[table] = int(store.scalar(f'SELECT count(*) FROM "{table}"'))
    return written


class ParquetParts:
    """Writes each ingested batch as one Parquet part per table, under a name no other run uses."""

    def __init__(self, out: Path, store: Store) -> None:
        self.out = out
        self.run = f"{datetime.now(UTC):%Y%m%dT%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.count = 0
        self.schemas = {
            table: store.con.execute(f'SELECT * FROM "{table}" LIMIT 0').arrow().schema for table in PER_DOCUMENT
        }
        out.mkdir(parents=True, exist_ok=True)

    def write(self, results: Sequence[ProcessedDocument], signatures: dict[str, Any]) -> None:
        if not results:
            return
        tables = batch_rows(results, signatures, datetime.now(UTC).replace(tzinfo=None))
        self.count += 1
        part = f"batch={self.run}-{self.count:06d}"
        for name, rows in tables.items():
            if not rows:
                continue
            folder = self.out / name / part
            folder.mkdir(parents=True, exist_ok=True)
            columns = COLUMNS[name]
            arrow = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=self.schemas[name])
            pq.write_table(arrow, folder / "part-0.parquet")


def _source(root: Path, table: str) -> str | None:
    """A read_parquet call over one table's files, with each row's partition folder as ``_part``."""
    folder = root / table
    if not folder.is_dir() or not any(folder.rglob("*.parquet")):
        return None
    prefix = len(str(folder)) + 2
    return (
        f"(SELECT *, regexp_replace(substr(filename, {prefix}), '[^/]*$', '') AS _part FROM read_parquet("
        f"{_literal(folder / '**' / '*.parquet')}, hive_partitioning = true, union_by_name = true, filename = true))"
    )


# Columns added after the Parquet layout was first written (event locations, schema 5): a part
# written before them loads with them NULL.
ADDED_LATER = "location_"


def _check(con: duckdb.DuckDBPyConnection, root: Path, table: str, source: str) -> None:
    found = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    missing = [c for c in COLUMNS[table] if c not in found and not c.startswith(ADDED_LATER)]
    if missing:
        raise ParquetError(f"{root / table}: not a dragoman {table} table (missing columns: {', '.join(missing)})")


def insert_parquet(store: Store, root: Path) -> dict[str, int]:
    """Add what a Parquet directory holds to the store's per-document tables; rerunning it adds
    nothing. Rows added per table. Merging and claims are the pipeline's (pipeline.parquet)."""
    if not root.is_dir():
        raise ParquetError(f"{root}: no such directory")
    con = store.con
    sources = {table: _source(root, table) for table in (*PER_DOCUMENT, *LOADED_AS_IS)}
    if sources["documents"] is None:
        raise ParquetError(f"{root}: no documents/ folder of Parquet files (made by `dragoman export all`?)")
    before = store.counts()
    try:
        for table, source in sources.items():
            if source is not None:
                _check(con, root, table, source)
        try:
            with store.transaction():
                _insert(con, sources)
                con.execute(schema.insert_bands("doc_id IN (SELECT doc_id FROM _load_docs)"))
        finally:
            con.execute("DROP TABLE IF EXISTS _load_docs")
    except duckdb.Error as exc:
        raise ParquetError(f"{root}: cannot read as dragoman Parquet: {str(exc).splitlines()[0]}") from None
    after = store.counts()
    return {table: after[table] - before[table] for table in (*PER_DOCUMENT, *LOADED_AS_IS)}


def _insert(con: duckdb.DuckDBPyConnection, sources: dict[str, str | None]) -> None:
    # One copy of each new document: the first part it appears in; none already stored.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _load_docs AS SELECT doc_id, _part FROM ("
        "SELECT doc_id, content_hash, _part, row_number() OVER (PARTITION BY doc_id ORDER BY _part) AS n_id, "
        "row_number() OVER (PARTITION BY content_hash ORDER BY doc_id, _part) AS n_hash "
        f"FROM {sources['documents']}) WHERE n_id = 1 AND n_hash = 1 "
        "AND doc_id NOT IN (SELECT doc_id FROM documents) "
        "AND content_hash NOT IN (SELECT content_hash FROM documents)"
    )
    for table in PER_DOCUMENT:
        source = sources[table]
        if source is None:
            continue
        present = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
        columns = ", ".join(
            "NULL::VARCHAR AS event_id"
            if (table, c) == ("event_mentions", "event_id")
            else f'p."{c}"'
            if c in present or not c.startswith(ADDED_LATER)
            else f'NULL AS "{c}"'
            for c in COLUMNS[table]
        )
        con.execute(
            f'INSERT INTO "{table}" BY NAME SELECT {columns} FROM {source} p '
            "SEMI JOIN _load_docs k ON p.doc_id = k.doc_id AND p._part = k._part"
        )
    for table, key in LOADED_AS_IS.items():
        source = sources[table]
        if source is None:
            continue
        columns = ", ".join(f'"{c}"' for c in COLUMNS[table])
        con.execute(
            f'INSERT INTO "{table}" BY NAME SELECT {columns} FROM (SELECT *, row_number() OVER '
            f"(PARTITION BY {key} ORDER BY _part) AS _n FROM {source}) WHERE _n = 1 "
            f'AND {key} NOT IN (SELECT {key} FROM "{table}")'
        )

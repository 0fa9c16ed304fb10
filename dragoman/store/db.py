"""The DuckDB store: one file, a versioned schema, whole documents per transaction."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from dragoman import crashpoints
from dragoman.closing import Closing
from dragoman.domain.errors import StoreBusy, StoreError, StoreMissing, StoreNewer, StoreUnreadable
from dragoman.domain.records import ProcessedDocument
from dragoman.ingest.dedup import band_keys
from dragoman.store import schema
from dragoman.store.rows import batch_rows, from_json

DEFAULT_DB = "dragoman.duckdb"


def default_db_path() -> Path:
    return Path(os.environ.get("DRAGOMAN_DB") or DEFAULT_DB)


def _table_columns() -> dict[str, list[str]]:
    con = duckdb.connect(":memory:")
    try:
        out = {}
        for name, ddl in schema.TABLES.items():
            con.execute(ddl)
            out[name] = [row[0] for row in con.execute(f'DESCRIBE "{name}"').fetchall()]
        return out
    finally:
        con.close()


COLUMNS = _table_columns()


class Store(Closing):
    """A dragoman store file.  Use as a context manager; writers hold DuckDB's file lock."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreMissing(f"{self.path}: no such store (run `dragoman ingest` first)")
        if not read_only and not self.path.exists():
            self._create()
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            message = str(exc).splitlines()[0]
            # DuckDB raises one IOException type for a held lock and for other I/O failures:
            # its message is the only sign, read here once and turned into StoreBusy.
            if "lock" in message.lower():
                raise StoreBusy(
                    f"{self.path}: the store is in use by another process (one writer at a time); "
                    "wait for it to finish and retry"
                ) from None
            raise StoreUnreadable(f"{self.path}: cannot open the store: {message}") from None
        except duckdb.Error as exc:
            raise StoreUnreadable(f"{self.path}: not a readable DuckDB store: {str(exc).splitlines()[0]}") from None
        if not read_only:
            self.migrate()
        else:
            self._check_version()

    def _create(self) -> None:
        """Make a new store beside its path and move it into place whole, so that a crash while
        creating it never leaves a file without the schema."""
        building = self.path.with_name(f".{self.path.name}.creating-{os.getpid()}")
        try:
            self.con = duckdb.connect(str(building))
            try:
                self.migrate()
            finally:
                self.con.close()
            try:
                os.link(building, self.path)  # fails if another process made it first: theirs stands
            except FileExistsError:
                pass
            except OSError:  # a file system without hard links
                if not self.path.exists():
                    os.replace(building, self.path)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot create the store: {str(exc).splitlines()[0]}") from None
        finally:
            for leftover in (building, building.with_name(building.name + ".wal")):
                leftover.unlink(missing_ok=True)

    # -- lifecycle -----------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One DuckDB transaction: committed when the block ends, rolled back if it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- schema --------------------------------------------------------------------
    def schema_version(self) -> int:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > schema.SCHEMA_VERSION:
            raise StoreNewer(
                f"{self.path}: store schema v{version} is newer than this dragoman (v{schema.SCHEMA_VERSION})"
            )

    def migrate(self) -> None:
        """Create missing tables and run migrations from the file's version up to ours.

        A store already at our version is left alone (an ingest opens its store once a
        batch; the table statements cost a tenth of each open), so a new table comes with
        a new SCHEMA_VERSION.
        """
        self._check_version()
        version = self.schema_version()
        if version == schema.SCHEMA_VERSION:
            return
        with self.transaction():
            for ddl in schema.TABLES.values():
                self.con.execute(ddl)
            for statement in schema.INDEXES:
                self.con.execute(statement)
            for target in range(version + 1, schema.SCHEMA_VERSION + 1):
                for statement in schema.MIGRATIONS.get(target, ()):
                    self.con.execute(statement)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(schema.SCHEMA_VERSION)])

    # -- writing -------------------------------------------------------------------
    def insert_rows(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Append rows (dicts keyed by column) to a table, through Arrow."""
        if not rows:
            return
        columns = COLUMNS[table]
        arrow = pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])
        self.con.register("_rows", arrow)
        try:
            self.con.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM _rows')
        finally:
            self.con.unregister("_rows")

    def doc_ids_for_hashes(self, hashes: Iterable[str]) -> dict[str, str]:
        """Content hash -> doc_id for those already stored."""
        wanted = list(set(hashes))
        if not wanted:
            return {}
        rows = self.con.execute(
            "SELECT content_hash, doc_id FROM documents WHERE content_hash = ANY(?)", [wanted]
        ).fetchall()
        return {h: d for h, d in rows}

    def write_documents(self, results: Sequence[ProcessedDocument], signatures: dict[str, Any] | None = None) -> None:
        """Write whole documents with everything extracted from them, in one transaction.

        A document already stored under the same id is replaced, so reprocessing with a
        newer extractor never duplicates rows; a crash leaves the previous state.
        """
        if not results:
            return
        tables = batch_rows(results, signatures or {}, datetime.now(UTC).replace(tzinfo=None))
        ids = [r["doc_id"] for r in tables["documents"]]
        with self.transaction():
            # Only documents stored before have rows to replace: a new one costs no scan.
            stored = [
                row[0]
                for row in self.con.execute("SELECT doc_id FROM documents WHERE doc_id = ANY(?)", [ids]).fetchall()
            ]
            for name in (*schema.DOCUMENT_TABLES, "near_duplicate_bands", "documents") if stored else ():
                self.con.execute(f'DELETE FROM "{name}" WHERE doc_id = ANY(?)', [stored])
            for name, rows in tables.items():  # documents first
                self.insert_rows(name, rows)
            self.insert_rows("near_duplicate_bands", _band_rows(tables["documents"], signatures or {}))
            crashpoints.reached(crashpoints.IN_TRANSACTION)

    def tune_for_batch_writes(self) -> None:
        """Settings for the ingest's once-a-batch connection: one thread, as the worker
        processes have the cores, and no FSST analysis when the batch is checkpointed on
        close. Both together take writing and closing from about 15 to 10 CPU ms a document
        at 20,000 stored documents, for a file 2% larger (docs/performance-history.md, seventh round)."""
        self.con.execute("SET threads = 1")
        self.con.execute("SET disabled_compression_methods = 'fsst'")

    def replace_table(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Replace a corpus-level table (merged events, propositions, disputes) atomically."""
        with self.transaction():
            self.con.execute(f'DELETE FROM "{table}"')
            self.insert_rows(table, rows)

    def upsert_actors(self, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        with self.transaction():
            ids = [r["actor_id"] for r in rows]
            self.con.execute("DELETE FROM actors WHERE actor_id = ANY(?)", [ids])
            self.insert_rows("actors", rows)

    # -- reading -------------------------------------------------------------------
    def df(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        return self.con.execute(sql, params or []).df()

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def near_duplicate_candidates(self, keys: Iterable[int]) -> dict[int, dict[str, list[int]]]:
        """Band key -> {doc_id: signature} of the stored originals sharing that band.

        Filtering by ``= ANY(list)``, as every look-up by a list here does, scans the bands
        table about twice as fast as a semi-join on the unnested list.
        """
        wanted = list(set(keys))
        found: dict[int, dict[str, list[int]]] = {}
        if not wanted:
            return found
        sharing = self.con.execute(
            "SELECT band_key, doc_id FROM near_duplicate_bands WHERE band_key = ANY(?)", [wanted]
        ).fetchall()
        if not sharing:  # the usual case: no signature is read at all
            return found
        signatures = self.signatures({doc_id for _, doc_id in sharing})
        for key, doc_id in sharing:
            found.setdefault(key, {})[doc_id] = signatures[doc_id]
        return found

    def signatures(self, doc_ids: Iterable[str]) -> dict[str, list[int]]:
        """doc_id -> near-duplicate signature of those stored documents that have one."""
        rows = self.con.execute(
            "SELECT doc_id, signature FROM documents WHERE doc_id = ANY(?) AND signature IS NOT NULL", [list(doc_ids)]
        ).fetchall()
        return {doc_id: from_json(signature) for doc_id, signature in rows}

    def counts(self) -> dict[str, int]:
        return {name: int(self.scalar(f'SELECT count(*) FROM "{name}"')) for name in schema.TABLES if name != "meta"}


def _band_rows(documents: Sequence[dict[str, Any]], signatures: dict[str, Any]) -> list[dict[str, Any]]:
    """The near-duplicate bands of a batch's originals, from the signatures in hand: made in
    SQL from the documents table, they cost a scan of every stored signature a batch."""
    return [
        {"band_key": key, "doc_id": row["doc_id"]}
        for row in documents
        if row["duplicate_of"] is None and signatures.get(row["doc_id"]) is not None
        for key in band_keys(signatures[row["doc_id"]])
    ]

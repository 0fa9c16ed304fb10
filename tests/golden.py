"""The processed output of ``sample/`` as plain JSON, to prove a refactoring changed nothing.

``tests/data/golden_sample.json`` was written from the code before the redesign step;
``tests/test_golden.py`` ingests ``sample/`` into a fresh store and compares every table
exactly.  When a change is *meant* to alter the output, rewrite the file on purpose:

    PYTHONPATH=$PWD python -m tests.golden --write
"""

from __future__ import annotations

import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample"
GOLDEN = REPO / "tests" / "data" / "golden_sample.json"
# Columns that record when, not what: left out of the comparison.
CLOCK_COLUMNS = {"ingested_at", "created_at"}
SKIPPED_TABLES = {"meta", "reviews"}


def _plain(value: Any, root: Path = REPO) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, str):
        return value.replace(str(root) + "/", "")  # paths as in any clone
    if isinstance(value, (int, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v, root) for v in value]
    return str(value)


def snapshot(db: Path, root: Path = REPO, leave_out: frozenset[str] = frozenset()) -> dict[str, list[list[Any]]]:
    """Every table of the store, rows sorted, clock columns (and ``leave_out``) left out; paths
    relative to ``root``."""
    import duckdb

    connection = duckdb.connect(str(db), read_only=True)
    try:
        tables = [row[0] for row in connection.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        result: dict[str, list[list[Any]]] = {}
        for table in tables:
            if table in SKIPPED_TABLES:
                continue
            columns = [
                row[0]
                for row in connection.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index", [table]
                ).fetchall()
                if row[0] not in CLOCK_COLUMNS and row[0] not in leave_out
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = connection.execute(f"SELECT {select} FROM {table}").fetchall()
            plain = [[_plain(v, root) for v in row] for row in rows]
            result[table] = [columns, *sorted(plain, key=lambda r: json.dumps(r, sort_keys=True))]
        return result
    finally:
        connection.close()


def processed_sample(workdir: Path) -> dict[str, list[list[Any]]]:
    """Ingest ``sample/`` serially into a fresh store under ``workdir`` and snapshot it."""
    from dragoman.config import Settings
    from dragoman.pipeline.ingest import ingest

    db = workdir / "golden.duckdb"
    ingest([SAMPLE], Settings(db=db, batch_size=4))
    return snapshot(db)


def processed_corpus_digest(workdir: Path, corpus: Path) -> str:
    """SHA-256 of the processed third-party corpus: the repository keeps the digest, never the text.

    Component versions are left out: they carry data hashes, which a moved word list changes
    while the output stays the same.
    """
    from dragoman.config import Settings
    from dragoman.pipeline.ingest import ingest

    db = workdir / "corpus.duckdb"
    ingest([corpus], Settings(db=db, batch_size=4))
    data = snapshot(db, root=corpus, leave_out=frozenset({"components"}))
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def dumps(data: dict[str, list[list[Any]]]) -> str:
    """JSON with one row a line, so a change shows as the rows it touched."""
    tables = []
    for table in sorted(data):
        rows = ",\n  ".join(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in data[table])
        tables.append(f"{json.dumps(table)}: [\n  {rows}\n]")
    return "{\n" + ",\n".join(tables) + "\n}\n"


def main(argv: list[str]) -> int:
    if argv != ["--write"]:
        print("usage: python -m tests.golden --write", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as workdir:
        data = processed_sample(Path(workdir))
    GOLDEN.write_text(dumps(data), encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(REPO)}: {sum(len(v) - 1 for v in data.values())} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

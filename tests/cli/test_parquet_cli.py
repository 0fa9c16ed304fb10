"""`dragoman export all` and `dragoman load-parquet` on a store built by hand."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.pipeline.consolidate import consolidate
from dragoman.store import Store
from tests.pipeline.test_consolidate import corpus


def test_export_all_then_load_parquet_twice(tmp_path: Path) -> None:
    source, copy, out = tmp_path / "a.duckdb", tmp_path / "b.duckdb", tmp_path / "pq"
    with Store(source) as store:
        store.write_documents(corpus(10))
        consolidate(store)
        events = store.scalar("SELECT count(*) FROM events")
    runner = CliRunner()
    result = runner.invoke(app, ["export", "all", "--format", "parquet", "--out", str(out), "--db", str(source)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["load-parquet", str(out), "--db", str(copy)])
    assert result.exit_code == 0 and "10 documents" in result.output
    result = runner.invoke(app, ["load-parquet", str(out), "--db", str(copy)])
    assert result.exit_code == 0 and "nothing new" in result.output
    with Store(copy, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM events") == events


def test_load_parquet_from_a_wrong_folder_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["load-parquet", str(tmp_path), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and "no documents/ folder" in result.output

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

import dragoman
from dragoman.cli import app
from dragoman.store import Store
from dragoman.store.export import frame, write
from tests.store.test_db import processed


def make_store(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        store.write_documents([processed()])
    return path


def test_jsonl_csv_parquet_round_trip(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        df = frame(store, "event_mentions")
    assert df.loc[0, "actors"][0]["country"] == "IRN"
    assert df.loc[0, "doc_path"] == "brief.txt"
    buffer = io.StringIO()
    write(df, "jsonl", None, buffer)
    record = json.loads(buffer.getvalue().splitlines()[0])
    assert record["type"] == "CONSULT" and record["quad_name"] == "verbal cooperation"
    write(df, "csv", tmp_path / "e.csv", buffer)
    assert json.loads(pd.read_csv(tmp_path / "e.csv").loc[0, "actors"])[1]["name"] == "Russia"
    write(df, "parquet", tmp_path / "e.parquet", buffer)
    assert pd.read_parquet(tmp_path / "e.parquet").loc[0, "sentence"].startswith("Iran and Russia")


def test_plover_shape(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        df = frame(store, "event_mentions")
    buffer = io.StringIO()
    write(df, "plover", None, buffer)
    record = json.loads(buffer.getvalue())
    assert record["event"] == "CONSULT" and record["actor_country"] == "IRN"
    assert record["source"]["sentence"].startswith("Iran and Russia")


def test_python_api_returns_dataframes(tmp_path: Path) -> None:
    with dragoman.open(make_store(tmp_path)) as corpus:
        assert len(corpus.documents()) == 1
        assert corpus.mentions()["resolved"].tolist() == [True, False]
        assert list(corpus.events()["type"]) == ["CONSULT"]
        assert corpus.sql("SELECT count(*) AS n FROM sentences").loc[0, "n"] == 2


def test_cli_export_writes_a_file(tmp_path: Path) -> None:
    db = make_store(tmp_path)
    out = tmp_path / "docs.jsonl"
    result = CliRunner().invoke(app, ["export", "documents", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["doc_id"] == "d1"


def test_cli_reports_a_missing_store_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1
    assert "none.duckdb" in result.output and len(result.output.strip().splitlines()) == 1

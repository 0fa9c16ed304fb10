from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

import dragoman
from dragoman.cli import app
from dragoman.read.export import KINDS, frame, write
from dragoman.store import Store
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


def _strict(line: str) -> dict[str, object]:
    """Parse as a standard parser would: NaN, Infinity and -Infinity are refused."""

    def refuse(name: str) -> None:
        raise ValueError(f"not JSON: {name}")

    record: dict[str, object] = json.loads(line, parse_constant=refuse)
    return record


def undated_store(tmp_path: Path) -> Path:
    """A dated document with a publisher, and one without publisher holding an undated event."""
    doc = processed()
    doc = replace(
        doc,
        document=replace(doc.document, published=None, publisher=None),
        events=[replace(doc.events[0], date=None, date_precision="unknown")],
    )
    dated = processed("d2", "h2")
    dated = replace(dated, document=replace(dated.document, publisher="Alpha News", text=dated.document.text + " "))
    path = tmp_path / "undated.duckdb"
    with Store(path) as store:
        store.write_documents([doc, dated])
    return path


def test_every_json_export_is_strict_json(tmp_path: Path) -> None:
    db = undated_store(tmp_path)
    for kind in KINDS:
        result = CliRunner().invoke(app, ["export", kind, "--db", str(db)])
        assert result.exit_code == 0, result.output
        lines = [line for line in result.stdout.splitlines() if line.strip()]
        records = [_strict(line) for line in lines]
        assert all(isinstance(r, dict) for r in records), kind
    result = CliRunner().invoke(app, ["export", "events", "--format", "plover", "--db", str(db)])
    assert result.exit_code == 0, result.output
    plover = {str(r["id"]): r for r in (_strict(line) for line in result.stdout.splitlines() if line.strip())}
    record = plover["d1-e1"]
    assert plover["d2-e1"]["date"] == "2022-03"
    assert record["date"] is None and record["attributed_to"] is None and record["mode"] == ""
    assert "NaN" not in result.stdout


def test_csv_has_actor_names_and_codes_as_text(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        df = frame(store, "event_mentions")
    write(df, "csv", tmp_path / "e.csv", io.StringIO())
    table = pd.read_csv(tmp_path / "e.csv", keep_default_na=False)
    columns = list(table.columns)
    assert columns.index("actor_names") == columns.index("actors") + 1
    assert columns.index("actor_codes") == columns.index("actors") + 2
    assert table.loc[0, "actor_names"] == "Iran; Russia"
    assert table.loc[0, "actor_codes"] == "IRN; RUS"
    assert table.loc[0, "recipient_names"] == ""


def test_cli_never_prints_nan_for_a_missing_source(tmp_path: Path) -> None:
    db = undated_store(tmp_path)
    result = CliRunner().invoke(app, ["search", "Iran", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "nan" not in result.output.lower().replace("iran", "")
    assert "d1" in result.output


def test_cli_dyad_tells_undated_from_coarse(tmp_path: Path) -> None:
    db = undated_store(tmp_path)
    result = CliRunner().invoke(app, ["dyad", "IRN", "RUS", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "2 events; not in the table: 1 undated, 0 dated too coarsely for a month" in result.output

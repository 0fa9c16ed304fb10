"""The analyst commands through the Typer app: dyad, network, search, review."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

import dragoman.cli.surfaces  # noqa: F401 - registers the commands
from dragoman.analysis import Analyst
from dragoman.cli.app import app

runner = CliRunner()


def test_dyad_prints_a_table(store_path: Path) -> None:
    args = ["dyad", "IRN", "RUS", "--by", "month", "--db", str(store_path), "--evidence"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "2022-03" in result.output and "+0.33" in result.output and "6 events" in result.output
    assert "Alpha News: Iranian envoys" in result.output
    bad = runner.invoke(app, ["dyad", "IRN", "RUS", "--by", "fortnight", "--db", str(store_path)])
    assert bad.exit_code == 1 and "--by is one of" in bad.output


def test_network_export(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "n.graphml"
    args = ["network", "-f", "graphml", "-o", str(out), "--since", "2022-03", "--db", str(store_path)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert nx.read_graphml(out).number_of_edges() == 4
    assert runner.invoke(app, ["network", "--format", "dot", "--db", str(store_path)]).exit_code == 1


def test_search(store_path: Path) -> None:
    result = runner.invoke(app, ["search", "grain", "--db", str(store_path)])
    assert result.exit_code == 0 and "1 matches" in result.output


def test_review_commands(store_path: Path) -> None:
    db = ["--db", str(store_path)]
    assert runner.invoke(app, ["review", "event", "m9", "--wrong", "--by", "ana", *db]).exit_code == 0
    fixed = runner.invoke(app, ["review", "event", "e6", "--date", "2022-06", "--by", "ana", *db])
    assert fixed.exit_code == 0 and "merged_event e6" in fixed.output
    bad = runner.invoke(app, ["review", "event", "m1", "--type", "HUG", *db])
    assert bad.exit_code == 1 and "unknown PLOVER type" in bad.output
    assert runner.invoke(app, ["review", "event", "zzz", "--right", *db]).exit_code == 1
    with Analyst(store_path) as analyst:
        frame = analyst.dyad("IRN", "RUS")
    assert list(frame["n_events"]) == [2, 0, 1, 1]


def test_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["dyad", "IRN", "RUS", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such store" in " ".join(result.output.split())

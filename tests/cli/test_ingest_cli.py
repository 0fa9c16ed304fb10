from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dragoman.cli import app


def test_bad_kb_file_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran and Russia met in Moscow.")
    kb = tmp_path / "mine.yaml"
    kb.write_text("people:\n  - id: someone\n    name: [unclosed\n")
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb"), "--kb", str(kb), "-q"]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "mine.yaml:" in lines[0]


def test_ingest_needs_something_to_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 1 and "give files or folders" in result.output

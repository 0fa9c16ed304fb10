"""dragoman.toml is honoured by every command and by dragoman.open(); bad settings are one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dragoman
from dragoman.cli import app
from dragoman.cli.text import clean
from tests.analysis.fixture_store import make_store

REPO = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose dragoman.toml names the store; no --db and no DRAGOMAN_* variable anywhere."""
    for name in ("DRAGOMAN_DB", "DRAGOMAN_KB", "DRAGOMAN_WORKERS", "DRAGOMAN_DEFAULT_DATE"):
        monkeypatch.delenv(name, raising=False)
    make_store(tmp_path / "named.duckdb")
    (tmp_path / "dragoman.toml").write_text('[dragoman]\ndb = "named.duckdb"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["summary"], "dragoman store named.duckdb"),
        (["dyad", "IRN", "RUS"], "6 events"),
        (["network", "-o", "net.graphml"], "-> net.graphml"),
        (["search", "grain"], "1 matches"),
        (["export", "documents"], '"doc_id": "doc1"'),
        (["disputes"], "dispute"),
        (["stance", "IRN", "RUS"], "IRN"),
        (["review", "event", "m1", "--right", "--by", "ana"], "right: event m1 by ana"),
        (["backup", "b.tar.gz"], "-> b.tar.gz"),
    ],
)
def test_every_command_reads_the_store_named_in_dragoman_toml(project: Path, args: list[str], expected: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert expected in result.output
    assert not (project / "dragoman.duckdb").exists()


def test_check_reads_the_store_named_in_dragoman_toml(project: Path) -> None:
    result = runner.invoke(app, ["check"])
    assert result.output.startswith("named.duckdb: ")  # the hand-made store has one offset problem; it is read


def test_serve_reads_the_store_named_in_dragoman_toml(project: Path) -> None:
    (project / "dragoman.toml").write_text('[dragoman]\ndb = "absent.duckdb"\n', encoding="utf-8")
    result = runner.invoke(app, ["serve"])
    assert result.exit_code == 1 and "absent.duckdb: no such store" in result.output


def test_dragoman_open_reads_the_store_named_in_dragoman_toml(project: Path) -> None:
    with dragoman.open() as corpus:
        assert corpus.store.path == Path("named.duckdb")
        assert len(corpus.documents()) == 3


@pytest.mark.parametrize(
    ("toml", "env", "args", "expected"),
    [
        ("[dragoman\n", {}, ["summary"], "error: dragoman.toml: not valid TOML: "),
        (
            '[dragoman]\nbatch_size = "abc"\n',
            {},
            ["summary"],
            "error: dragoman.toml: batch_size = 'abc' is not an",
        ),
        ("[dragoman]\nbatch_size = 0\n", {}, ["summary"], "error: dragoman.toml: batch_size: 0 is not a batch size"),
        ("[dragoman]\nbatchsize = 8\n", {}, ["summary"], "error: dragoman.toml: unknown setting 'batchsize'"),
        ("dragoman = 3\n", {}, ["summary"], "error: dragoman.toml: 'dragoman' is a table"),
        ("", {"DRAGOMAN_WORKERS": "abc"}, ["summary"], "error: DRAGOMAN_WORKERS: workers = 'abc' is not an integer"),
        (
            "",
            {"DRAGOMAN_DEFAULT_DATE": "2005-13"},
            ["summary"],
            "error: DRAGOMAN_DEFAULT_DATE: default_date:",
        ),
        ("", {}, ["ingest", "x.txt", "--batch-size", "0"], "error: --batch-size: 0 is not a batch size"),
        ("", {}, ["ingest", "x.txt", "--batch-size", "-1"], "error: --batch-size: -1 is not a batch size"),
        (
            "",
            {},
            ["ingest", "x.txt", "--default-date", "last year"],
            "error: --default-date: 'last year' is not",
        ),
    ],
)
def test_a_bad_setting_is_one_line_not_a_traceback(
    tmp_path: Path, toml: str, env: dict[str, str], args: list[str], expected: str
) -> None:
    (tmp_path / "dragoman.toml").write_text(toml, encoding="utf-8")
    (tmp_path / "x.txt").write_text("Iran met Russia.", encoding="utf-8")
    environment = {k: v for k, v in __import__("os").environ.items() if not k.startswith("DRAGOMAN_")}
    done = subprocess.run(
        [sys.executable, "-c", "from dragoman.cli import main; main()", *args],
        cwd=tmp_path, env={**environment, **env, "PYTHONPATH": str(REPO)}, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(expected) and done.stderr.count("\n") == 1, done.stderr
    assert not (tmp_path / "dragoman.duckdb").exists()


def test_clean_removes_escapes_and_controls() -> None:
    assert clean("with nul \x00 and ctrl \x01\x1b[31m red\x1b[0m") == "with nul  and ctrl  red"
    assert clean("title\x1b]0;owned\x07 set") == "title set"
    assert clean("two\nlines\r\n") == "two lines "
    assert clean("tab\tkept, \u00e9 and \u062f kept") == "tab\tkept, \u00e9 and \u062f kept"
    assert clean("c1 \x9b31m csi") == "c1  csi"


def test_search_prints_no_terminal_escapes(project: Path) -> None:
    from dragoman.store import Store

    with Store(project / "named.duckdb") as store:
        store.con.execute(
            "UPDATE sentences SET text = text || ? WHERE text ILIKE '%grain%'",
            [" with nul \x00 and ctrl \x01\x1b[31m red [bold]x[/bold]"],
        )
    result = runner.invoke(app, ["search", "grain"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x00" not in result.output and "\x01" not in result.output
    assert "[bold]" in result.output  # stored text is never read as markup

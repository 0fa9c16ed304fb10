"""The ingest command on bad settings and hostile files: one line each, exit status 1."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.cli import app, main
from tests.ingest.test_language import FRENCH

GOOD = "Envoys from Tehran and Moscow met on March 15 to discuss a rail corridor.\n\nThey agreed to meet again."


@pytest.mark.parametrize("size", ["0", "-1"])
def test_a_batch_size_under_one_is_refused(tmp_path: Path, size: str) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db), "--batch-size", size])
    assert (result.exit_code, result.output) == (
        2,
        f"error: --batch-size: {size} is not a batch size (1 or more documents)\n",
    )
    assert not db.exists()


def _main(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["dragoman", *argv])
    with pytest.raises(SystemExit) as exit_:
        main()
    return int(exit_.value.code or 0), capsys.readouterr().err


def test_a_broken_settings_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dragoman.toml").write_text("[dragoman\nbatch_size = 4\n")
    code, err = _main(["summary", "--db", str(tmp_path / "s.duckdb")], capsys, monkeypatch)
    assert code == 2
    assert err == (
        "error: dragoman.toml: not valid TOML: Expected ']' at the end of a table declaration (at line 1, column 10)\n"
    )
    (tmp_path / "dragoman.toml").write_text('[dragoman]\nbatch_size = "abc"\n')
    assert _main(["summary"], capsys, monkeypatch) == (
        2,
        "error: dragoman.toml: batch_size = 'abc' is not an integer\n",
    )


def test_a_bad_settings_variable_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DRAGOMAN_WORKERS", "abc")
    assert _main(["summary"], capsys, monkeypatch) == (
        2,
        "error: DRAGOMAN_WORKERS: workers = 'abc' is not an integer\n",
    )


@pytest.mark.slow
def test_errors_are_one_line_each_and_languages_are_reported(tmp_path: Path) -> None:
    corpus, secret = tmp_path / "corpus", tmp_path / "secret"
    corpus.mkdir()
    secret.mkdir()
    (corpus / "a.txt").write_text(GOOD)
    (corpus / "bad\nname.txt").write_bytes(b"")
    (corpus / "fr.txt").write_text(FRENCH)
    (secret / "notes.txt").write_text("The archive clerk met the envoy from Baku on Monday to discuss the files.")
    (corpus / "manifest.csv").write_text("path,title\na.txt,Rail talks\n../secret/notes.txt,Notes\n")
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"error: {corpus}/manifest.csv:3: ../secret/notes.txt is outside the manifest's folder; refused "
        "(--allow-outside reads it)",
        f"error: {corpus}/bad\\nname.txt: empty file",
        f"2 added, 0 unchanged, 0 near-duplicates linked, 2 failed -> {db}",
        f"1 not in English (stored and flagged; no events or quotes extracted): {corpus}/fr.txt (fr)",
    ]
    summary = CliRunner().invoke(app, ["summary", "--db", str(db)])
    assert summary.output.splitlines()[-1] == (
        f"1 not in English (stored and flagged; no events or quotes extracted): {corpus}/fr.txt (fr)"
    )
    allowed = CliRunner().invoke(
        app, ["ingest", "--manifest", str(corpus / "manifest.csv"), "--allow-outside", "--db", str(db), "-q"]
    )
    assert allowed.output.splitlines()[-1] == f"1 added, 1 unchanged, 0 near-duplicates linked, 0 failed -> {db}"

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


def test_bad_lexicon_file_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran and Russia met in Moscow.")
    lexicon = tmp_path / "words.yaml"
    lexicon.write_text("titles:\n  ofices: {}\n")
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.duckdb"), "--lexicon", str(lexicon), "-q"]
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [f"error: {lexicon}:2: titles has no section 'ofices'; one of " + ", ".join(SECTIONS)]


SECTIONS = [
    "offices",
    "generic_titles",
    "institutions",
    "institution_phrases",
    "former",
    "posted_titles",
    "pronouns",
    "plural_refs",
    "plural_person_refs",
    "not_entities",
]

"""`dragoman eval newswire --quotes` on a folder written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dragoman.cli import app


def write_item(folder: Path, title: str, description: str) -> None:
    """One wire item, row 7, in the newswire set's layout."""
    (folder / "world-dev.csv").write_text(f'row,title,description\n7,{title},"{description}"\n', encoding="utf-8")


def test_newswire_events_name_a_folder_without_the_coded_items(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "newswire", str(tmp_path)])
    assert result.exit_code == 1 and str(tmp_path) in result.output


def test_newswire_names_a_folder_without_its_files(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "newswire", str(tmp_path), "--quotes"])
    assert result.exit_code == 1 and f"{tmp_path}: no dev-quotes.jsonl" in result.output


@pytest.mark.slow
def test_newswire_quotes_scores_a_written_item(tmp_path: Path) -> None:
    quote = {"row": 7, "speaker": "Erdogan", "country": "TUR", "text": "Grain exports through the Black Sea"}
    write_item(
        tmp_path, "Ports reopen", "Grain exports through the Black Sea will resume next month, Erdogan said on Sunday."
    )
    (tmp_path / "dev-quotes.jsonl").write_text(json.dumps(quote) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "newswire", str(tmp_path), "--quotes"], terminal_width=200)
    assert result.exit_code == 0
    assert "1 coded, 1 extracted" in result.output and "100.0" in result.output


@pytest.mark.slow
def test_newswire_events_score_only_mentions_above_the_confidence_asked(tmp_path: Path) -> None:
    write_item(
        tmp_path, "Border shelling", "Armenian artillery shelled two villages in Azerbaijan on Monday, officials said."
    )
    gold = {"row": 7, "src": "ARM", "tgt": "AZE", "types": ["ASSAULT"], "status": "asserted"}
    (tmp_path / "dev-events.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
    everything = CliRunner().invoke(app, ["eval", "newswire", str(tmp_path)], terminal_width=200)
    assert everything.exit_code == 0 and "(1 items)" in everything.output
    assert "1 items with gold events gave no event" not in everything.output
    # no mention reaches a confidence above 1: the item then gives no event
    none = CliRunner().invoke(app, ["eval", "newswire", str(tmp_path), "--min-confidence", "1.0"], terminal_width=200)
    assert none.exit_code == 0 and "mentions at confidence >= 1.0" in none.output
    assert "1 items with gold events gave no event" in none.output

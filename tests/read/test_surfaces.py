"""One review, the same everywhere: a mention marked wrong and one corrected, read through the
export, the REST API, the CLI and the Python API of one hand-built store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import dragoman
from dragoman.analysis.review import add_review
from dragoman.api import create_app
from dragoman.cli import app
from dragoman.store import Store
from tests.analysis.fixture_store import make_store


@pytest.fixture()
def reviewed(tmp_path: Path) -> Path:
    """m9 (Iran rejects Russia, event e8) marked wrong; m3 (Russia agrees with Iran, e2) corrected."""
    path = make_store(tmp_path / "reviewed.duckdb")
    with Store(path) as store:
        add_review(store, "event", "m9", "wrong", "ana")
        add_review(store, "event", "m3", None, "ana", {"type": "cooperate", "date": "2022-03-17"})
    return path


def _exported(path: Path) -> dict[str, dict[str, object]]:
    result = CliRunner().invoke(app, ["export", "events", "--db", str(path)])
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}


def test_the_export_shows_the_verdict_and_the_correction(reviewed: Path) -> None:
    rows = _exported(reviewed)
    assert len(rows) == 10  # exports keep a wrong mention, marked
    assert (rows["m9"]["reviewed"], rows["m9"]["review_verdict"], rows["m9"]["type"]) == (True, "wrong", "REJECT")
    m3 = rows["m3"]
    assert (m3["type"], m3["quad"], m3["quad_name"], m3["date"], m3["date_precision"]) == (
        "COOPERATE", 2, "material cooperation", "2022-03-17", "day",
    )  # fmt: skip
    assert (m3["review_verdict"], m3["corrected_by"]) == ("corrected", "ana")
    assert (rows["m1"]["reviewed"], rows["m1"]["review_verdict"]) == (False, None)


def test_the_python_api_shows_the_same(reviewed: Path) -> None:
    with dragoman.open(reviewed) as corpus:
        mentions = corpus.events().set_index("id")
        merged = corpus.analyst().events().set_index("event_id")
    assert mentions.loc["m9", "review_verdict"] == "wrong"
    assert (mentions.loc["m3", "type"], mentions.loc["m3", "quad_name"], mentions.loc["m3", "date"]) == (
        "COOPERATE", "material cooperation", "2022-03-17",
    )  # fmt: skip
    assert "e8" not in merged.index  # its only report is wrong
    assert (merged.loc["e2", "type"], merged.loc["e2", "quad"], merged.loc["e2", "date"]) == (
        "COOPERATE",
        2,
        "2022-03-17",
    )
    assert bool(merged.loc["e2", "corrected"]) is True


def test_the_rest_api_shows_the_same(reviewed: Path) -> None:
    client = TestClient(create_app(reviewed, "token-0123456789"), base_url="http://127.0.0.1")
    m9 = client.get("/api/events/m9").json()["event"]
    assert (m9["review_verdict"], m9["type"]) == ("wrong", "REJECT")
    found = client.get("/api/events", params={"type": "COOPERATE"}).json()
    assert [(i["id"], i["quad"], i["date"]) for i in found["items"]] == [
        ("m3", 2, "2022-03-17"),
        ("m6", 2, "2022-05-05"),
    ]
    assert client.get("/api/events", params={"type": "AGREE"}).json()["total"] == 0
    merged = {
        i["event_id"]: i for i in client.get("/api/events", params={"level": "event", "page_size": 50}).json()["items"]
    }
    assert "e8" not in merged
    assert (merged["e2"]["type"], merged["e2"]["date"]) == ("COOPERATE", "2022-03-17")
    document = client.get("/api/documents/doc1").json()
    by_id = {e["id"]: e for e in document["events"]}
    assert (by_id["m3"]["type"], by_id["m9"]["review_verdict"]) == ("COOPERATE", "wrong")


def test_the_cli_dyad_counts_the_same(reviewed: Path) -> None:
    result = CliRunner().invoke(app, ["dyad", "IRN", "RUS", "--db", str(reviewed)], terminal_width=200)
    assert result.exit_code == 0, result.output
    march = next(line for line in result.stdout.splitlines() if "2022-03" in line)
    cells = [c.strip() for c in march.strip("│ ").split("│")]
    # e1 CONSULT (1.0) and the corrected e2, now COOPERATE (6.0); e8, reported only by the wrong m9, is gone
    assert cells[:7] == ["2022-03", "2", "1", "1", "0", "0", "+3.50"]
    assert cells[7].startswith("CONSULT 1,")  # the types column wraps: "COOPERATE 1" on the next line
    assert "COOPERATE 1" in result.stdout
    assert "AGREE" not in result.stdout and "REJECT" not in result.stdout

"""The throughput benchmark's coder rows and share table, on hand-built results (no timing)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest


@pytest.fixture
def throughput(shared: Path) -> ModuleType:
    """The benchmark module (it reads ../shared at import, so without it the test is skipped)."""
    del shared
    from benchmarks import throughput

    return throughput


def result(throughput: ModuleType, name: str, seconds: float, steady: float) -> Any:
    return throughput.Result(name, 10, 1000, seconds, 0.0, 0.0, steady, throughput.BARE, 1.0, 0.0)


def test_the_default_coders_row_keeps_its_name(throughput: ModuleType) -> None:
    assert throughput.one_process("combined") == "dragoman ingest, 1 process"
    assert throughput.one_process("rules") == "dragoman ingest, rules coder, 1 process"
    assert throughput.one_process("learned") == "dragoman ingest, learned coder, 1 process"


def test_shares_of_the_bare_parse_round_by_round(throughput: ModuleType) -> None:
    rounds = [
        [
            result(throughput, throughput.BARE, 1.0, 10.0),
            result(throughput, throughput.one_process("combined"), 1.25, 8.0),
            result(throughput, throughput.one_process("learned"), 4.0, 2.0),
        ],
        [
            result(throughput, throughput.BARE, 2.0, 5.0),
            result(throughput, throughput.one_process("combined"), 2.0, 5.0),
            result(throughput, throughput.one_process("learned"), 2.5, 4.5),
        ],
    ]
    lines = list(throughput.shares(rounds, ["combined", "learned"]))
    assert lines[2:] == [
        "| combined | 800 | 80% / 100% | 90% | 90% |",
        "| learned | 400 | 25% / 80% | 52% | 55% |",
    ]

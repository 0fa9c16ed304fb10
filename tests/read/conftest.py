from __future__ import annotations

from pathlib import Path

import pytest

from tests.analysis.fixture_store import make_store


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return make_store(tmp_path / "fixture.duckdb")

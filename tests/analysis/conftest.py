from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from tests.analysis.fixture_store import make_store

# This branch may predate the lead's CLI core module; let the CLI package import without it.
if not (Path(__file__).resolve().parents[2] / "dragoman" / "cli" / "core.py").exists():
    sys.modules.setdefault("dragoman.cli.core", types.ModuleType("dragoman.cli.core"))


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    return make_store(tmp_path / "fixture.duckdb")


@pytest.fixture()
def unmerged_path(tmp_path: Path) -> Path:
    return make_store(tmp_path / "unmerged.duckdb", merged=False)

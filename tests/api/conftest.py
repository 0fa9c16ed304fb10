from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.analysis.fixture_store import make_store

TOKEN = "test-token-0123456789"

warnings.filterwarnings("ignore", message=".*httpx2.*")


@pytest.fixture()
def api_store(tmp_path: Path) -> Path:
    return make_store(tmp_path / "api.duckdb")


@pytest.fixture()
def client(api_store: Path) -> TestClient:
    from dragoman.api import create_app

    return TestClient(create_app(api_store, TOKEN), base_url="http://127.0.0.1")

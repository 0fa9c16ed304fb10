"""One real uvicorn server on 127.0.0.1: reads, the token, a writer holding the file, and fuzzing."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tests.analysis.fixture_store import make_store
from tests.api.conftest import TOKEN
from tests.api.live import live_server

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    db = make_store(tmp_path_factory.mktemp("server") / "live.duckdb")
    with live_server(db, TOKEN) as url:
        yield url, db


def test_real_server_reads_and_writes(server: tuple[str, Path]) -> None:
    url, _ = server
    dyad = httpx.get(f"{url}/api/dyad", params={"a": "IRN", "b": "RUS"}, timeout=10).json()
    assert [p["n_events"] for p in dyad["periods"]] == [3, 0, 2]
    body = {"target_kind": "quote", "target_id": "q1", "verdict": "right", "reviewer": "ana"}
    assert httpx.post(f"{url}/api/reviews", json=body, timeout=10).status_code == 401
    saved = httpx.post(f"{url}/api/reviews", json=body, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)
    assert saved.status_code == 201
    page = httpx.get(url + "/", timeout=10)
    assert page.headers["x-frame-options"] == "DENY" and "server" not in page.headers


def test_a_writer_holding_the_file_gives_503(server: tuple[str, Path]) -> None:
    url, db = server
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('ready', flush=True); time.sleep(60)",
         str(db)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        busy = httpx.get(f"{url}/api/events", timeout=10)
        assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
        assert "busy" in busy.json()["detail"]
    finally:
        holder.kill()
        holder.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and httpx.get(f"{url}/api/events", timeout=10).status_code != 200:
        time.sleep(0.1)
    assert httpx.get(f"{url}/api/events", timeout=10).status_code == 200


@pytest.fixture(scope="module")
def api_schema(server: tuple[str, Path]) -> schemathesis.BaseSchema:
    url, _ = server
    return schemathesis.openapi.from_url(f"{url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")
FUZZED: dict[str, int] = {}


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzz_no_server_errors(case: schemathesis.Case) -> None:
    """Whatever the parameters, the server answers 2xx or 4xx, never 5xx."""
    key = f"{case.method} {case.path}"
    FUZZED[key] = FUZZED.get(key, 0) + 1
    case.call_and_validate(checks=[not_a_server_error], headers={"Authorization": f"Bearer {TOKEN}"})


def test_fuzzing_ran() -> None:
    """Every operation was fuzzed (guards against a schema that silently generates nothing)."""
    assert len(FUZZED) >= 15 and sum(FUZZED.values()) >= 15 * 5, FUZZED
    artifacts = Path(__file__).resolve().parents[1] / "artifacts"
    artifacts.mkdir(exist_ok=True)
    lines = [f"{n:4d} {op}" for op, n in sorted(FUZZED.items())] + [f"{sum(FUZZED.values()):4d} requests in all"]
    (artifacts / "fuzzed-requests.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")

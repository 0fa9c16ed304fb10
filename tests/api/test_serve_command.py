"""`dragoman serve` for real: binds 127.0.0.1, prints a generated token once, serves the dashboard."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.analysis.fixture_store import make_store
from tests.api.live import free_port

pytestmark = pytest.mark.server

ROOT = Path(__file__).resolve().parents[2]
# This branch may predate the lead's CLI core module: stub it when missing.
LAUNCH = """
import sys, types
from pathlib import Path
if not (Path(sys.argv[1]) / "dragoman" / "cli" / "core.py").exists():
    sys.modules["dragoman.cli.core"] = types.ModuleType("dragoman.cli.core")
import dragoman.cli.surfaces
from dragoman.cli.app import app
app(sys.argv[2:])
"""


def test_serve_prints_a_token_once_and_binds_loopback(tmp_path: Path) -> None:
    db = make_store(tmp_path / "serve.duckdb")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "DRAGOMAN_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    proc = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, str(ROOT), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/meta", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("dragoman serve did not answer")
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).headers["x-frame-options"] == "DENY"
        body = {"target_kind": "event", "target_id": "m1", "verdict": "right", "reviewer": "ana"}
        assert httpx.post(f"http://127.0.0.1:{port}/api/reviews", json=body, timeout=5).status_code == 401
    finally:
        proc.terminate()
        out, err = proc.communicate(timeout=15)
    lines = [line for line in (out + err).splitlines() if "write token" in line]
    assert len(lines) == 1, out + err
    token = lines[0].rsplit(" ", 1)[-1]
    assert len(token) >= 24
    assert (out + err).count(token) == 1  # printed once, never logged again
    assert f"http://127.0.0.1:{port}/" in out + err

"""Only the Host names the server is bound to are answered (DNS rebinding), and odd JSON gives 4xx."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.testclient import TestClient

from dragoman.api import create_app
from dragoman.api.security import allowed_hosts
from tests.analysis.fixture_store import make_store
from tests.api.conftest import TOKEN
from tests.api.live import live_server

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
SURROGATE_BODY = b'{"target_kind": "event", "target_id": "m1", "verdict": "right", "reviewer": "\\ud800"}'


def test_allowed_hosts_are_loopback_plus_the_bound_address() -> None:
    assert allowed_hosts() == ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts("127.0.0.1") == ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts("::1") == ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts("192.0.2.7") == ["127.0.0.1", "localhost", "[::1]", "192.0.2.7"]
    assert allowed_hosts("fe80::1") == ["127.0.0.1", "localhost", "[::1]", "[fe80::1]"]
    assert allowed_hosts("0.0.0.0") == ["127.0.0.1", "localhost", "[::1]"]
    assert allowed_hosts("0.0.0.0", ["Analysis.Example"]) == ["127.0.0.1", "localhost", "[::1]", "analysis.example"]


@pytest.mark.parametrize(
    "base, status",
    [
        ("http://127.0.0.1", 200),
        ("http://localhost:8765", 200),
        ("http://[::1]:8765", 200),
        ("http://attacker.example:8765", 400),
        ("http://127.0.0.1.attacker.example", 400),
        ("http://testserver", 400),
    ],
)
def test_in_process_only_loopback_hosts_are_answered(api_store: Path, base: str, status: int) -> None:
    client = TestClient(create_app(api_store, TOKEN), base_url=base)
    response = client.get("/api/documents")
    assert response.status_code == status
    assert response.headers["x-content-type-options"] == "nosniff"


def test_in_process_a_named_host_is_answered(api_store: Path) -> None:
    app = create_app(api_store, TOKEN, allowed_hosts("192.0.2.7"))
    assert TestClient(app, base_url="http://192.0.2.7:8765").get("/api/meta").status_code == 200
    assert TestClient(app, base_url="http://192.0.2.8:8765").get("/api/meta").status_code == 400


def test_in_process_a_lone_surrogate_in_a_review_is_422(client: TestClient) -> None:
    response = client.post("/api/reviews", content=SURROGATE_BODY, headers=AUTH)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "reviewer"] and "input" not in error


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = make_store(tmp_path_factory.mktemp("host") / "live.duckdb")
    with live_server(db, TOKEN) as url:
        yield url


def raw_get(url: str, host_line: str) -> str:
    """The status line of a GET sent with exactly this Host header line (or none)."""
    parts = urlsplit(url)
    assert parts.hostname is not None and parts.port is not None
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
        sock.sendall(f"GET /api/meta HTTP/1.0\r\n{host_line}Connection: close\r\n\r\n".encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    return answer.split(b"\r\n", 1)[0].decode()


@pytest.mark.server
def test_real_server_refuses_a_foreign_host(server: str) -> None:
    port = urlsplit(server).port
    assert httpx.get(f"{server}/api/documents", timeout=10).status_code == 200
    for name, status in (("localhost", 200), ("[::1]", 200), ("attacker.example", 400), ("127.0.0.1.nip.io", 400)):
        response = httpx.get(f"{server}/api/documents", headers={"Host": f"{name}:{port}"}, timeout=10)
        assert response.status_code == status, name
    refused = httpx.get(f"{server}/api/documents", headers={"Host": f"attacker.example:{port}"}, timeout=10)
    assert refused.text == "Invalid host header" and refused.headers["x-frame-options"] == "DENY"
    assert raw_get(server, "").endswith("400 Bad Request")


@pytest.mark.server
def test_real_server_answers_a_lone_surrogate_with_422(server: str) -> None:
    response = httpx.post(f"{server}/api/reviews", content=SURROGATE_BODY, headers=AUTH, timeout=10)
    assert response.status_code == 422
    assert response.headers["x-content-type-options"] == "nosniff"

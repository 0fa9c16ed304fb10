"""The API in process: every resource, filters, pagination, validation, the token, the headers."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dragoman.api import create_app
from tests.api.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_read_endpoints(client: TestClient) -> None:
    assert client.get("/api/health").json()["counts"]["events"] == 9
    docs = client.get("/api/documents", params={"publisher": "beta wire"}).json()
    assert [d["doc_id"] for d in docs["items"]] == ["doc2"] and "text" not in docs["items"][0]
    doc = client.get("/api/documents/doc3").json()
    assert "<script>" in doc["document"]["text"] and len(doc["events"]) == 4
    assert client.get("/api/actors").json()["items"][0]["key"] == "IRN"
    mentions = client.get("/api/events", params={"type": "consult"}).json()
    assert mentions["total"] == 2 and mentions["items"][0]["publisher"] == "Alpha News"
    merged = client.get("/api/events", params={"level": "event", "type": "CONSULT"}).json()
    assert merged["total"] == 1 and merged["items"][0]["n_mentions"] == 2
    assert client.get("/api/events/e1").json()["level"] == "event"
    assert client.get("/api/events/m1").json()["event"]["sentence"].startswith("Iranian envoys")
    assert client.get("/api/quotes", params={"speaker": "volkov"}).json()["total"] == 1
    assert client.get("/api/propositions").json()["items"][0]["members"] == ["m1", "m2"]
    dispute = client.get("/api/disputes", params={"actor": "irn"}).json()["items"][0]
    assert dispute["versions"][0]["sources"][0]["document"]["publisher"] == "Alpha News"
    found = client.get("/api/search", params={"q": "moscow", "kind": "quote"}).json()
    assert found["total"] == 1 and found["facets"]["kind"] == {"quote": 1}
    network = client.get("/api/network").json()
    assert {"source": "IRN", "target": "RUS"}.items() <= network["edges"][0].items()
    gexf = client.get("/api/network", params={"format": "gexf"})
    assert gexf.headers["content-type"].startswith("application/xml") and "<gexf" in gexf.text


def test_dyad_points_link_to_events_and_sentences(client: TestClient) -> None:
    data = client.get("/api/dyad", params={"a": "irn", "b": "RUS", "by": "month"}).json()
    march = data["periods"][0]
    assert march["period"] == "2022-03" and march["n_events"] == 3
    consult = next(e for e in march["events"] if e["type"] == "CONSULT")
    assert {m["publisher"] for m in consult["mentions"]} == {"Alpha News", "Beta Wire"}
    assert data["periods"][1]["score"] is None and [e["event_id"] for e in data["unplaced"]] == ["e9"]


def test_pagination_is_bounded(client: TestClient) -> None:
    page = client.get("/api/events", params={"page": 2, "page_size": 3}).json()
    assert page["total"] == 10 and len(page["items"]) == 3 and page["page"] == 2
    assert client.get("/api/events", params={"page_size": 501}).status_code == 422
    assert client.get("/api/events", params={"page": 0}).status_code == 422


@pytest.mark.parametrize(
    "url",
    [
        "/api/dyad?a=IRN",
        "/api/dyad?a=IRN&b=RUS&by=fortnight",
        "/api/events?quad=9",
        "/api/events?level=all",
        "/api/events?date_from=March",
        "/api/search?status=maybe",
        "/api/search?q=" + "x" * 600,
        "/api/network?format=dot",
        "/api/reviews?target_kind=file",
    ],
)
def test_bad_parameters_are_4xx(client: TestClient, url: str) -> None:
    assert 400 <= client.get(url).status_code < 500


def test_unknown_ids_are_404(client: TestClient) -> None:
    assert client.get("/api/documents/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/api/documents/" + "x" * 300).status_code == 422
    assert client.get("/static/../../store/db.py").status_code == 404


def test_review_needs_the_token(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    body = {"target_kind": "event", "target_id": "m9", "verdict": "wrong", "reviewer": "ana"}
    assert client.post("/api/reviews", json=body).status_code == 401
    assert client.post("/api/reviews", json=body, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert client.post("/api/reviews", json=body, headers={"Authorization": TOKEN}).status_code == 401
    with caplog.at_level(logging.DEBUG):
        saved = client.post("/api/reviews", json=body, headers=AUTH)
    assert saved.status_code == 201 and saved.json()["verdict"] == "wrong"
    assert TOKEN not in caplog.text
    assert client.get("/api/dyad", params={"a": "IRN", "b": "RUS"}).json()["periods"][0]["n_events"] == 2
    listed = client.get("/api/reviews", params={"target_id": "m9"}).json()
    assert listed["total"] == 1 and listed["items"][0]["reviewer"] == "ana"
    mention = client.get("/api/events/m9").json()["event"]
    assert mention["reviewed"] and mention["review_verdict"] == "wrong" and mention["corrected_by"] == "ana"


def test_corrections_are_shown(client: TestClient) -> None:
    before = client.get("/api/dyad", params={"a": "IRN", "b": "RUS"}).json()["periods"][2]
    assert "AID" not in before and before["COOPERATE"] == 1  # computed (and cached) before the review
    body = {"target_kind": "event", "target_id": "m6", "reviewer": "ben",
            "corrections": {"type": "aid", "date": "2022-05-06", "actors": ["RUS", "USA"]}}  # fmt: skip
    assert client.post("/api/reviews", json=body, headers=AUTH).status_code == 201
    mention = client.get("/api/events/m6").json()["event"]
    assert mention["type"] == "AID" and mention["date"] == "2022-05-06" and len(mention["actors"]) == 2
    # filters see corrected fields: m6 is now an AID by USA too, and no longer a COOPERATE
    assert [e["id"] for e in client.get("/api/events", params={"type": "AID"}).json()["items"]] == ["m6"]
    assert client.get("/api/events", params={"type": "COOPERATE"}).json()["total"] == 0
    assert client.get("/api/events", params={"actor": "USA", "quad": 2}).json()["total"] == 1
    assert client.get("/api/events", params={"date_from": "2022-05-06", "date_to": "2022-05-06"}).json()["total"] == 1
    may = client.get("/api/dyad", params={"a": "IRN", "b": "RUS"}).json()["periods"][2]
    assert may["AID"] == 1 and may["events"][-1]["corrected"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"target_kind": "event", "target_id": "nope", "verdict": "wrong", "reviewer": "a"}, 404),
        ({"target_kind": "event", "target_id": "m1", "reviewer": "a"}, 422),
        ({"target_kind": "event", "target_id": "m1", "reviewer": "a", "corrections": {"type": "HUG"}}, 422),
        (
            {"target_kind": "event", "target_id": "m1", "reviewer": "a", "corrections": {"date": "2022-13"}},
            422,
        ),
        ({"target_kind": "quote", "target_id": "q1", "reviewer": "a", "corrections": {"type": "AID"}}, 422),
        ({"target_kind": "event", "target_id": "m1", "reviewer": "a", "verdict": "wrong", "extra": 1}, 422),
        ({"target_kind": "file", "target_id": "m1", "reviewer": "a", "verdict": "wrong"}, 422),
    ],
)
def test_bad_reviews_are_4xx(client: TestClient, body: dict[str, object], code: int) -> None:
    assert client.post("/api/reviews", json=body, headers=AUTH).status_code == code


def test_without_a_token_writing_is_off(api_store: Path) -> None:
    client = TestClient(create_app(api_store, None), base_url="http://127.0.0.1")
    body = {"target_kind": "event", "target_id": "m9", "verdict": "wrong", "reviewer": "ana"}
    assert client.post("/api/reviews", json=body, headers=AUTH).status_code == 403


def test_security_headers_and_dashboard(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<script src="/static/app.js"' in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert client.get("/api/meta").headers["x-frame-options"] == "DENY"
    assert client.get("/docs").status_code == 404  # no CDN-loading docs page
    assert "/api/dyad" in client.get("/openapi.json").json()["paths"]


def test_static_files_load_nothing_from_outside() -> None:
    static = Path(__file__).resolve().parents[2] / "dragoman" / "web" / "static"
    for path in static.iterdir():
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", ""), path
        assert "https://" not in text, path
        assert ".innerHTML" not in text and "insertAdjacentHTML" not in text, path
    assert "<script>" not in (static / "index.html").read_text(encoding="utf-8")


def test_missing_store_is_503(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "absent.duckdb", TOKEN), base_url="http://127.0.0.1")
    response = client.get("/api/events")
    assert response.status_code == 503 and "busy" in response.json()["detail"]

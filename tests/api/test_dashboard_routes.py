"""The routes the dashboard's start page, timeline and tables rely on, on the hand-made store."""

from __future__ import annotations

from fastapi.testclient import TestClient

from dragoman.analysis.dyad import in_range, main_span


def test_overview_counts_and_busiest_dyad(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["counts"]["documents"] == 3
    assert body["n_events"] == 9 and body["n_undated"] == 0
    assert (body["first_date"], body["last_date"]) == ("2022", "2022-05-07")
    busiest = body["top_dyads"][0]
    # people counted under their country; the hypothetical strike is not counted
    assert (busiest["a"], busiest["b"], busiest["a_name"], busiest["n_events"]) == ("IRN", "RUS", "Iran", 7)
    assert body["top_countries"][0]["name"] == "Iran"
    assert [d["doc_id"] for d in body["recent_documents"]] == ["doc3", "doc2", "doc1"]


def test_dyad_lists_unplaced_events_with_their_reason(client: TestClient) -> None:
    body = client.get("/api/dyad", params={"a": "IRN", "b": "RUS", "countries": True}).json()
    assert body["n_events"] == 7 and body["n_unplaced"] == 1 and body["n_undated"] == 0
    (coarse,) = body["unplaced"]
    assert coarse["event_id"] == "e9"
    assert coarse["unplaced_reason"] == "dated only to the year (2022), too coarse for a month"
    assert sum(p["n_events"] for p in body["periods"]) + body["n_unplaced"] == body["n_events"]


def test_dyad_date_range_keeps_overlapping_coarse_dates(client: TestClient) -> None:
    body = client.get("/api/dyad", params={"a": "IRN", "b": "RUS", "since": "2022-04", "until": "2022-05"}).json()
    assert [p["period"] for p in body["periods"]] == ["2022-05"]
    assert body["range"]["n_outside"] == 3 and body["range"]["n_all"] == 6
    assert [e["event_id"] for e in body["unplaced"]] == ["e9"]


def test_default_range_leaves_out_stray_years() -> None:
    dates = ["1943", "1980-05", "2021-04-02", "2022-02-24", "2022-07", "2023-06-01"]
    assert main_span(dates) == ("2021-04", "2023-06")
    assert main_span([]) is None
    assert in_range("2022", "2022-03", "2022-05") and not in_range(None, None, None)
    assert not in_range("2021-12-31", "2022", None) and in_range("2022-05-07", None, "2022-05")


def test_events_sort_and_confidence(client: TestClient) -> None:
    body = client.get("/api/events", params={"sort": "-date", "page_size": 3}).json()
    assert [e["date"] for e in body["items"]] == ["2022-05-07", "2022-05-05", "2022-05"]
    assert client.get("/api/events", params={"min_confidence": 1.0}).json()["total"] == 0
    unknown = client.get("/api/events", params={"sort": "not_a_column"})
    assert unknown.status_code == 200 and unknown.json()["total"] == 10


def test_quotes_filter_on_publication_date(client: TestClient) -> None:
    everything = client.get("/api/quotes").json()["total"]
    body = client.get("/api/quotes", params={"date_from": "2022-05"}).json()
    assert all(q["published"] >= "2022-05" for q in body["items"])
    assert body["total"] < everything or everything == 0


def test_country_nodes_are_named_after_their_state(client: TestClient) -> None:
    nodes = {n["id"]: n["label"] for n in client.get("/api/network", params={"countries": True}).json()["nodes"]}
    assert nodes == {"IRN": "Iran", "RUS": "Russia", "USA": "United States"}

"""Locations in the store (schema 5), the exports (CSV, Parquet, PLOVER, GeoJSON), the Python API and REST."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pytest
from typer.testing import CliRunner

import dragoman
from dragoman.cli import app
from dragoman.domain.records import Location, ProcessedDocument
from dragoman.read.export import frame, write
from dragoman.store import Store
from dragoman.store.load import event_mentions
from tests.api.live import live_server
from tests.store.test_db import old_store, processed

TOKEN = "test-token-0123456789"
MOSCOW = Location(
    name="Moscow", kind="city", country="RUS", lat=55.75204, lon=37.61781, precision="exact",
    start=27, end=36, text="in Moscow", basis="clause", place_id="geonames:524901",
    alternatives=[{"place_id": "geonames:5601538", "name": "Moscow", "kind": "city", "country": "USA",
                   "lat": 46.73239, "lon": -117.00017}],
)  # fmt: skip


def located(doc_id: str, content_hash: str, location: Location | None) -> ProcessedDocument:
    result = processed(doc_id, content_hash)
    result.events[0].location = location
    return result


def make_store(tmp_path: Path) -> Path:
    path = tmp_path / "located.duckdb"
    with Store(path) as store:
        store.write_documents([located("d1", "h1", MOSCOW), located("d2", "h2", None)])
    return path


def test_a_location_is_stored_and_read_back_whole(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        by_doc = {e.doc_id: e.location for e in event_mentions(store)}
    assert by_doc == {"d1": MOSCOW, "d2": None}


def test_a_place_carried_from_the_sentence_before_keeps_its_basis(tmp_path: Path) -> None:
    carried = Location(
        name="Moscow", kind="city", country="RUS", lat=55.75204, lon=37.61781, precision="exact",
        start=3, end=12, text="in Moscow", basis="context", place_id="geonames:524901",
    )  # fmt: skip
    path = tmp_path / "carried.duckdb"
    with Store(path) as store:
        store.write_documents([located("d1", "h1", carried)])
    with Store(path, read_only=True) as store:
        [event] = event_mentions(store)
        df = frame(store, "event_mentions")
    assert event.location == carried
    buffer = io.StringIO()
    write(df, "plover", None, buffer)
    assert json.loads(buffer.getvalue())["geolocation"]["basis"] == "context"


def test_a_version_4_store_gains_the_location_columns(tmp_path: Path) -> None:
    columns = ", ".join(f"location_{k}" for k in Location.__dataclass_fields__)
    db = old_store(tmp_path, 4, f"ALTER TABLE event_mentions DROP COLUMN {columns.split(', ')[0]}")
    for column in columns.split(", ")[1:]:
        with Store(db) as store:
            store.con.execute(f"ALTER TABLE event_mentions DROP COLUMN {column}")
            store.con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    with Store(db) as store:
        names = {r[0] for r in store.con.execute("DESCRIBE event_mentions").fetchall()}
        assert {f"location_{k}" for k in Location.__dataclass_fields__} <= names
        assert [e.location for e in event_mentions(store)] == [None]


def test_csv_and_parquet_carry_the_location_columns(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        df = frame(store, "event_mentions")
    write(df, "csv", tmp_path / "e.csv", io.StringIO())
    csv = pd.read_csv(tmp_path / "e.csv")
    assert csv.loc[0, ["location_name", "location_country", "location_lat", "location_lon"]].tolist() == [
        "Moscow", "RUS", 55.75204, 37.61781,
    ]  # fmt: skip
    assert json.loads(csv.loc[0, "location_alternatives"])[0]["country"] == "USA"
    assert pd.isna(csv.loc[1, "location_name"])
    write(df, "parquet", tmp_path / "e.parquet", io.StringIO())
    assert pd.read_parquet(tmp_path / "e.parquet").loc[0, "location_text"] == "in Moscow"


def test_plover_records_have_the_location_fields(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        df = frame(store, "event_mentions")
    buffer = io.StringIO()
    write(df, "plover", None, buffer)
    first, second = (json.loads(line) for line in buffer.getvalue().splitlines())
    assert (first["location"], first["location_country"]) == ("Moscow", "RUS")
    geo = first["geolocation"]
    assert (geo["lat"], geo["lon"], geo["kind"], geo["precision"], geo["basis"]) == (
        55.75204, 37.61781, "city", "exact", "clause",
    )  # fmt: skip
    assert geo["evidence"] == {"start": 27, "end": 36, "text": "in Moscow"}
    assert (second["location"], second["geolocation"]) == ("", None)


def test_geojson_export_has_a_point_per_located_mention(tmp_path: Path) -> None:
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        app, ["export", "events", "--format", "geojson", "--out", str(out), "--db", str(make_store(tmp_path))]
    )
    assert result.exit_code == 0, result.output
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["id"] == "d1-e1"
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.61781, 55.75204]}
    assert feature["properties"]["location_name"] == "Moscow"
    assert feature["properties"]["actors"] == ["Iran", "Russia"]


def test_python_api_filters_by_country_and_box(tmp_path: Path) -> None:
    with dragoman.open(make_store(tmp_path)) as corpus:
        assert corpus.locations()["id"].tolist() == ["d1-e1"]
        assert corpus.locations(country="rus")["id"].tolist() == ["d1-e1"]
        assert corpus.locations(country="UKR").empty
        assert corpus.locations(bbox=(30.0, 50.0, 40.0, 60.0))["id"].tolist() == ["d1-e1"]
        assert corpus.locations(bbox=(-10.0, 40.0, 10.0, 50.0)).empty


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(make_store(tmp_path_factory.mktemp("places")), TOKEN) as url:
        yield url


def _get(url: str, path: str = "/api/locations", **params: str) -> httpx.Response:
    return httpx.get(f"{url}{path}", params=params, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10)


@pytest.mark.server
def test_rest_api_filters_located_events_by_country_and_box(server: str) -> None:
    assert [i["id"] for i in _get(server).json()["items"]] == ["d1-e1"]
    assert _get(server, country="RUS").json()["total"] == 1
    assert _get(server, country="FRA").json()["total"] == 0
    assert _get(server, bbox="30,50,40,60").json()["total"] == 1
    assert _get(server, bbox="-10,40,10,50").json()["total"] == 0
    item = _get(server, country="RUS").json()["items"][0]
    assert item["location_alternatives"][0]["country"] == "USA"
    geo = _get(server, format="geojson").json()
    assert geo["features"][0]["geometry"]["coordinates"] == [37.61781, 55.75204]


@pytest.mark.server
def test_rest_api_refuses_a_bad_box(server: str) -> None:
    for path in ("/api/locations", "/api/events"):
        response = _get(server, path, bbox="30,60,40,50")
        assert response.status_code == 422
        assert "south above north" in response.json()["detail"]


@pytest.mark.server
def test_event_reports_carry_their_location_and_filter_by_it(server: str) -> None:
    everything = _get(server, "/api/events").json()
    assert [i["id"] for i in everything["items"]] == ["d1-e1", "d2-e1"]
    moscow, unplaced = everything["items"]
    assert {k: moscow[k] for k in moscow if k.startswith("location_")} == {
        "location_name": "Moscow", "location_kind": "city", "location_country": "RUS", "location_lat": 55.75204,
        "location_lon": 37.61781, "location_precision": "exact", "location_start": 27, "location_end": 36,
        "location_text": "in Moscow", "location_basis": "clause", "location_place_id": "geonames:524901",
        "location_alternatives": MOSCOW.alternatives,
    }  # fmt: skip
    assert unplaced["location_name"] is None and unplaced["location_lat"] is None
    assert [i["id"] for i in _get(server, "/api/events", country="rus").json()["items"]] == ["d1-e1"]
    assert _get(server, "/api/events", country="UKR").json()["total"] == 0
    at_moscow = _get(server, "/api/events", bbox="37.61781,55.75204,37.61781,55.75204").json()["items"]
    assert [i["id"] for i in at_moscow] == ["d1-e1"]
    assert _get(server, "/api/events", bbox="-10,40,10,50").json()["total"] == 0
    # with another filter the rows come through the corrected path, still located
    filtered = _get(server, "/api/events", type=moscow["type"], country="RUS").json()["items"]
    assert [(i["id"], i["location_name"]) for i in filtered] == [("d1-e1", "Moscow")]


def test_parquet_written_before_the_location_columns_still_loads(tmp_path: Path) -> None:
    import duckdb

    from dragoman.pipeline.parquet import load_parquet
    from dragoman.store.parquet import export_parquet

    with Store(make_store(tmp_path), read_only=True) as store:
        export_parquet(store, tmp_path / "out")
    dropped = ", ".join(f"location_{k}" for k in Location.__dataclass_fields__)
    for part in (tmp_path / "out" / "event_mentions").rglob("*.parquet"):
        older = part.with_suffix(".old")
        duckdb.connect().execute(
            f"COPY (SELECT * EXCLUDE ({dropped}) FROM read_parquet('{part}')) TO '{older}' (FORMAT parquet)"
        )
        older.replace(part)
    with Store(tmp_path / "loaded.duckdb") as store:
        load_parquet(store, tmp_path / "out")
        assert sorted((e.doc_id, e.location) for e in event_mentions(store)) == [("d1", None), ("d2", None)]

"""A merged event's place: the one most of its located reports name, in the export and the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pandas as pd
import pytest
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.domain.records import Location
from dragoman.places.merged import with_event_places
from dragoman.read.export import frame
from dragoman.store import Store
from tests.api.live import live_server
from tests.places.test_store_and_exports import MOSCOW, located

KYIV = Location(
    name="Kyiv", kind="city", country="UKR", lat=50.45466, lon=30.5238, precision="exact",
    start=27, end=34, text="in Kyiv", basis="clause", place_id="geonames:703448",
)  # fmt: skip
# event -> the place of each of its reports (None: the report names no place)
EVENTS: dict[str, list[Location | None]] = {
    "ev-agreed": [MOSCOW, MOSCOW, KYIV, None],  # two of three located reports say Moscow
    "ev-split": [MOSCOW, KYIV],  # one each: the sources disagree on where
    "ev-nowhere": [None],
}


def make_store(tmp_path: Path) -> Path:
    path = tmp_path / "merged.duckdb"
    docs = [(f"{event}-{i}", event, place) for event, places in EVENTS.items() for i, place in enumerate(places)]
    with Store(path) as store:
        store.write_documents([located(doc_id, doc_id, place) for doc_id, _, place in docs])
        for doc_id, event, _ in docs:
            store.con.execute("UPDATE event_mentions SET event_id = ? WHERE doc_id = ?", [event, doc_id])
        store.insert_rows(
            "events",
            [
                {
                    "event_id": event, "type": "CONSULT", "quad": 1, "actors": "[]", "recipients": "[]",
                    "date": "2022-03", "date_precision": "month", "status": "asserted", "n_mentions": len(places),
                    "n_documents": len(places),
                    "mention_ids": json.dumps([f"{event}-{i}-e1" for i in range(len(places))]),
                }
                for event, places in EVENTS.items()
            ],
        )  # fmt: skip
    return path


def places_of(rows: list[dict[str, object]]) -> dict[object, tuple[object, ...]]:
    return {
        r["event_id"]: (r["location_name"], r["location_country"], r["location_reports"], r["location_located_reports"])
        for r in rows
    }


EXPECTED = {
    "ev-agreed": ("Moscow", "RUS", 2, 3),
    "ev-split": (None, None, None, None),
    "ev-nowhere": (None, None, None, None),
}


def test_the_export_of_merged_events_carries_the_agreed_place(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        df = frame(store, "events")
    rows = df.astype(object).where(df.notna(), None).to_dict(orient="records")
    assert places_of(rows) == EXPECTED
    agreed = next(r for r in rows if r["event_id"] == "ev-agreed")
    assert (agreed["location_lat"], agreed["location_lon"], agreed["location_place_id"]) == (
        55.75204, 37.61781, "geonames:524901"
    )  # fmt: skip


def test_the_command_line_exports_merged_events_with_their_place(tmp_path: Path) -> None:
    db, out = make_store(tmp_path), tmp_path / "events.csv"
    result = CliRunner().invoke(
        app, ["export", "events", "--level", "event", "--format", "csv", "-o", str(out), "--db", str(db)]
    )
    assert result.exit_code == 0, result.output
    rows = pd.read_csv(out).set_index("event_id")
    assert rows.loc["ev-agreed", ["location_name", "location_country", "location_reports"]].tolist() == [
        "Moscow",
        "RUS",
        2,
    ]
    assert rows.loc[["ev-split", "ev-nowhere"], "location_name"].isna().tolist() == [True, True]


def test_with_event_places_adds_the_columns_to_any_event_frame(tmp_path: Path) -> None:
    with Store(make_store(tmp_path), read_only=True) as store:
        found = with_event_places(store, pd.DataFrame({"event_id": ["ev-split", "ev-agreed", "unknown"]}))
    assert found["event_id"].tolist() == ["ev-split", "ev-agreed", "unknown"]
    assert found["location_name"].tolist()[1] == "Moscow"
    assert found["location_name"].isna().tolist() == [True, False, True]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(make_store(tmp_path_factory.mktemp("merged")), None) as url:
        yield url


@pytest.mark.server
def test_the_api_gives_merged_events_their_place_and_filters_by_it(server: str) -> None:
    def ask(**params: str) -> Any:
        response = httpx.get(f"{server}/api/events", params={"level": "event", **params}, timeout=10)
        assert response.status_code == 200, response.text
        return response.json()

    assert places_of(ask()["items"]) == EXPECTED
    assert [r["event_id"] for r in ask(country="RUS")["items"]] == ["ev-agreed"]
    assert ask(country="UKR")["total"] == 0
    assert [r["event_id"] for r in ask(bbox="30,50,40,60")["items"]] == ["ev-agreed"]

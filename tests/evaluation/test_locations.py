"""The location evaluation's scoring: distances, what counts as placed, and the packaged briefs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from dragoman.cli import app
from dragoman.domain.records import Location
from dragoman.evaluation.locations import (
    RE3D_SOURCES,
    BriefResult,
    _is_proper_name,
    brief_summary,
    default_briefs,
    dev_briefs,
    distance_km,
)

KYIV = {"name": "Kyiv", "country": "UKR", "lat": 50.45, "lon": 30.52}


def _at(lat: float, lon: float, country: str) -> Location:
    return Location("X", "city", country, lat, lon, "exact", 0, 1, "X")


def test_distance_between_two_capitals() -> None:
    assert round(distance_km(50.45, 30.52, 55.75, 37.62)) == 756  # Kyiv to Moscow
    assert distance_km(10.0, 10.0, 10.0, 10.0) == 0.0


def test_placed_within_50_km_and_country_right() -> None:
    near = BriefResult("t", KYIV, _at(50.60, 30.30, "UKR"), 1)
    far = BriefResult("t", KYIV, _at(49.99, 36.23, "UKR"), 1)  # Kharkiv
    none = BriefResult("t", KYIV, None, 0)
    assert (near.placed, far.placed, none.placed) == (True, False, False)
    assert brief_summary([near, far, none]) == {
        "briefs": 3, "with_event": 2, "located": 2, "placed_within_50km": 100.0 / 3, "country_of_located": 100.0,
    }  # fmt: skip


def test_proper_names() -> None:
    assert [_is_proper_name(t) for t in ("the United States", "Mosul", "the camp", "targets")] == [
        True, True, False, False,
    ]  # fmt: skip


def test_the_packaged_briefs_are_well_formed() -> None:
    briefs = yaml.safe_load(default_briefs().read_text(encoding="utf-8"))["briefs"]
    assert len(briefs) == 24
    for brief in briefs:
        place = brief["place"]
        assert set(place) == {"name", "country", "lat", "lon"}
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180


def test_the_development_briefs_are_well_formed_and_apart_from_the_reported_set() -> None:
    reported = yaml.safe_load(default_briefs().read_text(encoding="utf-8"))["briefs"]
    dev = yaml.safe_load(dev_briefs().read_text(encoding="utf-8"))["briefs"]
    assert len(dev) == 50
    assert not {b["text"] for b in dev} & {b["text"] for b in reported}
    assert not {b["place"]["name"] for b in dev} & {b["place"]["name"] for b in reported} - {"Tehran"}
    for brief in dev:
        place = brief["place"]
        assert set(place) == {"name", "country", "lat", "lon"}
        assert -90 <= place["lat"] <= 90 and -180 <= place["lon"] <= 180


@pytest.mark.slow
def test_eval_locations_command_on_small_hand_made_sets(tmp_path: Path) -> None:
    briefs = tmp_path / "briefs.yaml"
    briefs.write_text(
        "briefs:\n- text: Russian missiles struck Lviv on Friday.\n"
        "  place: {name: Lviv, country: UKR, lat: 49.84, lon: 24.03}\n",
        encoding="utf-8",
    )
    re3d = tmp_path / "re3d"
    text = "Coalition aircraft struck targets near Mosul in Iraq."
    for source in RE3D_SOURCES:
        (re3d / source).mkdir(parents=True)
        (re3d / source / "documents.json").write_text(
            json.dumps({"_id": source, "text": text}) + "\n" if source == "CENTCOM" else "", encoding="utf-8"
        )
        spans = [("Mosul", 39, 44), ("targets", 24, 31), ("Iraq", 48, 52)] if source == "CENTCOM" else []
        (re3d / source / "entities.json").write_text(
            "".join(
                json.dumps({"documentId": source, "type": "Location", "begin": b, "end": e, "value": v}) + "\n"
                for v, b, e in spans
            ),
            encoding="utf-8",
        )
    result = CliRunner().invoke(app, ["eval", "locations", "--briefs", str(briefs), "--re3d", str(re3d)])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "│" in line]
    assert [c.strip() for c in lines[0].split("│")[1:-1]] == ["1", "100.0", "100.0"]
    # three spans, two known (Mosul, Iraq); both proper names known; Iraq checked against the KB and agreeing
    assert [c.strip() for c in lines[-1].split("│")[1:-1]] == ["66.7", "2", "100.0", "1", "100.0"]

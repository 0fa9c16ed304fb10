"""The gazetteer: GeoNames data, the knowledge base's places, user places, and the ranking of namesakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from dragoman.places.gazetteer import Gazetteer, PlaceError, fold


def test_fold_sets_aside_accents_case_and_the() -> None:
    assert fold("the  Élysée Palace") == "elysee palace"
    assert fold("U.S.") == "u s"


def test_cities_come_from_geonames_with_coordinates(gazetteer: Gazetteer) -> None:
    kyiv = gazetteer.candidates("Kyiv")[0]
    assert (kyiv.name, kyiv.kind, kyiv.country, kyiv.place_id) == ("Kyiv", "city", "UKR", "geonames:703448")
    assert (round(kyiv.lat, 2), round(kyiv.lon, 2)) == (50.45, 30.52)
    assert gazetteer.candidates("Kiev")[0].place_id == "geonames:703448"  # an alternate spelling


def test_countries_take_the_actor_knowledge_base_aliases(gazetteer: Gazetteer) -> None:
    us = gazetteer.candidates("U.S.")[0]
    assert (us.name, us.kind, us.country) == ("United States", "country", "USA")


def test_knowledge_base_places_cover_disputed_regions_seas_and_seats(gazetteer: Gazetteer) -> None:
    expected = {
        "Crimea": ("kb:crimea", "region", "UKR"),
        "Donbass": ("kb:donbas", "region", "UKR"),
        "Gaza": ("kb:gaza-strip", "region", "PSE"),
        "Nagorno-Karabakh": ("kb:nagorno-karabakh", "region", "AZE"),
        "Black Sea": ("kb:black-sea", "sea", None),
        "the Kremlin": ("kb:kremlin", "facility", "RUS"),
    }
    for name, (place_id, kind, country) in expected.items():
        place = gazetteer.candidates(name)[0]
        assert (place.place_id, place.kind, place.country) == (place_id, kind, country), name


def test_a_namesake_in_the_documents_countries_wins_unless_the_other_is_ten_times_larger(
    gazetteer: Gazetteer,
) -> None:
    assert gazetteer.candidates("Georgia")[0].country == "GEO"
    assert gazetteer.candidates("Georgia", frozenset({"USA"}))[0].kind == "region"
    assert gazetteer.candidates("Georgia", frozenset({"USA"}))[0].country == "USA"
    # Donetsk, Ukraine (about 900,000) outweighs Donetsk, Russia (about 50,000) even in a Russian context.
    assert gazetteer.candidates("Donetsk", frozenset({"RUS"}))[0].country == "UKR"
    assert gazetteer.candidates("Moscow", frozenset({"USA"}))[0].country == "RUS"


def test_user_places_come_from_the_kb_files(tmp_path: Path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "entries: []\nplaces:\n- {id: camp-x, kind: facility, name: Camp Xanadu, country: JOR, lat: 31.5, lon: 36.2}\n",
        encoding="utf-8",
    )
    place = Gazetteer.load([extra]).candidates("Camp Xanadu")[0]
    assert (place.place_id, place.kind, place.country, place.lat, place.lon) == (
        "kb:camp-x",
        "facility",
        "JOR",
        31.5,
        36.2,
    )


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("{id: a, kind: town, name: A, lat: 1, lon: 2}", "unknown kind 'town'"),
        ("{id: a, kind: city, name: A, lat: 100, lon: 2}", "lat/lon out of range"),
        ("{id: a, kind: city, name: A, lon: 2}", "lacks 'lat'"),
        ("{id: a, kind: city, name: A, lat: 1, lon: 2, country: Jordan}", "must be an ISO 3166-1 alpha-3 code"),
    ],
)
def test_a_bad_place_is_refused_naming_the_file_and_entry(tmp_path: Path, entry: str, reason: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"places:\n- {entry}\n", encoding="utf-8")
    gazetteer = Gazetteer()
    with pytest.raises(PlaceError, match=reason) as caught:
        gazetteer.add_text(bad.read_text(encoding="utf-8"), str(bad))
    assert str(caught.value).startswith(f"{bad}: place 1")


def test_a_town_under_15000_people_from_the_smaller_list(gazetteer: Gazetteer) -> None:
    assert "Vuhledar" not in gazetteer  # not in the main list
    [town] = gazetteer.minor_candidates("Vuhledar")
    assert (town.name, town.country, town.source, town.population) == ("Vuhledar", "UKR", "minor", 14144)
    assert gazetteer.minor_candidates("Kyiv") == []  # a name the main list knows never goes to the small one


def test_a_shared_small_name_needs_the_documents_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.minor_candidates("Shatsk") == []  # a town in Russia and one in Ukraine, no context
    assert [p.country for p in gazetteer.minor_candidates("Shatsk", frozenset({"UKR"}))] == ["UKR", "RUS"]

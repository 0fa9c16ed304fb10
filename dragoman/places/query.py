"""Filtering located event mentions by country and by bounding box (API and Python API)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dragoman.places.geojson import located

LOCATION_COLUMNS = (
    "location_name", "location_kind", "location_country", "location_lat", "location_lon", "location_precision",
    "location_start", "location_end", "location_text", "location_basis", "location_place_id",
    "location_alternatives",
)  # fmt: skip


class BoundingBoxError(ValueError):
    """A bounding box that is not min_lon,min_lat,max_lon,max_lat within the world."""


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    """'min_lon,min_lat,max_lon,max_lat' (GeoJSON's order) as numbers, checked."""
    parts = text.split(",")
    if len(parts) != 4:
        raise BoundingBoxError(f"bbox {text!r}: expected min_lon,min_lat,max_lon,max_lat")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError as exc:
        raise BoundingBoxError(f"bbox {text!r}: not numbers") from exc
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise BoundingBoxError(f"bbox {text!r}: out of range or south above north")
    return west, south, east, north


def filter_located(df: pd.DataFrame, country: str | None = None, bbox: Sequence[float] | None = None) -> pd.DataFrame:
    """Located rows, optionally in one country (ISO3) and inside a box (west > east crosses 180°)."""
    out = located(df)
    if country:
        out = out[out["location_country"].fillna("").str.upper() == country.upper()]
    if bbox is not None:
        west, south, east, north = bbox
        lon, lat = out["location_lon"], out["location_lat"]
        in_lon = (lon >= west) & (lon <= east) if west <= east else (lon >= west) | (lon <= east)
        out = out[in_lon & (lat >= south) & (lat <= north)]
    return out

"""Located event mentions as GeoJSON (RFC 7946): one Point feature per located mention."""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

# Event-mention columns carried into each feature's properties (when the frame has them).
PROPERTIES = (
    "id", "doc_id", "type", "mode", "quad", "date", "status", "sentence", "start", "end",
    "location_name", "location_kind", "location_country", "location_precision", "location_basis",
    "location_place_id", "location_start", "location_end", "location_text", "doc_path", "doc_url", "publisher",
)  # fmt: skip


def _value(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def _names(actors: Any) -> list[str]:
    if isinstance(actors, str):
        actors = json.loads(actors)
    return [a.get("name", "") for a in actors or [] if isinstance(a, dict)]


def located(df: pd.DataFrame) -> pd.DataFrame:
    """The rows that have coordinates."""
    if "location_lat" not in df.columns:
        return df.iloc[0:0]
    return df[df["location_lat"].notna() & df["location_lon"].notna()]


def feature_collection(df: pd.DataFrame) -> dict[str, Any]:
    """A FeatureCollection of the located rows of an event-mention frame."""
    features = []
    for row in located(df).to_dict(orient="records"):
        properties = {k: _value(row[k]) for k in PROPERTIES if k in row}
        properties["actors"] = _names(row.get("actors"))
        properties["recipients"] = _names(row.get("recipients"))
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [float(row["location_lon"]), float(row["location_lat"])]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}

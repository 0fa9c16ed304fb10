"""The exports' writers: frames read by ``dragoman.read.tables`` written as JSONL, CSV, Parquet,
PLOVER JSON or GeoJSON."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import IO, Any

import pandas as pd

from dragoman.read.tables import KINDS, frame

__all__ = ["KINDS", "flat_actor_columns", "frame", "plover_records", "strict_json", "write"]


def _plain(value: Any) -> Any:
    """A value JSON can hold: missing (NaN, NaT, NA) becomes None, nested values are cleaned too."""
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if value is pd.NaT or value is pd.NA or value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):  # strict JSON has no NaN or Infinity
        return None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return _plain(value.item())  # numpy scalars
    return value


def strict_json(record: dict[str, Any]) -> str:
    """One record as strict JSON (null for missing values; a bare NaN is never written)."""
    return json.dumps(_plain(record), ensure_ascii=False, default=str, allow_nan=False)


def _write_jsonl(df: pd.DataFrame, handle: IO[str]) -> None:
    for record in df.to_dict(orient="records"):
        handle.write(strict_json(record))
        handle.write("\n")


def _names(value: Any) -> str:
    return "; ".join(str(a.get("name") or "") for a in value or [] if isinstance(a, dict))


def _codes(value: Any) -> str:
    """Each actor's code for a spreadsheet column: the actor-level precedence of
    ``domain.identity.actor_key`` but blank, not the name, for an actor without a code (the
    names have their own column)."""
    return "; ".join(
        str(a.get("actor_id") or a.get("country") or a.get("org") or "") for a in value or [] if isinstance(a, dict)
    )


def flat_actor_columns(df: pd.DataFrame) -> pd.DataFrame:
    """Actor names and codes as plain text columns beside each JSON list of actors (for spreadsheets)."""
    out = df.copy()
    for column in ("actors", "recipients", "attributed_to", "speaker"):
        if column not in out.columns:
            continue
        as_list = out[column].map(lambda v: [v] if isinstance(v, dict) else v if isinstance(v, list) else [])
        at = out.columns.get_loc(column) + 1
        singular = column[:-1] if column.endswith("s") else column
        out.insert(at, f"{singular}_codes", as_list.map(_codes))
        out.insert(at, f"{singular}_names", as_list.map(_names))
    return out


def plover_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Event mentions in the shape of PLOVER's JSON exchange records."""
    out = []
    for row in df.to_dict(orient="records"):
        actor = row["actors"][0] if row["actors"] else {}
        recipient = row["recipients"][0] if row["recipients"] else {}
        out.append(
            {
                "id": row["id"],
                "date": row.get("date"),
                "date_basis": row.get("date_basis") or "none",
                "event": row["type"],
                "mode": _plain(row.get("mode")) or "",
                "context": "",
                "actor": actor.get("name", ""),
                "actor_country": actor.get("country") or "",
                "actor_sector": actor.get("sector") or "",
                "recipient": recipient.get("name", ""),
                "recipient_country": recipient.get("country") or "",
                "recipient_sector": recipient.get("sector") or "",
                "actors": row["actors"],
                "recipients": row["recipients"],
                "quad": row["quad"],
                "status": row["status"],
                "attributed_to": row.get("attributed_to"),
                "source": {
                    "doc_id": row["doc_id"],
                    "doc_path": row.get("doc_path"),
                    "url": row.get("doc_url"),
                    "sentence": row["sentence"],
                    "start": row["start"],
                    "end": row["end"],
                },
                "extractor": row["extractor"],
                "confidence": row["confidence"],
                **plover_location(row),
            }
        )
    return [_plain(record) for record in out]


def plover_location(row: dict[str, Any]) -> dict[str, Any]:
    """PLOVER's location fields: the place's name, country, coordinates, and how it was found."""
    if not isinstance(row.get("location_name"), str):
        return {"location": "", "location_country": "", "geolocation": None}
    return {
        "location": row["location_name"],
        "location_country": _plain(row.get("location_country")) or "",
        "geolocation": {
            "name": row["location_name"],
            "kind": row.get("location_kind"),
            "country": _plain(row.get("location_country")),
            "lat": _plain(row.get("location_lat")),
            "lon": _plain(row.get("location_lon")),
            "precision": row.get("location_precision"),
            "basis": row.get("location_basis"),
            "place_id": row.get("location_place_id"),
            "evidence": {
                "start": row.get("location_start"),
                "end": row.get("location_end"),
                "text": row.get("location_text"),
            },
            "alternatives": row.get("location_alternatives") or [],
        },
    }


def write(df: pd.DataFrame, fmt: str, out: Path | None, stdout: IO[str]) -> None:
    """Write a frame; nested values become JSON text in CSV and Parquet.

    JSONL and PLOVER lines are strict JSON (missing values are null). CSV adds
    ``actor_names``/``actor_codes`` (and the same for recipients, attribution and
    speaker) as plain text beside the JSON columns.
    """
    if fmt == "plover":
        records = plover_records(df)
        if out is None:
            for record in records:
                stdout.write(strict_json(record) + "\n")
        else:
            with out.open("w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(strict_json(record) + "\n")
        return
    if fmt == "geojson":
        from dragoman.places.geojson import feature_collection

        text = json.dumps(feature_collection(df), ensure_ascii=False, default=str)
        if out is None:
            stdout.write(text + "\n")
        else:
            out.write_text(text + "\n", encoding="utf-8")
        return
    if fmt == "jsonl":
        if out is None:
            _write_jsonl(df, stdout)
        else:
            with out.open("w", encoding="utf-8") as handle:
                _write_jsonl(df, handle)
        return
    flat = flat_actor_columns(df) if fmt == "csv" else df.copy()
    for column in flat.columns:
        if flat[column].map(lambda v: isinstance(v, dict | list)).any():
            flat[column] = flat[column].map(
                lambda v: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
            )
    if fmt == "csv":
        if out is None:
            flat.to_csv(stdout, index=False)
        else:
            flat.to_csv(out, index=False)
        return
    if fmt == "parquet":
        if out is None:
            raise ValueError("--out FILE is required for parquet")
        flat.to_parquet(out, index=False)
        return
    raise ValueError(f"unknown format {fmt!r} (jsonl, csv, parquet, plover, geojson)")

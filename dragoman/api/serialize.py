"""DataFrames to JSON-ready records (NaN to null, timestamps to ISO text, JSON text decoded)."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

JSON_FIELDS = {
    "actors", "recipients", "actor_keys", "recipient_keys", "attributed_to", "mention_ids",
    "speaker", "targets", "members", "versions", "meta", "components", "location_alternatives",
}  # fmt: skip


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = json.loads(df.to_json(orient="records", date_format="iso", default_handler=str))
    for row in out:
        for key in JSON_FIELDS & row.keys():
            value = row[key]
            if isinstance(value, str) and value[:1] in "[{":
                try:
                    row[key] = json.loads(value)
                except json.JSONDecodeError:
                    pass
    return out


def page_of(df: pd.DataFrame, page: int, page_size: int) -> dict[str, Any]:
    start = (page - 1) * page_size
    return {
        "total": len(df),
        "page": page,
        "page_size": page_size,
        "items": records(df.iloc[start : start + page_size]),
    }

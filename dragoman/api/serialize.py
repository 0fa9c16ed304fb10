"""DataFrames to JSON-ready records (NaN to null, timestamps to ISO text, JSON text decoded)."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from dragoman.store.rows import from_json

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
                    row[key] = from_json(value)
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


def sort_frame(df: pd.DataFrame, sort: str | None) -> pd.DataFrame:
    """Rows ordered by one column (``date`` ascending, ``-date`` descending), missing values last.

    An unknown column leaves the order as it is: a table may offer a column that
    only some stores have. Text sorts without regard to case; lists and objects
    sort by their text.
    """
    if not sort:
        return df
    column, descending = (sort[1:], True) if sort.startswith("-") else (sort, False)
    if column not in df.columns or not len(df):
        return df

    def key(values: pd.Series) -> pd.Series:
        if pd.api.types.is_numeric_dtype(values):
            return values
        return values.map(lambda v: None if _missing(v) else str(v).lower())

    return df.sort_values(column, ascending=not descending, na_position="last", kind="stable", key=key)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)

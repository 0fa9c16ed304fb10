"""Decoding the store's JSON columns leniently where a row may hold malformed text."""

from __future__ import annotations

import json
from typing import Any

from dragoman.store.rows import from_json


def decoded(value: Any) -> Any:
    """A JSON column's value decoded, or kept as it is when it is not valid JSON."""
    try:
        return from_json(value)
    except json.JSONDecodeError:
        return value


def actor_list(value: Any) -> list[dict[str, Any]]:
    """Actors of a row as a list of dicts, whatever malformed JSON the column held."""
    found = decoded(value)
    if isinstance(found, dict):
        found = [found]
    if not isinstance(found, list):
        return []
    return [a for a in found if isinstance(a, dict)]

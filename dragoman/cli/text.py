"""Values for printing: a missing value (None, NaN, empty) is never shown as "nan"."""

from __future__ import annotations

from typing import Any


def present(value: Any) -> bool:
    """True for a value worth printing: not None, not NaN/NaT, not blank text."""
    if value is None:
        return False
    if isinstance(value, float) and value != value:
        return False
    if type(value).__name__ in {"NaTType", "NAType"}:
        return False
    return str(value).strip() != ""


def first_present(*values: Any) -> str:
    """The first printable value as text, or "" when there is none."""
    for value in values:
        if present(value):
            return str(value)
    return ""

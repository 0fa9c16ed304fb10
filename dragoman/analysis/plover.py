"""PLOVER types, their quad classes and the cooperation–conflict intensity used for scores.

The intensity is a Goldstein-like scale from -10 (most conflictual) to +10 (most
cooperative), one value per PLOVER type, taken from the Goldstein weights of the
CAMEO root codes that each PLOVER type replaced (docs/api.md lists them).
"""

from __future__ import annotations

from dragoman.events.ontology import QUAD_NAMES, TYPE_QUAD

__all__ = ["QUAD_NAMES", "TYPE_QUAD", "QUAD_KEYS", "INTENSITY"]

QUAD_KEYS: dict[int, str] = {
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}

INTENSITY: dict[str, float] = {
    "CONSULT": 1.0,
    "SUPPORT": 3.0,
    "AGREE": 4.0,
    "CONCEDE": 5.0,
    "RETREAT": 5.0,
    "COOPERATE": 6.0,
    "AID": 7.0,
    "REQUEST": -1.0,
    "ACCUSE": -2.0,
    "REJECT": -4.0,
    "SANCTION": -5.0,
    "THREATEN": -6.0,
    "PROTEST": -6.5,
    "MOBILIZE": -7.0,
    "COERCE": -7.0,
    "ASSAULT": -10.0,
}

TYPES: tuple[str, ...] = tuple(TYPE_QUAD)
STATUSES: tuple[str, ...] = ("asserted", "alleged", "denied", "hypothetical")
# Statuses counted in timelines and networks by default: a denied or hypothetical
# event is reported but did not (yet) happen.
COUNTED_STATUSES: tuple[str, ...] = ("asserted", "alleged")


def quad_of(event_type: str) -> int:
    """The quad class of a PLOVER type (ValueError for an unknown type)."""
    try:
        return TYPE_QUAD[event_type.upper()]
    except KeyError:
        raise ValueError(f"unknown PLOVER type {event_type!r}; one of {', '.join(TYPES)}") from None

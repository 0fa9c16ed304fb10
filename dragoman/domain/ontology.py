"""The PLOVER event ontology in one place: types, quad classes, statuses, modes, intensity,
and the PLV label map.  Every other module reads these names from here."""

from __future__ import annotations

from typing import Literal, get_args

from dragoman.domain.errors import UnknownEventType

Status = Literal["asserted", "alleged", "denied", "hypothetical"]
STATUSES: tuple[str, ...] = get_args(Status)
# Statuses counted in timelines and networks by default: a denied or hypothetical
# event is reported but did not (yet) happen.
COUNTED_STATUSES: tuple[str, ...] = ("asserted", "alleged")

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_KEYS: dict[int, str] = {
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}

TYPE_QUAD: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
TYPES: tuple[str, ...] = tuple(TYPE_QUAD)
# Types two parties do with each other: with no other target named, the parties named together
# ("X and Y agreed to ...", "talks between X and Y") are coded as a dyad, the first named as
# source and the others as targets, as PLOVER's dyadic records have them.
RECIPROCAL_TYPES: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Modes of a reciprocal type whose direction the text does tell: who travelled, hosted, called.
DIRECTED_MODES: frozenset[str] = frozenset({"visit", "host", "phone"})

# The PLOVER modes a type may carry; language data may name only these (tests/lexicon).
MODES: dict[str, tuple[str, ...]] = {
    "AID": ("economic", "military", "humanitarian", "cooperative"),
    "CONSULT": ("visit", "host", "meet", "phone", "mediate"),
    "AGREE": ("promise", "settle", "ceasefire", "treaty"),
    "SANCTION": ("discontinue", "expel", "embargo", "economic"),
    "ASSAULT": ("aerial", "firearms", "explosives", "invasion", "missile"),
    "THREATEN": ("military", "sanction", "ultimatum"),
    "REJECT": ("refuse", "veto"),
}

# Cooperation–conflict intensity, a Goldstein-like scale from -10 to +10: one value per
# type, from the Goldstein weights of the CAMEO root codes each PLOVER type replaced.
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

# PLV's root labels: YIELD stands for PLOVER's CONCEDE and RETREAT together.
PLV_TO_PLOVER: dict[str, tuple[str, ...]] = {**{t: (t,) for t in TYPES}, "YIELD": ("CONCEDE", "RETREAT")}
PLV_ROOT_QUAD: dict[str, int] = {**TYPE_QUAD, "YIELD": TYPE_QUAD["RETREAT"]}


def quad_of(event_type: str) -> int:
    """The quad class of a PLOVER type, in any case (UnknownEventType, a ValueError, otherwise)."""
    try:
        return TYPE_QUAD[event_type.upper()]
    except KeyError:
        raise UnknownEventType(f"unknown PLOVER type {event_type!r}; one of {', '.join(TYPES)}") from None


def is_mode_of(event_type: str, mode: str) -> bool:
    """True when PLOVER lets ``event_type`` carry ``mode``."""
    return mode in MODES.get(event_type, ())

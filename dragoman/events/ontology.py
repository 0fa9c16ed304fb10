"""The PLOVER event ontology: sixteen types in four quad classes, and their modes."""

from __future__ import annotations

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

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

MODES: dict[str, tuple[str, ...]] = {
    "AID": ("economic", "military", "humanitarian", "cooperative"),
    "CONSULT": ("visit", "host", "meet", "phone", "mediate"),
    "AGREE": ("promise", "settle", "ceasefire", "treaty"),
    "SANCTION": ("discontinue", "expel", "embargo", "economic"),
    "ASSAULT": ("aerial", "firearms", "explosives", "invasion", "missile"),
    "THREATEN": ("military", "sanction", "ultimatum"),
    "REJECT": ("refuse", "veto"),
}


def quad_of(event_type: str) -> int:
    return TYPE_QUAD[event_type]

"""The words that say where an event happened, read once from ``data/cues.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Cues:
    prepositions: dict[str, str]  # preposition -> precision
    phrases: dict[tuple[str, ...], str]  # words before the place -> precision
    not_places: frozenset[str]
    target_prepositions: frozenset[str]
    object_place_types: frozenset[str]
    object_place_kinds: frozenset[str]
    undergo_verbs: frozenset[str]
    undergo_prepositions: frozenset[str]
    travel_verbs: frozenset[str]
    travel_prepositions: frozenset[str]
    light_verbs: frozenset[str]
    destination_verbs: frozenset[str]
    destination_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    partner_prepositions: frozenset[str]
    partner_types: frozenset[str]
    event_subjects: frozenset[str]
    context_types: frozenset[str]
    journey_prepositions: frozenset[str]
    datelines: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    text = (resources.files("dragoman.places") / "data" / "cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return Cues(
        prepositions={str(k): str(v) for k, v in data["prepositions"].items()},
        phrases={tuple(str(k).split()): str(v) for k, v in data["phrases"].items()},
        not_places=frozenset(data["not_places"]),
        target_prepositions=frozenset(data["target_prepositions"]),
        object_place_types=frozenset(data["object_place_types"]),
        object_place_kinds=frozenset(data["object_place_kinds"]),
        undergo_verbs=frozenset(data["undergo"]["verbs"]),
        undergo_prepositions=frozenset(data["undergo"]["prepositions"]),
        travel_verbs=frozenset(data["travel"]["verbs"]),
        travel_prepositions=frozenset(data["travel"]["prepositions"]),
        light_verbs=frozenset(data["light_verbs"]),
        destination_verbs=frozenset(data["destination"]["verbs"]),
        destination_prepositions=frozenset(data["destination"]["prepositions"]),
        place_nouns=frozenset(data["place_nouns"]),
        partner_prepositions=frozenset(data["partner_prepositions"]),
        partner_types=frozenset(data["partner_types"]),
        event_subjects=frozenset(data["event_subjects"]),
        context_types=frozenset(data["context_types"]),
        journey_prepositions=frozenset(data["journey_prepositions"]),
        datelines=tuple(re.compile(p) for p in data["datelines"]),
    )

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
        datelines=tuple(re.compile(p) for p in data["datelines"]),
    )

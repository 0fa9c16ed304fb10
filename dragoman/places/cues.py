"""The words that say where an event happened, read from ``dragoman/lexicon/en/places.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dragoman.lexicon import active_overrides, load_lexicon


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


def load_cues() -> Cues:
    """The place words of the run (the packaged file and the ``--lexicon`` overrides)."""
    return _cues(active_overrides())


@lru_cache(maxsize=8)
def _cues(overrides: tuple[Path, ...]) -> Cues:
    words = load_lexicon(["places"], overrides)["places"]
    return Cues(
        prepositions=dict(words["prepositions"]),
        phrases={tuple(phrase.split()): precision for phrase, precision in words["phrases"].items()},
        not_places=words["not_places"],
        target_prepositions=words["target_prepositions"],
        object_place_types=words["object_place_types"],
        object_place_kinds=words["object_place_kinds"],
        undergo_verbs=words["undergo"]["verbs"],
        undergo_prepositions=words["undergo"]["prepositions"],
        travel_verbs=words["travel"]["verbs"],
        travel_prepositions=words["travel"]["prepositions"],
        light_verbs=words["light_verbs"],
        destination_verbs=words["destination"]["verbs"],
        destination_prepositions=words["destination"]["prepositions"],
        place_nouns=words["place_nouns"],
        partner_prepositions=words["partner_prepositions"],
        partner_types=words["partner_types"],
        event_subjects=words["event_subjects"],
        context_types=words["context_types"],
        journey_prepositions=words["journey_prepositions"],
        datelines=words["datelines"],
    )

"""The words that say where an event happened, read from ``dragoman/lexicon/en/places.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from dragoman.lexicon import active_overrides, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# How far up from a name to look for the preposition of place it sits under.
LOCATIVE_HOPS = 4
# Dependencies that keep a name inside the phrase of a preposition ("in the Baghdad slum of Sadr City").
LOCATIVE_DEPS = frozenset({"compound", "nmod", "amod", "pobj", "prep", "appos"})


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

    def is_locative(self, token: Token) -> bool:
        """A place named as where something is: the object of "in", "near", "outside" ..., or a
        name inside such an object ("in the Baghdad slum of Sadr City"), but not a partner named
        inside it ("talks in Oslo between Armenia and Azerbaijan"). Such a name says where, not
        who: the agents stage ranks it first, the learned coder makes it a forced doer only when
        the sentence names no one else."""
        for _ in range(LOCATIVE_HOPS):
            if token.dep_ == "pobj" and token.head.lower_ in self.prepositions:
                return True
            if token.dep_ == "pobj" and token.head.lower_ in self.partner_prepositions:
                return False  # "talks in Oslo between Armenia and ...", "in talks with the government"
            if token.dep_ not in LOCATIVE_DEPS or token.head is token:
                return False
            token = token.head
        return False


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

"""The words that introduce speech and name its channel, read from lexicon/en/quotes.yaml.

The extractor holds one ``QuoteWords``: the packaged file, plus the ``--lexicon`` overrides of a run.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dragoman.lexicon import load_lexicon


@dataclass(frozen=True)
class QuoteWords:
    """Each section of quotes.yaml as the extractor uses it."""

    cue_lemmas: Mapping[str, str | None]  # lemma -> the stance the verb itself takes (None: neutral)
    clause_only: frozenset[str]
    evidential: frozenset[str]
    object_not_speech: frozenset[str]
    object_speech: frozenset[str]
    object_prepositions: frozenset[str]
    topic_prepositions: frozenset[str]
    needs_particle: Mapping[str, tuple[str, ...]]
    naming_verbs: frozenset[str]
    as_verbs: frozenset[str]
    cue_surface: re.Pattern[str]
    noun_cues: frozenset[str]
    claim_nouns: frozenset[str]
    crowds: frozenset[str]
    definite_title: re.Pattern[str]
    medium_words: frozenset[str]
    carrier_verbs: frozenset[str]
    occasion_nouns: frozenset[str]
    headline_function_words: frozenset[str]


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def load_quote_words(overrides: Sequence[Path] = ()) -> QuoteWords:
    """quotes.yaml with the override files applied (one ``file:line`` error for a bad file)."""
    lexicon = load_lexicon(["quotes"], overrides)["quotes"]
    lemmas: dict[str, str | None] = {}
    for stance, verbs in lexicon["cues"].items():
        for verb in verbs:
            lemmas[verb] = None if stance == "neutral" else stance
    return QuoteWords(
        cue_lemmas=lemmas,
        clause_only=lexicon["clause_only"],
        evidential=lexicon["evidential"],
        object_not_speech=lexicon["object_not_speech"],
        object_speech=lexicon["object_speech"],
        object_prepositions=lexicon["object_prepositions"],
        topic_prepositions=lexicon["topic_prepositions"],
        needs_particle=lexicon["needs_particle"],
        naming_verbs=lexicon["naming_verbs"],
        as_verbs=lexicon["as_verbs"],
        cue_surface=re.compile(f"^(?:{_alternatives(lexicon['cue_forms'])})$"),
        noun_cues=lexicon["noun_cues"],
        claim_nouns=lexicon["claim_nouns"],
        crowds=lexicon["crowds"],
        # "the spokesman", "the minister" (one word may stand before the title: "the foreign minister").
        definite_title=re.compile(rf"^the (\w+ )?(?:{_alternatives(lexicon['definite_titles'])})$", re.I),
        medium_words=lexicon["medium_words"],
        carrier_verbs=lexicon["carrier_verbs"],
        occasion_nouns=lexicon["occasion_nouns"],
        headline_function_words=lexicon["headline_function_words"],
    )


@lru_cache(maxsize=1)
def packaged_words() -> QuoteWords:
    """The packaged quotes.yaml alone, read once."""
    return load_quote_words()

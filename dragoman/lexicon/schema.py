"""What each language-data file holds: its sections, their shapes and the vocabulary they
may name (PLOVER types, modes and statuses, stances), checked when a file is loaded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, get_args

from dragoman.domain.ontology import MODES, STATUSES, TYPES
from dragoman.domain.records import Stance

# The closed vocabularies a file may name, by kind.
VOCABULARY: dict[str, frozenset[str]] = {
    "type": frozenset(TYPES),
    "mode": frozenset(m for modes in MODES.values() for m in modes),
    "status": frozenset(STATUSES),
    "stance": frozenset(get_args(Stance)),
    "sector": frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "MED", "REB", "PTY", "BUS", "IGO"}),
}


class Invalid(Exception):
    """A value that does not fit its section; ``container[key]`` is where it is."""

    def __init__(self, reason: str, container: Any = None, key: str | int = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.container = container
        self.key = key


def _invalid(reason: str, container: Any = None, key: str | int = "") -> Invalid:
    return Invalid(reason, container, key)


@dataclass(frozen=True)
class Section:
    """A section's shape: ``words`` (a list of strings), ``map`` (string to string), ``pairs``
    (string to [label, vocabulary value]) or ``groups`` (vocabulary value to a list of strings).
    ``names`` is the vocabulary (a key of VOCABULARY) that values or group keys must belong to."""

    shape: str
    names: str | None = None
    ordered: bool = False  # keep the order (phrases matched in order); else a frozenset
    describe: str = field(default="", compare=False)

    def read(self, value: Any) -> Any:
        reader: Callable[[Any], Any] = getattr(self, f"_read_{self.shape}")
        return reader(value)

    def merge(self, base: Any, added: Any) -> Any:
        if self.shape == "words":
            return list(base) + [w for w in added if w not in base]
        if self.shape == "groups":
            return {
                k: list(base.get(k, [])) + [w for w in added.get(k, []) if w not in base.get(k, [])]
                for k in {**base, **added}
            }
        return {**base, **added}

    def freeze(self, value: Any) -> Any:
        if self.shape == "words":
            return tuple(value) if self.ordered else frozenset(value)
        if self.shape == "groups":
            return {k: tuple(v) for k, v in value.items()}
        if self.shape == "pairs":
            return {k: tuple(v) for k, v in value.items()}
        return dict(value)

    def _known(self, value: Any, container: Any, key: str | int) -> None:
        if self.names is not None and value not in VOCABULARY[self.names]:
            raise _invalid(f"{value!r} is not a known {self.names}", container, key)

    def _read_words(self, value: Any) -> list[str]:
        if not isinstance(value, list):
            raise _invalid("expected a list of words")
        for i, word in enumerate(value):
            if not isinstance(word, str) or not word:
                raise _invalid(f"item {i + 1} is not a word: {word!r}", value, i)
        return list(value)

    def _read_map(self, value: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            raise _invalid("expected a mapping")
        for key, item in value.items():
            if not isinstance(item, str):
                raise _invalid(f"{key!r}: expected a word, got {item!r}", value, key)
            self._known(item, value, key)
        return dict(value)

    def _read_pairs(self, value: Any) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            raise _invalid("expected a mapping")
        for key, item in value.items():
            if not (isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) for x in item)):
                raise _invalid(f"{key!r}: expected [label, {self.names or 'value'}], got {item!r}", value, key)
            self._known(item[1], value, key)
        return {k: list(v) for k, v in value.items()}

    def _read_groups(self, value: Any) -> dict[str, list[str]]:
        if not isinstance(value, dict):
            raise _invalid("expected a mapping of lists")
        for key, item in value.items():
            self._known(key, value, key)
            if not isinstance(item, list) or not all(isinstance(x, str) and x for x in item):
                raise _invalid(f"{key!r}: expected a list of words", value, key)
        return {k: list(v) for k, v in value.items()}


SCHEMAS: dict[str, dict[str, Section]] = {
    "titles": {
        "offices": Section("map"),
        "generic_titles": Section("pairs", names="sector"),
        "institutions": Section("pairs", names="sector"),
        "institution_phrases": Section("map"),
        "former": Section("words"),
        "posted_titles": Section("words"),
        "pronouns": Section("words"),
        "plural_refs": Section("words", ordered=True),
        "not_entities": Section("words"),
    },
    "stance": {
        "stances": Section("groups", names="stance"),
        "negation": Section("words", ordered=True),
    },
}

# The quotes stage's words (lexicon/en/quotes.yaml), read by dragoman/quotes/cues.py.
SCHEMAS["quotes"] = {
    "cues": Section("groups", names="stance"),
    "clause_only": Section("words"),
    "evidential": Section("words"),
    "object_not_speech": Section("words"),
    "object_speech": Section("words"),
    "object_prepositions": Section("words"),
    "topic_prepositions": Section("words"),
    "needs_particle": Section("groups"),
    "cue_forms": Section("words"),
    "noun_cues": Section("words"),
    "claim_nouns": Section("words"),
    "crowds": Section("words"),
    "definite_titles": Section("words"),
    "medium_words": Section("words"),
    "carrier_verbs": Section("words"),
    "occasion_nouns": Section("words"),
    "headline_function_words": Section("words"),
}

"""What each language-data file holds: its sections, their shapes and the vocabulary they
may name (PLOVER types, modes and statuses, stances), checked when a file is loaded."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, ConfigDict, Field, TypeAdapter, ValidationError

from dragoman.domain.ontology import MODES, STATUSES, TYPES, is_mode_of
from dragoman.domain.records import Stance

# The closed vocabularies a file may name, by kind.
VOCABULARY: dict[str, frozenset[str]] = {
    "type": frozenset(TYPES),
    "mode": frozenset(m for modes in MODES.values() for m in modes),
    "status": frozenset(STATUSES),
    "stance": frozenset(get_args(Stance)),
    "sector": frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "MED", "REB", "PTY", "BUS", "IGO", "CVL"}),
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
        "plural_person_refs": Section("words", ordered=True),
        "not_entities": Section("words"),
    },
    "agents": {
        "agents": Section("pairs", names="sector"),
        "institutions": Section("map"),
        "foreign_modifiers": Section("words"),
        "leanings": Section("words"),
        "deed_nouns": Section("words"),
    },
    "stance": {
        "stances": Section("groups", names="stance"),
        "negation": Section("words", ordered=True),
    },
}


# ----------------------------------------------------------------- sections with a pydantic type
class Typed(Section):
    """A section whose value is checked by a pydantic type (``kind``), for the richer files
    (trigger entries naming a PLOVER type and mode, date words, text patterns).

    An override merges into it deeply: mappings are updated key by key, lists extended.
    ``build`` turns the checked value into what the stage reads (a frozenset, compiled patterns).
    """

    def __init__(
        self, kind: Any, build: Callable[[Any], Any] | None = None, names: str | None = None, describe: str = ""
    ) -> None:
        super().__init__("typed", names, describe=describe)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "build", build)
        object.__setattr__(self, "adapter", TypeAdapter(kind, config=ConfigDict(strict=True)))

    kind: Any
    build: Callable[[Any], Any] | None
    adapter: TypeAdapter[Any]

    def read(self, value: Any) -> Any:
        try:
            return self.adapter.validate_python(value)
        except ValidationError as exc:
            error = exc.errors(include_url=False, include_input=False)[0]
            loc = tuple(error["loc"])
            container, key = _place(value, loc)
            path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc if p not in _UNION_BRANCHES)
            message = str(error["msg"]).removeprefix("Value error, ")
            raise _invalid(f"{path.lstrip('.') + ': ' if path else ''}{message}", container, key) from None

    def merge(self, base: Any, added: Any) -> Any:
        return _deep_merge(base, added)

    def freeze(self, value: Any) -> Any:
        return self.build(value) if self.build is not None else value


# What pydantic puts in an error's path besides keys and indices: the union branch it tried, a key's check.
_UNION_BRANCHES = frozenset({"str", "int", "list[...]", "none", "dict[str,...]", "[key]"})


def _place(value: Any, loc: tuple[int | str, ...]) -> tuple[Any, str | int]:
    """The innermost container on the path ``loc`` that knows its lines, and the key in it."""
    found: tuple[Any, str | int] = (None, "")
    node = value
    for key in loc:
        if isinstance(node, dict) and isinstance(key, str) and key in node:
            if hasattr(node, "lines"):
                found = (node, key)
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
            if hasattr(node, "lines"):
                found = (node, key)
            node = node[key]
        elif key in _UNION_BRANCHES:
            continue
        else:
            break
    return found


def _deep_merge(base: Any, added: Any) -> Any:
    if isinstance(base, dict) and isinstance(added, dict):
        return {**base, **{k: _deep_merge(base[k], v) if k in base else v for k, v in added.items()}}
    if isinstance(base, list) and isinstance(added, list):
        return list(base) + [item for item in added if item not in base]
    return added


def _known_type(value: str) -> str:
    if value not in TYPES:
        raise ValueError(f"{value!r} is not a PLOVER type")
    return value


def _type_and_mode(entry: list[str | None]) -> list[str | None]:
    event_type = _known_type(str(entry[0]))
    mode = entry[1] if len(entry) > 1 else None
    if mode is not None and not is_mode_of(event_type, mode):
        raise ValueError(f"{mode!r} is not a PLOVER mode of {event_type}")
    return [event_type, mode]


def _aid_mode(value: str) -> str:
    if not is_mode_of("AID", value):
        raise ValueError(f"{value!r} is not a PLOVER mode of AID")
    return value


def _pattern(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a regular expression: {exc}") from None
    return value


Word = Annotated[str, Field(min_length=1)]
Words = list[Word]
# A trigger word's event: [PLOVER type] or [PLOVER type, PLOVER mode of that type].
Trigger = Annotated[list[str | None], Field(min_length=1, max_length=2), AfterValidator(_type_and_mode)]
AidMode = Annotated[str, AfterValidator(_aid_mode)]
Pattern = Annotated[str, Field(min_length=1), AfterValidator(_pattern)]
# A text pattern and its kind: [kind, regular expression].
KindPattern = Annotated[list[Pattern], Field(min_length=2, max_length=2)]


def word_set(value: list[str]) -> frozenset[str]:
    return frozenset(value)


def triggers_of(value: dict[str, list[str | None]]) -> dict[str, tuple[str, str | None]]:
    return {word: (str(entry[0]), entry[1]) for word, entry in value.items()}


def word_groups(value: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(words) for key, words in value.items()}


def kind_patterns(value: list[list[str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Case-folded patterns, in order (the first that matches a line names its kind)."""
    return tuple((kind, re.compile(pattern, re.I)) for kind, pattern in value)


def _words(describe: str = "") -> Typed:
    return Typed(Words, word_set, describe=describe)


PloverType = Annotated[str, AfterValidator(_known_type)]
SCHEMAS["triggers"] = {
    "verbs": Typed(dict[Word, Trigger], triggers_of, names="type"),
    "nouns": Typed(dict[Word, Trigger], triggers_of, names="type"),
    "aid_goods": Typed(dict[AidMode, Words], word_groups, names="mode"),
    "light_verbs": _words(),
    "deny": _words(),
    "needs_partner": _words(),
    "object_control": _words(),
    "recipient_preps": _words(),
    "nested_recipient_preps": _words(),
    "visit_preps": _words(),
    "visit_verbs": _words(),
    "promise_verbs": _words(),
    "request_particles": _words(),
    "phone_words": _words(),
    "phone_preps": _words(),
    "exchange_verbs": _words(),
    "intransitive_only": _words(),
    "gathering_verbs": _words(),
    "protesters": _words(),
    "firing_verbs": _words(),
    "halting_modifiers": _words(),
    "relational_nouns": _words(),
    "guest_verbs": _words(),
    "guest_nouns": _words(),
    "standing_prepositions": _words(),
    "experiencer_verbs": _words(),
    "author_prepositions": _words(),
    "aimed_prepositions": _words(),
    "opposed_prepositions": _words(),
    "reason_prepositions": _words(),
    "aiming_verbs": _words(),
    "approving_guest_verbs": _words(),
    "leading_participles": _words(),
    "making_participles": _words(),
    "freeing_verbs": _words(),
    "receiving_verbs": _words(),
    "receiving_nouns": _words(),
    "giver_prepositions": _words(),
    "undergone_nouns": _words(),
    "holding_participles": _words(),
    "freed_nouns": _words(),
    "quantity_nouns": _words(),
    "using_verbs": _words(),
    "using_target_prepositions": _words(),
    "firing_target_prepositions": _words(),
    "travel_verbs": _words(),
    "occasion_prepositions": _words(),
    "stance_types": Typed(list[PloverType], word_set, names="type"),
}
# The date words keep their YAML shapes: events/dates.py reads them as mappings and lists.
_Number = int | str
SCHEMAS["dates"] = {
    "months": Typed(dict[Word, int]),
    "ambiguous_months": Typed(Words),
    "weekdays": Typed(dict[Word, int]),
    "ambiguous_weekdays": Typed(Words),
    "seasons": Typed(dict[Word, Annotated[list[_Number], Field(min_length=3, max_length=3)]]),
    "parts": Typed(dict[Word, Annotated[list[int], Field(min_length=2, max_length=2)]]),
    "halves": Typed(dict[Word, Word]),
    "quarters": Typed(dict[Word, Word]),
    "ordinals": Typed(dict[Word, int]),
    "numbers": Typed(dict[Word, _Number]),
    "units": Typed(dict[Word, Word]),
    "day_words": Typed(dict[Word, int]),
    "day_parts": Typed(dict[Word, Word]),
    "shifts": Typed(dict[Word, int]),
    "within": Typed(Words),
    "vague": Typed(dict[Word, Word]),
    "year_words": Typed(dict[Word, dict[Word, int]]),
    "last_night": Typed(Words),
    "since": Typed(Words),
    "target": Typed(Words),
    "range_starts": Typed(Words),
    "range_joins": Typed(Words),
    "future_cues": Typed(Words),
    "not_year_after": Typed(Words),
    "background_cues": Typed(Words),
    "agencies": Typed(Words),
    "temporal_links": Typed(Words),
    "occasion_links": Typed(Words),
    "ongoing_nouns": Typed(Words),
    "occurrence_verbs": Typed(Words),
    "past_perfect_auxiliaries": Typed(Words),
    "past_auxiliaries": Typed(Words),
    "setting_relatives": Typed(Words),
    "definite_determiners": Typed(Words),
}
SCHEMAS["status"] = {
    name: _words()
    for name in (
        "allege_adverbs",
        "allege_modifiers",
        "allege_verbs",
        "allege_nouns",
        "alleging_sayers",
        "saying_verbs",
        "deny_verbs",
        "refusal_verbs",
        "dismissal_words",
        "modals",
        "hypothetical_modifiers",
        "hypothetical_predicates",
        "future",
        "conditions",
        "concessive_before_condition",
        "intention_verbs",
        "intention_nouns",
        "intention_adjectives",
        "hearsay_verbs",
        "requesting_verbs",
        "obligation_modals",
        "accusing_verbs",
        "accusing_prepositions",
        "blaming_verbs",
        "blaming_prepositions",
        "convicting_verbs",
        "verdict_words",
        "convicting_prepositions",
        "responsibility_nouns",
        "responsibility_prepositions",
        "responsibility_adjectives",
        "authorship_nouns",
        "news_outlets",
        "crediting_verbs",
    )
}
SCHEMAS["syntax"] = {
    "cancelling": _words(),
    "cancelling_nouns": _words(),
    "excluding": _words(),
    "complement_nouns": _words(),
    "comment_verbs": _words(),
    "subject_sharing_prepositions": _words(),
}
SCHEMAS["names"] = {
    "location_preps": _words(),
    "possessive": _words(),
    "owner_words": _words(),
    "owner_nouns": _words(),
    "honorifics": _words(),
    "two_word_portfolios": _words(),
}
SCHEMAS["references"] = {
    name: _words()
    for name in (
        "person_pronouns",
        "group_pronouns",
        "expletive_pronouns",
        "person_nouns",
        "institution_nouns",
        "state_nouns",
        "pair_nouns",
        "pair_words",
        "speech_verbs",
        "female_words",
        "male_words",
        "female_pronouns",
        "male_pronouns",
        "first_person",
    )
}
SCHEMAS["furniture"] = {
    "lines": Typed(list[KindPattern], kind_patterns),
    "tail_markers": Typed(list[KindPattern], kind_patterns),
}


def _precision(value: str) -> str:
    if value not in PLACE_PRECISIONS:
        raise ValueError(f"{value!r} is not a place precision; one of {', '.join(PLACE_PRECISIONS)}")
    return value


def _case_sensitive(value: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in value)


def _verbs_and_prepositions(value: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(words) for key, words in value.items()}


# How exactly a cue places an event: at the place, beside it, somewhere across it.
PLACE_PRECISIONS = ("exact", "near", "area")
Precision = Annotated[str, AfterValidator(_precision)]
SCHEMAS["places"] = {
    "prepositions": Typed(dict[Word, Precision]),
    "phrases": Typed(dict[Word, Precision]),
    "target_prepositions": _words(),
    "not_places": _words(),
    "object_place_types": Typed(list[PloverType], word_set, names="type"),
    "object_place_kinds": _words(),
    "undergo": Typed(dict[Literal["verbs", "prepositions"], Words], _verbs_and_prepositions),
    "travel": Typed(dict[Literal["verbs", "prepositions"], Words], _verbs_and_prepositions),
    "light_verbs": _words(),
    "destination": Typed(dict[Literal["verbs", "prepositions"], Words], _verbs_and_prepositions),
    "place_nouns": _words(),
    "partner_prepositions": _words(),
    "partner_types": Typed(list[PloverType], word_set, names="type"),
    "event_subjects": _words(),
    "context_types": Typed(list[PloverType], word_set, names="type"),
    "journey_prepositions": _words(),
    "datelines": Typed(list[Pattern], _case_sensitive),
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
    "naming_verbs": Section("words"),
    "as_verbs": Section("words"),
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

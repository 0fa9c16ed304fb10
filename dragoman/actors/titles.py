"""Title and institution words, read from ``dragoman/lexicon/en/titles.yaml``.

The words are language data; which state a title implies on its own ("chancellor" →
DEU) is an actor fact, in the knowledge base (``title_scopes`` in actors/data/roles.yaml).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from dragoman.lexicon import load_lexicon


@dataclass(frozen=True)
class Titles:
    """The title grammar the resolver matches: phrases and the words around them."""

    offices: dict[str, str]  # title phrase (lower case) -> office key
    generic_titles: dict[str, tuple[str, str]]  # phrase -> (role label, sector)
    institutions: dict[str, tuple[str, str]]  # institution key -> (label, sector)
    institution_phrases: dict[str, str]  # phrase -> institution key
    former: frozenset[str]  # "then-Ambassador", "former foreign minister"
    posted_titles: frozenset[str]  # "ambassador to Moscow"
    pronouns: frozenset[str]
    plural_refs: tuple[str, ...]  # "the two countries"
    plural_person_refs: tuple[str, ...]  # "the two ministers"
    not_entities: frozenset[str]  # what the NER takes for organisations but is no actor

    @classmethod
    def load(cls, overrides: Sequence[Path] = ()) -> Titles:
        words = load_lexicon(["titles"], overrides)["titles"]
        return cls(**{name: words[name] for name in cls.__dataclass_fields__})


DEFAULT = Titles.load()
# The packaged words under their former names.
INSTITUTIONS = DEFAULT.institutions

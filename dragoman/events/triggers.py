"""Words that report events, by PLOVER type: read from ``dragoman/lexicon/en/triggers.yaml``.

``triggers.VERBS``, ``triggers.NOUNS`` and the other upper-case names are the sections of
that file (``verbs``, ``nouns``, ...) with the run's ``--lexicon`` overrides applied.
"""

from __future__ import annotations

from typing import Any

from dragoman.lexicon import lexicon_file
from dragoman.lexicon.schema import SCHEMAS

FILE = "triggers"


def __getattr__(name: str) -> Any:
    """``VERBS`` is the ``verbs`` section of the run's trigger words, and so on."""
    try:
        return lexicon_file(FILE).sections[_SECTIONS[name]]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


_SECTIONS = {section.upper(): section for section in SCHEMAS[FILE]}

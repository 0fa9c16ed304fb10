"""Words that report events, by PLOVER type: read from ``dragoman/lexicon/en/triggers.yaml``.

``triggers.VERBS``, ``triggers.NOUNS`` and the other upper-case names are the sections of
that file (``verbs``, ``nouns``, ...) with the run's ``--lexicon`` overrides applied.
"""

from __future__ import annotations

from typing import Any

from dragoman.lexicon import lexicon_file

FILE = "triggers"


def __getattr__(name: str) -> Any:
    """``VERBS`` is the ``verbs`` section of the run's trigger words, and so on."""
    section = name.lower()
    words = lexicon_file(FILE)
    if name.isupper() and section in words.sections:
        return words[section]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

"""Which language a document is written in, so that text the English extractors cannot read
is stored and flagged instead of yielding nothing without a word.

lingua detects the language from character n-grams. The detector knows only a handful of
languages (those a collection on international affairs most often holds besides English)
and uses its low-accuracy mode: trigram models, about 25 MB, a millisecond a document.
That mode is unreliable on a line or two, so a short text is left undetermined and
processed as English, as it was before detection existed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

ENGLISH = "en"
# Fewer letters than this and the detector guesses: "Iran met Russia." reads as 37% English.
MIN_LETTERS = 120
# Below this confidence a document is not flagged (code-switched or very short text).
MIN_CONFIDENCE = 0.6
# The start of a document is enough to tell its language; a long one costs no more.
SAMPLE_CHARS = 4000
LANGUAGES = (
    "ENGLISH",
    "FRENCH",
    "GERMAN",
    "SPANISH",
    "RUSSIAN",
    "UKRAINIAN",
    "ARABIC",
    "PERSIAN",
    "TURKISH",
    "CHINESE",
)


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short or too mixed to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(1 for c in sample if c.isalpha()) < MIN_LETTERS:
        return None
    values = _detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return str(values[0].language.iso_code_639_1.name).lower()


def is_english(language: str | None) -> bool:
    """True for English and for text whose language could not be told (processed as before)."""
    return language is None or language == ENGLISH

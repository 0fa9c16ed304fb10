"""Language data as versioned, validated files: ``dragoman/lexicon/<language>/*.yaml``.

The algorithms live in the stage packages; the words they look for live here, as spaCy
keeps ``spacy/lang/en/`` apart from its components.  ``load_lexicon`` reads a packaged
file, applies the user's ``--lexicon`` override files in order, and checks every section
against the file's schema and the PLOVER ontology; a bad file is one ``file:line`` error.
"""

from dragoman.lexicon.loader import (
    LEXICON_FILES,
    Lexicon,
    LexiconFile,
    OverridePart,
    active_overrides,
    lexicon_file,
    lexicon_paths,
    lexicon_sources,
    load_lexicon,
    use_overrides,
)

__all__ = [
    "LEXICON_FILES",
    "Lexicon",
    "LexiconFile",
    "OverridePart",
    "active_overrides",
    "lexicon_file",
    "load_lexicon",
    "lexicon_paths",
    "lexicon_sources",
    "use_overrides",
]

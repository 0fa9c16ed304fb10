"""The parse as every stage reads it: spaCy's, with the project's corrections laid over it
(entities cut at a spaced dash, a headline's bare passives read as passives, and in running text
those followed by a noun of state ("cooks held hostage in Yemen landed ..."), a subject misread as the apposition of a
fronted phrase given back to its verb). The parse stage
and the evaluations that parse on their own both go through ``corrected``.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dragoman.nlp import complements, entities, headlines, subjects

VERSION = (
    f"headlines{headlines.VERSION}-entities{entities.VERSION}-subjects{subjects.VERSION}"
    f"-complements{complements.VERSION}"
)


def corrected(doc: Doc) -> Doc:
    """The corrections, in place."""
    doc = headlines.mark_headline_passives(entities.split_at_spaced_dashes(doc))
    return subjects.restore_fronted_subjects(complements.mark_complement_passives(doc))

"""Entities the recogniser runs across a spaced dash: "Reuters - China", "AFP - Sudanese",
"NEW YORK - Investors". A dash with spaces on both sides separates a wire credit or a
dateline from the story, never two words of one name ("Guinea-Bissau" has none), so such an
entity is cut at the dash into the names on either side, each keeping the label.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

VERSION = "1.0"
# A dash token as the parser splits it: hyphen, double hyphen, en and em dash (also what closes a
# wire dateline, "KYIV, May 2 -").
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def split_at_spaced_dashes(doc: Doc) -> Doc:
    """Cut each entity at the spaced dashes inside it (in place)."""
    if not any(_spaced_dash(doc, i) for e in doc.ents for i in range(e.start + 1, e.end)):
        return doc
    entities: list[Span] = []
    for entity in doc.ents:
        start = entity.start
        for i in range(entity.start + 1, entity.end):
            if _spaced_dash(doc, i):
                entities += _part(doc, start, i, entity.label_)
                start = i + 1
        entities += _part(doc, start, entity.end, entity.label_)
    doc.set_ents(entities, default="outside")
    return doc


def _spaced_dash(doc: Doc, i: int) -> bool:
    return doc[i].text in DASHES and bool(doc[i].whitespace_) and bool(doc[i - 1].whitespace_)


def _part(doc: Doc, start: int, end: int, label: str) -> list[Span]:
    """The words from start to end as an entity, if any are words."""
    while start < end and not doc[start].is_alpha and not doc[start].is_digit:
        start += 1
    return [Span(doc, start, end, label=label)] if start < end else []

"""Words whose speaker stands beside them, with no verb of saying: the turns of a transcript
("LAVROV: We have said this many times.") and signed quotes ("“...” ― Maria Zakharova", an
embedded post "... — Name (@handle) date").

Only the layout is read here; whether the label or the signature names someone is for the
extractor, which knows the document's mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.domain.ranges import trimmed

# A paragraph opening with a speaker's label in capitals, or a short capitalised name, and a colon;
# a quotation mark may open the paragraph (a transcript quoted whole).
TURN = re.compile(
    r"^[ \t]*[\"“]?(?P<label>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3}):[ \t]+(?P<content>\S[^\n]*?)[ \t]*$",
    re.M,
)
# A dash and a name closing a line: after a closing quotation mark, or with the account's handle.
SIGNATURE = re.compile(
    r"(?P<mark>[”\"]?)[ \t]*[\u2015\u2014\u2013][ \t]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,4})"
    r"(?P<handle>[ \t]*\(@\w+\))?[^\n]{0,25}?[ \t.]*$",
    re.M,
)
TRIM = " \t\"“”'‘’"
CLOSING = '”"'


@dataclass(frozen=True)
class Turn:
    """A speaker's label or signature and the words it stands for, as offsets into the text."""

    label: tuple[int, int]
    content: tuple[int, int]
    capitals: bool  # the label is set in capitals, as transcripts set speakers


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    return trimmed(text, start, end, TRIM)


def transcript_turns(text: str) -> list[Turn]:
    """Each paragraph that opens with "LABEL:" and goes on with at least three words."""
    turns = []
    for match in TURN.finditer(text):
        label = match.group("label")
        content = _trimmed(text, *match.span("content"))
        if len(text[content[0] : content[1]].split()) < 3:
            continue
        capitals = label.upper() == label and any(c.isalpha() for c in label)
        turns.append(Turn(match.span("label"), content, capitals))
    return turns


def signed_quotes(text: str) -> list[Turn]:
    """Quoted words, or a post, signed by a dash and a name at the end of the line.

    The words are those of the line before the dash, or of the line above when the signature
    stands on a line of its own.
    """
    signed = []
    for match in SIGNATURE.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        start, end = _trimmed(text, line_start, match.start())
        closed = bool(match.group("mark"))
        if start == end and line_start > 1:
            above_end = len(text[: line_start - 1].rstrip())
            above_start = text.rfind("\n", 0, above_end) + 1
            closed = text[above_end - 1 : above_end] in CLOSING
            start, end = _trimmed(text, above_start, above_end)
        if not closed and not match.group("handle"):
            continue  # a dash before a name in running prose is no signature
        if len(text[start:end].split()) < 3:
            continue
        signed.append(Turn(match.span("name"), (start, end), False))
    return signed

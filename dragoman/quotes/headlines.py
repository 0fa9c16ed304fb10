"""Headline attributions: "Iran: talks are over", "Talks are over -- state TV", and a headline
that restates what the lead attributes to someone ("X brokers truce" over "X's envoy said X
had brokered a truce")."""

from __future__ import annotations

import re

from dragoman.domain.records import Document, Sentence, Statement
from dragoman.nlp.headlines import headline_end
from dragoman.quotes.cues import packaged_words

# "SPEAKER: content" (a short name before a colon) and "content -- SPEAKER" (a dash before a name).
LABEL_FIRST = re.compile(r"^(?P<speaker>[^:\n]{2,40}?):\s+(?P<content>\S.{5,})$")
LABEL_LAST = re.compile(r"^(?P<content>.{6,}?)\s+(?:--|\u2014|\u2013|-)\s+(?P<speaker>[^-\n]{2,40})$")
SOURCE_TAG = re.compile(r"\s*\((?:[A-Z][\w.]*\s?){1,3}\)\s*$")  # "(Reuters)" at the end: the wire, not a speaker
WORD = re.compile(r"[A-Za-z]{3,}")
STEM = 5
RESTATED = 0.6


def headline_of(document: Document, sentences: list[Sentence]) -> Sentence | None:
    """The first line when it stands alone as a headline (nlp/headlines.py) and is one sentence."""
    first_line_end = headline_end(document.text)
    if first_line_end is None:
        return None
    inside = [s for s in sentences if s.end <= first_line_end + 1 and not s.furniture]
    return inside[0] if len(inside) == 1 else None


def labelled(headline: Sentence) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(speaker span, content span) of a labelled headline, as document offsets."""
    text = SOURCE_TAG.sub("", headline.text)
    for pattern in (LABEL_FIRST, LABEL_LAST):
        match = pattern.match(text)
        if match and len(match.group("speaker").split()) <= 5 and match.group("speaker")[:1].isupper():
            base = headline.start
            return (base + match.start("speaker"), base + match.end("speaker")), (
                base + match.start("content"),
                base + match.end("content"),
            )
    return None


def _stems(text: str) -> set[str]:
    function_words = packaged_words().headline_function_words
    return {w.lower()[:STEM] for w in WORD.findall(text) if w.lower() not in function_words}


def restated(headline: Sentence, statements: list[Statement]) -> Statement | None:
    """The lead's statement the headline restates: most of the headline's words are in its content."""
    words = _stems(SOURCE_TAG.sub("", headline.text))
    if len(words) < 2:
        return None
    for statement in sorted(statements, key=lambda s: s.start)[:2]:
        if statement.start <= headline.end:
            continue
        shared = words & _stems(statement.content)
        if len(shared) / len(words) >= RESTATED:
            return statement
    return None

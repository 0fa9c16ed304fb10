"""Quoted passages by their quotation marks, with quotes that run on over paragraphs grouped.

By the printers' convention a quote that goes on into the next paragraph leaves its paragraph
without a closing mark and opens the next one again; every piece of such a run belongs to one
quote and so to one speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Quoted passages within one paragraph: curly pairs, straight double quotes, or the two single
# quotes some printers set for a double one (''...'').
QUOTE = re.compile(r"“([^”\n]{2,1500})”|\"([^\"\n]{2,1500})\"|''((?:(?!'')[^\n]){2,1500})''")
OPENING = '“"'
TRIM = " \t\r"


@dataclass(frozen=True)
class QuoteSpan:
    """The words between the marks (offsets into the text) and the run of pieces it belongs to."""

    start: int
    end: int
    group: int


def _inside(match: re.Match[str], offset: int) -> tuple[int, int]:
    """The quoted words of a match (whichever pair of marks), as offsets into the text."""
    group = next(g for g in (1, 2, 3) if match.group(g) is not None)
    return offset + match.start(group), offset + match.end(group)


def _unclosed(paragraph: str) -> int | None:
    """Where the paragraph's last quote opens with no close after it, if it does."""
    at: int | None = None
    straight_open = False
    for index, char in enumerate(paragraph):
        if char == "“":
            at = index
        elif char == "”":
            at = None
        elif char == '"':
            straight_open = not straight_open
            at = index if straight_open else None
    return at


def quote_spans(text: str) -> list[QuoteSpan]:
    """Closed quotes of each paragraph, and the pieces of quotes running on across paragraphs."""
    spans: list[QuoteSpan] = []
    group = 0
    running: int | None = None  # the group of a quote left open at the end of the last paragraph
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        if not line.strip():
            continue
        opens_again = line.lstrip(TRIM)[:1] in OPENING
        closed = [_inside(m, start) for m in QUOTE.finditer(line)]
        for index, (a, b) in enumerate(closed):
            continues = (
                index == 0 and running is not None and opens_again and a - start <= len(line) - len(line.lstrip()) + 1
            )
            spans.append(QuoteSpan(a, b, running if continues and running is not None else group))
            if not continues:
                group += 1
        unclosed = _unclosed(line)
        if unclosed is not None:
            piece_start = start + unclosed + 1
            piece_end = end - (len(line) - len(line.rstrip(TRIM)))
            if piece_end - piece_start >= 2:
                continues = running is not None and opens_again and not closed
                if continues and running is not None:
                    spans.append(QuoteSpan(piece_start, piece_end, running))
                else:
                    spans.append(QuoteSpan(piece_start, piece_end, group))
                    running = group
                    group += 1
                continue
        running = None
    return sorted(spans, key=lambda q: q.start)

"""Page furniture in scraped plain text: what a page shows around the article.

Social and share buttons, menus and breadcrumbs, photo credits and captions,
newsletter boxes, author bios, "related" teaser lists and pull quotes are
marked (never deleted) so that no later stage reports them as content. The patterns are
in ``dragoman/lexicon/en/furniture.yaml`` (``--lexicon`` overrides apply).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dragoman.lexicon import lexicon_file

Range = tuple[int, int, str]
Patterns = tuple[tuple[str, re.Pattern[str]], ...]


def line_patterns() -> Patterns:
    """(kind, pattern) of one furniture line, in order: dragoman/lexicon/en/furniture.yaml, ``lines``."""
    patterns: Patterns = lexicon_file("furniture")["lines"]
    return patterns


def tail_markers() -> Patterns:
    """Headers after which the rest of the page is other content (teasers, bios, links)."""
    patterns: Patterns = lexicon_file("furniture")["tail_markers"]
    return patterns


# Consecutive short lines that make a list of other articles.
TEASER_RUN = 8
# A tail marker only counts once this share of the text lies before it.
TAIL_MIN_POSITION = 0.4


@dataclass
class Block:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[Block]:
    blocks, cursor = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            blocks.append(Block(cursor + lead, cursor + lead + len(stripped), stripped))
        cursor += len(line) + 1
    return blocks


def _words(text: str) -> int:
    return len(text.split())


def _line_kind(text: str) -> str | None:
    for kind, pattern in line_patterns():
        if pattern.search(text):
            if kind == "newsletter" and _words(text) > 25:
                continue  # a body sentence about a newsletter, not a sign-up box
            if kind == "caption" and _words(text) > 40:
                continue
            return kind
    return None


def _pull_quotes(text: str, lines: list[Block]) -> list[Range]:
    """A paragraph that repeats, word for word, a passage of the body is a pull quote."""
    marked: list[Range] = []
    for block in lines:
        if _words(block.text) < 8:
            continue
        probe = block.text.strip("*_“”\"' ")
        first = text.find(probe)
        if first != -1 and text.find(probe, first + 1) != -1 and first != block.start:
            marked.append((block.start, block.end, "pullquote"))
    return marked


def mark_furniture(text: str) -> list[Range]:
    """Furniture ranges (start, end, kind) in the text, sorted and non-overlapping."""
    lines = _lines(text)
    if not lines:
        return []
    ranges: list[Range] = []
    tail_start: int | None = None
    for block in lines:
        if tail_start is None and block.start >= TAIL_MIN_POSITION * len(text):
            for kind, pattern in tail_markers():
                if pattern.search(block.text):
                    tail_start = block.start
                    ranges.append((block.start, len(text.rstrip()), kind))
                    break
        if tail_start is not None:
            break
        line_kind = _line_kind(block.text)
        if line_kind is not None:
            ranges.append((block.start, block.end, line_kind))
    ranges.extend(r for r in _pull_quotes(text, lines) if tail_start is None or r[0] < tail_start)
    ranges.extend(_between_separators(lines))
    ranges.extend(_teaser_runs(lines, tail_start))
    return _merge(ranges)


def _between_separators(lines: list[Block]) -> list[Range]:
    """One short paragraph set between two rules (---) is a pull quote or a box, not body."""
    marked: list[Range] = []
    rules = [pattern for kind, pattern in line_patterns() if kind == "separator"]
    for before, inside, after in zip(lines, lines[1:], lines[2:], strict=False):
        if all(any(r.match(b.text) for r in rules) for b in (before, after)) and _words(inside.text) <= 80:
            marked.append((inside.start, inside.end, "pullquote"))
    return marked


def _teaser_runs(lines: list[Block], tail_start: int | None) -> list[Range]:
    """Runs of short headline-like lines with dates or section labels: lists of other articles."""
    marked: list[Range] = []
    run: list[Block] = []

    def flush() -> None:
        if len(run) >= TEASER_RUN and run[0] is not lines[0]:
            marked.append((run[0].start, run[-1].end, "related"))
        run.clear()

    for block in lines:
        if tail_start is not None and block.start >= tail_start:
            break
        short = _words(block.text) <= 18 and not block.text.endswith((".", "”", '"'))
        teaser = block.text.endswith(("...", "…")) and _words(block.text) <= 40
        if short or teaser:
            run.append(block)
        else:
            flush()
    flush()
    return marked


def _merge(ranges: list[Range]) -> list[Range]:
    merged: list[Range] = []
    for start, end, kind in sorted(ranges):
        if merged and start <= merged[-1][1]:
            previous = merged[-1]
            merged[-1] = (previous[0], max(previous[1], end), previous[2])
        else:
            merged.append((start, end, kind))
    return merged

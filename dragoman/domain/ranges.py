"""Character ranges of a document found by position in log time.

A long document has thousands of quotations and named mentions; scanning them all for each
sentence, mention or event made extraction grow with the square of the document's length.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Ranges:
    """(start, end) character ranges, sorted, with the longest's length to bound a search."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]
        self.longest = max((b - a for a, b in self.ranges), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that share a character with [start, end), in order."""
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_left(self.starts, end)
        return [(a, b) for a, b in self.ranges[low:high] if b > start]

    def holding(self, start: int, end: int) -> list[tuple[int, int]]:
        """The ranges that contain all of [start, end), in order."""
        return [(a, b) for a, b in self.overlapping(start, max(end, start + 1)) if a <= start and end <= b]

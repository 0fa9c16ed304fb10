"""Character ranges of a document found by position in log time.

A long document has thousands of quotations and named mentions; scanning them all for each
sentence, mention or event made extraction grow with the square of the document's length.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


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


class Spans(Generic[T]):
    """Items with a character span, found by position in log time and returned in the order
    they were given (where the first found wins, as for a speaker or a statement's targets)."""

    def __init__(self, items: Iterable[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = list(items)
        self.spans = [span(item) for item in self.items]
        self.order = sorted(range(len(self.items)), key=lambda i: self.spans[i])
        self.starts = [self.spans[i][0] for i in self.order]
        self.longest = max((b - a for a, b in self.spans), default=0)

    def inside(self, start: int, end: int) -> list[T]:
        """The items whose span lies within [start, end), in the given order."""
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return self._in_order(i for i in self.order[low:high] if self.spans[i][1] <= end)

    def holding(self, start: int, end: int) -> list[T]:
        """The items whose span contains all of [start, end), in the given order."""
        low = bisect.bisect_left(self.starts, start - self.longest)
        high = bisect.bisect_right(self.starts, start)
        return self._in_order(i for i in self.order[low:high] if end <= self.spans[i][1])

    def _in_order(self, indexes: Iterable[int]) -> list[T]:
        return [self.items[i] for i in sorted(indexes)]


def trimmed(text: str, start: int, end: int, leading: str, trailing: str | None = None) -> tuple[int, int]:
    """``start``-``end`` of ``text`` without the ``leading`` characters at its start and the
    ``trailing`` ones (the same when not given) at its end."""
    trailing = leading if trailing is None else trailing
    while start < end and text[start] in leading:
        start += 1
    while end > start and text[end - 1] in trailing:
        end -= 1
    return start, end

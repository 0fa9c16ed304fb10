"""Character ranges found by position: the same answers as scanning every range."""

from __future__ import annotations

import pickle

from dragoman.domain.ranges import Ranges, Spans, trimmed
from dragoman.domain.records import Document

QUOTES = [(40, 90), (0, 10), (12, 20), (95, 300), (100, 120)]


def test_overlapping_ranges_are_those_sharing_a_character_in_order() -> None:
    ranges = Ranges(QUOTES)
    assert ranges.overlapping(15, 45) == [(12, 20), (40, 90)]
    assert ranges.overlapping(10, 12) == []
    assert ranges.overlapping(110, 111) == [(95, 300), (100, 120)]
    assert ranges.overlapping(299, 400) == [(95, 300)]


def test_holding_ranges_contain_the_whole_span() -> None:
    ranges = Ranges(QUOTES)
    assert ranges.holding(100, 120) == [(95, 300), (100, 120)]
    assert ranges.holding(85, 96) == []
    assert ranges.holding(5, 5) == [(0, 10)]


def test_every_answer_equals_a_scan_of_all_ranges() -> None:
    ranges = Ranges(QUOTES)
    for start in range(0, 310, 3):
        for end in range(start + 1, 320, 7):
            assert ranges.overlapping(start, end) == sorted((a, b) for a, b in QUOTES if a < end and start < b)
            assert ranges.holding(start, end) == sorted((a, b) for a, b in QUOTES if a <= start and end <= b)


def test_no_ranges_hold_nothing() -> None:
    assert Ranges([]).overlapping(0, 100) == [] and Ranges([]).holding(3, 4) == []


def test_a_span_is_furniture_when_mostly_covered_and_the_index_follows_the_list() -> None:
    document = Document("d", "d.txt", "x" * 100, "h", "txt", furniture=[(0, 10, "nav"), (50, 60, "ad"), (55, 70, "ad")])
    assert [document.is_furniture(*span) for span in [(0, 10), (10, 50), (48, 60), (65, 95), (40, 80)]] == [
        True, False, True, False, True,
    ]  # fmt: skip
    document.furniture.append((20, 40, "caption"))
    assert document.is_furniture(20, 40)
    sent = pickle.loads(pickle.dumps(document))
    assert "_furniture_index" not in sent.__dict__ and sent == document and sent.is_furniture(20, 40)


NAMES = [("Kyiv", (50, 54)), ("Moscow", (0, 6)), ("Tehran", (20, 26)), ("Iran", (20, 24)), ("the Kremlin", (10, 21))]


def test_spans_are_found_by_position_and_returned_in_the_given_order() -> None:
    spans = Spans(NAMES, lambda item: item[1])
    assert [n for n, _ in spans.inside(0, 30)] == ["Moscow", "Tehran", "Iran", "the Kremlin"]
    assert [n for n, _ in spans.inside(12, 26)] == ["Tehran", "Iran"]
    assert [n for n, _ in spans.holding(20, 21)] == ["Tehran", "Iran", "the Kremlin"]
    assert [n for n, _ in spans.holding(24, 26)] == ["Tehran"]


def test_every_span_answer_equals_a_scan_of_all_items() -> None:
    spans = Spans(NAMES, lambda item: item[1])
    for start in range(0, 60):
        for end in range(start + 1, 62, 3):
            assert spans.inside(start, end) == [x for x in NAMES if start <= x[1][0] and x[1][1] <= end]
            assert spans.holding(start, end) == [x for x in NAMES if x[1][0] <= start and end <= x[1][1]]


def test_trimmed_drops_the_given_characters_at_each_end() -> None:
    text = ", “said it.” "
    assert trimmed(text, 0, len(text), " ,“”") == (3, 11)
    assert trimmed(text, 0, len(text), " ,“”", " ”.") == (3, 10)
    assert trimmed("   ", 0, 3, " ") == (3, 3)

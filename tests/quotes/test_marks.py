"""Quotation marks: closed quotes, and quotes running on over paragraphs grouped as one."""

from __future__ import annotations

from dragoman.quotes.marks import quote_spans


def pieces(text: str) -> list[tuple[str, int]]:
    return [(text[q.start : q.end], q.group) for q in quote_spans(text)]


def test_closed_quotes_each_their_own_group() -> None:
    text = '“We are ready,” the envoy said. Then he added: "The door is open."'
    assert pieces(text) == [("We are ready,", 0), ("The door is open.", 1)]


def test_a_quote_left_open_at_a_paragraph_end_runs_on() -> None:
    text = (
        "“The harvest was poor this year. Prices will rise.\n\n"
        "“We ask our neighbours for patience,” the minister said.\n\n"
        "Markets fell on the news."
    )
    assert pieces(text) == [
        ("The harvest was poor this year. Prices will rise.", 0),
        ("We ask our neighbours for patience,", 0),
    ]


def test_a_run_over_three_paragraphs_with_straight_marks() -> None:
    text = '"First part of the speech.\n"Second part.\n"Last part," she said.'
    assert pieces(text) == [("First part of the speech.", 0), ("Second part.", 0), ("Last part,", 0)]


def test_a_paragraph_that_does_not_open_again_ends_the_run() -> None:
    text = "“An opening with no close.\nA plain paragraph with “a quote” inside."
    assert pieces(text) == [("An opening with no close.", 0), ("a quote", 1)]

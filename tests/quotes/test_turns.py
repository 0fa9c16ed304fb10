"""Transcript turns and signed quotes by their layout alone (no parse)."""

from __future__ import annotations

from dragoman.quotes.turns import Turn, signed_quotes, transcript_turns


def spans(text: str, turns: list[Turn]) -> list[tuple[str, str, bool]]:
    return [(text[t.label[0] : t.label[1]], text[t.content[0] : t.content[1]], t.capitals) for t in turns]


def test_transcript_turns_in_capitals_and_in_a_quoted_transcript() -> None:
    text = (
        "The minister spoke to the press in Moscow.\n\n"
        "LAVROV: We have said this many times to our partners.\n\n"
        '"QUESTION: Will the talks resume next month?\n\n'
        "Note: ok.\n"
    )
    assert spans(text, transcript_turns(text)) == [
        ("LAVROV", "We have said this many times to our partners.", True),
        ("QUESTION", "Will the talks resume next month?", True),
    ]


def test_a_title_case_label_is_found_and_left_to_the_extractor() -> None:
    text = "Zakharova: the sanctions will fail as they always have."
    assert spans(text, transcript_turns(text)) == [("Zakharova", "the sanctions will fail as they always have.", False)]


def test_quote_signed_on_its_line_and_on_the_next() -> None:
    text = (
        "Readers wrote to us.\n"
        "“The embargo hurts ordinary families first.” \u2015 Leila Karimi\n"
        "“Nobody asked the farmers what they needed.”\n"
        "\u2014 Omid Rahimi\n"
    )
    assert spans(text, signed_quotes(text)) == [
        ("Leila Karimi", "The embargo hurts ordinary families first.", False),
        ("Omid Rahimi", "Nobody asked the farmers what they needed.", False),
    ]


def test_an_embedded_post_is_signed_by_its_handle() -> None:
    text = "Talks in Vienna ended without a date for the next round.\n\u2014 Ali Bagheri (@Bagheri_Ali) June 2, 2022\n"
    assert spans(text, signed_quotes(text)) == [
        ("Ali Bagheri", "Talks in Vienna ended without a date for the next round.", False)
    ]


def test_a_dash_before_a_name_in_running_prose_signs_nothing() -> None:
    text = "The envoy met his counterpart \u2014 Sergey Ryabkov\n"
    assert signed_quotes(text) == []

"""Headline attributions found by their form, without the parse."""

from __future__ import annotations

from dragoman.domain.records import Document, Sentence, Statement
from dragoman.quotes.headlines import headline_of, labelled, restated


def document(text: str) -> Document:
    return Document("h", "h.txt", text, "h", "txt")


def sentence(text: str, start: int = 0, index: int = 0) -> Sentence:
    return Sentence("h", index, start, start + len(text), text)


def statement(content: str, start: int) -> Statement:
    return Statement(
        "q",
        "h",
        1,
        "indirect",
        None,
        "the envoy",
        "said",
        content,
        start,
        start + len(content),
        start,
        start + len(content),
        "t",
        0.8,
    )


def test_headline_is_a_short_first_line_without_a_full_stop() -> None:
    text = "Ports Reopen After Strike\n\nThe dockers went back to work on Monday."
    first = sentence("Ports Reopen After Strike")
    assert headline_of(document(text), [first, sentence("The dockers went back to work on Monday.", 27, 1)]) == first
    assert headline_of(document("One line only."), [sentence("One line only.")]) is None


def test_speaker_before_a_colon_and_after_a_dash() -> None:
    text = "Kremlin: grain deal is over"
    (speaker, content) = labelled(sentence(text)) or ((0, 0), (0, 0))
    assert (text[slice(*speaker)], text[slice(*content)]) == ("Kremlin", "grain deal is over")
    text = "Ceasefire holds in the north -- State TV (Reuters)"
    (speaker, content) = labelled(sentence(text)) or ((0, 0), (0, 0))
    assert (text[slice(*speaker)], text[slice(*content)]) == ("State TV", "Ceasefire holds in the north")
    assert labelled(sentence("Talks go on in Doha")) is None


def test_headline_restating_the_lead() -> None:
    head = sentence("Envoy Brokers Truce in Border Province")
    lead = statement("the government had brokered a truce in the border province", 60)
    other = statement("prices of bread rose again", 60)
    assert restated(head, [lead]) is lead
    assert restated(head, [other]) is None

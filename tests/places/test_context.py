"""A place carried over from the sentence before (basis "context"): only in the same paragraph,
only for the same actors, only for events that happen at one place."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dragoman.domain.records import Document

pytestmark = pytest.mark.slow

Places = Callable[[str], list[tuple[str, object]]]


@pytest.fixture(scope="module")
def places() -> Places:
    from dragoman.pipeline.process import DocumentProcessor, ProcessorConfig

    # The rule coder, so the events are fixed and only the place is under test.
    processor = DocumentProcessor(ProcessorConfig(stages=("parse", "actors", "agents", "events-rules", "places")))

    def run(text: str) -> list[tuple[str, object]]:
        document = Document(doc_id="c", path="c.txt", text=text, content_hash="c", source_format="txt")
        [result] = processor.process([document])
        return [
            (e.type, (e.location.name, e.location.basis, e.location.text) if e.location else None)
            for e in result.events
        ]

    return run


def test_the_place_of_a_visit_carries_to_the_next_sentence(places: Places) -> None:
    assert places("The Indian prime minister visited Tokyo on Monday. He signed a defence agreement with Japan.") == [
        ("CONSULT", ("Tokyo", "clause", "Tokyo")),
        ("AGREE", ("Tokyo", "context", "Tokyo")),
    ]


def test_a_journey_without_an_event_gives_its_place(places: Places) -> None:
    assert places("The Chinese defence minister came to Phnom Penh. There he met Cambodian commanders.") == [
        ("CONSULT", ("Phnom Penh", "context", "to Phnom Penh")),
    ]


def test_not_across_a_paragraph(places: Places) -> None:
    text = "The Indian prime minister visited Tokyo on Monday.\n\nThe Indian prime minister signed a defence pact."
    assert places(text)[1] == ("AGREE", None)


def test_not_for_other_actors(places: Places) -> None:
    text = "The Indian prime minister visited Tokyo on Monday. Pakistan signed a trade agreement with China."
    assert places(text)[1] == ("AGREE", None)


def test_not_for_a_request(places: Places) -> None:
    text = "The Indian prime minister visited Tokyo on Monday. He urged Japan to invest more."
    assert places(text)[1] == ("REQUEST", None)
